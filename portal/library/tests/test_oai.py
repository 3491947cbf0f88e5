"""The OAI-PMH data provider (`/oai/`).

Protocol errors and the Dublin Core record are checked through the test client; the main flows
through a real harvester, Sickle, against pytest-django's `live_server`.

`live_server` runs the site in a thread and needs a transactional database (what the test writes
must be committed for the server to see it on PostgreSQL), and pytest-django empties the whole
database after each transactional test — the demo content loaded once per run included. It runs
transactional tests last, so the first of them still finds the demo content and the tests that
follow find an empty database: `library` then builds the little the harvest needs (the locales,
root page and collection the migrations create, a home page, the Arabic library and the folder of
INPPLC). Every record these tests expect is created in the test and selected by a datestamp window
in 2001 or by a theme of its own, so the demo publications, present or not, never count.
"""

import datetime as dt
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core import signing
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Collection, Locale, Page, Site

from portal.core.models import HomePage, Term, TermKind, default_locale_id
from portal.institutions.models import InstitutionKind, InstitutionPage, PartnersIndexPage
from portal.library import oai
from portal.library.models import (
    PublicationFolderPage,
    PublicationIndexPage,
    PublicationPage,
    PublicationTombstone,
)

from .factories import PublicationPageFactory

NS = {
    "oai": "http://www.openarchives.org/OAI/2.0/",
    "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
WINDOW = dt.datetime(2001, 3, 1, 10, 0, tzinfo=dt.UTC)  # datestamps given to test records


def parse(response):
    return ET.fromstring(response.content)  # noqa: S314 (the XML of our own server)


def harvest(client, **params):
    response = client.get("/oai/", params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    return parse(response)


def error_code(root):
    error = root.find("oai:error", NS)
    return None if error is None else error.get("code")


def term(kind, slug, name):
    return Term.objects.create(kind=kind, slug=slug, name=name, locale=Locale.get_default())


def publication(*, datestamp=None, themes=(), sectors=(), **fields):
    page = PublicationPageFactory(**fields)
    if themes or sectors:
        page.themes = list(themes)
        page.sectors = list(sectors)
        page.save_revision().publish()
    if datestamp is not None:
        PublicationPage.objects.filter(pk=page.pk).update(last_published_at=datestamp)
    page.refresh_from_db()
    return page


def dc_values(record, name):
    return [element.text for element in record.iterfind(f".//dc:{name}", NS)]


# --- Protocol, through the test client


@pytest.mark.django_db
def test_identify(client, settings):
    settings.OAI_ADMIN_EMAIL = "oai@integrity.example"
    root = harvest(client, verb="Identify")
    assert error_code(root) is None
    assert root.find("oai:request", NS).attrib == {"verb": "Identify"}
    assert root.find("oai:request", NS).text == "http://testserver/oai/"
    identify = root.find("oai:Identify", NS)
    assert identify.findtext("oai:repositoryName", namespaces=NS) == "National Integrity Portal"
    assert identify.findtext("oai:baseURL", namespaces=NS) == "http://testserver/oai/"
    assert identify.findtext("oai:protocolVersion", namespaces=NS) == "2.0"
    assert identify.findtext("oai:adminEmail", namespaces=NS) == "oai@integrity.example"
    assert identify.findtext("oai:deletedRecord", namespaces=NS) == "persistent"
    assert identify.findtext("oai:granularity", namespaces=NS) == "YYYY-MM-DDThh:mm:ssZ"
    earliest = identify.findtext("oai:earliestDatestamp", namespaces=NS)
    assert dt.datetime.strptime(earliest, "%Y-%m-%dT%H:%M:%SZ")
    assert root.get(f"{{{NS['xsi']}}}schemaLocation") == (
        "http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
    )


@pytest.mark.django_db
def test_identify_names_the_repository_after_the_host_or_the_setting(client, settings):
    page = publication(datestamp=WINDOW)
    response = client.get(
        "/oai/", {"verb": "Identify"}, headers={"host": "integrity.example.ma:8443"}
    )
    root = parse(response)
    sample = root.find(".//{http://www.openarchives.org/OAI/2.0/oai-identifier}sampleIdentifier")
    assert sample.text == "oai:integrity.example.ma:publication/1"
    response = client.get(
        "/oai/",
        {"verb": "GetRecord", "metadataPrefix": "oai_dc"}
        | {"identifier": f"oai:integrity.example.ma:publication/{page.pk}"},
        headers={"host": "integrity.example.ma:8443"},
    )
    assert error_code(parse(response)) is None
    settings.OAI_REPOSITORY_IDENTIFIER = "portal.example.org"
    identifiers = dc_values(
        harvest(
            client,
            verb="GetRecord",
            metadataPrefix="oai_dc",
            identifier=f"oai:portal.example.org:publication/{page.pk}",
        ),
        "identifier",
    )
    assert identifiers[0] == f"http://testserver/ar/publications/{page.pk}/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {},
        {"verb": "Harvest"},
        {"verb": ["Identify", "Identify"]},
        {"verb": "identify"},
    ],
)
def test_bad_verb(client, params):
    root = harvest(client, **params)
    assert error_code(root) == "badVerb"
    assert root.find("oai:request", NS).attrib == {}
    assert root.find("oai:request", NS).text == "http://testserver/oai/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"verb": "Identify", "metadataPrefix": "oai_dc"},  # an argument Identify has not
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "format": "json"},  # unknown
        {"verb": "ListRecords", "metadataPrefix": ["oai_dc", "oai_dc"]},  # repeated
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": ["type:law", "type:decree"]},
        {"verb": "ListRecords"},  # metadataPrefix missing
        {"verb": "GetRecord", "metadataPrefix": "oai_dc"},  # identifier missing
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2024-13-01"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2024-02-30"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2024-01-01T10:00:00"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "until": "2024-01-01T10:00Z"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "until": "yesterday"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "٢٠٢٤-٠١-٠١"},
        {
            "verb": "ListRecords",
            "metadataPrefix": "oai_dc",
            "from": "2024-02-01",
            "until": "2024-01-01",
        },
        {
            "verb": "ListIdentifiers",
            "metadataPrefix": "oai_dc",
            "from": "2024-01-01T10:00:01Z",
            "until": "2024-01-01T10:00:00Z",
        },
        {
            "verb": "ListRecords",
            "metadataPrefix": "oai_dc",
            "from": "2024-01-01",
            "until": "2024-01-01T10:00:00Z",
        },  # mixed granularities
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "resumptionToken": "abc"},
        {"verb": "ListMetadataFormats", "identifier": ["a", "b"]},
    ],
)
def test_bad_argument(client, params):
    root = harvest(client, **params)
    assert error_code(root) == "badArgument"
    assert root.find("oai:request", NS).attrib == {}


