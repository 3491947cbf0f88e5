"""The indicators API (`/api/v1/indicators/`): the list with the filters of the statistics page,
an indicator with its breakdowns, notes, target and versions, its observations with their
filters, errors, bounded queries and property-based tests of these operations with Schemathesis.

The demo statistics are loaded once per run and still change, so the tests create their own
indicators with a theme of their own (`api-indicators`) and select them by it."""

import datetime as dt
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from hypothesis import HealthCheck, settings
from wagtail.models import Locale

from portal.core.models import Term, TermKind
from portal.core.testing import keep_test_connection
from portal.institutions.models import InstitutionPage
from portal.statistics.importer import period_start
from portal.statistics.models import IndicatorPage, Periodicity, SeriesNote, SourceKind
from portal.statistics.services import dataset_version_create
from portal.statistics.tests.factories import IndicatorPageFactory, rows

URL = "/api/v1/indicators/"
THEME = "api-indicators"
FOLDER = "cour-des-comptes"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(autouse=True)
def _keep_test_connection():
    """Schemathesis calls the WSGI application itself."""
    with keep_test_connection():
        yield


def term(slug, **names):
    source = Term.objects.create(
        kind=TermKind.THEME, slug=slug, name=names.pop("ar"), locale=Locale.get_default()
    )
    for lang, name in names.items():
        Term.objects.create(
            kind=TermKind.THEME,
            slug=slug,
            name=name,
            locale=Locale.objects.get(language_code=lang),
            translation_key=source.translation_key,
        )
    return source


def translate(page, lang, **fields):
    """A published translation of `page`; `labels` renames its breakdowns."""
    labels = fields.pop("labels", {})
    version = page.copy_for_translation(Locale.objects.get(language_code=lang)).specific
    for name, value in fields.items():
        setattr(version, name, value)
    version.save()
    for dimension in version.dimensions.all():
        if dimension.code in labels:
            dimension.label = labels[dimension.code]
            dimension.save(update_fields=["label"])
    version.save_revision().publish()
    return version


@pytest.fixture
def theme(db):
    return term(THEME, ar="موضوع المؤشرات", fr="Thème des indicateurs")


@pytest.fixture
def statistics(theme):
    """Three indicators of the test theme, by title: perception (international, quarterly, by
    region only, sample data, CSPJ's), complaints (national, annual, totals and breakdowns by
    region and sex, two versions, a French translation) and a new one without data."""
    first = rows({"2019": 100, "2020": 120})
    data = rows({"2019": 100, "2020": 120, "2021": 150})
    data += rows({"2021": 90}, region="nord") + rows({"2021": 60}, region="sud")
    data += rows({"2021": 40}, region="nord", sex="f")
    data[0].update(lower=Decimal("95.5"), upper=Decimal("104.5"), note="Provisional")
    complaints = IndicatorPageFactory(
        title="الشكايات",
        slug="api-complaints",
        unit="شكاية",
        folder=FOLDER,
        licence="cc-by-nd-4.0",
        definition='<p>عدد <a href="https://example.org">الشكايات</a>.</p>',
        methodology="<p>Counting.</p>",
        source_name="المجلس",
        source_url="https://example.org/source",
        citation="المجلس (2022).",
        target_value=Decimal("200"),
        target_period="2025",
        target_source="الاستراتيجية",
        notes=[SeriesNote(period="2020", is_break=True, text="طريقة جديدة")],
        data=first,
        dimension_codes=("region", "sex"),
        themes=[theme],
    )
    dataset_version_create(indicator=complaints, rows=data, comment="Revised")
    french = translate(
        complaints,
        "fr",
        title="Les plaintes",
        unit="plaintes",
        labels={"region": "Région", "sex": "Sexe"},
    )
    perception = IndicatorPageFactory(
        title="الإدراك",
        slug="api-perception",
        source_kind="international",
        periodicity="quarterly",
        folder="cspj",
        is_sample=True,
        data=rows({"2020-Q3": 3, "2020-Q4": 4, "2021-Q1": 5}, region="nord"),
        dimension_codes=("region",),
        themes=[theme],
    )
    new = IndicatorPageFactory(
        title="جديد", slug="api-new", folder=FOLDER, dimension_codes=("region",), themes=[theme]
    )
    return {"complaints": complaints, "french": french, "perception": perception, "new": new}


