"""Helpers for the test suites of every app."""

import contextlib
import re

from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

HTML_TAG = re.compile(r"<html lang=\"(?P<lang>[\w-]+)\" dir=\"(?P<dir>rtl|ltr)\">")


def html_lang_dir(response):
    match = HTML_TAG.search(response.content.decode())
    assert match, "no <html lang dir> in the page"
    return match["lang"], match["dir"]


def login_verified(client, user):
    """Signs a staff user in as if they had passed the password and TOTP steps."""
    client.force_login(user)
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name="test", defaults={"confirmed": True}
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


@contextlib.contextmanager
def keep_test_connection():
    """For tests that call the WSGI application directly: as Django's test client does, a
    request must not close the database connection that holds the test's transaction (it
    would on PostgreSQL)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
