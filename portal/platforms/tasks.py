"""Background task: check every platform's address and flag broken ones to editors."""

import urllib.error
import urllib.request

from django.utils import timezone
from django_tasks import task

from .models import LinkCheck, Platform

TIMEOUT_SECONDS = 10
USER_AGENT = "IntegrityPortal-LinkChecker/1.0"


def check_url(url):
    """Returns (status, detail). Tries HEAD, then GET for servers that refuse HEAD."""
    if not url.startswith(("http://", "https://")):
        return LinkCheck.Status.BROKEN, "unsupported scheme"
    last_error = ""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
                return LinkCheck.Status.OK, f"HTTP {response.status}"
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
