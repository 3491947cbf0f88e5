"""Writes of the search app."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import FailedSearch

# Robots can make up any number of searches: the report keeps at most this many.
MAX_ROWS = 10_000


def failed_search_record(*, q, language):
    """Counts a search that found nothing (its words only)."""
    query = " ".join(q.split())[:200]
    if not query:
        return
    today = timezone.localdate()
    updates = {"count": F("count") + 1, "last_searched": today}
    if FailedSearch.objects.filter(query=query, language=language).update(**updates):
        return
    if FailedSearch.objects.count() >= MAX_ROWS:
        # Make room by forgetting the oldest searches made only once.
        oldest = FailedSearch.objects.order_by("count", "last_searched", "pk")[: MAX_ROWS // 10]
        FailedSearch.objects.filter(pk__in=list(oldest.values_list("pk", flat=True))).delete()
    try:
        with transaction.atomic():
            FailedSearch.objects.create(query=query, language=language, last_searched=today)
    except IntegrityError:  # created meanwhile by a concurrent search
        FailedSearch.objects.filter(query=query, language=language).update(**updates)