def get(client, url=URL, **params):
    response = client.get(url, params)
    assert response["Content-Type"].startswith("application/json")
    return response


def ok(client, url=URL, **params):
    response = get(client, url, **params)
    assert response.status_code == 200, response.content
    return response.json()


def observations_url(page):
    return f"{URL}{page.pk}/observations/"


def label(choice, lang):
    with translation.override(lang):
        return str(choice.label)


def institution(slug, lang="ar"):
    page = InstitutionPage.objects.get(slug=slug, locale__language_code=lang)
    return {"slug": slug, "acronym": page.acronym, "name": page.title}


def downloads(url, prefix=""):
    return [
        {"format": "csv", "media_type": "text/csv", "url": f"{url}{prefix}data.csv"},
        {"format": "json", "media_type": "application/json", "url": f"{url}{prefix}data.json"},
        {"format": "xlsx", "media_type": XLSX, "url": f"{url}{prefix}data.xlsx"},
    ]


# --- The list


def test_list_gives_the_live_indicators_of_the_arabic_tree_by_title(client, statistics):
    data = ok(client, page_size=100)
    live = IndicatorPage.objects.live().public().filter(locale__language_code="ar")
    assert data["count"] == live.count() >= 3
    assert (data["page"], data["page_size"], data["previous"]) == (1, 100, None)
    titles = [r["title"] for r in data["results"]]
    assert titles == [p.title for p in live.order_by("title", "pk")[:100]]


def test_an_indicator_has_every_field(client, statistics):
    page = statistics["complaints"]
    data = ok(client, theme=THEME, source="national", institution=FOLDER)
    assert [r["id"] for r in data["results"]] == [page.pk, statistics["new"].pk]
    result = data["results"][0]
    url = f"http://testserver/ar/statistics/{FOLDER}/api-complaints/"
    version = page.dataset.current
    assert result == {
        "id": page.pk,
        "url": url,
        "title": "الشكايات",
        "unit": "شكاية",
        "source_kind": {"value": "national", "label": label(SourceKind.NATIONAL, "ar")},
        "periodicity": {"value": "annual", "label": label(Periodicity.ANNUAL, "ar")},
        "licence": {
            "code": "cc-by-nd-4.0",
            "label": "CC BY-ND 4.0",
            "url": "https://creativecommons.org/licenses/by-nd/4.0/",
        },
        "publisher": institution(FOLDER),
        "themes": [{"slug": THEME, "name": "موضوع المؤشرات"}],
        "is_sample": False,
        "latest": {"period": "2021", "value": 150.0},
        "last_update": result["last_update"],
        "links": {
            "downloads": downloads(url),
            "observations": f"http://testserver/api/v1/indicators/{page.pk}/observations/",
        },
    }
    # In milliseconds.
    created = version.created_at
    assert dt.datetime.fromisoformat(result["last_update"]) == created.replace(
        microsecond=created.microsecond // 1000 * 1000
    )
    for download in result["links"]["downloads"]:
        response = client.get(download["url"])
        assert response.status_code == 200
        assert response["Content-Type"].startswith(download["media_type"])
    assert client.get(result["url"]).status_code == 200


def test_without_totals_or_data_latest_is_null(client, statistics):
    results = {r["id"]: r for r in ok(client, theme=THEME)["results"]}
    perception = results[statistics["perception"].pk]
    assert perception["latest"] is None
    assert perception["is_sample"] is True
    assert perception["publisher"]["slug"] == "cspj"
    assert perception["licence"]["url"] == "https://creativecommons.org/licenses/by/4.0/"
    new = results[statistics["new"].pk]
    assert (new["latest"], new["last_update"], new["links"]["downloads"]) == (None, None, [])


