"""`/api/v1/publications/`: the library, read only, with the filters, search and facets of its
HTML listing (`portal.library.views.library_listing`)."""

from django.conf import settings
from django.db.models import Prefetch
from django.utils import translation
from ninja import Path, Query, Router, Status

from portal.core.models import TermKind, term_names
from portal.institutions.selectors import institution_labels
from portal.library import selectors
from portal.library.models import (
    LegalStatus,
    PublicationFile,
    PublicationIndexPage,
    PublicationPage,
    PublicationType,
)
from portal.search import backends
from portal.search.selectors import search
from portal.search.text import query_terms

from .common import language_tree, original_ids, pagination
from .schemas import (
    MAX_ID,
    LangQuery,
    NotFound,
    PublicationDetail,
    PublicationList,
    PublicationQuery,
    ValidationErrors,
)

router = Router(tags=["publications"])

NOT_FOUND = "No publication has this id."

RELATED = (
    "institutions",
    "themes",
    "sectors",
    Prefetch("files", queryset=PublicationFile.objects.select_related("document")),
)


def _published():
    return PublicationPage.objects.live().public()


class Context:
    """What every result of a response shares: the labels in the requested language and the
    address of the library of each language tree. A few queries, whatever the number of
    results."""

    def __init__(self, request, locale):
        self.request = request
        self.locale = locale
        self.types = {value: str(label) for value, label in PublicationType.choices}
        self.statuses = {value: str(label) for value, label in LegalStatus.choices}
        self.themes = term_names(TermKind.THEME, locale)
        self.sectors = term_names(TermKind.SECTOR, locale)
        self.institutions = institution_labels(locale)
        self._indexes = {}

    def absolute(self, url):
        return self.request.build_absolute_uri(url)

    def permalink(self, page, page_id):
        if page.locale_id not in self._indexes:
            self._indexes[page.locale_id] = (
                PublicationIndexPage.objects.live().filter(locale_id=page.locale_id).first()
            )
        index = self._indexes[page.locale_id]
        if index is None:
            return self.absolute(page.get_url(self.request))
        return self.absolute(
            index.get_url(self.request) + index.reverse_subpage("permalink", args=[page_id])
        )

    def institution(self, institution):
        acronym, name = self.institutions.get(
            institution.slug, (institution.acronym, institution.title)
        )
        return {"slug": institution.slug, "acronym": acronym, "name": name}

    def publication(self, page, page_id):
        legal = None
        if page.is_legal:
            status = page.legal_status
            legal = {
                "number": page.legal_number,
                "adoption_date": page.adoption_date,
                "bulletin": page.bulletin,
                "status": {"value": status, "label": self.statuses.get(status, status)}
                if status
                else None,
            }
        return {
            "id": page_id,
            "url": self.permalink(page, page_id),
            "title": page.title,
            "language": page.language,
            "type": {
                "value": page.publication_type,
                "label": self.types.get(page.publication_type, page.publication_type),
            },
            "date": page.publication_date,
            "summary": page.summary,
            "institutions": [self.institution(i) for i in page.institutions.all()],
            "themes": [
                {"slug": t.slug, "name": self.themes.get(t.slug, t.name)} for t in page.themes.all()
            ],
            "sectors": [
                {"slug": t.slug, "name": self.sectors.get(t.slug, t.name)}
                for t in page.sectors.all()
            ],
            "files": [
                {
                    "url": self.absolute(f.document.url),
                    "language": f.language,
                    "format": f.document.file_extension,
                    "size": f.document.file_size,
                }
                for f in page.files.all()
            ],
            "legal": legal,
        }


def _facets(counts, active, locale, institutions):
    facets = {}
    for facet in selectors.facets(counts, active, locale, institutions):
        options = []
        for value, label, count, _selected in facet.options:
            if facet.name == "institution" and not label:
                label = institutions.get(value, ("", value))[1]
            options.append({"value": value, "label": str(label), "count": count})
        facets[facet.name] = options
    return facets


EMPTY_FACETS = {name: [] for name in selectors.FILTERS}