@pytest.mark.django_db
def test_cannot_disseminate_format(client):
    page = publication()
    for params in (
        {"verb": "ListRecords", "metadataPrefix": "marc21"},
        {"verb": "ListIdentifiers", "metadataPrefix": "oai_DC"},
        {
            "verb": "GetRecord",
            "metadataPrefix": "mods",
            "identifier": f"oai:testserver:publication/{page.pk}",
        },
    ):
        root = harvest(client, **params)
        assert error_code(root) == "cannotDisseminateFormat"
        assert root.find("oai:request", NS).attrib == params  # echoed: not a bad argument


@pytest.mark.django_db
def test_id_does_not_exist(client):
    page = publication()
    not_a_publication = PublicationIndexPage.objects.get(locale__language_code="fr")
    for identifier in (
        "oai:testserver:publication/999999999",
        f"oai:another.example:publication/{page.pk}",  # another repository
        f"oai:testserver:institution/{page.pk}",
        f"oai:testserver:publication/{not_a_publication.pk}",  # not a publication
        f"publication/{page.pk}",
        "",
    ):
        root = harvest(client, verb="GetRecord", metadataPrefix="oai_dc", identifier=identifier)
        assert error_code(root) == "idDoesNotExist", identifier
    root = harvest(
        client, verb="ListMetadataFormats", identifier="oai:testserver:publication/999999999"
    )
    assert error_code(root) == "idDoesNotExist"