def test_lang_chooses_the_tree_and_the_labels(client, statistics):
    page, french = statistics["complaints"], statistics["french"]
    data = ok(client, theme=THEME, lang="fr")
    # Only the complaints are translated; the id stays the original's.
    assert [r["id"] for r in data["results"]] == [page.pk]
    (result,) = data["results"]
    assert result["title"] == "Les plaintes"
    assert result["unit"] == "plaintes"
    assert result["url"] == f"http://testserver{french.get_url()}"
    assert result["url"].startswith("http://testserver/fr/statistics/")
    assert result["themes"] == [{"slug": THEME, "name": "Thème des indicateurs"}]
    assert result["source_kind"]["label"] == label(SourceKind.NATIONAL, "fr")
    assert result["publisher"] == institution(FOLDER, "fr")
    # The data is shared by every language.
    assert result["latest"] == {"period": "2021", "value": 150.0}
    assert result["links"]["downloads"] == downloads(result["url"])
    assert ok(client, theme=THEME, lang="en")["count"] == 0


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["perception", "complaints", "new"]),
        ({"source": "international"}, ["perception"]),
        ({"source": "national"}, ["complaints", "new"]),
        ({"institution": "cspj"}, ["perception"]),
        ({"institution": FOLDER, "source": "national"}, ["complaints", "new"]),
        ({"institution": "unknown-institution"}, []),
    ],
)
def test_each_filter_narrows_the_list(client, statistics, params, expected):
    data = ok(client, theme=THEME, **params)
    assert data["count"] == len(expected)
    assert [r["id"] for r in data["results"]] == [statistics[name].pk for name in expected]


def test_theme_filter_and_unknown_theme(client, statistics):
    data = ok(client, theme="unknown-theme")
    assert (data["count"], data["results"]) == (0, [])
    all_themes = ok(client, page_size=100)
    assert all_themes["count"] > ok(client, theme=THEME)["count"]


def test_pagination_links_keep_the_filters(client, statistics):
    first = ok(client, theme=THEME, page_size=2)
    assert first["count"] == 3
    assert len(first["results"]) == 2
    parts = urlsplit(first["next"])
    assert (parts.scheme, parts.netloc, parts.path) == ("http", "testserver", URL)
    assert parse_qs(parts.query) == {
        "lang": ["ar"],
        "theme": [THEME],
        "page_size": ["2"],
        "page": ["2"],
    }
    second = client.get(first["next"]).json()
    assert [r["id"] for r in second["results"]] == [statistics["new"].pk]
    assert second["next"] is None
    assert client.get(second["previous"]).json()["results"] == first["results"]
    past = ok(client, theme=THEME, page=9)
    assert (past["count"], past["results"], past["next"]) == (3, [], None)


@pytest.mark.parametrize(
    "params",
    [
        {"page_size": 0},
        {"page_size": 101},
        {"page": 0},
        {"source": "local"},
        {"lang": "de"},
        {"theme": "a b"},
        {"institution": "x" * 61},
    ],
)
def test_malformed_list_parameters_are_refused_with_422(client, params):
    response = get(client, **params)
    assert response.status_code == 422
    (name,) = params
    (error,) = response.json()["detail"]
    assert error["loc"] == ["query", name]


# Locale, view restrictions, count, page, themes, names of themes and institutions, folders,
# ids, datasets, latest values (12), and a spare one.
MAX_LIST_QUERIES = 13


