# ruff: noqa: RUF003 (Arabic letters in the comments)
"""The publications API (`/api/v1/`): the list with the library's filters, search, facets and
pagination, a publication and its translations, errors, and property-based tests of the whole
OpenAPI schema with Schemathesis.

The demo library is loaded once per run and still changes, so the tests that count create their
own publications in 1987 (a year the demo does not use) with a theme and a sector of their own,
and select them by that year."""

import datetime as dt
from urllib.parse import parse_qs, urlsplit

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from wagtail.models import Locale

from portal.core.models import Term, TermKind
from portal.core.testing import keep_test_connection
from portal.library.models import PublicationPage
from portal.library.tests.factories import PublicationPageFactory

URL = "/api/v1/publications/"
YEAR = 1987
# Not INPPLC, whose Arabic name (searched with the publications) has الرشوة.
FOLDER = "cour-des-comptes"


def term(kind, slug, **names):
    """A term in Arabic, with its translations (`fr="…"`)."""
    source = Term.objects.create(
        kind=kind, slug=slug, name=names.pop("ar"), locale=Locale.get_default()
    )
    for lang, name in names.items():
        Term.objects.create(
            kind=kind,
            slug=slug,
            name=name,
            locale=Locale.objects.get(language_code=lang),
            translation_key=source.translation_key,
        )
    return source


def publication(*, themes=(), sectors=(), **fields):
    fields.setdefault("publication_date", dt.date(YEAR, 6, 1))
    fields.setdefault("folder", FOLDER)
    page = PublicationPageFactory(**fields)
    if themes or sectors:
        page.themes = list(themes)
        page.sectors = list(sectors)
        page.save_revision().publish()
    return page


@pytest.fixture(autouse=True)
def _keep_test_connection():
    """Schemathesis calls the WSGI application itself."""
    with keep_test_connection():
        yield


@pytest.fixture
def library(db):
    """Four publications of 1987: a law in force (theme, sector, an Arabic file), a report of
    the CSPJ (theme, a French file), a study and a decree."""
    theme = term(TermKind.THEME, "api-theme", ar="موضوع الاختبار", fr="Thème de test")
    sector = term(TermKind.SECTOR, "api-sector", ar="قطاع الاختبار", fr="Secteur de test")
    law = publication(
        title="قانون رقم 12.87 المتعلق بالرشوة",
        language="ar",
        summary="نص يجرم الرشوة في الإدارات العمومية.",
        publication_type="law",
        legal_number="12.87",
        adoption_date=dt.date(YEAR, 2, 1),
        bulletin="الجريدة الرسمية عدد 3900",
        legal_status="in_force",
        publication_date=dt.date(YEAR, 3, 1),
        file_text="نص القانون",
        themes=[theme],
        sectors=[sector],
    )
    report = publication(
        title="Rapport sur les marchés",
        summary="Un rapport sur la transparence des marchés publics municipaux.",
        publication_type="report",
        folder="cspj",
        publication_date=dt.date(YEAR, 9, 1),
        file_text="Texte du rapport",
        themes=[theme],
    )
    study = publication(
        title="Étude de gouvernance",
        summary="Une étude sur la gouvernance hospitalière.",
        publication_type="study",
        publication_date=dt.date(YEAR, 11, 1),
    )
    decree = publication(
        title="Décret d'application",
        summary="Le décret qui applique la loi.",
        publication_type="decree",
        legal_status="amended",
        publication_date=dt.date(YEAR, 5, 1),
    )
    return {"theme": theme, "sector": sector, "law": law, "report": report, "study": study,
            "decree": decree}  # fmt: skip


def get(client, url=URL, **params):
    response = client.get(url, params)
    assert response["Content-Type"].startswith("application/json")
    return response


def listing(client, **params):
    response = get(client, **params)
    assert response.status_code == 200, response.content
    return response.json()


def titles(data):
    return [result["title"] for result in data["results"]]


def facet(data, name):
    return {option["value"]: option["count"] for option in data["facets"][name]}


# --- The list


def test_list_gives_the_arabic_library_newest_first_with_its_facets(client, db):
    data = listing(client)
    live = PublicationPage.objects.live().public().filter(locale__language_code="ar")
    assert data["count"] == live.count() > 20
    assert (data["page"], data["page_size"], data["previous"]) == (1, 20, None)
    assert data["next"].startswith("http://testserver/api/v1/publications/?")
    newest = live.order_by("-publication_date", "-pk")[:20]
    assert [r["id"] for r in data["results"]] == [page.pk for page in newest]
    assert set(data["facets"]) == {"type", "theme", "sector", "institution", "year", "language"}
    assert sum(facet(data, "type").values()) == data["count"]


