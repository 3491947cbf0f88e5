from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index

from portal.core.models import PortalPage


class PlatformCategory(models.TextChoices):
    REPORTING = "reporting", _("Reporting corruption")
    COMPLAINTS = "complaints", _("Complaints about public services")
    INFORMATION = "information", _("Access to information")
    OPEN_DATA = "open_data", _("Open data")
    SERVICES = "services", _("Public services online")
    PROCUREMENT = "procurement", _("Public procurement")
    PERSONAL_DATA = "personal_data", _("Personal data protection")
    MEDIATION = "mediation", _("Mediation and ombudsman")


class Platform(TranslatableMixin, index.Indexed, models.Model):
    """Another national platform a visitor may need, e.g. to file a grievance elsewhere."""

    name = models.CharField(_("name"), max_length=200)
    url = models.URLField(
        _("address"), help_text=_("Public address of the platform (http or https).")
    )
    category = models.CharField(_("category"), max_length=20, choices=PlatformCategory.choices)
    description = models.TextField(_("description"), max_length=1000)
    operator = models.CharField(_("run by"), max_length=200, blank=True)
    phone = models.CharField(_("telephone line"), max_length=40, blank=True)
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("Where the description's facts come from."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)

    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("category"),
        FieldPanel("description"),
        FieldPanel("operator"),
        FieldPanel("phone"),
        FieldPanel("source"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("platform")
        verbose_name_plural = _("platforms")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class LinkCheck(models.Model):
    """The last result of checking an address. Kept apart from the translated platforms, which
    share an address across languages."""

    class Status(models.TextChoices):
        OK = "ok", _("Reachable")
        BROKEN = "broken", _("Broken")

    url = models.URLField(_("address"), unique=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    detail = models.CharField(_("detail"), max_length=300, blank=True)
    checked_at = models.DateTimeField(_("checked at"))

    class Meta:
        verbose_name = _("link check")

    def __str__(self):
        return f"{self.url}: {self.status}"


def platforms_for_locale(locale):
    """The platforms to list in a language: each platform's version in that language, or in the
    default language while it is not translated (flagged with `fallback_language`)."""
    default = Locale.get_default()
    rows = Platform.objects.filter(locale__in={locale.pk, default.pk}).select_related("locale")
    chosen = {}
    for platform in rows:
        current = chosen.get(platform.translation_key)
        if current is None or platform.locale_id == locale.pk:
            chosen[platform.translation_key] = platform
    platforms = sorted(chosen.values(), key=lambda p: (p.sort_order, p.name))
    for platform in platforms:
        platform.fallback_language = (
            platform.locale.language_code if platform.locale_id != locale.pk else None
        )
    return platforms


class PlatformsIndexPage(PortalPage):
    """`/<lang>/platforms/`: where to go for what this portal does not do itself."""

    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("platforms directory")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        platforms = platforms_for_locale(self.locale)
        groups = []
        for value, label in PlatformCategory.choices:
            members = [p for p in platforms if p.category == value]
            if members:
                groups.append({"value": value, "label": label, "platforms": members})
        context["groups"] = groups
        return context
