"""Background task: check every platform's address and flag broken ones to editors."""

import ipaddress
import socket
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from .models import LinkCheck, Platform

TIMEOUT_SECONDS = 10
USER_AGENT = "IntegrityPortal-LinkChecker/1.0"


class RefusedAddress(Exception):
    """The address points into a private network: the checker does not go there."""


def _ensure_public(url):
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RefusedAddress("unsupported address")
    if settings.LINK_CHECK_ALLOW_PRIVATE:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
    except OSError as error:
        raise RefusedAddress(f"name not found ({error.strerror or error})") from error
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise RefusedAddress("private or local address refused")


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        _ensure_public(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_opener = urllib.request.build_opener(_CheckedRedirects)


def check_url(url):
    """Returns (status, detail). Tries HEAD, then GET for servers that refuse HEAD."""
    try:
        _ensure_public(url)
    except RefusedAddress as error:
        return LinkCheck.Status.BROKEN, str(error)[:300]
    last_error = ""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})  # noqa: S310
        try:
            with _opener.open(request, timeout=TIMEOUT_SECONDS) as response:
                return LinkCheck.Status.OK, f"HTTP {response.status}"
        except RefusedAddress as error:  # a redirect into a private network
            return LinkCheck.Status.BROKEN, str(error)[:300]
        except urllib.error.HTTPError as error:
            last_error = f"HTTP {error.code}"
            if error.code not in (403, 405, 501):
                break
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
            last_error = str(getattr(error, "reason", error))[:300]
            break
    return LinkCheck.Status.BROKEN, last_error


@task()
def check_platform_links():
    urls = sorted(set(Platform.objects.values_list("url", flat=True)))
    now = timezone.now()
    broken = 0
    for url in urls:
        status, detail = check_url(url)
        broken += status == LinkCheck.Status.BROKEN
        LinkCheck.objects.update_or_create(
            url=url, defaults={"status": status, "detail": detail, "checked_at": now}
        )
    LinkCheck.objects.exclude(url__in=urls).delete()
    return {"checked": len(urls), "broken": broken}
