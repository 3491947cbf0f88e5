"""Every staff account needs a TOTP code before any admin page; failed sign-ins are throttled."""

from base64 import b32encode

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"


@pytest.fixture
def staff(django_user_model, client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"  # assertions below read English messages
    return django_user_model.objects.create_superuser("staff", password=PASSWORD)


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def sign_in(client, username="staff", password=PASSWORD):
    return client.post("/admin/login/", {"username": username, "password": password})


def test_password_alone_does_not_open_the_admin(client, staff):
    assert sign_in(client).status_code == 302
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/2fa/setup/")
    assert client.get("/admin/pages/").status_code == 302


def test_enrolment_shows_a_qr_code_and_confirms_with_a_valid_code(client, staff):
    sign_in(client)
    page = client.get("/admin/2fa/setup/")
    assert page.status_code == 200
    assert b"<svg" in page.content
    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    # The key to type in by hand, for those who cannot scan.
    assert f'<code dir="ltr">{b32encode(device.bin_key).decode()}</code>' in page.content.decode()
    wrong_code = "000000" if current_code(device) != "000000" else "111111"
    wrong = client.post("/admin/2fa/setup/", {"token": wrong_code})
    assert wrong.status_code == 200
    assert b"not valid" in wrong.content
    assert not TOTPDevice.objects.get(pk=device.pk).confirmed
    # A failure throttles the device for a moment; let that moment pass.
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None)
    ok = client.post("/admin/2fa/setup/", {"token": current_code(device), "next": "/admin/"})
    assert ok.status_code == 302 and ok["Location"] == "/admin/"
    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    assert client.get("/admin/").status_code == 200


def test_enrolled_user_must_enter_a_code_at_each_sign_in(client, staff):
    device = TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    sign_in(client)
    response = client.get("/admin/pages/")
    assert response["Location"] == "/admin/2fa/verify/?next=/admin/pages/"
    bad = client.post("/admin/2fa/verify/", {"token": "12ab56"})
    assert "Enter the six digits" in bad.content.decode()
    ok = client.post("/admin/2fa/verify/", {"token": current_code(device), "next": "/admin/pages/"})
    assert ok["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_next_cannot_send_the_user_to_another_site(client, staff):
    device = TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    sign_in(client)
    response = client.post(
        "/admin/2fa/verify/", {"token": current_code(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"


def test_messages_are_translated(client, staff):
    TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    sign_in(client)
    response = client.post("/admin/2fa/verify/", {"token": "x"}, HTTP_ACCEPT_LANGUAGE="fr")
    html = response.content.decode()
    assert '<html lang="fr" dir="ltr"' in html
    assert "Enter the six digits" not in html and "six chiffres" in html


def test_repeated_failed_sign_ins_are_locked_out(client, staff, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, password="wrong password").status_code == 200
    assert sign_in(client, password="wrong password").status_code == 429
    locked = sign_in(client)  # even the right password is refused for now
    assert locked.status_code == 429
    assert "temporarily blocked" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_staff_passwords_are_hashed_with_argon2(settings):
    from django.contrib.auth.hashers import check_password, make_password

    from portal.settings import base

    settings.PASSWORD_HASHERS = base.PASSWORD_HASHERS
    encoded = make_password(PASSWORD)
    assert encoded.startswith("argon2$argon2id$")
    assert check_password(PASSWORD, encoded)


def test_two_factor_pages_can_load_the_admin_scripts_they_need(client, staff):
    sign_in(client)
    assert client.get("/admin/jsi18n/").status_code == 200
    page = client.get("/admin/2fa/setup/?next=/admin/").content.decode()
    assert 'name="next" value="/admin/"' in page


def test_password_alone_does_not_open_pages_restricted_to_signed_in_users(client, staff):
    from wagtail.models import Page, PageViewRestriction

    page = Page.objects.get(url_path__endswith="/partners/cndp/", locale__language_code="fr")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    sign_in(client)
    assert client.get("/fr/partners/cndp/").status_code == 302
    device = TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    client.post("/admin/2fa/verify/", {"token": current_code(device)})
    assert client.get("/fr/partners/cndp/").status_code == 200


def test_throttling_uses_the_address_seen_by_the_trusted_proxy(rf, settings):
    from portal.users.throttle import client_ip

    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9", REMOTE_ADDR="127.0.0.1")
    assert client_ip(request) == "127.0.0.1"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.9"  # not the address the client wrote itself