def test_a_result_has_every_field(client, library):
    law = library["law"]
    data = listing(client, year=YEAR, type="law")
    assert data["count"] == 1
    (result,) = data["results"]
    document = law.files.get().document
    assert result == {
        "id": law.pk,
        "url": f"http://testserver/ar/publications/{law.pk}/",
        "title": "قانون رقم 12.87 المتعلق بالرشوة",
        "language": "ar",
        "type": {"value": "law", "label": "قانون"},
        "date": "1987-03-01",
        "summary": "نص يجرم الرشوة في الإدارات العمومية.",
        "institutions": [result["institutions"][0]],
        "themes": [{"slug": "api-theme", "name": "موضوع الاختبار"}],
        "sectors": [{"slug": "api-sector", "name": "قطاع الاختبار"}],
        "files": [
            {
                "url": f"http://testserver{document.url}",
                "language": "ar",
                "format": "pdf",
                "size": document.file_size,
            }
        ],
        "legal": {
            "number": "12.87",
            "adoption_date": "1987-02-01",
            "bulletin": "الجريدة الرسمية عدد 3900",
            "status": {"value": "in_force", "label": result["legal"]["status"]["label"]},
        },
    }
    assert result["institutions"][0]["slug"] == FOLDER
    assert result["institutions"][0]["acronym"]
    assert result["institutions"][0]["name"]
    # The permanent address leads to the page.
    assert client.get(result["url"]).status_code == 302
    # Other publications have no legal block.
    study = listing(client, year=YEAR, type="study")["results"][0]
    assert study["legal"] is None


def test_lang_chooses_the_language_of_the_labels(client, library):
    data = listing(client, year=YEAR, type="law", lang="ar")
    assert data["results"][0]["type"]["label"] == "قانون"
    fr = listing(client, year=YEAR, lang="fr")
    # The French tree has no publication of 1987 (the test ones are in the Arabic library)…
    assert fr["count"] == 0
    # …but its facets and labels are French.
    assert {o["value"]: o["label"] for o in fr["facets"]["type"]} == {}
    everything = listing(client, lang="fr", page_size=100)
    labels = {o["value"]: o["label"] for o in everything["facets"]["type"]}
    assert labels["law"] == "Loi"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["study", "report", "decree", "law"]),
        ({"type": "report"}, ["report"]),
        ({"theme": "api-theme"}, ["report", "law"]),
        ({"sector": "api-sector"}, ["law"]),
        ({"institution": "cspj"}, ["report"]),
        ({"language": "ar"}, ["law"]),
        ({"theme": "api-theme", "institution": FOLDER}, ["law"]),
        ({"theme": "unknown-theme"}, []),
    ],
)
def test_each_filter_narrows_the_list(client, library, params, expected):
    data = listing(client, year=YEAR, **params)
    assert data["count"] == len(expected)
    assert [r["id"] for r in data["results"]] == [library[name].pk for name in expected]


def test_facets_count_each_value_with_the_other_filters(client, library):
    data = listing(client, year=YEAR, theme="api-theme")
    # Types are counted within the theme (and the year)…
    assert facet(data, "type") == {"law": 1, "report": 1}
    # …themes within the year only, so that the visitor can change the theme.
    assert facet(data, "theme")["api-theme"] == 2
    assert facet(data, "sector") == {"api-sector": 1}
    assert facet(data, "institution") == {FOLDER: 1, "cspj": 1}
    assert facet(data, "language") == {"ar": 1, "fr": 1}
    assert facet(data, "year")[str(YEAR)] == 2
    labels = {o["value"]: o["label"] for o in data["facets"]["theme"]}
    assert labels["api-theme"] == "موضوع الاختبار"
    languages = {o["value"]: o["label"] for o in data["facets"]["language"]}
    assert languages == {"ar": "العربيّة", "fr": "français"}


def test_year_facet_and_filter(client, library):
    data = listing(client, year=YEAR)
    assert facet(data, "year")[str(YEAR)] == 4
    assert data["count"] == 4


def test_sort_oldest_and_newest(client, library):
    oldest = listing(client, year=YEAR, sort="oldest")
    assert [r["date"] for r in oldest["results"]] == [
        "1987-03-01",
        "1987-05-01",
        "1987-09-01",
        "1987-11-01",
    ]
    newest = listing(client, year=YEAR, sort="newest")
    assert newest["results"] == oldest["results"][::-1]
    # Relevance without a search means newest.
    assert listing(client, year=YEAR, sort="relevance")["results"] == newest["results"]


# --- Search


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("رشوة", "law"),  # الرشوة in the summary: the article is a prefix the stemmer removes
        ("الرشوه", "law"),  # final ه for ة
        ("transparence municipaux", "report"),
        ("GOUVERNANCE", "study"),
    ],
)
def test_q_finds_a_publication_by_a_word_of_its_summary(client, library, q, expected):
    data = listing(client, q=q, year=YEAR)
    assert data["count"] == 1
    assert data["results"][0]["id"] == library[expected].pk


