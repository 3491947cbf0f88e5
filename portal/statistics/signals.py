from django.db.models.signals import post_save
from django.dispatch import receiver

from portal.core.cache import purge_on_change
from portal.core.models import default_locale_id
from portal.institutions.models import InstitutionPage

from .models import Dataset, StatisticsIndexPage
from .services import (
    indicator_folder_ensure,
    source_statistics,
    statistics_permissions_ensure,
)

# A new version of the data changes the indicator's page, the list and the downloads.
purge_on_change(Dataset)


@receiver(post_save, sender=InstitutionPage, dispatch_uid="statistics-institution-folder")
def folder_of_new_institution(sender, instance, created, raw=False, **kwargs):
    if not created or raw or instance.alias_of_id or instance.locale_id != default_locale_id():
        return
    index = source_statistics()
    if index is not None:
        indicator_folder_ensure(institution=instance, index=index)


@receiver(post_save, sender=StatisticsIndexPage, dispatch_uid="statistics-new-section")
def folders_of_a_new_section(sender, instance, created, raw=False, **kwargs):
    """A statistics section added in the admin gets a folder for every institution at once."""
    if not created or raw or instance.alias_of_id or instance.locale_id != default_locale_id():
        return
    statistics_permissions_ensure(index=instance)
