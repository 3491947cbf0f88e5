from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page, Site

from portal.core.cache import generation

register = template.Library()


def _site_home(request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    cache_attr = "_portal_localized_home"
    if not hasattr(request, cache_attr):
        setattr(request, cache_attr, site.root_page.localized)
    return getattr(request, cache_attr)


@register.simple_tag(takes_context=True)
def site_home(context):
    return _site_home(context["request"])


def _menu(home):
    """The home page's children shown in menus, kept in the cache until content changes (on a
    large site, finding a page's children reads the index of all the pages under it)."""
    if home is None:
        return []
    key = f"portal-menu:{generation()}:{home.pk}"
    items = cache.get(key)
    if items is None:
        items = list(home.get_children().live().public().in_menu())
        cache.set(key, items, settings.PAGE_CACHE_SECONDS)
    return items


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's children shown in menus, each with `current`: "page" when it is the page
    being shown, "true" when the page being shown lies inside it."""
    request = context["request"]
    if not hasattr(request, "_portal_menu"):
        request._portal_menu = _menu(_site_home(request))
    page = context.get("page")
    path = page.path if isinstance(page, Page) else ""
    items = []
    for item in request._portal_menu:
        current = None
        if path == item.path:
            current = "page"
        elif path.startswith(item.path):
            current = "true"
        items.append({"page": item, "current": current})
    return items


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language. On a page, each points at the same page in that language (its
    translation, or the alias that shows the original until a translation exists)."""
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    translations = {}
    if isinstance(page, Page) and page.pk:
        for item in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[item.locale.language_code] = item
    query = request.GET.urlencode()
    links = []
    for code, _name in settings.LANGUAGES:
        info = translation.get_language_info(code)
        if translations:
            target = translations.get(code)
            url = target.get_url(request) if target else None
            if url and query:
                url = f"{url}?{query}"
        else:
            url = translate_url(request.get_full_path(), code)
        links.append(
            {
                "code": code,
                "name_local": info["name_local"],
                "bidi": info["bidi"],
                "url": url,
                "current": code == current,
            }
        )
    return [link for link in links if link["url"]]


@register.simple_tag
def translated_versions(page):
    """Real (non-alias) translations of a page, for the 'not yet translated' notice."""
    return list(
        page.get_translations(inclusive=False)
        .live()
        .filter(alias_of__isnull=True)
        .select_related("locale")
    )


@register.simple_tag
def breadcrumb_pages(page):
    """The page's ancestors below the root, ending with the page itself."""
    if not isinstance(page, Page):
        return []
    return list(page.get_ancestors(inclusive=True).filter(depth__gt=1))


@register.filter
def language_name(code):
    return translation.get_language_info(code)["name_local"]


@register.filter
def language_dir(code):
    return "rtl" if translation.get_language_info(code)["bidi"] else "ltr"


@register.simple_tag
def source_locale(page):
    """The locale whose content an alias page shows."""
    if page.alias_of_id:
        return (
            Page.objects.filter(pk=page.alias_of_id)
            .values_list("locale__language_code", flat=True)
            .first()
        )
    return page.locale.language_code


@register.simple_tag
def page_numbers(page_obj):
    """The page numbers to link to: the first, the last and those around the current one."""
    return list(page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2))
