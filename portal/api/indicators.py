"""`/api/v1/indicators/`: the statistics, read only: the indicators with the filters of their
HTML listing (`portal.statistics.views.statistics_listing`), their metadata and data versions,
their observations, and the DCAT catalogue of this open data (`portal.statistics.dcat`)."""

from collections import defaultdict

from django.db.models import OuterRef, Q, Subquery
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from ninja import Path, Query, Router, Status
from wagtail.rich_text import expand_db_html

from portal.core.models import TermKind, term_names
from portal.institutions.selectors import institution_labels
from portal.statistics.dcat import FORMATS, catalog_graph, period_end
from portal.statistics.importer import period_start
from portal.statistics.models import (
    LICENCE_URLS,
    Dataset,
    IndicatorFolderPage,
    IndicatorPage,
    Licence,
    Observation,
    Periodicity,
    SourceKind,
    decode_dimensions,
)

from .common import language_tree, original_ids, pagination
from .schemas import (
    DIMENSION_DESCRIPTION,
    MAX_ID,
    DimensionFilter,
    IndicatorDetail,
    IndicatorLangQuery,
    IndicatorList,
    IndicatorQuery,
    NotFound,
    ObservationList,
    ObservationQuery,
    ValidationErrors,
)

router = Router(tags=["indicators"])

NOT_FOUND = "No indicator has this id."
ID_DESCRIPTION = "The permanent id of the indicator."
DIMENSION = Query(None, description=DIMENSION_DESCRIPTION)


def _published():
    return IndicatorPage.objects.live().public()


def _latest_totals(version_ids):
    """`{version id: its latest total}`, one query."""
    newest = (
        Observation.objects.filter(version_id=OuterRef("version_id"), dimension_key="")
        .order_by("-start")
        .values("start")[:1]
    )
    return {
        obs.version_id: obs
        for obs in Observation.objects.filter(
            version_id__in=version_ids, dimension_key="", start=Subquery(newest)
        )
    }


def _dimension_keys(version):
    if version is None:
        return []
    return list(
        Observation.objects.filter(version=version)
        .order_by()
        .values_list("dimension_key", flat=True)
        .distinct()
    )


def _number(value):
    return None if value is None else float(value)


class Context:
    """What the indicators of a response share: the labels in the requested language, their
    folders, ids and data. A few queries, whatever the number of indicators."""

    def __init__(self, request, locale, pages, published):
        self.request = request
        self.sources = {value: str(label) for value, label in SourceKind.choices}
        self.periodicities = {value: str(label) for value, label in Periodicity.choices}
        self.licences = {value: str(label) for value, label in Licence.choices}
        self.themes = term_names(TermKind.THEME, locale)
        self.institutions = institution_labels(locale)
        self.folders = {
            folder.path: folder
            for folder in IndicatorFolderPage.objects.filter(
                path__in={page.path[: -page.steplen] for page in pages}
            )
        }
        self.ids = original_ids(pages, published)
        self.datasets = {
            dataset.translation_key: dataset
            for dataset in Dataset.objects.filter(
                translation_key__in={page.translation_key for page in pages}
            ).select_related("current")
        }
        self.latest = _latest_totals([d.current_id for d in self.datasets.values() if d.current_id])

    def absolute(self, url):
        return self.request.build_absolute_uri(url)

    def version(self, page):
        dataset = self.datasets.get(page.translation_key)
        return dataset.current if dataset else None

    def downloads(self, url, number=None):
        """The data files of the page at `url`: current, or of version `number`."""
        prefix = url if number is None else f"{url}versions/{number}/"
        return [
            {"format": extension, "media_type": media_type, "url": f"{prefix}data.{extension}"}
            for extension, media_type, _file_type in FORMATS
        ]

    def publisher(self, page):
        folder = self.folders.get(page.path[: -page.steplen])
        if folder is None:
            return None
        acronym, name = self.institutions.get(folder.slug, ("", folder.title))
        return {"slug": folder.slug, "acronym": acronym, "name": name}

    def indicator(self, page):
        page_id = self.ids[page.pk]
        url = self.absolute(page.get_url(self.request))
        version = self.version(page)
        latest = self.latest.get(version.pk) if version else None
        return {
            "id": page_id,
            "url": url,
            "title": page.title,
            "unit": page.unit,
            "source_kind": {
                "value": page.source_kind,
                "label": self.sources.get(page.source_kind, page.source_kind),
            },
            "periodicity": {
                "value": page.periodicity,
                "label": self.periodicities.get(page.periodicity, page.periodicity),
            },
            "licence": {
                "code": page.licence,
                "label": self.licences.get(page.licence, page.licence),
                "url": LICENCE_URLS.get(page.licence) or None,
            },
            "publisher": self.publisher(page),
            "themes": [
                {"slug": t.slug, "name": self.themes.get(t.slug, t.name)} for t in page.themes.all()
            ],
            "is_sample": page.is_sample,
            "latest": {"period": latest.period, "value": float(latest.value)} if latest else None,
            "last_update": version.created_at if version else None,
            "links": {
                "downloads": self.downloads(url) if version else [],
                "observations": self.absolute(
                    reverse("api-v1:indicator_observations", kwargs={"id": page_id})
                ),
            },
        }

    def detail(self, page):
        data = self.indicator(page)
        version = self.version(page)
        values = defaultdict(set)
        for key in _dimension_keys(version):
            for code, value in decode_dimensions(key).items():
                values[code].add(value)
        declared = {d.code: d.label for d in page.dimensions.all()}
        labels = {**declared, **{code: code for code in sorted(set(values) - set(declared))}}
        dataset = self.datasets.get(page.translation_key)
        has_target = page.target_value is not None and page.target_period
        data.update(
            definition=expand_db_html(page.definition),
            methodology=expand_db_html(page.methodology),
            source={"name": page.source_name, "url": page.source_url},
            citation=page.citation,
            dimensions=[
                {"code": code, "label": label, "values": sorted(values[code])}
                for code, label in labels.items()
            ],
            notes=[
                {"period": note.period, "is_break": note.is_break, "text": note.text}
                for note in page.notes.all()
            ],
            target={
                "value": float(page.target_value),
                "period": page.target_period,
                "source": page.target_source,
            }
            if has_target
            else None,
            versions=[
                {
                    "number": v.number,
                    "date": v.created_at,
                    "row_count": v.row_count,
                    "comment": v.comment,
                    "downloads": self.downloads(data["url"], v.number),
                }
                for v in (dataset.versions.all() if dataset else [])
            ],
        )
        return data


