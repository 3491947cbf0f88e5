"""The cryptography of claims, on libsodium (PyNaCl). Nothing else in the portal touches keys.

- Every claim has its own random key; its free text, contact details, messages, notes and
  attachments are encrypted with it (XSalsa20-Poly1305, `SecretBox`).
- That key is stored only sealed: to each authorised handler's public key (`SealedBox`), to the
  authority's escrow public key when one is configured, and under a key derived from the
  reporter's receipt with Argon2id.
- A handler's private key is stored encrypted under a key derived from their password with
  Argon2id.
- The receipt itself is never stored: the same Argon2id derivation gives a lookup value (kept,
  unique) and the receipt key (never kept). Its salt is derived from `CLAIMS_SECRET`, so a copy
  of the database alone cannot even test guesses.
"""

import base64
import hashlib
import json
import time

from django.conf import settings
from nacl import pwhash, utils
from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox
from nacl.secret import SecretBox
from nacl.signing import SigningKey, VerifyKey

KEY_BYTES = SecretBox.KEY_SIZE
SALT_BYTES = pwhash.argon2id.SALTBYTES

__all__ = ["CryptoError"]


def _derive(person):
    """A 32-byte key for one purpose, derived from CLAIMS_SECRET (BLAKE2b keyed hash)."""
    secret = (settings.CLAIMS_SECRET or settings.SECRET_KEY).encode()
    return hashlib.blake2b(b"", key=secret[:64], person=person, digest_size=32).digest()


def argon2id(secret, salt, *, purpose):
    """Argon2id of a receipt or a password; the cost comes from CLAIMS_ARGON2[purpose]."""
    opslimit, memlimit = settings.CLAIMS_ARGON2[purpose]
    return pwhash.argon2id.kdf(KEY_BYTES, secret, salt, opslimit=opslimit, memlimit=memlimit)


def new_key():
    return utils.random(KEY_BYTES)


def new_salt():
    return utils.random(SALT_BYTES)


def encrypt(key, data):
    return bytes(SecretBox(key).encrypt(data))


def decrypt(key, data):
    """Raises CryptoError when the key is wrong or the data was altered."""
    return SecretBox(key).decrypt(bytes(data))


def encrypt_json(key, value):
    return encrypt(key, json.dumps(value, ensure_ascii=False).encode())


def decrypt_json(key, data):
    return json.loads(decrypt(key, data))


# --- Receipts


def receipt_keys(receipt):
    """`(lookup, key)` for a receipt in canonical form (its digits): one Argon2id derivation."""
    salt = _derive(b"receipt-salt")[:SALT_BYTES]
    master = argon2id(receipt.encode(), salt, purpose="receipt")
    lookup = hashlib.blake2b(master, person=b"claim-lookup", digest_size=32).digest()
    key = hashlib.blake2b(master, person=b"claim-key", digest_size=32).digest()
    return lookup, key


# --- Handlers' key pairs


def keypair_create(password):
    """A new key pair: `(public key, salt, private key encrypted under the password)`."""
    private = PrivateKey.generate()
    salt = new_salt()
    return bytes(private.public_key), salt, private_key_wrap(private, password, salt)


def private_key_wrap(private, password, salt):
    return encrypt(argon2id(password.encode(), salt, purpose="password"), bytes(private))


def private_key_unwrap(wrapped, password, salt):
    """The private key, or CryptoError when the password does not open it."""
    key = argon2id(password.encode(), salt, purpose="password")
    return PrivateKey(decrypt(key, wrapped))


def private_key_load(raw):
    return PrivateKey(bytes(raw))


def seal(public_key, data):
    return bytes(SealedBox(PublicKey(bytes(public_key))).encrypt(data))


def unseal(private_key, sealed):
    return SealedBox(private_key).decrypt(bytes(sealed))


def escrow_public_key():
    """The authority's recovery public key (CLAIMS_ESCROW_PUBLIC_KEY, base64), or None."""
    value = settings.CLAIMS_ESCROW_PUBLIC_KEY
    return base64.b64decode(value) if value else None


def escrow_keypair_create():
    """`(public, private)` in base64, for `manage.py claims_escrow generate`."""
    private = PrivateKey.generate()
    return (
        base64.b64encode(bytes(private.public_key)).decode(),
        base64.b64encode(bytes(private)).decode(),
    )


# --- Short-lived tokens that carry a key inside a form (never stored on the server)


def token_create(payload, *, purpose, lifetime):
    body = json.dumps({**payload, "exp": int(time.time()) + lifetime}).encode()
    box = SecretBox(_derive(purpose.encode()[:16]))
    return base64.urlsafe_b64encode(bytes(box.encrypt(body))).decode().rstrip("=")


def token_read(token, *, purpose):
    """The payload, or None when the token is malformed, forged or expired."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        payload = json.loads(SecretBox(_derive(purpose.encode()[:16])).decrypt(raw))
    except (ValueError, TypeError, CryptoError):
        return None
    if not isinstance(payload, dict) or payload.get("exp", 0) < time.time():
        return None
    return payload


def b64(data):
    return base64.b64encode(bytes(data)).decode()


def unb64(text):
    return base64.b64decode(text)


# --- Proof of filing


def signing_key():
    return SigningKey(_derive(b"proof-signature"))


def verify_key_b64():
    return base64.b64encode(bytes(signing_key().verify_key)).decode()


def sign(message):
    """A detached Ed25519 signature (base64) of a text."""
    return base64.b64encode(signing_key().sign(message.encode()).signature).decode()


def verify(message, signature):
    try:
        VerifyKey(bytes(signing_key().verify_key)).verify(
            message.encode(), base64.b64decode(signature)
        )
    except (ValueError, TypeError, CryptoError):
        return False
    return True
