from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import HomeBodyBlock


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
