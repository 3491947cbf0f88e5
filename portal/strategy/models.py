"""The strategy tracker: successive national strategy cycles, each a tree of programmes,
projects and measures, with the institutions responsible, indicators, and the progress reports
that partners submit and the authority's analysts review and publish.

These are records, not pages: the authority manages the structure in the admin, partners report
on their own measures, and the public pages under `/<lang>/strategy/` are views of them. Text is
held in one column per language (Arabic first); `translated()` picks the visitor's language and
falls back to Arabic, then French, then English.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal.core.models import TermKind

LANGUAGE_CODES = ("ar", "fr", "en", "zgh")
FALLBACKS = ("ar", "fr", "en")


def translated(obj, field):
    """`obj.<field>_<lang>` in the active language, else the first filled fallback."""
    language = (get_language() or "ar").split("-")[0]
    for code in (language, *FALLBACKS):
        value = getattr(obj, f"{field}_{code}", "")
        if value:
            return value
    return ""


def _translated(name, verbose, *, max_length=None, required=True):
    """An abstract model with one `<name>_<lang>` column per language (Arabic required when
    `required`) and a `<name>` property in the visitor's language."""
    attrs = {"__module__": __name__, "Meta": type("Meta", (), {"abstract": True})}
    for code in LANGUAGE_CODES:
        label = format_lazy("{} ({})", verbose, code)
        blank = not (required and code == "ar")
        if max_length:
            attrs[f"{name}_{code}"] = models.CharField(label, max_length=max_length, blank=blank)
        else:
            attrs[f"{name}_{code}"] = models.TextField(label, blank=blank)
    attrs[name] = property(lambda self: translated(self, name))
    return type(f"Translated{name.title()}", (models.Model,), attrs)


TranslatedTitle = _translated("title", _("title"), max_length=300)
TranslatedSummary = _translated("summary", _("summary"), required=False)
TranslatedDescription = _translated("description", _("description"), required=False)
TranslatedName = _translated("name", _("name"), max_length=300)


def _check_dates(obj):
    if obj.start_date and obj.end_date and obj.end_date < obj.start_date:
        raise ValidationError({"end_date": _("The end date must not be before the start date.")})


