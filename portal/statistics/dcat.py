"""The catalogue of the statistics' open data in DCAT (with the vocabularies of DCAT-AP): one
`dcat:Dataset` per live, public indicator, described in each language it is translated into,
with its three downloads. A few queries, whatever the number of indicators."""

import calendar
import html
from collections import defaultdict

from django.conf import settings
from django.db.models import Max, Min
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, SKOS

from portal.core.models import HomePage, Term, TermKind, default_locale_id
from portal.institutions.models import InstitutionKind, InstitutionPage

from .models import (
    LICENCE_URLS,
    Dataset,
    IndicatorFolderPage,
    IndicatorPage,
    Licence,
    Observation,
    Periodicity,
    StatisticsIndexPage,
)

EU = "http://publications.europa.eu/resource/authority/"
FREQUENCY = Namespace(EU + "frequency/")
FILE_TYPE = Namespace(EU + "file-type/")
EU_LANGUAGE = Namespace(EU + "language/")
MEDIA_TYPE = Namespace("http://www.iana.org/assignments/media-types/")

FREQUENCIES = {
    Periodicity.ANNUAL: FREQUENCY.ANNUAL,
    Periodicity.QUARTERLY: FREQUENCY.QUARTERLY,
    Periodicity.MONTHLY: FREQUENCY.MONTHLY,
}
MONTHS = {Periodicity.ANNUAL: 12, Periodicity.QUARTERLY: 3, Periodicity.MONTHLY: 1}
LANGUAGES = {
    "ar": EU_LANGUAGE.ARA,
    "fr": EU_LANGUAGE.FRA,
    "en": EU_LANGUAGE.ENG,
    # ISO 639-3, through Lexvo, for Standard Moroccan Tamazight.
    "zgh": URIRef("http://lexvo.org/id/iso639-3/zgh"),
}
# (extension, IANA media type, EU file type)
FORMATS = (
    ("csv", "text/csv", FILE_TYPE.CSV),
    ("json", "application/json", FILE_TYPE.JSON),
    ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FILE_TYPE.XLSX),
)
PREFIXES = {"dcat": DCAT, "dct": DCTERMS, "foaf": FOAF, "skos": SKOS, "rdfs": RDFS, "xsd": XSD}


def period_end(start, periodicity):
    """The last day of the period of `periodicity` that starts on `start` (within its year)."""
    month = min(start.month + MONTHS[periodicity] - 1, 12)
    return start.replace(month=month, day=calendar.monthrange(start.year, month)[1])


def _plain(text):
    return " ".join(html.unescape(strip_tags(text)).split())


def _sample_notice(lang):
    with translation.override(lang):
        return gettext("Sample data."), gettext(
            "These values are examples to show how the portal works; they are not published "
            "figures."
        )


def _by_language(queryset, *fields):
    """`{translation_key: {language code: (fields…)}}` of the pages of `queryset` that are not
    aliases."""
    result = defaultdict(dict)
    for key, lang, *values in queryset.filter(alias_of__isnull=True).values_list(
        "translation_key", "locale__language_code", *fields
    ):
        result[key][lang] = values
    return result


