"""The library's pages: the filtered listing and a publication."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language_info

from portal.core.models import TermKind, default_locale_id, term_names
from portal.institutions.selectors import institution_labels
from portal.search import backends
from portal.search.models import SearchEntry
from portal.search.selectors import search
from portal.search.services import failed_search_record
from portal.search.text import clean_query, highlight, query_terms

from . import selectors
from .citations import plain_citation
from .models import LegalRelation, PublicationPage, PublicationType

PER_PAGE = 12
MAX_QUERY = 300


def _link(params, **changes):
    query = {k: v for k, v in params.items() if k != "page"}
    for name, value in changes.items():
        if value is None:
            query.pop(name, None)
        else:
            query[name] = value
    return "?" + urlencode(query) if query else "?"


def _cards(pages, request, institutions, terms, texts):
    type_labels = dict(PublicationType.choices)
    cards = []
    for page in pages:
        cards.append(
            {
                "page": page,
                "url": page.get_url(request),
                "type": type_labels.get(page.publication_type, ""),
                "institutions": [
                    institutions.get(i.slug, (i.acronym, i.title)) for i in page.institutions.all()
                ],
                "languages": sorted({f.language for f in page.files.all()}),
                "snippet": highlight(texts.get(page.pk) or page.summary, terms) if terms else "",
            }
        )
    return cards


@backends.uses_index_plan
def library_listing(request, index):
    locale = index.locale
    params = {
        k: v for k, v in request.GET.items() if k in {*selectors.FILTERS, "q", "sort", "page"}
    }
    active = selectors.clean_filters(request.GET)
    q = clean_query(request.GET.get("q", ""), MAX_QUERY)
    terms = query_terms(q)
    base = PublicationPage.objects.live().public().filter(locale=locale)
    any_term = False
    if terms:
        base, any_term = selectors.restrict_to_matches(base, terms, locale=locale)
    sort = request.GET.get("sort", "")
    if sort not in selectors.SORTS or (sort == "relevance" and not terms):
        sort = "relevance" if terms else "newest"
    results = selectors.filtered(base, active)
    institutions = institution_labels(locale)
    facets = selectors.facets(selectors.facet_counts(base, active), active, locale, institutions)
    related = ("institutions", "files")
    if sort == "relevance":
        number = request.GET.get("page", "1")
        number = int(number) if number.isascii() and number.isdigit() and len(number) < 7 else 1
        found = search(
            q,
            locale=locale,
            page_ids=results,
            any_term=any_term,
            limit=PER_PAGE,
            offset=max(number - 1, 0) * PER_PAGE,
        )
        page_obj = Paginator(range(found.total), PER_PAGE).get_page(found.offset // PER_PAGE + 1)
        by_id = PublicationPage.objects.prefetch_related(*related).in_bulk(found.page_ids)
        pages = [by_id[pk] for pk in found.page_ids if pk in by_id]
    else:
        order = ("-publication_date", "-pk") if sort == "newest" else ("publication_date", "pk")
        page_obj = Paginator(
            results.order_by(*order).prefetch_related(*related), PER_PAGE
        ).get_page(request.GET.get("page"))
        pages = list(page_obj.object_list)
    texts = {}
    if terms and pages:
        texts = dict(
            SearchEntry.objects.filter(page_id__in=[p.pk for p in pages]).values_list(
                "page_id", "text"
            )
        )
    if terms and not page_obj.paginator.count and not active:
        failed_search_record(q=q, language=locale.language_code)
    for facet in facets:
        facet.options = [
            (label, count, selected, _link(params, **{facet.name: None if selected else value}))
            for value, label, count, selected in facet.options
        ]
    context = index.get_context(request)
    context.update(
        q=q,
        sort=sort,
        sorts=[
            (value, label, value == sort, _link(params, sort=value))
            for value, label in selectors.sort_labels(bool(terms))
        ],
        facets=facets,
        active=bool(active),
        active_filters=list(active.items()),
        any_term=any_term,
        page_obj=page_obj,
        cards=_cards(pages, request, institutions, terms, texts),
        querystring_base=_link(params)[1:] + "&" if _link(params) != "?" else "",
        clear_url=_link({"q": q} if q else {}),
    )
    response = TemplateResponse(request, "library/publication_index_page.html", context)
    # Only addresses that show something as asked are kept by the page cache: made-up filter
    # values or page numbers cannot fill it.
    ignored = any(request.GET.get(name) and name not in active for name in selectors.FILTERS)
    wrong_page = request.GET.get("page", str(page_obj.number)) != str(page_obj.number)
    wrong_sort = request.GET.get("sort", sort) != sort
    if ignored or wrong_page or wrong_sort or not page_obj.paginator.count:
        patch_cache_control(response, private=True)
    return response


def _localized(pages, locale):
    """Each page's version in `locale` if there is a live one (one query)."""
    keys = [page.translation_key for page in pages]
    local = {
        page.translation_key: page
        for page in PublicationPage.objects.live()
        .public()
        .filter(translation_key__in=keys, locale=locale)
    }
    return [local.get(page.translation_key, page) for page in pages]


