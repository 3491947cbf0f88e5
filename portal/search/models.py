from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page


class SearchEntry(models.Model):
    """What the site search knows of one live page: its analysed terms (see `text.py`) for the
    full-text index, and its plain text for the highlighted extracts. The full-text index itself
    is backend-specific (`backends.py`): an FTS5 table on SQLite, a tsvector on PostgreSQL."""

    class Kind(models.TextChoices):
        PUBLICATION = "publication", _("Publications")
        INSTITUTION = "institution", _("Institutions")
        INDICATOR = "indicator", _("Indicators")
        PAGE = "page", _("Pages")

    page = models.OneToOneField(Page, on_delete=models.CASCADE, related_name="+")
    # Indexed by the backend with the full-text index (see `backends.py`).
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+", db_index=False)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    publication_type = models.CharField(max_length=20, blank=True)
    title_terms = models.TextField()
    body_terms = models.TextField()
    text = models.TextField()

    class Meta:
        verbose_name = _("search entry")

    def __str__(self):
        return f"{self.kind} {self.page_id}"


class FailedSearch(models.Model):
    """A search that found nothing: the words and how often, nothing about who searched."""

    query = models.CharField(_("search"), max_length=200)
    language = models.CharField(_("language"), max_length=5)
    count = models.PositiveIntegerField(_("times"), default=1)
    last_searched = models.DateField(_("last searched"))

    class Meta:
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")
        constraints = [
            models.UniqueConstraint(fields=["query", "language"], name="unique_failed_search")
        ]

    def __str__(self):
        return self.query