@pytest.mark.django_db
def test_list_metadata_formats(client):
    page = publication()
    for params in ({}, {"identifier": f"oai:testserver:publication/{page.pk}"}):
        root = harvest(client, verb="ListMetadataFormats", **params)
        formats = root.findall("oai:ListMetadataFormats/oai:metadataFormat", NS)
        assert [f.findtext("oai:metadataPrefix", namespaces=NS) for f in formats] == ["oai_dc"]
        assert formats[0].findtext("oai:schema", namespaces=NS) == (
            "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
        )
        assert formats[0].findtext("oai:metadataNamespace", namespaces=NS) == (
            "http://www.openarchives.org/OAI/2.0/oai_dc/"
        )


@pytest.mark.django_db
def test_no_records_match(client):
    for params in (
        {"until": "1990-01-01"},
        {"set": "theme:no-such-theme"},
        {"set": "kind:law"},
        {"from": "2001-03-01", "until": "2001-03-01", "set": "type:law"},
    ):
        root = harvest(client, verb="ListRecords", metadataPrefix="oai_dc", **params)
        assert error_code(root) == "noRecordsMatch", params
        assert root.find("oai:request", NS).get("verb") == "ListRecords"


@pytest.mark.django_db
def test_bad_resumption_token(client, monkeypatch):
    monkeypatch.setattr(oai, "PAGE_SIZE", 1)
    for index in range(2):
        publication(datestamp=WINDOW + dt.timedelta(seconds=index))
    window = {"from": "2001-03-01", "until": "2001-03-01"}
    root = harvest(client, verb="ListIdentifiers", metadataPrefix="oai_dc", **window)
    token = root.findtext(".//oai:resumptionToken", namespaces=NS)
    assert token
    payload = signing.loads(token, salt=oai.RESUMPTION_SALT)
    forged = {**payload, "c": 0, "f": "1990-01-01"}
    for bad in (
        token[:-2] + ("AA" if not token.endswith("AA") else "BB"),  # altered signature
        signing.dumps(forged, salt="another salt", compress=True),
        signing.dumps(forged, compress=True),
        "not-a-token",
        "",
    ):
        root = harvest(client, verb="ListIdentifiers", resumptionToken=bad)
        assert error_code(root) == "badResumptionToken", bad
    # A token of one list does not continue another.
    root = harvest(client, verb="ListRecords", resumptionToken=token)
    assert error_code(root) == "badResumptionToken"
    root = harvest(client, verb="ListSets", resumptionToken=token)
    assert error_code(root) == "badResumptionToken"
    # The real one does.
    root = harvest(client, verb="ListIdentifiers", resumptionToken=token)
    assert error_code(root) is None
    assert root.find("oai:request", NS).attrib == {
        "verb": "ListIdentifiers",
        "resumptionToken": token,
    }


@pytest.mark.django_db
def test_post_is_accepted_without_csrf_token_and_other_methods_are_not():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/oai/", {"verb": "Identify"})
    assert response.status_code == 200
    root = parse(response)
    assert root.find("oai:Identify", NS) is not None
    assert client.head("/oai/?verb=Identify").status_code == 200
    assert client.put("/oai/?verb=Identify").status_code == 405
    assert client.delete("/oai/?verb=Identify").status_code == 405


