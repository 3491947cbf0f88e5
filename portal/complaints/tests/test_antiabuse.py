"""Anti-abuse: per-client counters keyed on a daily HMAC of the address (never the address),
single-use signed challenges and their proof-of-work, the bound on parallel Argon2id derivations,
and the warnings about a proxy the portal does not know of."""

import datetime
import hashlib
import itertools
import logging
import threading
from unittest import mock

import pytest
from django.core import checks
from django.core.cache import cache
from django.test import RequestFactory

from .. import antiabuse

NOON = datetime.datetime(2026, 5, 15, 12, 0, tzinfo=datetime.UTC).timestamp()
IP = "203.0.113.7"
OTHER_IP = "198.51.100.23"
IPV6 = "2001:db8:4:7:a1b2:c3d4:e5f6:1"


def request_from(address):
    return RequestFactory().post("/", REMOTE_ADDR=address)


def at(timestamp):
    """Freezes the clock of the counters and of the challenges' signatures."""
    return mock.patch("time.time", return_value=timestamp)


def hits(address, count, *, scope="file", limit=3, window=3600):
    """The answers of `count` attempts from `address`."""
    request = request_from(address)
    return [antiabuse.hit(request, scope, limit=limit, window=window) for _ in range(count)]


def test_limit_is_per_scope_and_per_client():
    request, other = request_from(IP), request_from(OTHER_IP)
    with at(NOON):
        assert [antiabuse.hit(request, "file", limit=3, window=3600) for _ in range(4)] == [
            True,
            True,
            True,
            False,
        ]
        assert not antiabuse.hit(request, "file", limit=3, window=3600)
        assert antiabuse.hit(other, "file", limit=3, window=3600)
        assert antiabuse.hit(request, "follow", limit=3, window=3600)


def test_window_ends_and_retry_after_counts_down_to_it():
    request = request_from(IP)
    with at(NOON + 60):
        antiabuse.hit(request, "follow", limit=1, window=900)
        assert not antiabuse.hit(request, "follow", limit=1, window=900)
        assert antiabuse.retry_after("follow", window=900) == 840
    with at(NOON + 899):
        assert not antiabuse.hit(request, "follow", limit=1, window=900)
        assert antiabuse.retry_after("follow", window=900) == 1
    with at(NOON + 900):
        assert antiabuse.hit(request, "follow", limit=1, window=900)
        assert not antiabuse.hit(request, "follow", limit=1, window=900)


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
        antiabuse.hit(request_from(IPV6), "follow", limit=3, window=900)
    assert keys
    forms = [IP, IP.replace(".", ""), IPV6, "2001:db8:4:7::/64", "2001:db8:4:7::"]
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
    assert all(hits(IP, 5, limit=1, window=60))


def test_ipv6_addresses_count_by_their_64_network():
    with at(NOON):
        assert hits(IPV6, 3) == [True, True, True]
        # Another address of the same /64 (one subscriber's line): the same counter.
        assert hits("2001:db8:4:7::2", 1) == [False]
        assert hits("2001:0DB8:0004:0007:ffff:ffff:ffff:ffff", 1) == [False]
        # The next /64: another client.
        assert hits("2001:db8:4:8::1", 3) == [True, True, True]


def test_ipv4_addresses_count_whole_and_mapped_ones_as_ipv4():
    with at(NOON):
        assert hits(IP, 3) == [True, True, True]
        assert hits(f"::ffff:{IP}", 1) == [False]  # the same IPv4 client, through IPv6
        assert hits("203.0.113.8", 3) == [True, True, True]  # the next address: another client
        assert hits("::ffff:203.0.113.9", 3) == [True, True, True]
        assert hits("203.0.113.9", 1) == [False]


def test_the_address_comes_from_the_trusted_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    first = RequestFactory().post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=IP)
    second = RequestFactory().post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=OTHER_IP)
    with at(NOON):
        assert antiabuse.hit(first, "file", limit=1, window=60)
        assert not antiabuse.hit(first, "file", limit=1, window=60)
        assert antiabuse.hit(second, "file", limit=1, window=60)


