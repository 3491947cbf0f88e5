"""Full-page cache for anonymous visitors, purged whenever published content changes.

Every cached entry is keyed by a *generation* token. Publishing, unpublishing, moving or deleting
a page, or saving a model registered with `purge_on_change`, replaces the token, so every page
rendered before the change stops being served at once, in every process sharing the cache.

A request that carries a session cookie (a signed-in editor) is never served from the cache and
never fills it; neither is a response that sets a cookie, is private, or is not a plain 200.
"""

import uuid
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "pagecache:generation"
SKIP_PREFIXES = ("/admin/", "/static/", "/media/", "/documents/", "/healthz")
UNCACHEABLE_CONTROL = ("private", "no-store", "no-cache")


def _new_generation():
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def purge_page_cache(**kwargs):
    """Purges now, and again when the surrounding transaction commits, so that a request
    rendered in between (still seeing the old data) is not served afterwards."""
    _new_generation()
    transaction.on_commit(_new_generation)


def purge_on_change(model):
    post_save.connect(purge_page_cache, sender=model, dispatch_uid=f"purge-save-{model.__name__}")
    post_delete.connect(purge_page_cache, sender=model, dispatch_uid=f"purge-del-{model.__name__}")


def connect_page_signals():
    from wagtail.models import Page, PageViewRestriction

    purge_on_change(PageViewRestriction)
    m2m_changed.connect(
        purge_page_cache, sender=PageViewRestriction.groups.through, dispatch_uid="purge-groups"
    )
    page_published.connect(purge_page_cache, dispatch_uid="purge-published")
    page_unpublished.connect(purge_page_cache, dispatch_uid="purge-unpublished")
    post_page_move.connect(purge_page_cache, dispatch_uid="purge-moved")
    post_delete.connect(purge_page_cache, sender=Page, dispatch_uid="purge-page-deleted")


def _generation():
    token = cache.get(GENERATION_KEY)
    if token is None:
        token = uuid.uuid4().hex
        cache.add(GENERATION_KEY, token, None)
        token = cache.get(GENERATION_KEY, token)
    return token


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.timeout = settings.PAGE_CACHE_SECONDS

    def __call__(self, request):
        if not self._request_is_cacheable(request):
            return self.get_response(request)
        query = urlencode(sorted(request.GET.lists()), doseq=True)
        key = ":".join(
            (
                "pagecache",
                _generation(),
                request.method,
                request.scheme,
                request.get_host(),
                request.path,
                query,
            )
        )
        hit = cache.get(key)
        if hit is not None:
            status, headers, content = hit
            response = HttpResponse(content, status=status, headers=headers)
            response.headers["X-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self._response_is_cacheable(request, response):
            cache.set(
                key, (response.status_code, dict(response.headers), response.content), self.timeout
            )
            response.headers["X-Cache"] = "miss"
        return response

    @staticmethod
    def _request_is_cacheable(request):
        return (
            request.method in ("GET", "HEAD")
            and not request.path.startswith(SKIP_PREFIXES)
            and set(request.GET) <= settings.PAGE_CACHE_QUERY_PARAMS
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "HTTP_AUTHORIZATION" not in request.META
        )

    @staticmethod
    def _response_is_cacheable(request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False
        control = response.headers.get("Cache-Control", "")
        if any(word in control for word in UNCACHEABLE_CONTROL):
            return False
        vary = {v.strip().lower() for v in response.headers.get("Vary", "").split(",") if v.strip()}
        return vary <= {"cookie", "accept-encoding"}
