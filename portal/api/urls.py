"""`/api/v1/`: the JSON API. Its views answer `HEAD` like `GET` (without a body), and any other
address under `/api/v1/` gets a JSON 404 instead of the site's HTML page (the portal's
LocaleMiddleware leaves the API's answers alone)."""

from functools import wraps

from django.http import JsonResponse
from django.urls import re_path

from .api import api


def not_found(request, *args, **kwargs):
    return JsonResponse({"detail": "Not found."}, status=404)


def _api_view(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        method = request.method
        if method == "HEAD":
            request.method = "GET"
        try:
            response = view(request, *args, **kwargs)
        finally:
            request.method = method
        if method == "HEAD" and not response.streaming:
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response

    return wrapper


def _patterns():
    patterns, _app_name, _namespace = api.urls
    for pattern in patterns:
        # Ninja's root view (which it needs to reverse) raises Http404, an HTML page.
        pattern.callback = _api_view(not_found if pattern.name == "api-root" else pattern.callback)
    # Addresses without a final slash are redirected to this one by CommonMiddleware first.
    return [*patterns, re_path(r"^.*/$", _api_view(not_found))]


app_name = api.urls_namespace
urlpatterns = _patterns()
