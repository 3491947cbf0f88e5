from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "portal.core"
    label = "core"

    def ready(self):
        from wagtail.models import Locale, Site

        from .cache import connect_page_signals, purge_on_change

        connect_page_signals()
        purge_on_change(Site)
        purge_on_change(Locale)
