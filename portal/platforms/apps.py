from django.apps import AppConfig


class PlatformsConfig(AppConfig):
    name = "portal.platforms"
    label = "platforms"

    def ready(self):
        from portal.core.cache import purge_on_change

        from .models import Platform

        purge_on_change(Platform)