@pytest.mark.django_db
def test_record_in_dublin_core(client):
    fr = Locale.objects.get(language_code="fr")
    theme = term(TermKind.THEME, "oai-dc-theme", "موضوع التجربة")
    sector = term(TermKind.SECTOR, "oai-dc-sector", "قطاع التجربة")
    Term.objects.create(
        kind=TermKind.THEME,
        slug="oai-dc-theme",
        name="Thème d'essai",
        locale=fr,
        translation_key=theme.translation_key,
    )
    page = publication(
        title="القانون رقم 46.19 المتعلق بالهيئة الوطنية للنزاهة",
        language="ar",
        summary="ملخص القانون\x0b المتعلق بالهيئة.",  # a control character XML cannot carry
        publication_type="law",
        legal_status="in_force",
        legal_number="46.19",
        authors="Ahmed Benali; Salma El Idrissi ;",
        publication_date=dt.date(2021, 5, 10),
        source="الجريدة الرسمية",
        source_url="https://www.sgg.gov.ma/",
        file_text="Texte de la loi",
        themes=[theme],
        sectors=[sector],
    )
    translation = page.copy_for_translation(fr).specific
    translation.title = "Loi n° 46.19 relative à l'Instance nationale de la probité"
    translation.language = "fr"
    translation.save_revision().publish()
    page.copy_for_translation(Locale.objects.get(language_code="en"), alias=True)

    root = harvest(
        client,
        verb="GetRecord",
        metadataPrefix="oai_dc",
        identifier=f"oai:testserver:publication/{page.pk}",
    )
    assert error_code(root) is None
    record = root.find("oai:GetRecord/oai:record", NS)
    header = record.find("oai:header", NS)
    assert header.get("status") is None
    assert header.findtext("oai:identifier", namespaces=NS) == (
        f"oai:testserver:publication/{page.pk}"
    )
    assert header.findtext("oai:datestamp", namespaces=NS) == page.last_published_at.astimezone(
        dt.UTC
    ).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert [s.text for s in header.findall("oai:setSpec", NS)] == [
        "type:law",
        "theme:oai-dc-theme",
    ]
    dc = record.find("oai:metadata/oai_dc:dc", NS)
    assert dc.get(f"{{{NS['xsi']}}}schemaLocation") == (
        "http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
    )
    titles = [(e.text, e.get(XML_LANG)) for e in dc.findall("dc:title", NS)]
    assert titles == [(page.title, "ar"), (translation.title, "fr")]
    assert dc_values(dc, "creator") == ["Ahmed Benali", "Salma El Idrissi"]
    institution = page.get_parent().specific.institution
    assert dc_values(dc, "publisher") == [institution.title]
    assert dc_values(dc, "subject") == ["موضوع التجربة", "قطاع التجربة"]
    description = dc.find("dc:description", NS)
    assert (description.text, description.get(XML_LANG)) == ("ملخص القانون المتعلق بالهيئة.", "ar")
    assert dc_values(dc, "date") == ["2021-05-10"]
    assert dc_values(dc, "type") == ["Law", "Text"]
    assert dc_values(dc, "format") == ["application/pdf"]
    assert dc_values(dc, "identifier") == [
        f"http://testserver/ar/publications/{page.pk}/",
        "46.19",
    ]
    assert dc_values(dc, "language") == ["ar"]
    document = page.files.get().document
    assert dc_values(dc, "relation") == [f"http://testserver{document.url}"]
    assert dc_values(dc, "source") == ["الجريدة الرسمية", "https://www.sgg.gov.ma/"]

    # Without authors, the institutions are the creators.
    other = publication(authors="", language="fr", file_text="Texte")
    root = harvest(
        client,
        verb="GetRecord",
        metadataPrefix="oai_dc",
        identifier=f"oai:testserver:publication/{other.pk}",
    )
    assert dc_values(root, "creator") == [institution.title]
    assert dc_values(root, "language") == ["fr"]
    assert dc_values(root, "type") == ["Report", "Text"]

    # Translations and aliases are not records of their own.
    for version in (translation, page.get_translation(Locale.objects.get(language_code="en"))):
        root = harvest(
            client,
            verb="GetRecord",
            metadataPrefix="oai_dc",
            identifier=f"oai:testserver:publication/{version.pk}",
        )
        assert error_code(root) == "idDoesNotExist"


@pytest.mark.django_db
def test_private_and_draft_publications_are_not_records(client):
    from wagtail.models import PageViewRestriction

    private = publication(datestamp=WINDOW)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    draft = publication(datestamp=WINDOW)
    PublicationPage.objects.filter(pk=draft.pk).update(live=False)
    shown = publication(datestamp=WINDOW)
    root = harvest(
        client, verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": "2001-03-01"}
    )
    headers = {
        header.find("oai:identifier", NS).text: header.get("status")
        for header in root.iterfind(".//oai:header", NS)
    }
    assert headers[f"oai:testserver:publication/{shown.pk}"] is None
    # A publication restricted to some visitors is withdrawn: harvesters see it deleted.
    assert headers[f"oai:testserver:publication/{private.pk}"] == "deleted"
    assert f"oai:testserver:publication/{draft.pk}" not in headers


