"""Which claims are late, and which soon will be. Only clear metadata is read here.

A claim is **overdue** when it is still open (its status is not a closed one) and either
- it was not acknowledged (`acknowledged_at` is empty) and `acknowledge_by` has passed, or
- it got no feedback yet (`answered_at` is empty), is not closed (`closed_at` is empty) and
  `answer_by` has passed.

A claim is **due soon** when it is not overdue and one of those two deadlines, still unmet,
falls within the next `days` (by default `ClaimSettings.due_soon_days`).

The deadlines themselves are set when the claim is filed (`services.claim_file`), from the
claim settings of its kind. Every function takes an optional `now`, so that callers and tests
can ask "as of when".
"""

import datetime

from django.db.models import Q
from django.utils import timezone

from .access import claims_visible_to
from .choices import CLOSED
from .models import ClaimSettings


def _open(qs):
    return qs.exclude(status__in=CLOSED).filter(purged_at__isnull=True)


def _unacknowledged():
    return Q(acknowledged_at__isnull=True)


def _unanswered():
    return Q(answered_at__isnull=True, closed_at__isnull=True)


def _overdue_q(now):
    return (_unacknowledged() & Q(acknowledge_by__lt=now)) | (_unanswered() & Q(answer_by__lt=now))


def overdue(qs, now=None):
    """The claims of `qs` that missed their acknowledgement or feedback deadline."""
    now = now or timezone.now()
    return _open(qs).filter(_overdue_q(now))


def due_soon(qs, now=None, days=None):
    """The claims of `qs` not yet overdue whose acknowledgement or feedback deadline, still
    unmet, falls within `days` from `now`."""
    now = now or timezone.now()
    if days is None:
        days = ClaimSettings.load().due_soon_days
    until = now + datetime.timedelta(days=days)
    window = (_unacknowledged() & Q(acknowledge_by__gte=now, acknowledge_by__lt=until)) | (
        _unanswered() & Q(answer_by__gte=now, answer_by__lt=until)
    )
    return _open(qs).filter(window).exclude(_overdue_q(now))


def counts(qs, now=None, days=None):
    """`{"overdue": n, "due_soon": m}` for a queryset of claims."""
    now = now or timezone.now()
    return {"overdue": overdue(qs, now).count(), "due_soon": due_soon(qs, now, days).count()}


def counts_for(handler, now=None, days=None):
    """The counts over the claims a handler may list (`access.claims_visible_to`)."""
    return counts(claims_visible_to(handler), now, days)