class Status(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")
    DELAYED = "delayed", _("Delayed")
    DROPPED = "dropped", _("Dropped")


class Level(models.TextChoices):
    PROGRAMME = "programme", _("Programme")
    PROJECT = "project", _("Project")
    MEASURE = "measure", _("Measure")


PARENT_LEVEL = {Level.PROGRAMME: None, Level.PROJECT: Level.PROGRAMME, Level.MEASURE: Level.PROJECT}


class Rating(models.TextChoices):
    """The analyst's assessment of a progress report (after OGP's completion scale)."""

    FULL = "full", _("On time and in full")
    PROGRESS = "progress", _("Progress")
    NOT_IMPLEMENTED = "not_implemented", _("Not implemented")


class Dated(models.Model):
    """A required start and end date, in order."""

    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        _check_dates(self)


class Cycle(Dated, TranslatedTitle, TranslatedSummary):
    """One national strategy, e.g. 2015-2025, with its phases."""

    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    source = models.CharField(
        _("source"), max_length=400, blank=True, help_text=_("Where the facts come from.")
    )
    source_url = models.URLField(_("source address"), blank=True)

    class Meta:
        verbose_name = _("strategy cycle")
        verbose_name_plural = _("strategy cycles")
        ordering = ["-start_date"]

    def __str__(self):
        return self.title


class Phase(Dated, TranslatedTitle):
    cycle = models.ForeignKey(
        Cycle, verbose_name=_("cycle"), on_delete=models.CASCADE, related_name="phases"
    )

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["start_date"]

    def __str__(self):
        return self.title


class Item(TranslatedTitle, TranslatedDescription):
    """A programme, a project or a measure of a cycle. Programmes are the roots; a project
    belongs to a programme and a measure to a project. A measure may name its successor in a
    later cycle, so that its history is not lost when a strategy follows another."""

    cycle = models.ForeignKey(
        Cycle, verbose_name=_("cycle"), on_delete=models.CASCADE, related_name="items"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    code = models.CharField(
        _("code"),
        max_length=30,
        help_text=_("Unique in the cycle, e.g. P03, P03.2, P03.2.1. Imports refer to it."),
    )
    responsible = models.ForeignKey(
        "institutions.InstitutionPage",
        verbose_name=_("responsible institution"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    partners = models.ManyToManyField(
        "institutions.InstitutionPage",
        verbose_name=_("partner institutions"),
        blank=True,
        related_name="+",
    )
    sectors = models.ManyToManyField(
        "core.Term",
        verbose_name=_("sectors"),
        blank=True,
        related_name="+",
        limit_choices_to={"kind": TermKind.SECTOR},
    )
    themes = models.ManyToManyField(
        "core.Term",
        verbose_name=_("themes"),
        blank=True,
        related_name="+",
        limit_choices_to={"kind": TermKind.THEME},
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NOT_STARTED
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"),
        default=0,
        validators=[MaxValueValidator(100)],
        help_text=_("Of a measure; programmes and projects are rolled up from their children."),
    )
    weight = models.PositiveSmallIntegerField(
        _("weight"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(1000)],
        help_text=_("Its share in its parent's progress, relative to its siblings."),
    )
    successor = models.ForeignKey(
        "self",
        verbose_name=_("successor in the next cycle"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
    )
    sample = models.BooleanField(
        _("sample"),
        default=False,
        help_text=_("Illustrative content, not taken from a public source: labelled as such."),
    )
    source = models.CharField(_("source"), max_length=400, blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("strategy item")
        verbose_name_plural = _("strategy items")
        ordering = ["cycle", "sort_order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "code"], name="unique_item_code_per_cycle"),
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="item_progress_at_most_100"
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.title}"

    def clean(self):
        super().clean()
        _check_dates(self)
        errors = {}
        expected = PARENT_LEVEL.get(self.level)
        if self.parent_id is None and expected is not None:
            errors["parent"] = _("A %(level)s belongs to a %(parent)s.") % {
                "level": Level(self.level).label,
                "parent": Level(expected).label,
            }
        elif self.parent_id is not None:
            if expected is None:
                errors["parent"] = _("A programme has no parent.")
            elif self._creates_cycle():
                errors["parent"] = _("An item cannot be inside itself.")
            elif self.parent.level != expected:
                errors["parent"] = _("A %(level)s belongs to a %(parent)s.") % {
                    "level": Level(self.level).label,
                    "parent": Level(expected).label,
                }
            elif self.parent.cycle_id != self.cycle_id:
                errors["parent"] = _("The parent belongs to another cycle.")
        if self.level == Level.MEASURE and self.responsible_id is None:
            errors["responsible"] = _("A measure needs a responsible institution.")
        if self.successor_id is not None:
            successor = self.successor
            earlier = self.cycle_id and successor.cycle.start_date <= self.cycle.start_date
            if successor.pk == self.pk or successor.cycle_id == self.cycle_id or earlier:
                errors["successor"] = _("The successor belongs to a later cycle.")
        if errors:
            raise ValidationError(errors)

    def _creates_cycle(self):
        """Whether the parent chain comes back to this item (bounded by the tree's depth)."""
        seen = set()
        node = self.parent
        while node is not None:
            if node.pk == self.pk or node.pk in seen:
                return True
            seen.add(node.pk)
            node = node.parent
        return False


class Indicator(TranslatedName):
    """How an item's result is measured: a target and the latest actual value."""

    item = models.ForeignKey(
        Item, verbose_name=_("item"), on_delete=models.CASCADE, related_name="indicators"
    )
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    baseline = models.DecimalField(
        _("baseline"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    actual = models.DecimalField(
        _("actual"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target_date = models.DateField(_("target date"), null=True, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["item", "sort_order", "pk"]

    def __str__(self):
        return self.name


class ReportState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    RETURNED = "returned", _("Returned to the institution")
    PUBLISHED = "published", _("Published")


class ProgressReport(models.Model):
    """A quarterly report of a partner on one of its measures. Two keys: the institution's
    editor writes and submits it; an analyst of the authority rates and publishes it, which
    updates the measure's status and progress."""

    item = models.ForeignKey(
        Item, verbose_name=_("measure"), on_delete=models.CASCADE, related_name="reports"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(
        _("quarter"), validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    state = models.CharField(
        _("state"), max_length=10, choices=ReportState.choices, default=ReportState.DRAFT
    )
    status = models.CharField(_("status of the measure"), max_length=12, choices=Status.choices)
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), validators=[MaxValueValidator(100)]
    )
    narrative = models.TextField(_("what was done"), max_length=4000)
    language = models.CharField(_("language"), max_length=5, default="ar")
    evidence = models.ManyToManyField(
        "documents.PortalDocument", verbose_name=_("evidence"), blank=True, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    rating = models.CharField(_("rating"), max_length=16, choices=Rating.choices, blank=True)
    review_comment = models.TextField(_("analyst's comment"), blank=True, max_length=4000)

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["-year", "-quarter", "item"]
        permissions = [("review_progressreport", _("Can review and publish progress reports"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="report_progress_at_most_100"
            ),
            models.CheckConstraint(
                condition=models.Q(quarter__gte=1, quarter__lte=4), name="report_quarter_1_to_4"
            ),
            models.UniqueConstraint(
                fields=["item", "year", "quarter"],
                condition=~models.Q(state="returned"),
                name="one_open_report_per_measure_and_quarter",
            ),
        ]

    def __str__(self):
        return f"{self.item.code} {self.period}"

    @property
    def period(self):
        return f"{self.year}-Q{self.quarter}"


class IndicatorValue(models.Model):
    """The value of an indicator a report gives; published with the report."""

    report = models.ForeignKey(
        ProgressReport, on_delete=models.CASCADE, related_name="indicator_values"
    )
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = _("indicator value")
        constraints = [
            models.UniqueConstraint(fields=["report", "indicator"], name="one_value_per_indicator")
        ]

    def __str__(self):
        return f"{self.indicator}: {self.value}"
