"""Anti-abuse for the reporter's pages, without accounts, cookies or kept addresses.

- A honeypot field that people never see (`HONEYPOT_FIELD`).
- A signed, timestamped, single-use challenge in the claim form: a form is filed at most once,
  and a browser with JavaScript solves a small proof-of-work on it (static/complaints/pow.js),
  which earns a higher daily limit than a client without JavaScript.
- Counters per client and scope in the default cache, in fixed windows. The client is known
  only by an HMAC of its address under a key derived from the claims secret and the current UTC
  date: the key changes every day, the address is never stored or logged, and a counter never
  lives longer than its window or past the end of the day. An IPv4 address counts whole, an
  IPv6 address by its /64 network (what one subscriber's line usually gets), and an IPv4-mapped
  IPv6 address as the IPv4 address it maps.
- A bound on the Argon2id derivations (64 MiB each for a receipt) that one process runs at once:
  a flood waits a moment, then is answered "busy", instead of exhausting the memory.

The address is the one `portal.users.throttle.client_ip` reads: `REMOTE_ADDR`, or behind
TRUSTED_PROXY_COUNT proxies the address the outermost of them saw. With the default of 0 behind a
proxy, every reporter would have the proxy's address and share its counters: `check --deploy`
warns about it (complaints.W001), and so does the log, once per process, when requests come from
a private address with an X-Forwarded-For header while TRUSTED_PROXY_COUNT is 0.
"""

import contextlib
import datetime
import functools
import hashlib
import hmac
import ipaddress
import logging
import secrets
import threading
import time

from django.conf import settings
from django.core import checks, signing
from django.core.cache import cache

from portal.users.throttle import client_ip

logger = logging.getLogger(__name__)

HONEYPOT_FIELD = "website"
CHALLENGE_SECONDS = 2 * 60 * 60
CHALLENGE_MAX_LENGTH = 200
SOLUTION_MAX_LENGTH = 32
DAY = 24 * 60 * 60
IPV6_PREFIX = 64
SLOT_WAIT = 2  # seconds a request waits for a derivation slot before it is answered "busy"


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


def _client_bucket(request):
    """What the counters know a client by: its IPv4 address, or its IPv6 /64 network (an
    IPv4-mapped IPv6 address is the IPv4 address it maps). Anything that is no address is kept
    as it is."""
    _warn_if_proxied(request)
    address = client_ip(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6 and ip.ipv4_mapped:
        return str(ip.ipv4_mapped)
    if ip.version == 6:
        return str(ipaddress.IPv6Network((int(ip), IPV6_PREFIX), strict=False))
    return str(ip)


def _counter(request, scope, window, now):
    """The cache key of this client's counter for the current window, and its time to live."""
    client = hmac.new(
        _day_key(now), f"{scope}\0{_client_bucket(request)}".encode(), hashlib.sha256
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


def _remaining(window, now):
    return max(1, window - int(now) % window)


def retry_after(scope, *, window):
    """Seconds until the current window of `scope` ends and its counters start again (windows
    are aligned on the epoch, so this is the same for every client)."""
    return _remaining(window, time.time())


# --- Argon2id derivations


class Busy(Exception):
    """Every derivation slot of this process stayed taken for SLOT_WAIT seconds."""


@functools.cache
def _slots(size):
    return threading.BoundedSemaphore(size)


@contextlib.contextmanager
def derivation_slot():
    """Holds one of the CLAIMS_ARGON2_CONCURRENCY slots of this process while an Argon2id
    derivation runs; raises Busy when none frees within SLOT_WAIT seconds."""
    slots = _slots(settings.CLAIMS_ARGON2_CONCURRENCY)
    if not slots.acquire(timeout=SLOT_WAIT):
        raise Busy
    try:
        yield
    finally:
        slots.release()


# --- The address behind a proxy

PROXY_RISK = (
    "every reporter then has the proxy's address, so they all share the claim forms' rate "
    "limits (and sign-in throttling applies to everyone at once)."
)
PROXY_HINT = (
    "Set TRUSTED_PROXY_COUNT to the number of proxies that append to X-Forwarded-For (1 behind "
    "nginx configured as in docs/deployment.md)."
)


@functools.cache
def _warn_proxied_once():
    logger.warning(
        "Requests come from a private address with an X-Forwarded-For header, but "
        "TRUSTED_PROXY_COUNT is 0: %s %s",
        PROXY_RISK,
        PROXY_HINT,
    )


def _warn_if_proxied(request):
    """Logs a warning once per process when a request comes from a private or loopback
    address with an X-Forwarded-For header while TRUSTED_PROXY_COUNT is 0 (the address is not
    logged). X-Forwarded-For alone would not tell: any client can send one."""
    if settings.TRUSTED_PROXY_COUNT or "HTTP_X_FORWARDED_FOR" not in request.META:
        return
    try:
        remote = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return
    if remote.is_private:
        _warn_proxied_once()


def check_trusted_proxy(app_configs, **kwargs):
    """Deploy check: settings that trust a TLS-terminating proxy's X-Forwarded-Proto
    (SECURE_PROXY_SSL_HEADER, as in production) with TRUSTED_PROXY_COUNT = 0."""
    if settings.SECURE_PROXY_SSL_HEADER and not settings.TRUSTED_PROXY_COUNT:
        message = (
            "SECURE_PROXY_SSL_HEADER says that the portal is served behind a TLS-terminating "
            f"proxy, but TRUSTED_PROXY_COUNT is 0: {PROXY_RISK}"
        )
        return [checks.Warning(message, hint=PROXY_HINT, id="complaints.W001")]
    return []