@pytest.mark.django_db
def test_deleted_publication_is_a_deleted_record(client):
    theme = term(TermKind.THEME, "oai-deleted", "محذوف")
    page = publication(themes=[theme], publication_type="guide")
    page_id = page.pk
    page.delete()
    tombstone = PublicationTombstone.objects.get(original_id=page_id)
    root = harvest(
        client,
        verb="GetRecord",
        metadataPrefix="oai_dc",
        identifier=f"oai:testserver:publication/{page_id}",
    )
    header = root.find("oai:GetRecord/oai:record/oai:header", NS)
    assert header.get("status") == "deleted"
    assert header.findtext("oai:datestamp", namespaces=NS) == tombstone.withdrawn_at.astimezone(
        dt.UTC
    ).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert [s.text for s in header.findall("oai:setSpec", NS)] == [
        "type:guide",
        "theme:oai-deleted",
    ]
    assert root.find(".//oai:metadata", NS) is None
    root = harvest(client, verb="ListRecords", metadataPrefix="oai_dc", set="theme:oai-deleted")
    assert [h.get("status") for h in root.iterfind(".//oai:header", NS)] == ["deleted"]
    root = harvest(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set="type:guide")
    assert f"oai:testserver:publication/{page_id}" in [
        e.text for e in root.iterfind(".//oai:header/oai:identifier", NS)
    ]


@pytest.mark.django_db
def test_list_records_takes_a_bounded_number_of_queries(client, monkeypatch):
    """The number of queries does not grow with the number of records in a response."""
    theme = term(TermKind.THEME, "oai-queries", "استعلامات")
    sector = term(TermKind.SECTOR, "oai-queries-sector", "قطاع")
    fr = Locale.objects.get(language_code="fr")
    params = {"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "theme:oai-queries"}

    def add(count):
        for _ in range(count):
            page = publication(themes=[theme], sectors=[sector], file_text="Texte", authors="A; B")
            translation = page.copy_for_translation(fr).specific
            translation.title = f"{page.title} (fr)"
            translation.save_revision().publish()

    add(2)
    harvest(client, **params)  # the site's root paths are cached from now on
    counts = []
    for batch, new in ((2, 0), (6, 4)):
        add(new)
        with CaptureQueriesContext(connection) as queries:
            root = harvest(client, **params)
        assert len(root.findall(".//oai:record", NS)) == batch
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
    assert counts[1] <= 16, counts  # 15 when this was written
    # A page of a longer list takes no more.
    monkeypatch.setattr(oai, "PAGE_SIZE", 4)
    with CaptureQueriesContext(connection) as queries:
        root = harvest(client, **params)
    assert len(root.findall(".//oai:record", NS)) == 4
    assert len(queries) <= counts[1] + 1


@pytest.mark.django_db
def test_list_records_with_max_num_queries(client, django_assert_max_num_queries):
    theme = term(TermKind.THEME, "oai-max-queries", "استعلامات")
    for _ in range(3):
        publication(themes=[theme], file_text="Texte")
    with django_assert_max_num_queries(20):
        root = harvest(
            client, verb="ListRecords", metadataPrefix="oai_dc", set="theme:oai-max-queries"
        )
    assert len(root.findall(".//oai:record", NS)) == 3


# --- A real harvester against the live server


@pytest.fixture
def library(live_server):
    """The Arabic library and INPPLC's folder: the demo's when the database still has it (see
    the module's docstring), else the same pages built from nothing."""
    ar = Locale.objects.filter(language_code="ar").first()
    if ar is None or not PublicationFolderPage.objects.filter(slug="inpplc", locale=ar).exists():
        _build_library()
    return live_server


def _build_library():
    try:
        # The library's signals keep the default locale's id for the life of the process: the
        # locale comes back under that id.
        default_id = default_locale_id()
    except Locale.DoesNotExist:
        default_id = None
    for code, _name in settings.LANGUAGES:
        defaults = {"pk": default_id} if default_id and code == settings.LANGUAGE_CODE else {}
        Locale.objects.get_or_create(language_code=code, defaults=defaults)
    ar = Locale.objects.get(language_code="ar")
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=ar)
    )
    home = HomePage.objects.filter(locale=ar).first() or root.add_child(
        instance=HomePage(title="بوابة النزاهة", slug="home", locale=ar)
    )
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    partners = PartnersIndexPage.objects.filter(locale=ar).first() or home.add_child(
        instance=PartnersIndexPage(title="الشركاء", slug="partners")
    )
    institution = InstitutionPage.objects.filter(slug="inpplc", locale=ar).first()
    if institution is None:
        institution = partners.add_child(
            instance=InstitutionPage(
                title="الهيئة الوطنية للنزاهة والوقاية من الرشوة ومحاربتها",
                slug="inpplc",
                acronym="INPPLC",
                kind=InstitutionKind.AUTHORITY,
            )
        )
    index = PublicationIndexPage.objects.filter(locale=ar).first() or home.add_child(
        instance=PublicationIndexPage(title="المكتبة", slug="publications")
    )
    if not PublicationFolderPage.objects.child_of(index).filter(slug="inpplc").exists():
        index.add_child(
            instance=PublicationFolderPage(
                title=institution.title, slug="inpplc", institution=institution
            )
        )


