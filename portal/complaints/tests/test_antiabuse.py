"""Anti-abuse: per-client counters keyed on a daily HMAC of the address (never the address),
single-use signed challenges and their proof-of-work."""

import datetime
import hashlib
import itertools
from unittest import mock

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from .. import antiabuse

NOON = datetime.datetime(2026, 5, 15, 12, 0, tzinfo=datetime.UTC).timestamp()
IP = "203.0.113.7"
OTHER_IP = "198.51.100.23"


def request_from(address):
    return RequestFactory().post("/", REMOTE_ADDR=address)


def at(timestamp):
    """Freezes the clock of the counters and of the challenges' signatures."""
    return mock.patch("time.time", return_value=timestamp)


def test_limit_is_per_scope_and_per_client():
    request, other = request_from(IP), request_from(OTHER_IP)
    with at(NOON):
        assert [antiabuse.hit(request, "file", limit=3, window=3600) for _ in range(4)] == [
            True,
            True,
            True,
            False,
        ]
        assert antiabuse.blocked(request, "file", limit=3, window=3600)
        assert not antiabuse.blocked(other, "file", limit=3, window=3600)
        assert antiabuse.hit(other, "file", limit=3, window=3600)
        assert not antiabuse.blocked(request, "follow", limit=3, window=3600)
        assert antiabuse.hit(request, "follow", limit=3, window=3600)


def test_blocked_counts_nothing():
    request = request_from(IP)
    with at(NOON):
        for _ in range(10):
            assert not antiabuse.blocked(request, "follow", limit=2, window=900)
        assert antiabuse.hit(request, "follow", limit=2, window=900)
        assert not antiabuse.blocked(request, "follow", limit=2, window=900)
        assert antiabuse.hit(request, "follow", limit=2, window=900)
        assert antiabuse.blocked(request, "follow", limit=2, window=900)


def test_window_ends_and_retry_after_counts_down_to_it():
    request = request_from(IP)
    with at(NOON + 60):
        antiabuse.hit(request, "follow", limit=1, window=900)
        assert not antiabuse.hit(request, "follow", limit=1, window=900)
        assert antiabuse.retry_after("follow", window=900) == 840
    with at(NOON + 899):
        assert antiabuse.blocked(request, "follow", limit=1, window=900)
        assert antiabuse.retry_after("follow", window=900) == 1
    with at(NOON + 900):
        assert not antiabuse.blocked(request, "follow", limit=1, window=900)
        assert antiabuse.hit(request, "follow", limit=1, window=900)


def test_counters_never_outlive_their_window_or_the_day():
    request = request_from(IP)
    timeouts = []
    original_add = cache.add

    def add(key, value, timeout=None, **kwargs):
        timeouts.append(timeout)
        return original_add(key, value, timeout=timeout, **kwargs)

    late = datetime.datetime(2026, 5, 15, 23, 59, 30, tzinfo=datetime.UTC).timestamp()
    with mock.patch.object(antiabuse.cache, "add", side_effect=add):
        with at(NOON + 60):
            antiabuse.hit(request, "follow", limit=5, window=900)
        with at(late):
            antiabuse.hit(request, "file", limit=5, window=antiabuse.DAY)
            antiabuse.hit(request, "weekly", limit=5, window=7 * antiabuse.DAY)
    assert timeouts == [840, 30, 30]


def test_the_client_key_changes_every_day():
    request = request_from(IP)
    week = 7 * antiabuse.DAY
    tomorrow = NOON + antiabuse.DAY
    assert NOON // week == tomorrow // week  # the same week-long window
    with mock.patch.object(antiabuse, "_remaining", return_value=week), at(NOON):
        assert antiabuse.hit(request, "file", limit=1, window=week)
        assert not antiabuse.hit(request, "file", limit=1, window=week)
    with mock.patch.object(antiabuse, "_remaining", return_value=week), at(tomorrow):
        # The counter would still be there, but yesterday's client key cannot find it.
        assert antiabuse.hit(request, "file", limit=1, window=week)
        assert not antiabuse.hit(request, "file", limit=1, window=week)


