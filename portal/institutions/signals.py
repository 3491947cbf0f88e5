from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import InstitutionPage
from .services import institution_workspace_ensure


@receiver(post_save, sender=InstitutionPage, dispatch_uid="institution-workspace")
def create_workspace(sender, instance, created, raw=False, **kwargs):
    if created and not raw and instance.alias_of_id is None:
        institution_workspace_ensure(page=instance)
