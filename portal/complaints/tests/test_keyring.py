"""The unlocked private key is split between the session and a cookie (complaints/keyring.py)."""

import base64
from http.cookies import SimpleCookie

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.http import HttpResponse
from django.test import RequestFactory
from nacl.public import PrivateKey

from portal.core.testing import login_verified

from .. import keyring
from .factories import PASSWORD, handler_create

pytestmark = pytest.mark.django_db


class User:
    def __init__(self, pk):
        self.pk = pk


def _request(session, cookies=None, user_pk=1):
    request = RequestFactory().get("/admin/claims/")
    request.session = session
    request.user = User(user_pk)
    request.COOKIES.update(cookies or {})
    return request


def _stored():
    """`(session, cookie value, private key)` after a key was stored."""
    session = SessionStore()
    private = PrivateKey.generate()
    response = HttpResponse()
    keyring.keyring_store(_request(session), response, private)
    session.save()
    return session, response.cookies[keyring.COOKIE_NAME].value, private


def test_round_trip():
    session, cookie, private = _stored()
    loaded = keyring.keyring_load(_request(session, {keyring.COOKIE_NAME: cookie}))
    assert bytes(loaded) == bytes(private)


def test_the_cookie_is_strict_http_only_and_limited_to_the_workspace(settings):
    settings.SESSION_COOKIE_SECURE = True
    response = HttpResponse()
    keyring.keyring_store(_request(SessionStore()), response, PrivateKey.generate())
    morsel = response.cookies[keyring.COOKIE_NAME]
    assert morsel["httponly"] and morsel["secure"]
    assert morsel["samesite"] == "Strict"
    assert morsel["path"] == "/admin/claims/"
    assert not morsel["max-age"] and not morsel["expires"]  # gone with the browser session


def test_neither_half_alone_opens_it():
    session, cookie, private = _stored()
    assert keyring.keyring_load(_request(session)) is None  # the session store alone
    stolen = SessionStore(session_key=session.session_key)  # a copy of the session row
    assert keyring.keyring_load(_request(stolen)) is None
    assert keyring.keyring_load(_request(SessionStore(), {keyring.COOKIE_NAME: cookie})) is None
    # What the session holds is not the private key, nor anything the key opens directly.
    stored = session[keyring.SESSION_KEY]["sealed"]
    assert bytes(private) not in base64.urlsafe_b64decode(stored + "=" * (-len(stored) % 4))


@pytest.mark.parametrize(
    "tamper",
    [
        lambda value: value[:-2] + ("AA" if value[-2:] != "AA" else "BB"),
        lambda value: value + "x",
        lambda value: "!!!",
        lambda value: "",
        lambda value: base64.urlsafe_b64encode(b"short").decode(),
    ],
)
def test_a_tampered_cookie_opens_nothing(tamper):
    session, cookie, _ = _stored()
    assert keyring.keyring_load(_request(session, {keyring.COOKIE_NAME: tamper(cookie)})) is None


def test_another_users_session_opens_nothing():
    session, cookie, _ = _stored()
    request = _request(session, {keyring.COOKIE_NAME: cookie}, user_pk=2)
    assert keyring.keyring_load(request) is None


def test_clear_forgets_both_halves():
    session, cookie, _ = _stored()
    response = HttpResponse()
    keyring.keyring_clear(_request(session, {keyring.COOKIE_NAME: cookie}), response)
    assert keyring.SESSION_KEY not in session
    assert response.cookies[keyring.COOKIE_NAME].value == ""
    assert response.cookies[keyring.COOKIE_NAME]["path"] == "/admin/claims/"


def test_signing_out_forgets_the_key(client):
    handler, _ = handler_create()
    login_verified(client, handler.user)
    response = client.post("/admin/claims/unlock/", {"password": PASSWORD})
    assert response.status_code == 302
    assert keyring.SESSION_KEY in client.session
    cookie = client.cookies[keyring.COOKIE_NAME].value
    client.post("/admin/logout/")
    assert keyring.SESSION_KEY not in client.session
    # Even with the old cookie put back, a new sign-in finds nothing to open.
    login_verified(client, handler.user)
    jar = SimpleCookie()
    jar[keyring.COOKIE_NAME] = cookie
    client.cookies.update(jar)
    response = client.get("/admin/claims/unlock/")
    assert response.context["unlocked"] is False
