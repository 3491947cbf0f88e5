"""Writes of the search app."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import FailedSearch


def failed_search_record(*, q, language):
    """Counts a search that found nothing (its words only)."""
    query = " ".join(q.split())[:200]
    if not query:
        return
    today = timezone.localdate()
    updates = {"count": F("count") + 1, "last_searched": today}
    if FailedSearch.objects.filter(query=query, language=language).update(**updates):
        return
    try:
        with transaction.atomic():
            FailedSearch.objects.create(query=query, language=language, last_searched=today)
    except IntegrityError:  # created meanwhile by a concurrent search
        FailedSearch.objects.filter(query=query, language=language).update(**updates)