def test_without_a_trusted_proxy_x_forwarded_for_is_ignored(settings):
    """Otherwise a client would choose the address it is counted under."""
    settings.TRUSTED_PROXY_COUNT = 0
    with at(NOON):
        for forwarded in (IP, OTHER_IP, f"{IP}, {OTHER_IP}", IPV6):
            request = RequestFactory().post(
                "/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR=forwarded
            )
            antiabuse.hit(request, "file", limit=4, window=60)
        assert hits("192.0.2.1", 1, limit=4, window=60) == [False]
        assert hits(IP, 1, limit=4, window=60) == [True]


# --- A proxy the portal does not know of


@pytest.fixture
def proxy_warning(caplog):
    """The warnings logged about a proxy, from a process that has logged none yet."""
    antiabuse._warn_proxied_once.cache_clear()
    caplog.set_level(logging.WARNING, logger=antiabuse.__name__)
    yield lambda: [r for r in caplog.records if "TRUSTED_PROXY_COUNT" in r.getMessage()]
    antiabuse._warn_proxied_once.cache_clear()


def proxied(remote="127.0.0.1", forwarded=IP):
    return RequestFactory().post("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)


def test_a_proxy_unknown_to_the_settings_is_logged_once_without_address(settings, proxy_warning):
    settings.TRUSTED_PROXY_COUNT = 0
    for remote, forwarded in (("127.0.0.1", IP), ("10.1.2.3", OTHER_IP), ("::1", IPV6)):
        antiabuse.hit(proxied(remote, forwarded), "file", limit=10, window=60)
    [record] = proxy_warning()
    assert record.levelno == logging.WARNING
    message = record.getMessage()
    assert "Set TRUSTED_PROXY_COUNT" in message
    assert not any(address in message for address in ("127.0.0.1", "10.1.2.3", IP, OTHER_IP))


@pytest.mark.parametrize(
    ("count", "request_of"),
    [
        (1, lambda: proxied()),
        # (Documentation addresses such as 192.0.2.1 count as private for `ipaddress`.)
        (0, lambda: proxied(remote="41.250.0.7")),
        (0, lambda: request_from("127.0.0.1")),
    ],
    ids=["proxy-known", "public-client-sending-its-own-header", "local-client-without-proxy"],
)
def test_no_proxy_warning_otherwise(settings, proxy_warning, count, request_of):
    settings.TRUSTED_PROXY_COUNT = count
    antiabuse.hit(request_of(), "file", limit=10, window=60)
    assert not proxy_warning()


def deploy_warnings():
    found = checks.run_checks(tags=[checks.Tags.security], include_deployment_checks=True)
    return [message for message in found if message.id == "complaints.W001"]


def test_deploy_check_warns_when_behind_a_proxy_with_no_trusted_proxy(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")  # as in production
    settings.TRUSTED_PROXY_COUNT = 0
    [warning] = deploy_warnings()
    assert warning.level == checks.WARNING
    assert "TRUSTED_PROXY_COUNT" in warning.msg and "Set TRUSTED_PROXY_COUNT" in warning.hint
    assert not [
        message
        for message in checks.run_checks(tags=[checks.Tags.security])
        if message.id == "complaints.W001"
    ]  # a deploy check only
    settings.TRUSTED_PROXY_COUNT = 1
    assert not deploy_warnings()


def test_no_deploy_warning_without_a_proxy(settings):
    settings.SECURE_PROXY_SSL_HEADER = None
    settings.TRUSTED_PROXY_COUNT = 0
    assert not deploy_warnings()


# --- Argon2id derivations at once


def test_derivations_at_once_are_bounded(settings, monkeypatch):
    settings.CLAIMS_ARGON2_CONCURRENCY = 2
    monkeypatch.setattr(antiabuse, "SLOT_WAIT", 0.05)
    with antiabuse.derivation_slot(), antiabuse.derivation_slot():
        with pytest.raises(antiabuse.Busy), antiabuse.derivation_slot():
            raise AssertionError("a third derivation ran")  # pragma: no cover
        # Another thread of the same process waits for the same slots.
        answers = []

        def derive():
            try:
                with antiabuse.derivation_slot():
                    answers.append("derived")
            except antiabuse.Busy:
                answers.append("busy")

        thread = threading.Thread(target=derive)
        thread.start()
        thread.join()
        assert answers == ["busy"]
    with pytest.raises(RuntimeError), antiabuse.derivation_slot():
        raise RuntimeError  # a derivation that fails gives its slot back
    with antiabuse.derivation_slot(), antiabuse.derivation_slot():
        pass