LIST_DESCRIPTION = """The live, public indicators of one language tree (`lang`), filtered like
the statistics page, by title, one page at a time.

Each gives its metadata, the latest value of its main series (the totals) and the addresses of
its downloads and observations. Filters combine (all must match). An unknown slug gives no
results; a value of the wrong form (an unknown `source` or `lang`, a `page_size` outside
1..100…) is refused with 422 rather than ignored."""

DETAIL_DESCRIPTION = """One live, public indicator by its permanent id (`id` in the list), in
the language tree `lang` when it has a version there (otherwise the original): its metadata,
definition, method, source, breakdowns, notes, target and the versions of its data. 404 when no
live public indicator has this id."""

OBSERVATIONS_DESCRIPTION = """The values of an indicator: those of its current data, or of an
earlier `version`, ordered by period then breakdown, one page at a time (up to 1,000).

Periods are compared by their first day: `period_from=2019&period_to=2020` keeps what starts
from 1 January 2019 to 31 December 2020. `dimension` filters on breakdowns (`code:value`) and
`total_only` keeps the totals. 404 when no live public indicator has this id or it has no such
version; 422 for a parameter of the wrong form or a `dimension` code the indicator does not
have."""

CATALOG_DESCRIPTION = """Every live, public indicator as a `dcat:Dataset` of a `dcat:Catalog`
(DCAT with the vocabularies of DCAT-AP): titles and descriptions in each language it is
translated into, publisher, themes, licence, frequency, period covered and its CSV, JSON and
Excel downloads as `dcat:Distribution`s. Sample series say so in their description. For
harvesting by open-data portals."""


@router.get(
    "/indicators/",
    response={200: IndicatorList, 422: ValidationErrors},
    summary="List indicators",
    description=LIST_DESCRIPTION,
    operation_id="listIndicators",
)
def list_indicators(request, filters: Query[IndicatorQuery]):
    with translation.override(filters.lang):
        locale = language_tree(filters.lang)
        published = _published()
        pages = published.filter(locale=locale) if locale else IndicatorPage.objects.none()
        if filters.source:
            pages = pages.filter(source_kind=filters.source)
        if filters.theme:
            pages = pages.filter(themes__kind=TermKind.THEME, themes__slug=filters.theme).distinct()
        if filters.institution:
            folders = (
                IndicatorFolderPage.objects.live()
                .public()
                .filter(locale=locale, slug=filters.institution)
            )
            in_folder = Q(pk__in=[])
            for path in folders.values_list("path", flat=True):
                in_folder |= Q(path__startswith=path)
            pages = pages.filter(in_folder)
        count = pages.count()
        offset = (filters.page - 1) * filters.page_size
        results = (
            list(
                pages.order_by("title", "pk").prefetch_related("themes")[
                    offset : offset + filters.page_size
                ]
            )
            if offset < count
            else []
        )
        context = Context(request, locale, results, published) if results else None
        return {
            **pagination(request, filters.model_dump(), filters.page, filters.page_size, count),
            "results": [context.indicator(page) for page in results],
        }