@pytest.fixture
def sickle(library):
    import sickle

    class CountingSickle(sickle.Sickle):
        requests = 0

        def harvest(self, **kwargs):
            self.requests += 1
            return super().harvest(**kwargs)

    def make(http_method="GET"):
        # Straight to the live server, whatever proxy the environment names.
        return CountingSickle(
            f"{library.url}/oai/",
            http_method=http_method,
            proxies={"http": None, "https": None, "all": None},
            timeout=30,
        )

    return make


def _window_records(count, **fields):
    return [
        publication(datestamp=WINDOW + dt.timedelta(seconds=index), **fields)
        for index in range(count)
    ]


def test_harvester_identifies_the_repository_and_lists_its_sets(sickle, settings):
    settings.OAI_ADMIN_EMAIL = "oai@integrity.example"
    term(TermKind.THEME, "oai-harvest-theme", "حصاد")
    harvester = sickle()
    identify = harvester.Identify()
    assert identify.repositoryName == "National Integrity Portal"
    assert identify.baseURL == harvester.endpoint
    assert identify.protocolVersion == "2.0"
    assert identify.adminEmail == "oai@integrity.example"
    assert identify.deletedRecord == "persistent"
    assert identify.granularity == "YYYY-MM-DDThh:mm:ssZ"
    sets = {entry.setSpec: entry.setName for entry in harvester.ListSets()}
    assert sets["type:law"] == "Law"
    assert sets["type:report"] == "Report"
    assert sets["theme:oai-harvest-theme"] == "حصاد"
    assert {"type", "theme"} <= sets.keys()
    formats = [entry.metadataPrefix for entry in harvester.ListMetadataFormats()]
    assert formats == ["oai_dc"]


def test_harvester_pages_through_every_record_once(sickle, monkeypatch, client):
    monkeypatch.setattr(oai, "PAGE_SIZE", 2)
    titles = [f"تقرير النزاهة رقم {n} — «الشفافية»" for n in range(5)]
    pages = [
        publication(
            title=title,
            language="ar",
            datestamp=WINDOW + dt.timedelta(seconds=n),
        )
        for n, title in enumerate(titles)
    ]
    harvester = sickle()
    records = list(
        harvester.ListRecords(
            metadataPrefix="oai_dc", **{"from": "2001-03-01", "until": "2001-03-01"}
        )
    )
    assert harvester.requests == 3  # 2 + 2 + 1
    identifiers = [record.header.identifier for record in records]
    assert identifiers == [f"oai:localhost:publication/{page.pk}" for page in pages]
    assert [record.header.datestamp for record in records] == [
        f"2001-03-01T10:00:0{n}Z" for n in range(5)
    ]
    for record, page, title in zip(records, pages, titles, strict=True):
        assert not record.deleted
        assert record.metadata["title"] == [title]
        title_element = record.xml.find(f".//{{{NS['dc']}}}title")
        assert title_element.get(XML_LANG) == "ar"
        assert record.metadata["type"] == ["Report", "Text"]
        assert record.metadata["date"] == ["2024-05-15"]
        assert record.header.setSpecs == ["type:report"]
        permalink = record.metadata["identifier"][0]
        assert permalink == f"{harvester.endpoint[: -len('/oai/')]}/ar/publications/{page.pk}/"
        response = client.get(urlsplit(permalink).path)
        assert response.status_code == 302
        assert response["Location"] == page.url

    # The same list as headers, asked by POST.
    harvester = sickle("POST")
    headers = list(
        harvester.ListIdentifiers(
            metadataPrefix="oai_dc", **{"from": "2001-03-01", "until": "2001-03-01"}
        )
    )
    assert [header.identifier for header in headers] == identifiers
    assert harvester.requests == 3