def test_cache_keys_hold_neither_the_address_nor_a_plain_hash_of_it():
    keys = []
    original = {name: getattr(cache, name) for name in ("add", "incr", "touch", "get")}

    def spy(name):
        def call(key, *args, **kwargs):
            keys.append(key)
            return original[name](key, *args, **kwargs)

        return call

    patches = [mock.patch.object(antiabuse.cache, name, side_effect=spy(name)) for name in original]
    with at(NOON), patches[0], patches[1], patches[2], patches[3]:
        antiabuse.hit(request_from(IP), "file", limit=3, window=3600)
        antiabuse.blocked(request_from(IP), "follow", limit=3, window=900)
    assert keys
    forms = [IP, IP.replace(".", "")]
    plain = [
        hashlib.new(algorithm, value.encode()).hexdigest()
        for algorithm, value in itertools.product(
            ("md5", "sha1", "sha256", "sha512", "blake2b", "sha3_256"), forms
        )
    ]
    for key in keys:
        assert not any(value in key for value in forms)
        assert not any(digest[:16] in key for digest in plain)


def test_rate_limit_can_be_turned_off(settings):
    settings.CLAIMS_RATE_LIMIT = False
    request = request_from(IP)
    assert all(antiabuse.hit(request, "file", limit=1, window=60) for _ in range(5))
    assert not antiabuse.blocked(request, "file", limit=1, window=60)


def test_the_address_comes_from_the_trusted_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    first = RequestFactory().post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=IP)
    second = RequestFactory().post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=OTHER_IP)
    with at(NOON):
        assert antiabuse.hit(first, "file", limit=1, window=60)
        assert not antiabuse.hit(first, "file", limit=1, window=60)
        assert antiabuse.hit(second, "file", limit=1, window=60)


# --- Challenges


def test_a_challenge_is_consumed_once():
    challenge = antiabuse.challenge_issue()
    assert challenge != antiabuse.challenge_issue()
    assert antiabuse.challenge_consume(challenge)
    assert not antiabuse.challenge_consume(challenge)


def test_a_forged_or_altered_challenge_is_refused(settings):
    challenge = antiabuse.challenge_issue()
    value, timestamp, signature = challenge.split(":")
    assert not antiabuse.challenge_consume(f"{value}x:{timestamp}:{signature}")
    assert not antiabuse.challenge_consume(f"{value}:{timestamp}:{signature[:-2]}AA")
    assert not antiabuse.challenge_consume("")
    assert not antiabuse.challenge_consume("8.abc")
    assert not antiabuse.challenge_consume(challenge + "x" * 500)
    settings.CLAIMS_SECRET = "another operator's claims secret, long enough"
    assert not antiabuse.challenge_consume(challenge)


def test_an_expired_challenge_is_refused():
    with at(NOON):
        old, fresh = antiabuse.challenge_issue(), antiabuse.challenge_issue()
    with at(NOON + antiabuse.CHALLENGE_SECONDS - 5):
        assert antiabuse.challenge_consume(fresh)
    with at(NOON + antiabuse.CHALLENGE_SECONDS + 5):
        assert not antiabuse.challenge_consume(old)


def test_the_challenge_tells_the_script_how_many_bits(settings):
    settings.CLAIMS_POW_BITS = 12
    assert antiabuse.challenge_issue().startswith("12.")


def solve(challenge):
    for nonce in itertools.count():
        if antiabuse.pow_solved(challenge, str(nonce)):
            return str(nonce)
    raise AssertionError  # pragma: no cover


def leading_zero_bits(challenge, solution):
    digest = hashlib.sha256(f"{challenge}:{solution}".encode()).digest()
    return 256 - int.from_bytes(digest, "big").bit_length()


def test_pow_solved_checks_the_leading_zero_bits(settings):
    assert settings.CLAIMS_POW_BITS == 8
    challenge = antiabuse.challenge_issue()
    solution = solve(challenge)
    assert leading_zero_bits(challenge, solution) >= 8
    wrong = next(
        str(n) for n in itertools.count(int(solution) + 1) if leading_zero_bits(challenge, n) < 8
    )
    assert not antiabuse.pow_solved(challenge, wrong)
    assert not antiabuse.pow_solved(challenge, "")
    assert not antiabuse.pow_solved("", solution)
    assert not antiabuse.pow_solved(challenge, "0" * 40 + solution)


@pytest.mark.parametrize("bits", [1, 8, 12])
def test_pow_difficulty_follows_the_setting(settings, bits):
    settings.CLAIMS_POW_BITS = bits
    challenge = antiabuse.challenge_issue()
    solution = solve(challenge)
    assert leading_zero_bits(challenge, solution) >= bits