@router.get(
    "/indicators/{id}/",
    response={200: IndicatorDetail, 404: NotFound, 422: ValidationErrors},
    summary="One indicator",
    description=DETAIL_DESCRIPTION,
    operation_id="getIndicator",
)
def get_indicator(
    request,
    options: Query[IndicatorLangQuery],
    id: int = Path(..., ge=1, le=MAX_ID, description=ID_DESCRIPTION),
):
    published = _published()
    original = published.filter(pk=id).first()
    if original is None:
        return Status(404, {"detail": NOT_FOUND})
    with translation.override(options.lang):
        locale = language_tree(options.lang)
        versions = {
            version.locale_id: version
            for version in published.filter(
                translation_key=original.translation_key,
                locale_id__in={original.locale_id, locale.pk if locale else original.locale_id},
            ).prefetch_related("themes", "dimensions", "notes")
        }
        page = versions.get(locale.pk if locale else None) or versions[original.locale_id]
        return Context(request, locale or page.locale, [page], published).detail(page)


def _unknown_codes(codes, known):
    return Status(
        422,
        {
            "detail": [
                {
                    "type": "value_error",
                    "loc": ["query", "dimension"],
                    "msg": f"Unknown breakdown: {', '.join(codes)}. "
                    f"This indicator has: {', '.join(sorted(known)) or 'none'}.",
                }
            ]
        },
    )


def _period_end(period):
    periodicity = (
        Periodicity.ANNUAL
        if len(period) == 4
        else Periodicity.QUARTERLY
        if "Q" in period
        else Periodicity.MONTHLY
    )
    return period_end(period_start(period), periodicity)


@router.get(
    "/indicators/{id}/observations/",
    response={200: ObservationList, 404: NotFound, 422: ValidationErrors},
    summary="The observations of an indicator",
    description=OBSERVATIONS_DESCRIPTION,
    operation_id="listIndicatorObservations",
    url_name="indicator_observations",
)
def list_observations(
    request,
    filters: Query[ObservationQuery],
    id: int = Path(..., ge=1, le=MAX_ID, description=ID_DESCRIPTION),
    dimension: list[DimensionFilter] = DIMENSION,
):
    page = _published().filter(pk=id).first()
    if page is None:
        return Status(404, {"detail": NOT_FOUND})
    dataset = page.dataset
    if filters.version is None:
        version = dataset.current if dataset else None
    else:
        version = dataset.versions.filter(number=filters.version).first() if dataset else None
        if version is None:
            return Status(404, {"detail": f"This indicator has no version {filters.version}."})
    rows = Observation.objects.filter(version=version) if version else Observation.objects.none()
    if dimension:
        wanted = defaultdict(set)
        for item in dimension:
            code, _sep, value = item.partition(":")
            wanted[code].add(value)
        keys = {key: decode_dimensions(key) for key in _dimension_keys(version)}
        known = {d.code for d in page.dimensions.all()} | {
            c for dims in keys.values() for c in dims
        }
        if unknown := sorted(set(wanted) - known):
            return _unknown_codes(unknown, known)
        rows = rows.filter(
            dimension_key__in=[
                key
                for key, dims in keys.items()
                if all(dims.get(code) in values for code, values in wanted.items())
            ]
        )
    if filters.total_only:
        rows = rows.filter(dimension_key="")
    if filters.period_from:
        rows = rows.filter(start__gte=period_start(filters.period_from))
    if filters.period_to:
        rows = rows.filter(start__lte=_period_end(filters.period_to))
    count = rows.count()
    offset = (filters.page - 1) * filters.page_size
    results = (
        rows.order_by("start", "dimension_key")[offset : offset + filters.page_size]
        if offset < count
        else []
    )
    return {
        **pagination(
            request,
            {**filters.model_dump(), "dimension": dimension},
            filters.page,
            filters.page_size,
            count,
        ),
        "version": version.number if version else None,
        "results": [
            {
                "period": obs.period,
                "start": obs.start,
                "dimensions": decode_dimensions(obs.dimension_key),
                "value": float(obs.value),
                "lower": _number(obs.lower),
                "upper": _number(obs.upper),
                "note": obs.note,
            }
            for obs in results
        ],
    }


def _catalog_operation(path, media_type, operation_id, summary):
    return router.get(
        path,
        summary=summary,
        description=CATALOG_DESCRIPTION,
        operation_id=operation_id,
        tags=["catalogue"],
        openapi_extra={
            "responses": {
                200: {
                    "description": "The catalogue.",
                    "content": {
                        media_type: {
                            "schema": {"type": "object" if "json" in media_type else "string"}
                        }
                    },
                }
            }
        },
    )


@_catalog_operation("/catalog.ttl", "text/turtle", "getCatalogTurtle", "DCAT catalogue (Turtle)")
def catalog_turtle(request):
    body = catalog_graph(request).serialize(format="turtle")
    return HttpResponse(body, content_type="text/turtle; charset=utf-8")


@_catalog_operation(
    "/catalog.jsonld", "application/ld+json", "getCatalogJsonLd", "DCAT catalogue (JSON-LD)"
)
def catalog_jsonld(request):
    body = catalog_graph(request).serialize(format="json-ld", auto_compact=True)
    return HttpResponse(body, content_type="application/ld+json")