def test_list_queries_do_not_grow_with_the_number_of_indicators(
    client, theme, statistics, django_assert_max_num_queries
):
    ok(client, theme=THEME)  # Fills the caches of sites and locales.
    with CaptureQueriesContext(connection) as few:
        ok(client, theme=THEME, page_size=1)
    for n in range(6):
        IndicatorPageFactory(folder="cspj", themes=[theme], data=rows({"2020": n, "2021": n + 1}))
    ok(client, theme=THEME)
    # (Another address each time: the page cache would answer the same one.)
    with django_assert_max_num_queries(MAX_LIST_QUERIES) as many:
        data = ok(client, theme=THEME, page_size=100)
    assert len(data["results"]) == 9
    assert len(many) == len(few)
    with django_assert_max_num_queries(MAX_LIST_QUERIES):
        ok(client, page_size=100, lang="fr")


# --- An indicator


def test_detail_gives_the_indicator_with_its_metadata_and_versions(client, statistics):
    page = statistics["complaints"]
    data = ok(client, f"{URL}{page.pk}/")
    listed = ok(client, theme=THEME, source="national", institution=FOLDER)["results"][0]
    assert {k: v for k, v in data.items() if k in listed} == listed
    assert data["definition"] == '<p>عدد <a href="https://example.org">الشكايات</a>.</p>'
    assert data["methodology"] == "<p>Counting.</p>"
    assert data["source"] == {"name": "المجلس", "url": "https://example.org/source"}
    assert data["citation"] == "المجلس (2022)."
    assert data["dimensions"] == [
        {"code": "region", "label": "Region", "values": ["nord", "sud"]},
        {"code": "sex", "label": "Sex", "values": ["f"]},
    ]
    assert data["notes"] == [{"period": "2020", "is_break": True, "text": "طريقة جديدة"}]
    assert data["target"] == {"value": 200.0, "period": "2025", "source": "الاستراتيجية"}
    assert [(v["number"], v["row_count"], v["comment"]) for v in data["versions"]] == [
        (2, 6, "Revised"),
        (1, 2, ""),
    ]
    first = data["versions"][1]
    assert first["downloads"] == downloads(data["url"], "versions/1/")
    for download in first["downloads"]:
        assert client.get(download["url"]).status_code == 200
    assert set(data) == set(listed) | {
        "definition",
        "methodology",
        "source",
        "citation",
        "dimensions",
        "notes",
        "target",
        "versions",
    }


def test_detail_in_another_language(client, statistics):
    page = statistics["complaints"]
    french = ok(client, f"{URL}{page.pk}/", lang="fr")
    assert french["id"] == page.pk
    assert french["title"] == "Les plaintes"
    assert french["url"].startswith("http://testserver/fr/statistics/")
    assert [d["label"] for d in french["dimensions"]] == ["Région", "Sexe"]
    assert french["periodicity"]["label"] == label(Periodicity.ANNUAL, "fr")
    # The translation's own id leads to the same indicator.
    by_translation = ok(client, f"{URL}{statistics['french'].pk}/", lang="fr")
    assert by_translation == french
    # Without a version in the language, the original.
    english = ok(client, f"{URL}{page.pk}/", lang="en")
    assert english["title"] == "الشكايات"
    assert english["periodicity"]["label"] == label(Periodicity.ANNUAL, "en")


def test_detail_without_data_or_target(client, statistics):
    data = ok(client, f"{URL}{statistics['new'].pk}/")
    assert data["dimensions"] == [{"code": "region", "label": "Region", "values": []}]
    assert (data["notes"], data["target"], data["versions"]) == ([], None, [])
    perception = ok(client, f"{URL}{statistics['perception'].pk}/")
    assert perception["dimensions"] == [{"code": "region", "label": "Region", "values": ["nord"]}]


def test_unknown_unpublished_and_malformed_ids(client, statistics):
    assert get(client, f"{URL}999999/").status_code == 404
    assert get(client, f"{URL}999999/").json() == {"detail": "No indicator has this id."}
    new = statistics["new"]
    new.unpublish()
    assert get(client, f"{URL}{new.pk}/").status_code == 404
    assert get(client, observations_url(new)).status_code == 404
    assert new.pk not in [r["id"] for r in ok(client, theme=THEME)["results"]]
    assert get(client, f"{URL}0/").status_code == 422
    assert get(client, f"{URL}abc/").status_code == 422
    assert get(client, f"{URL}{2**40}/").status_code == 422
    page = statistics["complaints"]
    assert get(client, f"{URL}{page.pk}/", lang="xx").status_code == 422
    # Another page's id is not an indicator's.
    assert get(client, f"{URL}{page.get_parent().pk}/").status_code == 404


