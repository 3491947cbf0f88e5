"""Anonymous pages are served from the cache and purged when what they show changes."""

import pytest
from wagtail.models import Page

from portal.core.testing import login_verified
from portal.institutions.models import InstitutionPage, PartnersIndexPage
from portal.platforms.models import Platform

pytestmark = pytest.mark.django_db


def test_second_anonymous_view_is_a_cache_hit_with_the_same_bytes(
    client, django_assert_num_queries
):
    first = client.get("/ar/partners/")
    assert first["X-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/ar/partners/")
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_publishing_purges_the_pages_that_show_the_change(client):
    client.get("/fr/partners/")
    page = InstitutionPage.objects.get(slug="cndp", locale__language_code="fr")
    page.title = "CNDP — nouveau nom"
    page.save_revision().publish()
    response = client.get("/fr/partners/")
    assert response["X-Cache"] == "miss"
    assert "CNDP — nouveau nom" in response.content.decode()


def test_unpublishing_purges(client):
    assert "Transparency Maroc" in client.get("/fr/partners/").content.decode()
    InstitutionPage.objects.get(slug="transparency-maroc", locale__language_code="fr").unpublish()
    assert "Transparency Maroc" not in client.get("/fr/partners/").content.decode()


def test_moving_purges(client):
    assert client.get("/fr/partners/umt/").status_code == 200
    page = InstitutionPage.objects.get(slug="umt", locale__language_code="fr")
    home = Page.objects.get(depth=2, locale__language_code="fr")
    other = PartnersIndexPage(title="Autres", slug="autres")
    home.add_child(instance=other)
    other.save_revision().publish()
    page.move(other, pos="last-child")
    assert client.get("/fr/partners/umt/").status_code == 404
    assert client.get("/fr/autres/umt/").status_code == 200


def test_editing_a_platform_snippet_purges(client):
    client.get("/en/platforms/")
    platform = Platform.objects.get(locale__language_code="en", url="https://data.gov.ma")
    platform.name = "Open data of Morocco"
    platform.save()
    assert "Open data of Morocco" in client.get("/en/platforms/").content.decode()


def test_signed_in_editor_never_gets_or_fills_the_cache(client, django_user_model):
    client.get("/en/partners/")  # fills the cache for anonymous visitors
    editor = django_user_model.objects.create_user("editor", password="x" * 16)
    login_verified(client, editor)
    response = client.get("/en/partners/")
    assert "X-Cache" not in response
    client.logout()
    client.cookies.clear()
    assert client.get("/en/partners/")["X-Cache"] == "hit"


def test_errors_and_redirects_are_not_cached(client):
    assert "X-Cache" not in client.get("/en/nothing-here/")
    assert "X-Cache" not in client.get("/", HTTP_ACCEPT_LANGUAGE="fr")


def test_restricting_a_page_purges_it(client):
    from wagtail.models import PageViewRestriction

    assert client.get("/fr/partners/cndp/").status_code == 200
    page = InstitutionPage.objects.get(slug="cndp", locale__language_code="fr")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/fr/partners/cndp/")
    assert response.status_code == 302  # to the sign-in page, not the cached copy


def test_replacing_an_image_purges(client):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    client.get("/fr/partners/")
    image = get_image_model().objects.create(
        title="Logo", description="Logo de la CNDP", file=get_test_image_file()
    )
    page = InstitutionPage.objects.get(slug="cndp", locale__language_code="fr")
    page.logo = image
    page.save_revision().publish()
    assert 'alt="Logo de la CNDP"' in client.get("/fr/partners/").content.decode()
    image.description = "Logo officiel"
    image.save()
    assert 'alt="Logo officiel"' in client.get("/fr/partners/").content.decode()


def test_http_and_https_are_cached_apart(client):
    client.get("/fr/", secure=True)
    assert client.get("/fr/")["X-Cache"] == "miss"


def test_unknown_query_parameters_are_rendered_but_not_cached(client):
    assert "X-Cache" not in client.get("/fr/partners/?utm=1")
    assert "X-Cache" not in client.get("/fr/partners/?utm=1")
    client.get("/fr/partners/?page=1&kind=media")
    assert client.get("/fr/partners/?kind=media&page=1")["X-Cache"] == "hit"
