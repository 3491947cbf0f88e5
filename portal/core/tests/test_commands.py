"""The demo loader and the first administrator, as `make run` uses them."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Revision

from portal.platforms.models import Platform

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        list(
            Page.objects.order_by("path").values_list(
                "path", "title", "live", "locale_id", "alias_of_id"
            )
        ),
        Revision.objects.count(),
        list(Platform.objects.order_by("pk").values_list("pk", "name", "url")),
    )


def test_loading_the_demo_again_changes_nothing():
    before = snapshot()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "0 items created" in out.getvalue()
    assert snapshot() == before


def test_demo_has_every_language_tree_and_cites_sources():
    homes = Page.objects.filter(depth=2).values_list("locale__language_code", flat=True)
    assert set(homes) == {"ar", "fr", "en", "zgh"}
    assert Platform.objects.filter(source="").count() == 0


def test_first_administrator_gets_a_random_password_printed_once():
    out = io.StringIO()
    call_command("ensure_superuser", stdout=out)
    password = re.search(r"password: (\S+)", out.getvalue())[1]
    assert len(password) >= 20
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(password)
    again = io.StringIO()
    call_command("ensure_superuser", stdout=again)
    assert password not in again.getvalue()
    assert "already exists" in again.getvalue()
    assert get_user_model().objects.filter(is_superuser=True).count() == 1
