from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "portal.core"
    label = "core"

    def ready(self):
        from django.db.models.signals import post_delete, post_migrate, post_save
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.models import Locale, Site

        from .cache import connect_page_signals, purge_on_change
        from .models import forget_locale_ids

        connect_page_signals()
        # Locales are created by migrations; a flushed database (tests) creates them again.
        post_migrate.connect(forget_locale_ids, dispatch_uid="forget-locale-ids-migrate")
        post_save.connect(forget_locale_ids, sender=Locale, dispatch_uid="forget-locale-ids-save")
        post_delete.connect(forget_locale_ids, sender=Locale, dispatch_uid="forget-locale-ids-del")
        for model in (Site, Locale, get_image_model(), get_document_model()):
            purge_on_change(model)
