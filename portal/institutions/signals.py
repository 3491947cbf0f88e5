from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import InstitutionPage
from .services import institution_workspace_ensure


@receiver(post_save, sender=InstitutionPage, dispatch_uid="institution-workspace")
def create_workspace(sender, instance, created, raw=False, **kwargs):
    """Every language version of an institution, alias or translation, is its staff's to edit
    (an alias becomes editable once it is turned into a translation)."""
    if created and not raw:
        institution_workspace_ensure(page=instance)
