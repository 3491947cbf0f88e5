from django.apps import AppConfig


class InstitutionsConfig(AppConfig):
    name = "portal.institutions"
    label = "institutions"

    def ready(self):
        from . import signals  # noqa: F401
