from django.db.models import OuterRef, Subquery
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import LinkCheck, Platform


class LinkStatusColumn(Column):
    cell_template_name = "platforms/admin/link_status_cell.html"


class PlatformViewSet(SnippetViewSet):
    model = Platform
    icon = "link"
    menu_label = _("Platforms")
    add_to_admin_menu = True
    list_display = [
        "name",
        "category",
        "locale",
        LinkStatusColumn("link_status", label=_("Link status")),
    ]
    list_filter = ["category", "locale"]

    def get_queryset(self, request):
        last_check = LinkCheck.objects.filter(url=OuterRef("url")).values("status")[:1]
        return Platform.objects.annotate(link_status=Subquery(last_check))


register_snippet(PlatformViewSet)


class BrokenLinksPanel(Component):
    name = "broken_platform_links"
    order = 50

    def render_html(self, parent_context=None):
        broken = LinkCheck.objects.filter(status=LinkCheck.Status.BROKEN).order_by("url")
        if not broken:
            return ""
        platforms = Platform.objects.filter(url__in=[c.url for c in broken]).order_by(
            "url", "locale_id"
        )
        names = {}
        for platform in platforms:
            names.setdefault(platform.url, platform)
        rows = [(check, names.get(check.url)) for check in broken]
        return render_to_string("platforms/admin/broken_links_panel.html", {"rows": rows})


@hooks.register("construct_homepage_panels")
def add_broken_links_panel(request, panels):
    if request.user.has_perm("platforms.change_platform"):
        panels.append(BrokenLinksPanel())
