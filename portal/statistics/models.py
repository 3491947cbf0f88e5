"""Statistics: indicators (pages, translated) and their data (versioned, shared by every language).

An indicator's page holds what a reader needs to trust a number: definition, unit, method,
source, licence, periodicity, notes and the strategy target. Its data is a `Dataset`, keyed by
the page's translation key so that every language version shows the same series. Each import
adds a `DatasetVersion` and makes it current; older versions stay downloadable.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from portal.core.models import PermanentIdMixin, PortalPage, TermKind
from portal.institutions.models import InstitutionFolderPage

from .forms import IndicatorForm
from .panels import DatasetPanel

RICH_TEXT = ["bold", "italic", "link", "ul", "ol"]


class SourceKind(models.TextChoices):
    NATIONAL = "national", _("National")
    INTERNATIONAL = "international", _("International")


class Periodicity(models.TextChoices):
    ANNUAL = "annual", _("Annual")
    QUARTERLY = "quarterly", _("Quarterly")
    MONTHLY = "monthly", _("Monthly")


class Licence(models.TextChoices):
    """Licences of the data, with what each allows (`NO_DERIVATIVES` forbids new series)."""

    CC_BY = "cc-by-4.0", "CC BY 4.0"
    CC_BY_ND = "cc-by-nd-4.0", "CC BY-ND 4.0"
    CC_BY_SA = "cc-by-sa-4.0", "CC BY-SA 4.0"
    CC0 = "cc0-1.0", "CC0 1.0"
    ODBL = "odbl-1.0", "ODbL 1.0"
    PUBLIC = "public", _("Public information, reusable with attribution of the source")


LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_ND: "https://creativecommons.org/licenses/by-nd/4.0/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
    Licence.ODBL: "https://opendatacommons.org/licenses/odbl/1-0/",
    Licence.PUBLIC: "",
}
NO_DERIVATIVES = frozenset({Licence.CC_BY_ND})


class StatisticsIndexPage(RoutablePageMixin, PortalPage):
    """`/<lang>/statistics/`: every indicator. Holds one folder per publishing institution, so
    that each institution's staff work on their own indicators only."""

    parent_page_types = ["core.HomePage"]
    subpage_types = ["statistics.IndicatorFolderPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("statistics")

    @path("")
    def listing(self, request):
        from .views import statistics_listing

        return statistics_listing(request, self)


class IndicatorFolderPage(InstitutionFolderPage):
    """The indicators an institution publishes."""

    parent_page_types = ["statistics.StatisticsIndexPage"]
    subpage_types = ["statistics.IndicatorPage"]

    class Meta:
        verbose_name = _("indicators of an institution")


class IndicatorPage(PermanentIdMixin, RoutablePageMixin, PortalPage):
    """One indicator: its metadata here, its values in the `Dataset` of its translation key."""

    source_kind = models.CharField(
        _("source"), max_length=20, choices=SourceKind.choices, db_index=True
    )
    definition = RichTextField(_("definition"), features=RICH_TEXT)
    unit = models.CharField(
        _("unit"), max_length=80, help_text=_("For example: score from 0 to 100, complaints, %.")
    )
    methodology = RichTextField(_("methodology"), features=RICH_TEXT, blank=True)
    periodicity = models.CharField(
        _("periodicity"), max_length=10, choices=Periodicity.choices, default=Periodicity.ANNUAL
    )
    decimals = models.PositiveSmallIntegerField(
        _("decimals shown"), default=0, help_text=_("Digits after the decimal point, 0 to 6.")
    )
    scale_min = models.DecimalField(
        _("lowest value of the scale"), max_digits=20, decimal_places=6, null=True, blank=True
    )
    scale_max = models.DecimalField(
        _("highest value of the scale"), max_digits=20, decimal_places=6, null=True, blank=True
    )
    higher_is_better = models.BooleanField(
        _("a higher value is better"),
        null=True,
        blank=True,
        help_text=_("Leave empty when a change is neither good nor bad."),
    )
    source_name = models.CharField(_("name of the source"), max_length=300)
    source_url = models.URLField(_("address of the source"), max_length=500, blank=True)
    citation = models.TextField(
        _("how to cite"),
        help_text=_("The attribution the source asks for, with the year of its release."),
    )
    licence = models.CharField(_("licence"), max_length=20, choices=Licence.choices)
    is_sample = models.BooleanField(
        _("sample data"),
        default=False,
        help_text=_("Tick when the values are examples, not published figures."),
    )
    themes = ParentalManyToManyField(
        "core.Term",
        verbose_name=_("themes"),
        related_name="indicators_by_theme",
        limit_choices_to={"kind": TermKind.THEME},
        blank=True,
    )
    target_value = models.DecimalField(
        _("target value"), max_digits=20, decimal_places=6, null=True, blank=True
    )
    target_period = models.CharField(
        _("target period"), max_length=10, blank=True, help_text=_("For example: 2025.")
    )
    target_source = models.CharField(
        _("source of the target"),
        max_length=300,
        blank=True,
        help_text=_("The strategy or plan that sets the target."),
    )

    content_panels = [
        *PortalPage.content_panels,
        FieldRowPanel([FieldPanel("source_kind"), FieldPanel("periodicity")]),
        FieldPanel("definition"),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("decimals")]),
        FieldRowPanel(
            [FieldPanel("scale_min"), FieldPanel("scale_max"), FieldPanel("higher_is_better")]
        ),
        FieldPanel("methodology"),
        FieldPanel("themes"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("source_name"), FieldPanel("source_url")]),
                FieldPanel("citation"),
                FieldRowPanel([FieldPanel("licence"), FieldPanel("is_sample")]),
            ],
            heading=_("Source and licence"),
        ),
        InlinePanel(
            "dimensions",
            label=_("Breakdowns"),
            help_text=_(
                "Columns of the data file that break the values down (region, sector, sex…)."
            ),
        ),
        InlinePanel("notes", label=_("Notes on the series")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("target_value"), FieldPanel("target_period")]),
                FieldPanel("target_source"),
            ],
            heading=_("Strategy target"),
        ),
        DatasetPanel(heading=_("Data")),
    ]
    parent_page_types = ["statistics.IndicatorFolderPage"]
    subpage_types = []
    base_form_class = IndicatorForm

    class Meta:
        verbose_name = _("indicator")

    def clean(self):
        super().clean()
        errors = {}
        if self.decimals > 6:
            errors["decimals"] = _("At most 6 decimals.")
        if (
            self.scale_min is not None
            and self.scale_max is not None
            and self.scale_min >= self.scale_max
        ):
            errors["scale_max"] = _("The highest value must be above the lowest.")
        if (self.target_value is None) != (not self.target_period):
            errors["target_period"] = _("Give both the target value and its period, or neither.")
        if self.target_period:
            from .importer import normalise_period

            period = normalise_period(self.target_period, self.periodicity)
            if period is None:
                errors["target_period"] = _("This period does not fit the periodicity.")
            self.target_period = period or self.target_period
        if errors:
            raise ValidationError(errors)

    @property
    def no_derivatives(self):
        return self.licence in NO_DERIVATIVES

    @property
    def licence_url(self):
        return LICENCE_URLS.get(self.licence, "")

    @cached_property
    def dataset(self):
        return (
            Dataset.objects.filter(translation_key=self.translation_key)
            .select_related("current")
            .first()
        )

    @cached_property
    def ordered_dimensions(self):
        return list(self.dimensions.all())

    @cached_property
    def ordered_notes(self):
        return list(self.notes.all())

    def search_document(self):
        from django.utils.html import strip_tags

        from portal.search.models import SearchEntry

        text = "\n\n".join(
            part
            for part in (self.intro, strip_tags(self.definition), strip_tags(self.methodology))
            if part
        )
        metadata = " ".join([self.unit, self.source_name])
        return SearchEntry.Kind.INDICATOR, "", self.title, metadata, text

    @path("")
    def detail(self, request):
        from .views import indicator_detail

        return indicator_detail(request, self)

    @path("embed/", name="embed")
    def embed(self, request):
        from .views import indicator_embed

        return indicator_embed(request, self)


