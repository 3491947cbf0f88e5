"""The platforms directory, and the background check that flags broken links to editors."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command

from portal.core.testing import login_verified
from portal.platforms.models import LinkCheck, Platform, platforms_for_locale
from portal.platforms.tasks import check_platform_links

from .factories import PlatformFactory

pytestmark = pytest.mark.django_db


class Handler(BaseHTTPRequestHandler):
    def _answer(self):
        if self.path == "/no-head" and self.command == "HEAD":
            self.send_response(405)
        elif self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/inside")
        elif self.path in ("/ok", "/no-head"):
            self.send_response(200)
        else:
            self.send_response(404)
        self.end_headers()

    do_HEAD = _answer
    do_GET = _answer

    def log_message(self, *args):
        pass


@pytest.fixture
def local_site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture
def only_local_platforms(local_site):
    Platform.objects.all().delete()
    for path in ["/ok", "/no-head", "/gone"]:
        PlatformFactory(url=local_site + path)
    return local_site


def test_link_check_flags_broken_addresses(only_local_platforms):
    result = check_platform_links.enqueue()
    assert result.return_value == {"checked": 3, "broken": 1}
    statuses = dict(LinkCheck.objects.values_list("url", "status"))
    assert statuses == {
        only_local_platforms + "/ok": "ok",
        only_local_platforms + "/no-head": "ok",
        only_local_platforms + "/gone": "broken",
    }
    assert LinkCheck.objects.get(url=only_local_platforms + "/gone").detail == "HTTP 404"


def test_unreachable_host_is_broken(only_local_platforms):
    Platform.objects.update(url="http://127.0.0.1:1/")
    check_platform_links.enqueue()
    assert LinkCheck.objects.get().status == "broken"


def test_command_queues_the_check(only_local_platforms, capsys):
    call_command("check_platform_links")
    assert "queued" in capsys.readouterr().out
    assert LinkCheck.objects.count() == 3


def test_editors_see_broken_links_on_the_dashboard_and_in_the_listing(
    client, django_user_model, only_local_platforms
):
    check_platform_links.enqueue()
    admin = django_user_model.objects.create_superuser("boss", password="x" * 16)
    login_verified(client, admin)
    dashboard = client.get("/admin/").content.decode()
    assert 'id="broken-links-heading"' in dashboard
    assert only_local_platforms + "/gone" in dashboard
    assert only_local_platforms + "/ok</td>" not in dashboard
    listing = client.get("/admin/snippets/platforms/platform/").content.decode()
    assert listing.count("w-status--label") == 1


def test_dashboard_has_no_panel_when_all_links_work(client, django_user_model):
    admin = django_user_model.objects.create_superuser("boss", password="x" * 16)
    login_verified(client, admin)
    assert 'id="broken-links-heading"' not in client.get("/admin/").content.decode()


def test_untranslated_platforms_fall_back_to_arabic():
    from wagtail.models import Locale

    zgh = platforms_for_locale(Locale.objects.get(language_code="zgh"))
    fr = platforms_for_locale(Locale.objects.get(language_code="fr"))
    assert len(zgh) == len(fr) == 8
    assert {p.fallback_language for p in zgh} == {"ar"}
    assert {p.fallback_language for p in fr} == {None}


def test_admin_rejects_a_platform_with_a_bad_address(client, django_user_model):
    admin = django_user_model.objects.create_superuser("boss", password="x" * 16)
    login_verified(client, admin)
    before = Platform.objects.count()
    response = client.post(
        "/admin/snippets/platforms/platform/add/",
        {
            "name": "X",
            "url": "javascript:alert(1)",
            "category": "nope",
            "description": "",
            "sort_order": "1",
        },
    )
    assert response.status_code == 200
    assert Platform.objects.count() == before


def test_panel_is_shown_only_to_staff_who_can_fix_platforms(
    client, django_user_model, only_local_platforms
):
    from django.contrib.auth.models import Group

    check_platform_links.enqueue()
    editor = django_user_model.objects.create_user("partner", password="x" * 16)
    editor.groups.add(Group.objects.get(name="CNDP — editors"))
    login_verified(client, editor)
    assert 'id="broken-links-heading"' not in client.get("/admin/").content.decode()


def test_link_check_refuses_private_addresses(only_local_platforms, settings):
    settings.LINK_CHECK_ALLOW_PRIVATE = False
    check_platform_links.enqueue()
    assert set(LinkCheck.objects.values_list("status", "detail")) == {
        ("broken", "private or local address refused")
    }


def test_link_check_refuses_a_redirect_into_a_private_network(local_site, monkeypatch):
    from portal.platforms import tasks

    checked = []
    original = tasks._ensure_public

    def refuse_inside(url):
        checked.append(url)
        if url.endswith("/inside"):
            raise tasks.RefusedAddress("private or local address refused")
        original(url)

    monkeypatch.setattr(tasks, "_ensure_public", refuse_inside)
    status, detail = tasks.check_url(local_site + "/moved")
    assert (status, detail) == ("broken", "private or local address refused")
    assert checked == [local_site + "/moved", local_site + "/inside"]
