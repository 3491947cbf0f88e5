from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "portal.complaints"
    label = "complaints"
    verbose_name = _("Claims")

    def ready(self):
        from portal.core.cache import purge_on_change

        from . import antiabuse, signals  # noqa: F401
        from .models import ClaimSettings

        # The entry page (cached) shows the deadlines and identity choices of the settings.
        purge_on_change(ClaimSettings)
        checks.register(antiabuse.check_trusted_proxy, checks.Tags.security, deploy=True)
