"""The daily work on claims (`manage.py claims_daily`): the deadline digest and the retention
run. Like every notification (`tasks.py`), the e-mails say how many claims need attention and
where to look, never which claims or what they say: e-mail is not end-to-end encrypted."""

from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mass_mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks import task

from . import deadlines
from .models import Claim, ClaimSettings, Handler

DIGEST_MEMORY_SECONDS = 2 * 24 * 60 * 60


def workspace_link(query=""):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("claims_workspace") + query


def mail_recipients():
    """The active handlers, with an active account and an e-mail address."""
    return (
        Handler.objects.filter(is_active=True, user__is_active=True)
        .exclude(user__email="")
        .select_related("user__wagtail_userprofile", "institution")
        .order_by("pk")
    )


def _language(user):
    profile = getattr(user, "wagtail_userprofile", None)
    return (profile.preferred_language if profile else "") or settings.LANGUAGE_CODE


def mail_handlers(items):
    """Sends `[(handler, compose)]`: `compose()` returns `(subject, body)` and is called in the
    handler's admin language. One message per handler, so no one learns who else handles
    claims."""
    messages = []
    for handler, compose in items:
        with translation.override(_language(handler.user)):
            subject, body = compose()
        messages.append((subject, body, None, [handler.user.email]))
    return send_mass_mail(messages) if messages else 0


def _digest_text(found, days):
    lines = []
    if found["overdue"]:
        lines.append(
            ngettext(
                "%(count)d claim is overdue.", "%(count)d claims are overdue.", found["overdue"]
            )
            % {"count": found["overdue"]}
        )
    if found["due_soon"]:
        lines.append(
            ngettext(
                "Due within %(days)d day: %(count)d.", "Due within %(days)d days: %(count)d.", days
            )
            % {"days": days, "count": found["due_soon"]}
        )
    link = workspace_link("?due=overdue" if found["overdue"] else "")
    lines.append(_("See them in the claims workspace: %(link)s") % {"link": link})
    return _("Claims: deadlines"), "\n\n".join(lines)


def digest_send(now=None):
    """E-mails every handler who may open overdue or soon-due claims how many there are.
    Returns the counts: handlers e-mailed, claims overdue and due soon in all."""
    now = now or timezone.now()
    days = ClaimSettings.load().due_soon_days
    items = []
    for handler in mail_recipients():
        found = deadlines.counts_for(handler, now, days)
        if found["overdue"] or found["due_soon"]:
            items.append((handler, partial(_digest_text, found, days)))
    mail_handlers(items)
    return {"handlers": len(items), **deadlines.counts(Claim.objects.all(), now, days)}


def digest_once(now=None):
    """`digest_send`, at most once a day (the day is remembered in the cache, which production
    shares between processes); None when today's digest was already sent."""
    now = now or timezone.now()
    key = f"claims:deadline-digest:{timezone.localdate(now).isoformat()}"
    if not cache.add(key, True, DIGEST_MEMORY_SECONDS):
        return None
    try:
        return digest_send(now)
    except Exception:
        cache.delete(key)  # not sent: the next run tries again
        raise


@task()
def deadline_digest():
    """The day's deadline digest; None when it was already sent today."""
    return digest_once()


@task()
def retention_run():
    """Purge warnings, then purges: `{"warned": n, "purged": m}`."""
    from .retention import run  # retention uses this module's mail helpers

    return run()
