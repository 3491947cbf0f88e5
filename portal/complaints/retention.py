"""Retention: closed claims are purged after `ClaimSettings.retention_days`, with a warning to
their handlers `purge_warning_days` before.

- A closed, unpurged claim is **warned** once, when `closed_at + retention_days -
  purge_warning_days` has passed: `purge_warned_at` is set, the audit log gets a PURGE_WARNING
  entry, and every handler who may open it gets a content-free e-mail (one per handler, with a
  count).
- It is **purged** (`services.claim_purge`) once `closed_at + retention_days` has passed *and*
  it was warned at least `purge_warning_days` before: a claim nobody was warned about (the daily
  run did not run, or the retention was shortened) is warned first and purged a full warning
  period later, never by surprise.
- A claim reopened in the meantime is no longer closed, and loses its warning
  (`services.claim_status_change`); closed again, it starts over.

Every function takes an optional `now`.
"""

import datetime
from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import services
from .access import audit, claims_visible_to
from .choices import CLOSED
from .jobs import mail_handlers, mail_recipients, workspace_link
from .models import AuditEntry, Claim, ClaimSettings


def _days(count):
    return datetime.timedelta(days=count)


def _closed():
    return Claim.objects.filter(
        status__in=CLOSED, closed_at__isnull=False, purged_at__isnull=True
    ).order_by("closed_at", "pk")


def to_warn(now=None, config=None):
    """Closed claims whose purge is within the warning period and that were not warned yet."""
    now = now or timezone.now()
    config = config or ClaimSettings.load()
    limit = now - _days(config.retention_days) + _days(config.purge_warning_days)
    return _closed().filter(purge_warned_at__isnull=True, closed_at__lte=limit)


def to_purge(now=None, config=None):
    """Closed claims past their retention whose warning is at least a warning period old."""
    now = now or timezone.now()
    config = config or ClaimSettings.load()
    return _closed().filter(
        closed_at__lte=now - _days(config.retention_days),
        purge_warned_at__lte=now - _days(config.purge_warning_days),
    )


def _warning_text(count, days):
    lines = [
        ngettext(
            "%(count)d closed claim will be purged.",
            "%(count)d closed claims will be purged.",
            count,
        )
        % {"count": count},
        ngettext(
            "The purge will happen in %(days)d day at the earliest.",
            "The purge will happen in %(days)d days at the earliest.",
            days,
        )
        % {"days": days},
        _(
            "It deletes the content, messages, notes and files of these claims; their "
            "statistics remain. A claim reopened before then is kept."
        ),
        _("Claims workspace: %(link)s") % {"link": workspace_link()},
    ]
    return _("Claims: purge announced"), "\n\n".join(lines)


@transaction.atomic
def warn(now=None):
    """Announces the coming purges; returns how many claims were warned. A claim is marked only
    if it still was unwarned (two runs at once warn it once), and nothing is marked unless the
    e-mails went out."""
    now = now or timezone.now()
    config = ClaimSettings.load()
    # Warned now, a claim is purged by the first run a full warning period from now.
    purge_on = timezone.localdate(now + _days(config.purge_warning_days)).isoformat()
    warned = []
    for claim in to_warn(now, config):
        if not Claim.objects.filter(pk=claim.pk, purge_warned_at__isnull=True).update(
            purge_warned_at=now
        ):
            continue
        audit(AuditEntry.Action.PURGE_WARNING, claim=claim, detail=f"purge on or after {purge_on}")
        warned.append(claim.pk)
    if warned:
        items = []
        for handler in mail_recipients():
            count = claims_visible_to(handler).filter(pk__in=warned).count()
            if count:
                items.append((handler, partial(_warning_text, count, config.purge_warning_days)))
        mail_handlers(items)
    return len(warned)


def purge(now=None):
    """Purges the claims whose time has come (each in its own transaction; their files are
    deleted once it commits). Returns how many."""
    now = now or timezone.now()
    config = ClaimSettings.load()
    purged = 0
    for pk in list(to_purge(now, config).values_list("pk", flat=True)):
        claim = to_purge(now, config).filter(pk=pk).first()  # still due (not reopened since)
        if claim is not None:
            services.claim_purge(claim=claim)
            purged += 1
    return purged


def run(now=None):
    """Warnings first, then purges: `{"warned": n, "purged": m}`."""
    now = now or timezone.now()
    return {"warned": warn(now), "purged": purge(now)}
