"""Full-page cache for anonymous visitors, purged whenever published content changes.

Every cached entry is keyed by a *generation* token. Publishing, unpublishing, moving or deleting
a page, or saving a model registered with `purge_on_change`, replaces the token, so every page
rendered before the change stops being served at once, in every process sharing the cache.

A request that carries a session cookie (a signed-in editor) is never served from the cache and
never fills it; neither is a response that sets a cookie, is private, or is not a plain 200.
"""

import hashlib
import threading
import time
import uuid
from collections import OrderedDict
from http import HTTPStatus
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, parse_cookie
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


def generation():
    """The token of the current content: it changes whenever something is published."""
    token = cache.get(GENERATION_KEY)
    if token is None:
        token = uuid.uuid4().hex
        cache.add(GENERATION_KEY, token, None)
        token = cache.get(GENERATION_KEY, token)
    return token


def page_key(generation, method, scheme, host, path, query):
    """A short key whatever the length of the address (filters can make it long)."""
    address = "\n".join((method, scheme, host, path, query)).encode("utf-8", "surrogatepass")
    return f"pagecache:{generation}:{hashlib.sha256(address).hexdigest()}"


class PageStore:
    """The shared cache, fronted by a small copy of recently served pages in each worker process.
    Keys contain the generation, which is read from the shared cache on every request, so a purge
    reaches every worker at once; the local copy only saves reading and decoding the page."""

    def __init__(self, size=256):
        self.size = size
        self.local = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        now = time.monotonic()
        with self.lock:
            entry = self.local.get(key)
            if entry is not None:
                if entry[0] > now:
                    self.local.move_to_end(key)
                    return entry[1]
                del self.local[key]
        value = cache.get(key)
        if value is not None:
            self._remember(key, value, now + settings.PAGE_CACHE_SECONDS)
        return value

    def set(self, key, value):
        cache.set(key, value, settings.PAGE_CACHE_SECONDS)
        self._remember(key, value, time.monotonic() + settings.PAGE_CACHE_SECONDS)

    def _remember(self, key, value, expires):
        with self.lock:
            self.local[key] = (expires, value)
            self.local.move_to_end(key)
            while len(self.local) > self.size:
                self.local.popitem(last=False)


store = PageStore()


class AnonymousPageCacheMiddleware:
    """Outermost middleware: what it stores is the response exactly as sent, security headers
    included. The scheme is part of the key, so a page rendered over HTTPS is never replayed to
    a plain-HTTP request that SecurityMiddleware would have redirected."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._request_is_cacheable(request):
            return self.get_response(request)
        key = page_key(
            generation(),
            request.method,
            request.scheme,
            request.get_host(),
            request.path,
            urlencode(sorted(request.GET.lists()), doseq=True),
        )
        hit = store.get(key)
        if hit is not None:
            status, headers, content = hit
            response = HttpResponse(content, status=status, headers=headers)
            response.headers["X-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self._response_is_cacheable(request, response):
            store.set(key, (response.status_code, dict(response.headers), response.content))
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


def _wsgi_path(environ):
    """The request path as Django decodes it, or None when it is not plain UTF-8."""
    try:
        return environ.get("PATH_INFO", "/").encode("latin-1").decode("utf-8")
    except UnicodeError:
        return None


def cached_page_application(django_application):
    """WSGI wrapper that answers cache hits for plain anonymous requests (no query string, no
    session cookie, no credentials) before Django's request handling, with the very bytes and
    headers the middleware stored. Anything it is not sure about goes to Django unchanged."""
    session_cookie = settings.SESSION_COOKIE_NAME
    proxy_header = settings.SECURE_PROXY_SSL_HEADER

    def application(environ, start_response):
        method = environ.get("REQUEST_METHOD")
        if (
            method in ("GET", "HEAD")
            and not environ.get("QUERY_STRING")
            and not environ.get("SCRIPT_NAME")
            and "HTTP_AUTHORIZATION" not in environ
            and session_cookie not in parse_cookie(environ.get("HTTP_COOKIE", ""))
        ):
            path = _wsgi_path(environ)
            if path is not None and not path.startswith(SKIP_PREFIXES):
                scheme = environ.get("wsgi.url_scheme", "http")
                if proxy_header and proxy_header[0] in environ:
                    scheme = "https" if environ[proxy_header[0]] == proxy_header[1] else "http"
                host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
                hit = store.get(page_key(generation(), method, scheme, host, path, ""))
                if hit is not None:
                    status, headers, content = hit
                    start_response(
                        f"{status} {HTTPStatus(status).phrase}",
                        [*headers.items(), ("X-Cache", "hit")],
                    )
                    return [b""] if method == "HEAD" else [content]
        return django_application(environ, start_response)

    return application
