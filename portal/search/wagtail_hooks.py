from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .models import FailedSearch


def failed_searches(request):
    """What visitors looked for in vain, most frequent first, so editors can fill the gaps."""
    searches = FailedSearch.objects.order_by("-count", "-last_searched", "query")
    page_obj = Paginator(searches, 50).get_page(request.GET.get("p"))
    return render(
        request,
        "search/admin/failed_searches.html",
        {"page_obj": page_obj, "searches": page_obj.object_list},
    )


@hooks.register("register_admin_urls")
def urls():
    return [path("reports/failed-searches/", failed_searches, name="failed_searches")]


@hooks.register("register_reports_menu_item")
def menu_item():
    return MenuItem(
        _("Searches without results"), reverse("failed_searches"), icon_name="search", order=900
    )