LIST_DESCRIPTION = """The live, public publications of one language tree (`lang`), filtered,
searched and sorted like the library's pages, one page at a time.

Filters combine (all must match). `facets` gives, for each filter, the values present with the
number of publications each would give, the other filters applied: the counts of the library's
side bar. An unknown slug gives no results; a value of the wrong form (an unknown `type`,
`language`, `lang` or `sort`, a `year` that is not four digits, a `page_size` outside 1..100…)
is refused with 422 rather than ignored."""

DETAIL_DESCRIPTION = """One live, public publication by its permanent id (`id` in the list),
in the language tree `lang` when it has a version there (otherwise the original), with its
other language versions. 404 when no live public publication has this id."""


@router.get(
    "/publications/",
    response={200: PublicationList, 422: ValidationErrors},
    summary="List and search publications",
    description=LIST_DESCRIPTION,
    operation_id="listPublications",
)
@backends.uses_index_plan
def list_publications(request, filters: Query[PublicationQuery]):
    params = filters.model_dump()
    page_number, page_size = filters.page, filters.page_size
    offset = (page_number - 1) * page_size
    with translation.override(filters.lang):
        locale = language_tree(filters.lang)
        if locale is None:
            return {
                "count": 0,
                "page": page_number,
                "page_size": page_size,
                "next": None,
                "previous": None,
                "results": [],
                "facets": EMPTY_FACETS,
            }
        active = selectors.clean_filters(
            {name: str(value) for name, value in params.items() if value is not None}
        )
        terms = query_terms(filters.q or "")
        base = _published().filter(locale=locale)
        any_term = False
        if terms:
            base, any_term = selectors.restrict_to_matches(base, terms, locale=locale)
        sort = filters.sort
        if sort is None or (sort == "relevance" and not terms):
            sort = "relevance" if terms else "newest"
        results = selectors.filtered(base, active)
        if sort == "relevance":
            found = search(
                filters.q,
                locale=locale,
                page_ids=results,
                any_term=any_term,
                limit=page_size,
                offset=offset,
            )
            count = found.total
            page_ids = found.page_ids if offset < count else []
            by_id = PublicationPage.objects.prefetch_related(*RELATED).in_bulk(page_ids)
            pages = [by_id[pk] for pk in page_ids if pk in by_id]
        else:
            order = ("-publication_date", "-pk") if sort == "newest" else ("publication_date", "pk")
            count = results.count()
            pages = (
                list(
                    results.order_by(*order).prefetch_related(*RELATED)[offset : offset + page_size]
                )
                if offset < count
                else []
            )
        context = Context(request, locale)
        ids = original_ids(pages, _published())
        return {
            **pagination(request, params, page_number, page_size, count),
            "results": [context.publication(page, ids[page.pk]) for page in pages],
            "facets": _facets(
                selectors.facet_counts(base, active), active, locale, context.institutions
            ),
        }


@router.get(
    "/publications/{id}/",
    response={200: PublicationDetail, 404: NotFound, 422: ValidationErrors},
    summary="One publication",
    description=DETAIL_DESCRIPTION,
    operation_id="getPublication",
)
def get_publication(
    request,
    options: Query[LangQuery],
    id: int = Path(..., ge=1, le=MAX_ID, description="The permanent id of the publication."),
):
    original = _published().filter(pk=id).first()
    if original is None:
        return Status(404, {"detail": NOT_FOUND})
    with translation.override(options.lang):
        locale = language_tree(options.lang)
        page = original
        if locale is not None and original.locale_id != locale.pk:
            page = (
                _published().filter(translation_key=original.translation_key, locale=locale).first()
                or original
            )
        page = PublicationPage.objects.prefetch_related(*RELATED).get(pk=page.pk)
        context = Context(request, locale or page.locale)
        data = context.publication(page, original_ids([page], _published())[page.pk])
        versions = (
            _published()
            .filter(translation_key=page.translation_key, alias_of__isnull=True)
            .exclude(pk=page.pk)
            .select_related("locale")
        )
        order = {code: n for n, (code, _name) in enumerate(settings.LANGUAGES)}
        data["translations"] = [
            {
                "lang": version.locale.language_code,
                "title": version.title,
                "url": context.permalink(version, data["id"]),
            }
            for version in sorted(
                versions, key=lambda v: order.get(v.locale.language_code, len(order))
            )
        ]
        return data
