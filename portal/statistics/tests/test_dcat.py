"""The DCAT catalogue of the statistics (`/api/v1/catalog.ttl` and `.jsonld`): parsed back with
rdflib, it has one dataset per live, public indicator with its metadata in each language and its
three downloads, which answer."""

import datetime as dt
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, FOAF, SKOS
from wagtail.models import Locale

from portal.core.models import Term
from portal.institutions.models import InstitutionKind, InstitutionPage
from portal.statistics.dcat import period_end
from portal.statistics.models import IndicatorPage, Licence

from .factories import IndicatorPageFactory, rows

pytestmark = [
    pytest.mark.django_db,
    # rdflib's JSON-LD parser.
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
]

TURTLE = "/api/v1/catalog.ttl"
JSONLD = "/api/v1/catalog.jsonld"
# Plain namespaces: pytest's collection probes the module's names, which rdflib's closed
# namespaces warn about.
DCAT = Namespace("http://www.w3.org/ns/dcat#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
FREQUENCY = Namespace("http://publications.europa.eu/resource/authority/frequency/")
MEDIA_TYPE = Namespace("http://www.iana.org/assignments/media-types/")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def translate(page, lang, **fields):
    version = page.copy_for_translation(Locale.objects.get(language_code=lang)).specific
    for name, value in fields.items():
        setattr(version, name, value)
    version.save_revision().publish()
    return version


@pytest.fixture
def indicators(db):
    """A CC BY-ND quarterly indicator translated into French and English, a monthly sample
    series, an indicator without data and an unpublished one."""
    prevention = Term.objects.get(slug="prevention", locale__language_code="ar")
    translated = IndicatorPageFactory(
        title="مؤشر الفهرس",
        slug="dcat-translated",
        definition="<p>تعريف <b>المؤشر</b> &amp; طريقته.</p>",
        licence="cc-by-nd-4.0",
        periodicity="quarterly",
        folder="cspj",
        themes=[prevention],
        data=rows({"2020-Q2": 1, "2021-Q3": 2}) + rows({"2021-Q3": 3}, region="nord"),
    )
    translate(translated, "fr", title="Indicateur du catalogue", definition="<p>Définition.</p>")
    translate(translated, "en", title="Catalogue indicator", definition="<p>Definition.</p>")
    translated.copy_for_translation(Locale.objects.get(language_code="zgh"), alias=True)
    sample = IndicatorPageFactory(
        title="عينة",
        slug="dcat-sample",
        periodicity="monthly",
        is_sample=True,
        licence="public",
        data=rows({"2022-01": 5, "2022-02": 6}),
    )
    empty = IndicatorPageFactory(title="بلا بيانات", slug="dcat-empty")
    hidden = IndicatorPageFactory(title="مخفي", slug="dcat-hidden", data=rows({"2020": 1}))
    hidden.unpublish()
    return {"translated": translated, "sample": sample, "empty": empty, "hidden": hidden}


def catalogue(client, url=TURTLE):
    response = client.get(url)
    assert response.status_code == 200
    media_type = "text/turtle" if url == TURTLE else "application/ld+json"
    assert response["Content-Type"].startswith(media_type)
    return Graph().parse(data=response.content, format="turtle" if url == TURTLE else "json-ld")


def dataset_of(graph, page):
    (node,) = graph.subjects(DCTERMS.identifier, Literal(str(page.pk)))
    return node


def texts(graph, node, predicate):
    return {o.language: str(o) for o in graph.objects(node, predicate)}


def test_both_serialisations_give_the_same_graph(client, indicators):
    turtle, jsonld = catalogue(client), catalogue(client, JSONLD)
    assert len(turtle) > 100
    assert isomorphic(turtle, jsonld)


def test_one_dataset_per_live_public_indicator(client, indicators):
    graph = catalogue(client)
    (catalog,) = graph.subjects(RDF.type, DCAT.Catalog)
    datasets = set(graph.objects(catalog, DCAT.dataset))
    assert set(graph.subjects(RDF.type, DCAT.Dataset)) == datasets
    originals = (
        IndicatorPage.objects.live()
        .public()
        .filter(locale=Locale.get_default(), alias_of__isnull=True)
    )
    assert len(datasets) == originals.count()
    identifiers = {str(graph.value(node, DCTERMS.identifier)) for node in datasets}
    assert identifiers == {str(pk) for pk in originals.values_list("pk", flat=True)}
    assert str(indicators["hidden"].pk) not in identifiers
    # Translations and aliases are not datasets of their own.
    assert str(indicators["translated"].pk) in identifiers


def test_every_download_answers(client, indicators):
    graph = catalogue(client)
    media_types = {MEDIA_TYPE["text/csv"], MEDIA_TYPE["application/json"], MEDIA_TYPE[XLSX]}
    with_data = 0
    for dataset in graph.subjects(RDF.type, DCAT.Dataset):
        distributions = list(graph.objects(dataset, DCAT.distribution))
        if not distributions:
            continue
        with_data += 1
        assert len(distributions) == 3
        assert {graph.value(d, DCAT.mediaType) for d in distributions} == media_types
        for distribution in distributions:
            assert (distribution, RDF.type, DCAT.Distribution) in graph
            assert graph.value(distribution, DCTERMS["format"]) is not None
            assert graph.value(distribution, DCTERMS.license) == graph.value(
                dataset, DCTERMS.license
            )
            url = graph.value(distribution, DCAT.downloadURL)
            assert url.startswith("http://testserver/ar/statistics/")
            response = client.get(urlsplit(url).path)
            assert response.status_code == 200, url
            media_type = str(graph.value(distribution, DCAT.mediaType)).removeprefix(MEDIA_TYPE)
            assert response["Content-Type"].startswith(media_type)
    assert with_data >= 2
    empty = dataset_of(graph, indicators["empty"])
    assert list(graph.objects(empty, DCAT.distribution)) == []
    assert graph.value(empty, DCTERMS.modified) is None


def test_a_translated_cc_by_nd_quarterly_indicator(client, indicators):
    graph = catalogue(client)
    page = indicators["translated"]
    node = dataset_of(graph, page)
    landing = f"http://testserver/ar/statistics/cspj/{page.slug}/"
    assert node == URIRef(landing + "#dataset")
    assert texts(graph, node, DCTERMS.title) == {
        "ar": "مؤشر الفهرس",
        "fr": "Indicateur du catalogue",
        "en": "Catalogue indicator",
    }
    assert texts(graph, node, DCTERMS.description) == {
        "ar": "تعريف المؤشر & طريقته.",
        "fr": "Définition.",
        "en": "Definition.",
    }
    licence = URIRef("https://creativecommons.org/licenses/by-nd/4.0/")
    assert graph.value(node, DCTERMS.license) == licence
    assert (licence, RDF.type, DCTERMS.LicenseDocument) in graph
    assert graph.value(node, DCTERMS.accrualPeriodicity) == FREQUENCY.QUARTERLY
    assert graph.value(node, DCAT.landingPage) == URIRef(landing)
    modified = graph.value(node, DCTERMS.modified)
    assert modified.datatype == XSD.dateTime
    assert modified.toPython() == page.dataset.current.created_at
    period = graph.value(node, DCTERMS.temporal)
    assert (period, RDF.type, DCTERMS.PeriodOfTime) in graph
    assert graph.value(period, DCAT.startDate) == Literal(dt.date(2020, 4, 1))
    assert graph.value(period, DCAT.endDate) == Literal(dt.date(2021, 9, 30))
    publisher = graph.value(node, DCTERMS.publisher)
    assert (publisher, RDF.type, FOAF.Organization) in graph
    cspj = InstitutionPage.objects.get(slug="cspj", locale=Locale.get_default())
    assert texts(graph, publisher, FOAF.name)["ar"] == cspj.title
    assert set(texts(graph, publisher, FOAF.name)) >= {"ar", "fr", "en"}
    (theme,) = graph.objects(node, DCAT.theme)
    assert graph.value(theme, SKOS.notation) == Literal("prevention")
    assert set(texts(graph, theme, SKOS.prefLabel)) >= {"ar", "fr", "en"}
    keywords = texts(graph, node, DCAT.keyword)
    assert keywords["fr"] == "Prévention de la corruption"
    distributions = graph.objects(node, DCAT.distribution)
    downloads = {str(graph.value(d, DCAT.downloadURL)) for d in distributions}
    assert downloads == {f"{landing}data.{ext}" for ext in ("csv", "json", "xlsx")}


def test_frequencies_and_a_sample_series(client, indicators):
    graph = catalogue(client)
    sample = dataset_of(graph, indicators["sample"])
    assert graph.value(sample, DCTERMS.accrualPeriodicity) == FREQUENCY.MONTHLY
    assert graph.value(dataset_of(graph, indicators["empty"]), DCTERMS.accrualPeriodicity) == (
        FREQUENCY.ANNUAL
    )
    with translation.override("ar"):
        notice = gettext("Sample data.")
    (description,) = graph.objects(sample, DCTERMS.description)
    assert description.language == "ar"
    assert description.startswith(notice)
    assert Literal(notice.rstrip("."), lang="ar") in set(graph.objects(sample, DCAT.keyword))
    translated = dataset_of(graph, indicators["translated"])
    descriptions = graph.objects(translated, DCTERMS.description)
    assert not any(str(d).startswith("Sample") for d in descriptions)
    # Public information has no licence address: a licence document with its name.
    licence = graph.value(sample, DCTERMS.license)
    assert not isinstance(licence, URIRef)
    assert graph.value(licence, RDFS.label) == Literal(str(Licence.PUBLIC.label))
    period = graph.value(sample, DCTERMS.temporal)
    assert graph.value(period, DCAT.endDate) == Literal(dt.date(2022, 2, 28))


def test_the_catalogue_describes_itself(client, indicators):
    graph = catalogue(client)
    (catalog,) = graph.subjects(RDF.type, DCAT.Catalog)
    assert catalog == URIRef("http://testserver/ar/statistics/#catalog")
    assert graph.value(catalog, FOAF.homepage) == URIRef("http://testserver/ar/statistics/")
    assert client.get("/ar/statistics/").status_code == 200
    titles = texts(graph, catalog, DCTERMS.title)
    assert {"ar", "fr", "en"} <= set(titles)
    assert titles["en"].endswith("Statistics")
    assert texts(graph, catalog, DCTERMS.description)["en"]
    languages = {str(o).rsplit("/", 1)[1] for o in graph.objects(catalog, DCTERMS.language)}
    assert {"ARA", "FRA", "ENG"} <= languages
    publisher = graph.value(catalog, DCTERMS.publisher)
    authority = InstitutionPage.objects.get(
        kind=InstitutionKind.AUTHORITY, locale=Locale.get_default()
    )
    assert texts(graph, publisher, FOAF.name)["ar"] == authority.title
    assert (publisher, RDF.type, FOAF.Organization) in graph


def test_period_end():
    assert period_end(dt.date(2021, 1, 1), "annual") == dt.date(2021, 12, 31)
    assert period_end(dt.date(2021, 10, 1), "annual") == dt.date(2021, 12, 31)
    assert period_end(dt.date(2024, 10, 1), "quarterly") == dt.date(2024, 12, 31)
    assert period_end(dt.date(2024, 2, 1), "monthly") == dt.date(2024, 2, 29)


# View restrictions, indicators, themes, translations, datasets, periods, folders, authority,
# institutions' names, themes' names, statistics pages, home pages, sites (13), and a spare one.
MAX_QUERIES = 14


def test_queries_do_not_grow_with_the_number_of_indicators(
    client, indicators, django_assert_max_num_queries
):
    catalogue(client)  # Fills the caches of sites and locales.
    with CaptureQueriesContext(connection) as few:
        catalogue(client, JSONLD)
    prevention = Term.objects.get(slug="prevention", locale__language_code="ar")
    for n in range(5):
        page = IndicatorPageFactory(folder="pmp", themes=[prevention], data=rows({"2020": n}))
        translate(page, "fr", title=f"Indicateur {n}")
    catalogue(client)
    with django_assert_max_num_queries(MAX_QUERIES) as many:
        graph = catalogue(client, JSONLD)
    assert len(many) == len(few)
    assert len(set(graph.subjects(RDF.type, DCAT.Dataset))) == (
        IndicatorPage.objects.live().filter(locale=Locale.get_default(), alias_of=None).count()
    )


def test_head_and_other_methods(client, indicators):
    for url in (TURTLE, JSONLD):
        head = client.head(url)
        assert head.status_code == 200
        assert head.content == b""
        assert int(head["Content-Length"]) > 0
        assert client.post(url).status_code == 405


def test_openapi_schema_lists_the_catalogue(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for url, media_type in ((TURTLE, "text/turtle"), (JSONLD, "application/ld+json")):
        operation = paths[url]["get"]
        assert operation["summary"]
        assert operation["description"]
        assert list(operation["responses"]["200"]["content"]) == [media_type]
