from django.urls import path
from wagtail import hooks

from . import admin_views


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path(
            "statistics/<int:page_id>/import/",
            admin_views.import_upload,
            name="statistics_import_upload",
        ),
        path(
            "statistics/<int:page_id>/import/<int:pending_id>/",
            admin_views.import_preview,
            name="statistics_import_preview",
        ),
    ]
