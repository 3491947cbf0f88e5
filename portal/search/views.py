from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

from portal.library.models import PublicationType

from . import backends
from .models import SearchEntry
from .selectors import search
from .services import failed_search_record
from .text import clean_query, highlight

PER_PAGE = 10
MAX_QUERY = 300


def _number(value):
    """A page number from the query string: 1 unless it is a sensible one."""
    return max(int(value), 1) if value.isascii() and value.isdigit() and len(value) < 7 else 1


def _language(page, locale):
    """The language a result is written in: a publication's own, else its page's (an
    untranslated page shows the default language)."""
    if getattr(page, "language", ""):
        return page.language
    return settings.LANGUAGE_CODE if page.alias_of_id else locale.language_code


def _label(page):
    if getattr(page, "publication_type", ""):
        return PublicationType(page.publication_type).label
    if hasattr(page, "acronym"):
        return SearchEntry.Kind.INSTITUTION.label
    return ""


@backends.uses_index_plan
def search_view(request):
    """`/<lang>/search/?q=`: every page of the visitor's language, with highlighted extracts."""
    locale = Locale.get_active()
    q = clean_query(request.GET.get("q", ""), MAX_QUERY)
    kind = request.GET.get("kind", "")
    kind = kind if kind in SearchEntry.Kind.values else ""
    publication_type = request.GET.get("type", "")
    if publication_type not in PublicationType.values or kind != SearchEntry.Kind.PUBLICATION:
        publication_type = ""
    found = search(
        q,
        locale=locale,
        kind=kind,
        publication_type=publication_type,
        limit=PER_PAGE,
        offset=(_number(request.GET.get("page", "1")) - 1) * PER_PAGE,
    )
    if found.terms and not found.total and not kind:
        failed_search_record(q=q, language=locale.language_code)
    pages = Page.objects.live().public().filter(pk__in=found.page_ids).specific().in_bulk()
    texts = dict(
        SearchEntry.objects.filter(page_id__in=found.page_ids).values_list("page_id", "text")
    )
    results = []
    for pk in found.page_ids:
        page = pages.get(pk)
        if page is None:
            continue
        results.append(
            {
                "page": page,
                "url": page.get_url(request),
                "label": _label(page),
                "lang": _language(page, locale),
                "snippet": highlight(texts.get(pk, ""), found.terms),
            }
        )
    query = {"q": q, "kind": kind, "type": publication_type}
    querystring = urlencode({k: v for k, v in query.items() if v})
    kinds = [
        (label, found.kinds[value], value == kind, "?" + urlencode({"q": q, "kind": value}))
        for value, label in SearchEntry.Kind.choices
        if found.kinds.get(value)
    ]
    types = [
        (
            label,
            found.types[value],
            value == publication_type,
            "?" + urlencode({"q": q, "kind": SearchEntry.Kind.PUBLICATION, "type": value}),
        )
        for value, label in PublicationType.choices
        if value in found.types
    ]
    page_obj = Paginator(range(found.total), PER_PAGE).get_page(found.offset // PER_PAGE + 1)
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "q": q,
            "kind": kind,
            "publication_type": publication_type,
            "kinds": kinds,
            "types": types,
            "any_term": found.any_term,
            "results": results,
            "page_obj": page_obj,
            "searched": bool(found.terms),
            "querystring_base": f"{querystring}&",
        },
    )
