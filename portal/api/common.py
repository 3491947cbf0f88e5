"""What the API's routers share: the language tree asked for, permanent ids and pagination."""

from urllib.parse import urlencode

from wagtail.models import Locale

from portal.core.models import default_locale_id


def language_tree(lang):
    """The locale of the `lang` tree, or None."""
    return Locale.objects.filter(language_code=lang).first()


def original_ids(pages, published):
    """`{page pk: permanent id}` in one query: the id of the live original in the default
    language (the id of permanent addresses, OAI records and catalogues) or, without one, the
    page's own `original_id`. `published`: the live, public pages of that type."""
    keys = {page.translation_key for page in pages}
    if not keys:
        return {}
    originals = dict(
        published.filter(
            locale_id=default_locale_id(), alias_of__isnull=True, translation_key__in=keys
        ).values_list("translation_key", "pk")
    )
    return {page.pk: originals.get(page.translation_key) or page.original_id for page in pages}


def pagination(request, params, page, page_size, count):
    """`count`, `page`, `page_size`, `next` and `previous`, the links keeping the filters
    (`params`; a list gives a repeated parameter, a boolean `true`/`false`)."""
    query = [
        (name, str(item).lower() if isinstance(item, bool) else item)
        for name, value in params.items()
        if name != "page" and value is not None
        for item in (value if isinstance(value, list) else [value])
    ]

    def link(number):
        return request.build_absolute_uri(f"{request.path}?{urlencode([*query, ('page', number)])}")

    return {
        "count": count,
        "page": page,
        "page_size": page_size,
        "next": link(page + 1) if page * page_size < count else None,
        "previous": link(page - 1) if page > 1 else None,
    }