class IndicatorDimension(Orderable):
    """A breakdown of an indicator: a column of its data file."""

    page = ParentalKey(IndicatorPage, on_delete=models.CASCADE, related_name="dimensions")
    code = models.SlugField(
        _("column"),
        max_length=40,
        help_text=_("The column name in the data file, in Latin letters: region, sector, sex…"),
    )
    label = models.CharField(_("label"), max_length=80)

    panels = [FieldRowPanel([FieldPanel("code"), FieldPanel("label")])]

    class Meta(Orderable.Meta):
        verbose_name = _("breakdown")


class SeriesNote(Orderable):
    """A note on the series, e.g. a change of method that breaks it."""

    page = ParentalKey(IndicatorPage, on_delete=models.CASCADE, related_name="notes")
    period = models.CharField(_("period"), max_length=10, blank=True)
    is_break = models.BooleanField(
        _("break in the series"),
        default=False,
        help_text=_("Values before and after this period are not comparable."),
    )
    text = models.TextField(_("note"))

    panels = [FieldRowPanel([FieldPanel("period"), FieldPanel("is_break")]), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("note")

    def clean(self):
        super().clean()
        if self.is_break and not self.period:
            raise ValidationError({"period": _("A break happens at a period: give it.")})


class Dataset(models.Model):
    """The values of one indicator in every language, and their history."""

    translation_key = models.UUIDField(unique=True)
    current = models.ForeignKey(
        "DatasetVersion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("dataset")

    def __str__(self):
        return str(self.translation_key)


class DatasetVersion(models.Model):
    """One import of an indicator's values. Never changed once written."""

    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    file_name = models.CharField(max_length=255, blank=True)
    row_count = models.PositiveIntegerField(default=0)
    comment = models.CharField(_("what changed"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("data version")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["dataset", "number"], name="unique_dataset_version")
        ]

    def __str__(self):
        return f"v{self.number}"


class Observation(models.Model):
    """One value of a version: a period, its breakdown (empty for the total) and the value."""

    version = models.ForeignKey(
        DatasetVersion, on_delete=models.CASCADE, related_name="observations"
    )
    period = models.CharField(max_length=10)
    start = models.DateField()
    # "region=casablanca-settat;sex=f": sorted pairs; "" for the total.
    dimension_key = models.TextField(blank=True)
    value = models.DecimalField(max_digits=21, decimal_places=6)
    lower = models.DecimalField(max_digits=21, decimal_places=6, null=True, blank=True)
    upper = models.DecimalField(max_digits=21, decimal_places=6, null=True, blank=True)
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("observation")
        ordering = ["start", "dimension_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "period", "dimension_key"], name="unique_observation"
            )
        ]
        indexes = [models.Index(fields=["version", "start"], name="observation_version_start")]

    def __str__(self):
        return f"{self.period} {self.dimension_key} {self.value}"

    @property
    def dimensions(self):
        """{code: value} of the breakdown."""
        return decode_dimensions(self.dimension_key)


def encode_dimensions(pairs):
    """The `dimension_key` of (code, value) pairs. Values are percent-escaped where they would
    be ambiguous."""
    return ";".join(
        f"{code}={value.replace('%', '%25').replace(';', '%3B').replace('=', '%3D')}"
        for code, value in sorted(pairs)
    )


def decode_dimensions(key):
    result = {}
    for pair in key.split(";") if key else ():
        code, _sep, value = pair.partition("=")
        result[code] = value.replace("%3D", "=").replace("%3B", ";").replace("%25", "%")
    return result


class PendingImport(models.Model):
    """An uploaded file that passed validation, waiting for the editor's confirmation."""

    dataset_key = models.UUIDField()
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    file_name = models.CharField(max_length=255)
    rows = models.JSONField()

    class Meta:
        verbose_name = _("import waiting for confirmation")

    def __str__(self):
        return self.file_name