def test_harvester_selects_by_dates_and_sets(sickle):
    theme = term(TermKind.THEME, "oai-selection", "انتقاء")
    laws = _window_records(2, publication_type="law", legal_status="in_force")
    reports = [
        publication(datestamp=WINDOW + dt.timedelta(seconds=2 + n), themes=[theme])
        for n in range(3)
    ]
    everything = laws + reports
    harvester = sickle()

    def identifiers(**params):
        return [
            header.identifier
            for header in harvester.ListIdentifiers(metadataPrefix="oai_dc", **params)
        ]

    def expected(pages):
        return [f"oai:localhost:publication/{page.pk}" for page in pages]

    assert identifiers(**{"from": "2001-03-01", "until": "2001-03-01"}) == expected(everything)
    # until is inclusive, to the second
    assert identifiers(
        **{"from": "2001-03-01T10:00:01Z", "until": "2001-03-01T10:00:03Z"}
    ) == expected(everything[1:4])
    assert identifiers(
        **{"from": "2001-03-01T10:00:04Z", "until": "2001-03-01T10:00:04Z"}
    ) == expected(everything[4:])
    assert identifiers(**{"from": "2001-03-01", "until": "2001-03-01", "set": "type:law"}) == (
        expected(laws)
    )
    assert identifiers(set="theme:oai-selection") == expected(reports)
    assert identifiers(**{"until": "2001-03-01T10:00:02Z", "set": "theme:oai-selection"}) == (
        expected(reports[:1])
    )
    record = harvester.GetRecord(
        metadataPrefix="oai_dc", identifier=f"oai:localhost:publication/{reports[0].pk}"
    )
    assert record.header.setSpecs == ["type:report", "theme:oai-selection"]
    assert record.metadata["subject"] == ["انتقاء"]
    from sickle.oaiexceptions import NoRecordsMatch

    with pytest.raises(NoRecordsMatch):
        identifiers(**{"until": "2001-02-28", "set": "theme:oai-selection"})


def test_harvester_sees_a_withdrawn_publication_as_deleted(sickle, monkeypatch):
    monkeypatch.setattr(oai, "PAGE_SIZE", 2)
    theme = term(TermKind.THEME, "oai-withdrawn", "مسحوب")
    pages = [
        publication(datestamp=WINDOW + dt.timedelta(seconds=n), themes=[theme]) for n in range(3)
    ]
    withdrawn = pages[1]
    withdrawn.unpublish()
    harvester = sickle()
    identifier = f"oai:localhost:publication/{withdrawn.pk}"

    record = harvester.GetRecord(metadataPrefix="oai_dc", identifier=identifier)
    assert record.deleted
    assert record.header.deleted
    assert not hasattr(record, "metadata")
    assert record.xml.find(f"{{{NS['oai']}}}metadata") is None
    assert record.header.setSpecs == ["type:report", "theme:oai-withdrawn"]

    records = list(harvester.ListRecords(metadataPrefix="oai_dc", set="theme:oai-withdrawn"))
    # The withdrawal is the latest change: the deleted record comes last.
    assert [(r.header.identifier, r.deleted) for r in records] == [
        (f"oai:localhost:publication/{pages[0].pk}", False),
        (f"oai:localhost:publication/{pages[2].pk}", False),
        (identifier, True),
    ]
    live_only = harvester.ListRecords(
        metadataPrefix="oai_dc", set="theme:oai-withdrawn", ignore_deleted=True
    )
    assert [r.header.identifier for r in live_only] == [
        r.header.identifier for r in records if not r.deleted
    ]

    # Published again, it is a record again.
    withdrawn.refresh_from_db()
    withdrawn.save_revision().publish()
    record = harvester.GetRecord(metadataPrefix="oai_dc", identifier=identifier)
    assert not record.deleted
    assert record.metadata["title"] == [withdrawn.title]
