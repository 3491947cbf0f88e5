"""Where a handler's private key waits between requests once unlocked: encrypted in the session
with a random key that only the browser holds, in a cookie sent to the claims workspace alone.
The session store alone, or the cookie alone, opens nothing; signing out (which flushes the
session) or closing the browser (the cookie lives for the browser session) forgets it."""

import base64
import binascii

from django.conf import settings

from . import crypto

SESSION_KEY = "claims_keyring"
COOKIE_NAME = "claims_keyring"
COOKIE_PATH = "/admin/claims/"


def _encode(data):
    return base64.urlsafe_b64encode(bytes(data)).decode().rstrip("=")


def _decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def keyring_store(request, response, private_key):
    """Keeps the private key for this browser session: the ciphertext in the session, its key
    in an HttpOnly, SameSite=Strict cookie limited to the workspace."""
    wrapping = crypto.new_key()
    request.session[SESSION_KEY] = {
        "user": request.user.pk,
        "sealed": _encode(crypto.encrypt(wrapping, bytes(private_key))),
    }
    response.set_cookie(
        COOKIE_NAME,
        _encode(wrapping),
        path=COOKIE_PATH,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Strict",
    )
    return response


def keyring_load(request):
    """The handler's private key, or None when it is not unlocked in this browser session (or
    either half is missing, altered, or belongs to another user)."""
    stored = request.session.get(SESSION_KEY)
    cookie = request.COOKIES.get(COOKIE_NAME)
    if not isinstance(stored, dict) or not cookie or stored.get("user") != request.user.pk:
        return None
    try:
        raw = crypto.decrypt(_decode(cookie), _decode(stored.get("sealed", "")))
        return crypto.private_key_load(raw)
    except (binascii.Error, ValueError, TypeError, crypto.CryptoError):
        return None


def keyring_clear(request, response):
    """Forgets the key: both halves."""
    request.session.pop(SESSION_KEY, None)
    response.delete_cookie(COOKIE_NAME, path=COOKIE_PATH, samesite="Strict")
    return response