# The list's, the versions of the page and its breakdowns, notes, data keys and versions (16).
MAX_DETAIL_QUERIES = 17


def test_detail_queries_are_bounded(client, statistics, django_assert_max_num_queries):
    page = statistics["complaints"]
    ok(client, f"{URL}{page.pk}/")  # Fills the caches of sites and locales.
    with django_assert_max_num_queries(MAX_DETAIL_QUERIES):
        ok(client, f"{URL}{page.pk}/", lang="fr")


# --- Observations


def observations(client, page, **params):
    return ok(client, observations_url(page), **params)


def rows_of(data):
    return [(r["period"], r["dimensions"], r["value"]) for r in data["results"]]


def test_observations_of_the_current_version(client, statistics):
    data = observations(client, statistics["complaints"])
    assert (data["count"], data["version"], data["page_size"], data["next"]) == (6, 2, 100, None)
    assert rows_of(data) == [
        ("2019", {}, 100.0),
        ("2020", {}, 120.0),
        ("2021", {}, 150.0),
        ("2021", {"region": "nord"}, 90.0),
        ("2021", {"region": "nord", "sex": "f"}, 40.0),
        ("2021", {"region": "sud"}, 60.0),
    ]
    assert data["results"][0] == {
        "period": "2019",
        "start": "2019-01-01",
        "dimensions": {},
        "value": 100.0,
        "lower": 95.5,
        "upper": 104.5,
        "note": "Provisional",
    }
    assert data["results"][1]["lower"] is None


def test_observations_of_an_earlier_version(client, statistics):
    page = statistics["complaints"]
    data = observations(client, page, version=1)
    assert data["version"] == 1
    assert rows_of(data) == [("2019", {}, 100.0), ("2020", {}, 120.0)]
    response = get(client, observations_url(page), version=3)
    assert response.status_code == 404
    assert response.json() == {"detail": "This indicator has no version 3."}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"period_from": "2020"}, ["2020", "2021", "2021", "2021", "2021"]),
        ({"period_to": "2019"}, ["2019"]),
        ({"period_from": "2020", "period_to": "2020"}, ["2020"]),
        ({"period_from": "2020-Q2"}, ["2021", "2021", "2021", "2021"]),
        ({"period_to": "2020-12"}, ["2019", "2020"]),
        ({"period_from": "2022"}, []),
        ({"total_only": "true"}, ["2019", "2020", "2021"]),
        ({"total_only": "true", "period_from": "2021"}, ["2021"]),
    ],
)
def test_period_and_total_filters(client, statistics, params, expected):
    data = observations(client, statistics["complaints"], **params)
    assert [r["period"] for r in data["results"]] == expected


def test_period_to_keeps_the_whole_period(client, statistics):
    page = statistics["perception"]
    assert [r["period"] for r in observations(client, page, period_to="2020")["results"]] == [
        "2020-Q3",
        "2020-Q4",
    ]
    data = observations(client, page, period_from="2020-11", period_to="2021-02")
    assert [r["period"] for r in data["results"]] == ["2021-Q1"]
    assert data["results"][0]["start"] == period_start("2021-Q1").isoformat()


@pytest.mark.parametrize(
    ("dimensions", "expected"),
    [
        (["region:nord"], [{"region": "nord"}, {"region": "nord", "sex": "f"}]),
        (
            ["region:nord", "region:sud"],
            [{"region": "nord"}, {"region": "nord", "sex": "f"}, {"region": "sud"}],
        ),
        (["region:nord", "sex:f"], [{"region": "nord", "sex": "f"}]),
        (["sex:m"], []),
        (["region:absent"], []),
    ],
)
def test_dimension_filter(client, statistics, dimensions, expected):
    data = observations(client, statistics["complaints"], dimension=dimensions)
    assert [r["dimensions"] for r in data["results"]] == expected
    assert data["count"] == len(expected)


