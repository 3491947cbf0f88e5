"""Anti-abuse for the reporter's pages, without accounts, cookies or kept addresses.

- A honeypot field that people never see (`HONEYPOT_FIELD`).
- A signed, timestamped, single-use challenge in the claim form: a form is filed at most once,
  and a browser with JavaScript solves a small proof-of-work on it (static/complaints/pow.js),
  which earns a higher daily limit than a client without JavaScript.
- Counters per client and scope in the default cache, in fixed windows. The client is known
  only by an HMAC of its address under a key derived from the claims secret and the current UTC
  date: the key changes every day, the address is never stored or logged, and a counter never
  lives longer than its window or past the end of the day.
"""

import datetime
import hashlib
import hmac
import secrets
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache

from portal.users.throttle import client_ip

HONEYPOT_FIELD = "website"
CHALLENGE_SECONDS = 2 * 60 * 60
CHALLENGE_MAX_LENGTH = 200
SOLUTION_MAX_LENGTH = 32
DAY = 24 * 60 * 60


def _secret():
    return (settings.CLAIMS_SECRET or settings.SECRET_KEY).encode()


def _signer():
    return signing.TimestampSigner(key=_secret(), salt="claims-pow")


# --- The challenge and its proof-of-work


def challenge_issue():
    """A signed, timestamped random token. It starts with the number of proof-of-work bits and a
    dot ("18.…"), which tells the browser's script how much work to do."""
    return _signer().sign(f"{settings.CLAIMS_POW_BITS}.{secrets.token_urlsafe(16)}")


def _challenge_valid(challenge):
    if not challenge or len(challenge) > CHALLENGE_MAX_LENGTH:
        return False
    try:
        _signer().unsign(challenge, max_age=CHALLENGE_SECONDS)
    except signing.BadSignature:  # forged, altered or expired (SignatureExpired is a subclass)
        return False
    return True


def challenge_consume(challenge):
    """True once for a valid challenge that is not expired; False for any later use."""
    if not _challenge_valid(challenge):
        return False
    digest = hashlib.sha256(challenge.encode()).hexdigest()
    return cache.add(f"claims:challenge:{digest}", 1, timeout=CHALLENGE_SECONDS)


def pow_solved(challenge, solution):
    """Whether SHA-256 of "challenge:solution" starts with CLAIMS_POW_BITS zero bits."""
    if not challenge or not solution or len(solution) > SOLUTION_MAX_LENGTH:
        return False
    if len(challenge) > CHALLENGE_MAX_LENGTH:
        return False
    digest = hashlib.sha256(f"{challenge}:{solution}".encode()).digest()
    bits = settings.CLAIMS_POW_BITS
    return int.from_bytes(digest, "big") >> (256 - bits) == 0


# --- Counters


def _day_key(now):
    """The key of the current UTC day, derived from the claims secret."""
    day = datetime.datetime.fromtimestamp(now, datetime.UTC).date().isoformat()
    secret = hashlib.blake2b(_secret(), digest_size=64).digest()
    return hashlib.blake2b(day.encode(), key=secret, person=b"claims-ratelimit").digest()


def _counter(request, scope, window, now):
    """The cache key of this client's counter for the current window, and its time to live."""
    client = hmac.new(
        _day_key(now), f"{scope}\0{client_ip(request)}".encode(), hashlib.sha256
    ).hexdigest()[:32]
    bucket = int(now // window)
    timeout = min(_remaining(window, now), _remaining(DAY, now))
    return f"claims:hits:{scope}:{window}:{bucket}:{client}", timeout


def hit(request, scope, *, limit, window):
    """Counts one attempt of this client in `scope`; False once it has more than `limit` in the
    current window of `window` seconds."""
    if not settings.CLAIMS_RATE_LIMIT:
        return True
    key, timeout = _counter(request, scope, window, time.time())
    cache.add(key, 0, timeout=timeout)
    try:
        count = cache.incr(key)
    except ValueError:  # the counter expired between the two calls
        cache.add(key, 1, timeout=timeout)
        count = 1
    # Some backends (the file cache) give an incremented key the default timeout again.
    cache.touch(key, timeout)
    return count <= limit


def blocked(request, scope, *, limit, window):
    """Whether this client has already used its `limit` attempts in the current window; counts
    nothing."""
    if not settings.CLAIMS_RATE_LIMIT:
        return False
    key, _timeout = _counter(request, scope, window, time.time())
    return cache.get(key, 0) >= limit


def _remaining(window, now):
    return max(1, window - int(now) % window)


def retry_after(scope, *, window):
    """Seconds until the current window of `scope` ends and its counters start again (windows
    are aligned on the epoch, so this is the same for every client)."""
    return _remaining(window, time.time())
