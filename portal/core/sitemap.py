from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    """Every live, public page of every language tree of the site, aliases excepted (an alias
    repeats its source page's content, which is already listed under its own address)."""

    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Q()
        for tree_root in root.get_translations(inclusive=True):
            trees |= Q(path__startswith=tree_root.path)
        return (
            Page.objects.filter(trees, alias_of__isnull=True)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": MultilingualSitemap})