def test_dimension_values_are_matched_exactly(client, statistics):
    page = statistics["complaints"]
    dataset_version_create(
        indicator=page,
        rows=rows({"2022": 1}, region="Nord;Est=1") + rows({"2022": 2}, region="nord"),
    )
    data = observations(client, page, dimension="region:Nord;Est=1")
    assert rows_of(data) == [("2022", {"region": "Nord;Est=1"}, 1.0)]


def test_an_unknown_dimension_code_is_refused(client, statistics):
    page = statistics["complaints"]
    response = get(client, observations_url(page), dimension=["region:nord", "colour:red"])
    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["loc"] == ["query", "dimension"]
    assert error["type"] == "value_error"
    assert "colour" in error["msg"]
    assert "region, sex" in error["msg"]
    # A declared breakdown without data yet is known.
    assert observations(client, statistics["new"], dimension="region:x")["count"] == 0


@pytest.mark.parametrize(
    "params",
    [
        {"period_from": "2020-Q5"},
        {"period_from": "2020-13"},
        {"period_to": "20"},
        {"period_to": "0999"},
        {"period_to": "2020-1"},
        {"dimension": "region"},
        {"dimension": "région:nord"},
        {"dimension": ":nord"},
        {"dimension": "region:"},
        {"total_only": "maybe"},
        {"version": 0},
        {"page_size": 1001},
        {"page": 0},
    ],
)
def test_malformed_observation_parameters_are_refused_with_422(client, statistics, params):
    response = get(client, observations_url(statistics["complaints"]), **params)
    assert response.status_code == 422
    (name,) = params
    (error,) = response.json()["detail"]
    assert error["loc"][:2] == ["query", name]


def test_observations_pagination(client, statistics):
    page = statistics["complaints"]
    first = observations(client, page, page_size=4, dimension="region:nord", total_only="false")
    assert first["count"] == 2
    big = observations(client, page, page_size=1000)
    assert big["count"] == 6
    first = observations(client, page, page_size=4, period_from="2019")
    assert len(first["results"]) == 4
    query = parse_qs(urlsplit(first["next"]).query)
    assert query == {
        "period_from": ["2019"],
        "total_only": ["false"],
        "page_size": ["4"],
        "page": ["2"],
    }
    second = client.get(first["next"]).json()
    assert [r["period"] for r in second["results"]] == ["2021", "2021"]
    assert rows_of(first) + rows_of(second) == rows_of(big)
    regions = observations(client, page, page_size=1, dimension=["region:nord", "region:sud"])
    assert regions["count"] == 3
    assert parse_qs(urlsplit(regions["next"]).query)["dimension"] == ["region:nord", "region:sud"]


def test_observations_without_data(client, statistics):
    data = observations(client, statistics["new"])
    assert (data["count"], data["version"], data["results"]) == (0, None, [])
    assert get(client, observations_url(statistics["new"]), version=1).status_code == 404


# View restrictions, page, dataset, version, breakdowns, data keys, count, page (8).
MAX_OBSERVATION_QUERIES = 9


def test_observation_queries_are_bounded(client, statistics, django_assert_max_num_queries):
    page = statistics["complaints"]
    with django_assert_max_num_queries(MAX_OBSERVATION_QUERIES):
        observations(client, page, dimension="region:nord", version=2, period_to="2021")
    with django_assert_max_num_queries(MAX_OBSERVATION_QUERIES):
        observations(client, page, page_size=1000)


# --- HTTP and schema


def test_only_get_and_head_are_allowed(client, statistics):
    for url in (URL, f"{URL}{statistics['complaints'].pk}/", observations_url(statistics["new"])):
        head = client.head(url)
        assert head.status_code == 200
        assert head.content == b""
        assert head["Content-Type"].startswith("application/json")
        for method in ("post", "put", "patch", "delete"):
            response = getattr(client, method)(url)
            assert response.status_code == 405
            assert response["Allow"] == "GET"


