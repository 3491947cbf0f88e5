from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "portal.core"
    label = "core"

    def ready(self):
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.models import Locale, Site

        from .cache import connect_page_signals, purge_on_change

        connect_page_signals()
        for model in (Site, Locale, get_image_model(), get_document_model()):
            purge_on_change(model)