def test_q_ranks_by_relevance_and_can_be_sorted_by_date(client, library):
    publication(
        title="Deuxième étude",
        summary="Une autre étude, de la gouvernance locale.",
        publication_type="study",
    )
    data = listing(client, q="gouvernance", year=YEAR)
    assert data["count"] == 2
    by_date = listing(client, q="gouvernance", year=YEAR, sort="oldest")
    assert [r["date"] for r in by_date["results"]] == ["1987-06-01", "1987-11-01"]
    facets = facet(data, "type")
    assert facets == {"study": 2}


def test_q_without_searchable_words_is_ignored(client, library):
    assert listing(client, q=" ؟ ! ", year=YEAR)["count"] == 4


# --- Pagination


def test_pagination_links_keep_the_filters(client, library):
    first = listing(client, year=YEAR, page_size=3, sort="oldest")
    assert first["count"] == 4
    assert len(first["results"]) == 3
    assert first["previous"] is None
    parts = urlsplit(first["next"])
    assert (parts.scheme, parts.netloc, parts.path) == ("http", "testserver", URL)
    assert parse_qs(parts.query) == {
        "lang": ["ar"],
        "year": [str(YEAR)],
        "sort": ["oldest"],
        "page_size": ["3"],
        "page": ["2"],
    }
    second = client.get(first["next"]).json()
    assert second["page"] == 2
    assert [r["id"] for r in second["results"]] == [library["study"].pk]
    assert second["next"] is None
    assert parse_qs(urlsplit(second["previous"]).query)["page"] == ["1"]
    assert client.get(second["previous"]).json()["results"] == first["results"]


def test_a_page_past_the_end_is_empty(client, library):
    data = listing(client, year=YEAR, page=5)
    assert (data["count"], data["results"], data["next"]) == (4, [], None)
    assert parse_qs(urlsplit(data["previous"]).query)["page"] == ["4"]
    searched = listing(client, year=YEAR, q="gouvernance", page=3)
    assert (searched["count"], searched["results"]) == (1, [])


@pytest.mark.parametrize(
    "params",
    [
        {"page_size": 0},
        {"page_size": 101},
        {"page": 0},
        {"page": "x"},
        {"type": "novel"},
        {"type": ""},
        {"language": "de"},
        {"lang": "de"},
        {"sort": "random"},
        {"year": 87},
        {"year": "abcd"},
        {"theme": "a b"},
        {"institution": "x" * 61},
        {"q": "x" * 301},
    ],
)
def test_malformed_parameters_are_refused_with_422(client, params):
    response = get(client, **params)
    assert response.status_code == 422
    (name,) = params
    (error,) = response.json()["detail"]
    assert error["loc"] == ["query", name]
    assert {"type", "msg"} <= set(error)


def test_page_size_bounds_are_accepted(client, library):
    assert len(listing(client, page_size=1)["results"]) == 1
    data = listing(client, page_size=100)
    assert len(data["results"]) == min(data["count"], 100)


# On PostgreSQL a search adds a savepoint and its planner setting (three statements).
MAX_QUERIES = 34


def test_query_count_does_not_grow_with_the_page_size(
    client, library, django_assert_max_num_queries
):
    with django_assert_max_num_queries(MAX_QUERIES):
        big = listing(client, page_size=100)
    with django_assert_max_num_queries(MAX_QUERIES):
        listing(client, page_size=100, q="الرشوة", sort="relevance")
    with django_assert_max_num_queries(MAX_QUERIES):
        listing(client, page_size=100, lang="fr")
    assert len(big["results"]) == min(big["count"], 100) > 20


# --- A publication