class CatalogBuilder:
    """Reads everything the catalogue says in bulk, then writes the triples."""

    def __init__(self, request):
        self.request = request
        self.graph = Graph(bind_namespaces="core")
        for prefix, namespace in PREFIXES.items():
            self.graph.bind(prefix, namespace)

    def absolute(self, url):
        return self.request.build_absolute_uri(url)

    def page_url(self, page):
        return self.absolute(page.get_url(self.request))

    def add(self, subject, predicate, obj):
        self.graph.add((subject, predicate, obj))

    def texts(self, subject, predicate, by_lang):
        for lang, text in by_lang.items():
            if text:
                self.add(subject, predicate, Literal(text, lang=lang))

    def live(self, model):
        """The live, public pages of `model` (the private sections are read once)."""
        return model.objects.live().exclude(self.private)

    def build(self):
        default = default_locale_id()
        self.private = IndicatorPage.objects.private_q()
        indicators = list(
            self.live(IndicatorPage)
            .filter(locale_id=default, alias_of__isnull=True)
            .prefetch_related("themes")
            .order_by("pk")
        )
        keys = [page.translation_key for page in indicators]
        self.translations = _by_language(
            self.live(IndicatorPage).filter(translation_key__in=keys), "title", "definition"
        )
        self.datasets = {
            d.translation_key: d
            for d in Dataset.objects.filter(translation_key__in=keys).select_related("current")
        }
        self.spans = {
            row["version_id"]: (row["first"], row["last"])
            for row in Observation.objects.filter(
                version_id__in=[d.current_id for d in self.datasets.values() if d.current_id]
            )
            .values("version_id")
            .annotate(first=Min("start"), last=Max("start"))
            .order_by()
        }
        self.folders = {
            folder.path: folder
            for folder in IndicatorFolderPage.objects.filter(
                path__in={page.path[: -page.steplen] for page in indicators}
            ).select_related("institution")
        }
        authority = (
            self.live(InstitutionPage)
            .filter(locale_id=default, alias_of__isnull=True, kind=InstitutionKind.AUTHORITY)
            .order_by("pk")
            .first()
        )
        institutions = [f.institution for f in self.folders.values() if f.institution]
        self.institution_names = _by_language(
            self.live(InstitutionPage).filter(
                translation_key__in=[i.translation_key for i in [*institutions, authority] if i]
            ),
            "title",
        )
        self.theme_names = defaultdict(dict)
        for slug, lang, name in Term.objects.filter(kind=TermKind.THEME).values_list(
            "slug", "locale__language_code", "name"
        ):
            self.theme_names[slug][lang] = name
        catalog = self.catalog(authority)
        for page in indicators:
            self.add(catalog, DCAT.dataset, self.dataset(page))
        return self.graph

    def catalog(self, authority):
        """The catalogue: the statistics page of each language (titled with the portal's name),
        published by the authority."""
        sections = {
            index.locale.language_code: index
            for index in self.live(StatisticsIndexPage)
            .filter(alias_of__isnull=True)
            .select_related("locale")
            .order_by("-pk")
        }
        portal = {
            lang: title
            for titles in _by_language(self.live(HomePage), "title").values()
            for lang, (title,) in titles.items()
        }
        index = next((i for i in sections.values() if i.locale_id == default_locale_id()), None)
        homepage = self.page_url(index) if index else self.absolute("/")
        self.homepage = homepage
        catalog = URIRef(homepage + "#catalog")
        self.add(catalog, RDF.type, DCAT.Catalog)
        titles = {
            lang: f"{portal[lang]} — {page.title}" if lang in portal else page.title
            for lang, page in sections.items()
        }
        self.texts(
            catalog, DCTERMS.title, titles or {"en": f"{settings.WAGTAIL_SITE_NAME} — Statistics"}
        )
        self.texts(catalog, DCTERMS.description, {lang: p.intro for lang, p in sections.items()})
        self.add(catalog, FOAF.homepage, URIRef(homepage))
        for code, _name in settings.LANGUAGES:
            if code in LANGUAGES:
                self.add(catalog, DCTERMS.language, LANGUAGES[code])
        if authority is not None:
            self.add(catalog, DCTERMS.publisher, self.organization(authority))
        return catalog

    def organization(self, institution):
        node = URIRef(self.page_url(institution))
        self.add(node, RDF.type, FOAF.Organization)
        names = self.institution_names.get(institution.translation_key, {})
        self.texts(node, FOAF.name, {lang: title for lang, (title,) in names.items()})
        if institution.website:
            self.add(node, FOAF.homepage, URIRef(institution.website))
        return node

    def licence(self, page):
        url = LICENCE_URLS.get(page.licence, "")
        node = URIRef(url) if url else BNode()
        self.add(node, RDF.type, DCTERMS.LicenseDocument)
        self.add(node, RDFS.label, Literal(str(Licence(page.licence).label)))
        return node

    def dataset(self, page):
        landing = self.page_url(page)
        node = URIRef(landing + "#dataset")
        self.add(node, RDF.type, DCAT.Dataset)
        versions = self.translations.get(page.translation_key, {})
        self.texts(node, DCTERMS.title, {lang: title for lang, (title, _d) in versions.items()})
        descriptions = {lang: _plain(definition) for lang, (_t, definition) in versions.items()}
        if page.is_sample:
            for lang in descriptions:
                notice, detail = _sample_notice(lang)
                descriptions[lang] = f"{notice} {detail} {descriptions[lang]}"
                self.add(node, DCAT.keyword, Literal(notice.rstrip("."), lang=lang))
        self.texts(node, DCTERMS.description, descriptions)
        self.add(node, DCTERMS.identifier, Literal(str(page.pk)))
        self.add(node, DCAT.landingPage, URIRef(landing))
        folder = self.folders.get(page.path[: -page.steplen])
        if folder is not None and folder.institution is not None:
            self.add(node, DCTERMS.publisher, self.organization(folder.institution))
        for term in page.themes.all():
            concept = URIRef(f"{self.homepage}?theme={term.slug}")
            self.add(node, DCAT.theme, concept)
            self.add(concept, RDF.type, SKOS.Concept)
            self.add(concept, SKOS.notation, Literal(term.slug))
            names = self.theme_names.get(term.slug, {})
            self.texts(concept, SKOS.prefLabel, names)
            self.texts(node, DCAT.keyword, names)
        licence = self.licence(page)
        self.add(node, DCTERMS.license, licence)
        if page.periodicity in FREQUENCIES:
            self.add(node, DCTERMS.accrualPeriodicity, FREQUENCIES[page.periodicity])
        dataset = self.datasets.get(page.translation_key)
        version = dataset.current if dataset else None
        if version is None:
            return node
        modified = Literal(version.created_at.isoformat(), datatype=XSD.dateTime)
        self.add(node, DCTERMS.modified, modified)
        if version.pk in self.spans:
            first, last = self.spans[version.pk]
            period = BNode()
            self.add(node, DCTERMS.temporal, period)
            self.add(period, RDF.type, DCTERMS.PeriodOfTime)
            self.add(period, DCAT.startDate, Literal(first.isoformat(), datatype=XSD.date))
            end = period_end(last, page.periodicity).isoformat()
            self.add(period, DCAT.endDate, Literal(end, datatype=XSD.date))
        for extension, media_type, file_type in FORMATS:
            url = f"{landing}data.{extension}"
            distribution = URIRef(f"{landing}#distribution-{extension}")
            self.add(node, DCAT.distribution, distribution)
            self.add(distribution, RDF.type, DCAT.Distribution)
            self.add(distribution, DCTERMS.title, Literal(extension.upper()))
            self.add(distribution, DCAT.downloadURL, URIRef(url))
            self.add(distribution, DCAT.accessURL, URIRef(landing))
            self.add(distribution, DCAT.mediaType, MEDIA_TYPE[media_type])
            self.add(distribution, DCTERMS["format"], file_type)
            self.add(distribution, DCTERMS.license, licence)
            self.add(distribution, DCTERMS.modified, modified)
        return node


def catalog_graph(request):
    """The catalogue as an rdflib graph, with absolute addresses on the host of `request`."""
    return CatalogBuilder(request).build()
