import functools

from django.conf import settings
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.search import index

from .blocks import HomeBodyBlock


class PermanentIdMixin:
    """`original_id`: a page's permanent id, the same in every language (permanent addresses,
    API, OAI-PMH, catalogues): the id of its page in the default language."""

    @cached_property
    def original_id(self):
        if self.locale_id == default_locale_id() and not self.alias_of_id:
            return self.pk
        if self.alias_of_id:  # an untranslated version shows the original
            return self.alias_of_id
        original = (
            type(self)
            .objects.filter(translation_key=self.translation_key, locale_id=default_locale_id())
            .values_list("pk", flat=True)
            .first()
        )
        return original or self.pk


class PortalPage(Page):
    """Abstract base of the portal's pages: a short introduction used in cards and search."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("One or two sentences shown on cards and at the top of the page."),
    )

    search_fields = [*Page.search_fields, index.SearchField("intro")]
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        abstract = True

    def get_sitemap_urls(self, request=None):
        """Absolute URLs on the host that serves the sitemap (Wagtail's Site record may still
        name the host it was created with)."""
        urls = super().get_sitemap_urls(request)
        if request is not None:
            for entry in urls:
                entry["location"] = request.build_absolute_uri(self.get_url(request))
        return urls


class HomePage(PortalPage):
    """The root of each language tree: introduces the portal and leads to its sections."""

    body = StreamField(HomeBodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*PortalPage.content_panels, FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().public().in_menu().specific()
        return context


class TermKind(models.TextChoices):
    THEME = "theme", _("Theme")
    SECTOR = "sector", _("Sector")


class Term(TranslatableMixin, models.Model):
    """One entry of the portal's taxonomy: a theme (what it is about) or a sector (where). Every
    section tags its content with the same terms. The slug is shared by all translations of a
    term and is what filter addresses use, so they work in every language."""

    kind = models.CharField(_("kind"), max_length=10, choices=TermKind.choices)
    slug = models.SlugField(_("slug"), max_length=60, allow_unicode=False)
    name = models.CharField(_("name"), max_length=120)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)

    panels = [FieldPanel("kind"), FieldPanel("slug"), FieldPanel("name"), FieldPanel("sort_order")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("taxonomy term")
        verbose_name_plural = _("taxonomy terms")
        ordering = ["kind", "sort_order", "slug"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_term_slug_per_locale")
        ]

    def __str__(self):
        return self.name


@functools.cache
def _locale_id(language_code):
    return Locale.objects.get(language_code=language_code).pk


def forget_locale_ids(**kwargs):
    _locale_id.cache_clear()


def default_locale_id():
    """The id of the default language's locale, looked up once per process (and again after
    locales change, see `CoreConfig.ready`)."""
    return _locale_id(get_supported_content_language_variant(settings.LANGUAGE_CODE))


def term_names(kind, locale):
    """`{slug: name}` of one kind of term in a locale, falling back to the default language's
    name for terms not translated yet. One query."""
    names = {}
    for slug, name, locale_id in (
        Term.objects.filter(kind=kind, locale_id__in={locale.pk, default_locale_id()})
        .order_by("sort_order", "slug")
        .values_list("slug", "name", "locale_id")
    ):
        if locale_id == locale.pk or slug not in names:
            names[slug] = name
    return names