def test_detail_gives_the_publication_with_its_translations(client, library):
    law = library["law"]
    fr = Locale.objects.get(language_code="fr")
    translation = law.copy_for_translation(fr).specific
    translation.title = "Loi n° 12.87 relative à la corruption"
    translation.summary = "Un texte qui réprime la corruption."
    translation.language = "fr"
    translation.save_revision().publish()
    law.copy_for_translation(Locale.objects.get(language_code="en"), alias=True)

    data = get(client, f"{URL}{law.pk}/").json()
    listed = listing(client, year=YEAR, type="law")["results"][0]
    assert {k: v for k, v in data.items() if k != "translations"} == listed
    assert data["translations"] == [
        {
            "lang": "fr",
            "title": "Loi n° 12.87 relative à la corruption",
            "url": f"http://testserver/fr/publications/{law.pk}/",
        }
    ]
    # The French version, by the same id; the Arabic original as its translation.
    french = get(client, f"{URL}{law.pk}/", lang="fr").json()
    assert french["id"] == law.pk
    assert french["title"] == "Loi n° 12.87 relative à la corruption"
    assert french["language"] == "fr"
    assert french["url"] == f"http://testserver/fr/publications/{law.pk}/"
    assert french["type"]["label"] == "Loi"
    assert french["themes"] == [{"slug": "api-theme", "name": "Thème de test"}]
    assert [t["lang"] for t in french["translations"]] == ["ar"]
    # The permanent address in French leads to the translation.
    assert client.get(french["url"])["Location"] == translation.get_url()
    # In the French list, the translation has the id of the original.
    fr_list = listing(client, lang="fr", year=YEAR)
    assert [r["id"] for r in fr_list["results"]] == [law.pk]
    # The English tree has only the untranslated copy (an alias): the same id too.
    en_list = listing(client, lang="en", year=YEAR)
    assert [r["id"] for r in en_list["results"]] == [law.pk]
    assert en_list["results"][0]["language"] == "ar"


def test_detail_without_a_version_in_the_language_gives_the_original(client, library):
    study = library["study"]
    data = get(client, f"{URL}{study.pk}/", lang="en").json()
    assert data["id"] == study.pk
    assert data["type"]["label"] == "Study"
    assert data["translations"] == []


def test_unknown_unpublished_and_malformed_ids(client, library):
    assert get(client, f"{URL}999999/").status_code == 404
    assert get(client, f"{URL}999999/").json() == {"detail": "No publication has this id."}
    study = library["study"]
    study.unpublish()
    assert get(client, f"{URL}{study.pk}/").status_code == 404
    assert get(client, f"{URL}0/").status_code == 422
    assert get(client, f"{URL}abc/").status_code == 422
    assert get(client, f"{URL}{2**40}/").status_code == 422
    assert get(client, f"{URL}{library['law'].pk}/", lang="xx").status_code == 422


def test_unpublished_and_private_publications_are_not_listed(client, library):
    library["study"].unpublish()
    assert listing(client, year=YEAR)["count"] == 3


# --- HTTP


def test_only_get_and_head_are_allowed(client, library):
    head = client.head(URL, {"year": YEAR})
    assert head.status_code == 200
    assert head.content == b""
    assert head["Content-Type"].startswith("application/json")
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)(URL)
        assert response.status_code == 405
        assert response["Allow"] == "GET"


def test_openapi_schema_describes_the_api(client, db):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    schema = response.json()
    assert schema["info"]["title"] == "National Integrity Portal API"
    assert schema["info"]["version"] == "1"
    assert "422" in schema["info"]["description"]
    operations = [
        op
        for path in schema["paths"].values()
        for op in path.values()
        if op["tags"] == ["publications"]
    ]
    assert len(operations) == 2
    for operation in operations:
        assert operation["summary"]
        assert operation["description"]
        assert operation["tags"] == ["publications"]
        assert "422" in operation["responses"]
    assert "404" in schema["paths"]["/api/v1/publications/{id}/"]["get"]["responses"]
    # No Swagger UI (it would load its assets from a CDN); unknown addresses get a JSON 404.
    for address in ("/api/v1/docs", "/api/v1/", "/api/v1/unknown/path/"):
        response = client.get(address, follow=True)
        assert response.status_code == 404
        assert response.json() == {"detail": "Not found."}


# --- Property-based tests of the schema

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application()).include(
    tag="publications"
)


# The page cache keys requests by their query string: Django warns that made-up ones would be too
# long for memcached, which the portal does not use (Redis, files or local memory).
@pytest.mark.filterwarnings("ignore::django.core.cache.backends.base.CacheKeyWarning")
@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_conforms_to_its_schema(case):
    """No 5xx, responses as documented (status codes, content types, bodies), malformed
    parameters refused."""
    case.call_and_validate()


def test_real_responses_conform_to_the_schema(library):
    """Generated ids seldom exist: a publication with every field, in every language, and full
    pages of the list, checked by the same Schemathesis checks."""
    law = library["law"]
    law.copy_for_translation(Locale.objects.get(language_code="fr"), alias=True)
    detail = schema["/api/v1/publications/{id}/"]["GET"]
    listing_ = schema["/api/v1/publications/"]["GET"]
    for lang in ("ar", "fr", "en", "zgh"):
        response = detail.Case(path_parameters={"id": law.pk}, query={"lang": lang}).call()
        assert response.status_code == 200
        detail.validate_response(response)
        for query in ({"lang": lang, "page_size": 100}, {"lang": lang, "q": "gouvernance"}):
            response = listing_.Case(query=query).call()
            assert response.status_code == 200
            listing_.validate_response(response)
