"""The cryptographic building blocks: round trips, and refusals when anything is wrong."""

import pytest
from nacl.public import PrivateKey

from .. import crypto
from ..receipts import receipt_format, receipt_generate, receipt_parse


def test_secretbox_round_trip_and_tampering():
    key = crypto.new_key()
    sealed = crypto.encrypt(key, "الرشوة".encode())
    assert "الرشوة".encode() not in sealed
    assert crypto.decrypt(key, sealed).decode() == "الرشوة"
    with pytest.raises(crypto.CryptoError):
        crypto.decrypt(crypto.new_key(), sealed)
    tampered = bytearray(sealed)
    tampered[-1] ^= 1
    with pytest.raises(crypto.CryptoError):
        crypto.decrypt(key, bytes(tampered))


def test_json_round_trip_keeps_unicode():
    key = crypto.new_key()
    value = {"facts": "ⵜⴰⵎⴰⵣⵉⵖⵜ et français", "amount": "1200"}
    assert crypto.decrypt_json(key, crypto.encrypt_json(key, value)) == value


def test_receipt_keys_are_deterministic_and_distinct():
    lookup, key = crypto.receipt_keys("1234567812345678")
    assert (lookup, key) == crypto.receipt_keys("1234567812345678")
    assert lookup != key and len(lookup) == len(key) == 32
    other_lookup, other_key = crypto.receipt_keys("1234567812345679")
    assert other_lookup != lookup and other_key != key


def test_receipt_keys_depend_on_the_claims_secret(settings):
    before = crypto.receipt_keys("1234567812345678")
    settings.CLAIMS_SECRET = "another secret of the operator, long enough"
    assert crypto.receipt_keys("1234567812345678") != before


def test_handler_key_pair_opens_only_with_its_password():
    public, salt, wrapped = crypto.keypair_create("first password 1")
    private = crypto.private_key_unwrap(wrapped, "first password 1", salt)
    assert bytes(private.public_key) == public
    with pytest.raises(crypto.CryptoError):
        crypto.private_key_unwrap(wrapped, "first password 2", salt)
    rewrapped = crypto.private_key_wrap(private, "second password", salt)
    assert bytes(crypto.private_key_unwrap(rewrapped, "second password", salt)) == bytes(private)


def test_sealed_box_opens_only_with_the_matching_private_key():
    private = PrivateKey.generate()
    sealed = crypto.seal(bytes(private.public_key), b"claim key")
    assert crypto.unseal(private, sealed) == b"claim key"
    with pytest.raises(crypto.CryptoError):
        crypto.unseal(PrivateKey.generate(), sealed)


def test_escrow_key_pair_round_trip(settings):
    public, private = crypto.escrow_keypair_create()
    settings.CLAIMS_ESCROW_PUBLIC_KEY = public
    sealed = crypto.seal(crypto.escrow_public_key(), b"k")
    assert crypto.unseal(crypto.private_key_load(crypto.unb64(private)), sealed) == b"k"
    settings.CLAIMS_ESCROW_PUBLIC_KEY = ""
    assert crypto.escrow_public_key() is None


def test_tokens_expire_and_resist_forgery(monkeypatch):
    token = crypto.token_create({"claim": 7}, purpose="follow", lifetime=60)
    assert crypto.token_read(token, purpose="follow")["claim"] == 7
    assert crypto.token_read(token, purpose="proof") is None  # another purpose, another key
    assert crypto.token_read(token[:-2] + "AA", purpose="follow") is None
    assert crypto.token_read("not a token at all", purpose="follow") is None
    now = crypto.time.time()
    monkeypatch.setattr(crypto.time, "time", lambda: now + 61)
    assert crypto.token_read(token, purpose="follow") is None


def test_signature_verifies_and_detects_changes():
    signature = crypto.sign("2026-ABCDEFGH|2026-11-23T20:00:00+00:00")
    assert crypto.verify("2026-ABCDEFGH|2026-11-23T20:00:00+00:00", signature)
    assert not crypto.verify("2026-ABCDEFGH|2026-11-23T20:00:01+00:00", signature)
    assert not crypto.verify("2026-ABCDEFGH|2026-11-23T20:00:00+00:00", "bm90IGEgc2lnbmF0dXJl")
    assert not crypto.verify("x", "%%%")


def test_receipts_have_sixteen_digits_and_read_back_in_any_usual_form():
    receipt = receipt_generate()
    assert len(receipt) == 16 and receipt.isdigit()
    assert receipt_format("1234567890123456") == "1234 5678 9012 3456"
    for text in (
        "1234 5678 9012 3456",
        "1234-5678-9012-3456",
        "١٢٣٤ ٥٦٧٨ ٩٠١٢ ٣٤٥٦",
        "۱۲۳۴۵۶۷۸۹۰۱۲۳۴۵۶",
        " 1234567890123456 ",
    ):
        assert receipt_parse(text) == "1234567890123456"
    for text in ("123456789012345", "12345678901234567", "1234 5678 9012 345x", "", None, "٣" * 80):
        assert receipt_parse(text) is None