def test_openapi_schema_describes_the_indicators(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    paths = {
        "/api/v1/indicators/": "listIndicators",
        "/api/v1/indicators/{id}/": "getIndicator",
        "/api/v1/indicators/{id}/observations/": "listIndicatorObservations",
    }
    for path, operation_id in paths.items():
        operation = schema["paths"][path]["get"]
        assert operation["operationId"] == operation_id
        assert operation["summary"]
        assert operation["description"]
        assert operation["tags"] == ["indicators"]
        assert "422" in operation["responses"]
        for parameter in operation["parameters"]:
            assert parameter["description"], parameter["name"]
    assert "404" in schema["paths"]["/api/v1/indicators/{id}/observations/"]["get"]["responses"]
    assert "indicator" in schema["info"]["description"]


# --- Property-based tests of the schema

# A breakdown code the indicator does not have is refused with 422, though well formed: the
# schema cannot list each indicator's codes.
UNKNOWN_CODES = {
    "include-operation-id": "listIndicatorObservations",
    "checks": {"positive_data_acceptance": {"expected-statuses": ["2xx", "404", "422"]}},
}
schema = schemathesis.openapi.from_wsgi(
    "/api/v1/openapi.json",
    get_wsgi_application(),
    config=schemathesis.Config.from_dict({"operations": [UNKNOWN_CODES]}),
).include(tag="indicators")
# Valid requests only: the test gives them the id of an indicator with data.
existing = schemathesis.openapi.from_wsgi(
    "/api/v1/openapi.json",
    get_wsgi_application(),
    config=schemathesis.Config.from_dict(
        {"generation": {"mode": "positive"}, "operations": [UNKNOWN_CODES]}
    ),
).include(operation_id="listIndicatorObservations")


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


@pytest.mark.filterwarnings("ignore::django.core.cache.backends.base.CacheKeyWarning")
@existing.parametrize()
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_observations_of_an_existing_indicator_conform_to_the_schema(case, statistics):
    """The same checks with the id of an indicator that has data and breakdowns."""
    case.path_parameters = {"id": statistics["complaints"].pk}
    case.call_and_validate()


def test_real_responses_conform_to_the_schema(statistics):
    """Generated ids seldom exist: indicators with every field, in every language, their
    observations and full pages of the list, checked by the same Schemathesis checks."""
    detail = schema["/api/v1/indicators/{id}/"]["GET"]
    listing = schema["/api/v1/indicators/"]["GET"]
    observations_ = schema["/api/v1/indicators/{id}/observations/"]["GET"]
    for lang in ("ar", "fr", "en", "zgh"):
        for name in ("complaints", "perception", "new"):
            case = detail.Case(path_parameters={"id": statistics[name].pk}, query={"lang": lang})
            response = case.call()
            assert response.status_code == 200
            detail.validate_response(response)
        response = listing.Case(query={"lang": lang, "page_size": 100}).call()
        assert response.status_code == 200
        listing.validate_response(response)
    for name in ("complaints", "perception", "new"):
        for query in ({}, {"dimension": ["region:nord"], "page_size": 1000}, {"version": 1}):
            case = observations_.Case(path_parameters={"id": statistics[name].pk}, query=query)
            response = case.call()
            assert response.status_code in (200, 404)
            observations_.validate_response(response)


def test_rich_text_links_to_pages_are_addresses(client, statistics):
    target = statistics["new"]
    page = IndicatorPageFactory(
        slug="liens",
        definition=f'<p>Voir <a linktype="page" id="{target.pk}">cet indicateur</a>.</p>',
    )
    data = ok(client, f"{URL}{page.pk}/")
    assert f'href="{target.url}"' in data["definition"]
    assert "linktype" not in data["definition"]