def amendment_timeline(page):
    """The texts this one amends or repeals, and those that amend or repeal it, by date."""
    visible = PublicationPage.objects.live().public().values("pk")
    outgoing = list(page.legal_relations.filter(target__in=visible).select_related("target"))
    incoming = list(
        LegalRelation.objects.filter(target__translation_key=page.translation_key, page__in=visible)
        .filter(Q(page__locale=page.locale) | Q(page__locale_id=default_locale_id()))
        .select_related("page")
        .order_by("page__locale_id")
    )
    entries, seen = [], set()
    for relation, other, direction in [
        *((r, r.target, "out") for r in outgoing),
        *((r, r.page, "in") for r in incoming),
    ]:
        if (other.translation_key, direction) in seen:
            continue
        seen.add((other.translation_key, direction))
        entries.append((relation, other, direction))
    localized = _localized([other for _r, other, _d in entries], page.locale)
    timeline = [
        {
            "page": other,
            "date": other.adoption_date or other.publication_date,
            "kind": relation.kind,
            "direction": direction,
        }
        for (relation, _o, direction), other in zip(entries, localized, strict=True)
    ]
    timeline.append(
        {"page": page, "date": page.adoption_date or page.publication_date, "self": True}
    )
    return sorted(timeline, key=lambda entry: entry["date"])


def related_publications(page, limit=4):
    theme_ids = [term.pk for term in page.themes.all()]
    if not theme_ids:
        return []
    return list(
        PublicationPage.objects.live()
        .public()
        .filter(locale=page.locale, themes__in=theme_ids)
        .exclude(pk=page.pk)
        .annotate(shared=Count("pk"))
        .order_by("-shared", "-publication_date")[:limit]
    )


def publication_detail(request, page):
    locale = page.locale
    institutions = institution_labels(locale)
    themes = term_names(TermKind.THEME, locale)
    sectors = term_names(TermKind.SECTOR, locale)
    index = page.library
    publishers = list(page.institutions.all())
    permalink = request.build_absolute_uri(index.permalink_url(page, request))
    context = page.get_context(request)
    context.update(
        institutions=[institutions.get(i.slug, (i.acronym, i.title)) for i in publishers],
        themes=[(t.slug, themes.get(t.slug, t.name)) for t in page.themes.all()],
        sectors=[(t.slug, sectors.get(t.slug, t.name)) for t in page.sectors.all()],
        files=[
            {
                "document": f.document,
                "language": f.language,
                "language_name": get_language_info(f.language)["name_local"],
            }
            for f in page.ordered_files
        ],
        index=index,
        index_url=index.get_url(request),
        permalink=permalink,
        citation=plain_citation(page, permalink, publishers),
        timeline=amendment_timeline(page) if page.is_legal else [],
        related=related_publications(page),
        page_lang=page.language,
        page_dir=page.text_direction,
    )
    return TemplateResponse(request, "library/publication_page.html", context)
