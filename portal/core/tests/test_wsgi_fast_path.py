"""Cache hits answered by the WSGI wrapper, before Django's request handling."""

import pytest
from django.test import RequestFactory

from portal.core.testing import keep_test_connection
from portal.institutions.models import InstitutionPage
from portal.wsgi import application

pytestmark = pytest.mark.django_db


def call(path, **extra):
    environ = RequestFactory().get(path, **extra).environ
    answer = {}

    def start_response(status, headers):
        answer["status"] = status
        answer["headers"] = dict(headers)

    with keep_test_connection():
        result = application(environ, start_response)
        body = b"".join(result)
        if hasattr(result, "close"):
            result.close()  # as a WSGI server does
    return answer["status"], answer["headers"], body


def test_a_hit_replays_exactly_what_django_sent(client, django_assert_num_queries):
    sent = client.get("/ar/partners/")
    with django_assert_num_queries(0):
        status, headers, body = call("/ar/partners/")
    assert status == "200 OK"
    assert body == sent.content
    assert headers.pop("X-Cache") == "hit"
    expected = dict(sent.headers)
    expected.pop("X-Cache")
    assert headers == expected
    assert "unsafe-inline" not in headers["Content-Security-Policy"]


def test_a_miss_goes_to_django(client):
    status, headers, _body = call("/fr/platforms/")
    assert status == "200 OK" and headers["X-Cache"] == "miss"
    assert call("/fr/platforms/")[1]["X-Cache"] == "hit"


def test_signed_in_visitors_and_other_schemes_are_left_to_django(client):
    client.get("/en/partners/", secure=True)  # an HTTPS copy only
    assert call("/en/partners/")[1].get("X-Cache") == "miss"  # plain HTTP renders again
    client.get("/en/")
    _status, headers, _body = call("/en/", HTTP_COOKIE="sessionid=abc")
    assert "X-Cache" not in headers


def test_publishing_purges_what_the_wrapper_serves(client):
    client.get("/fr/partners/")
    page = InstitutionPage.objects.get(slug="cndh", locale__language_code="fr")
    page.title = "CNDH (nouveau nom)"
    page.save_revision().publish()
    _status, headers, body = call("/fr/partners/")
    assert headers["X-Cache"] == "miss"
    assert "CNDH (nouveau nom)" in body.decode()


def test_head_gets_headers_only(client):
    client.head("/ar/")
    status, _headers, body = call("/ar/", REQUEST_METHOD="HEAD")
    assert status == "200 OK" and body == b""
