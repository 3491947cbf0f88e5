from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from portal.core.models import default_locale_id
from portal.documents.models import PortalDocument, TextExtraction
from portal.institutions.models import InstitutionPage

from .models import PublicationPage, PublicationTombstone
from .services import publication_folder_ensure, source_library
from .tasks import extract_document_text


@receiver(post_save, sender=PortalDocument, dispatch_uid="library-extract-text")
def extract_text_of_new_file(sender, instance, raw=False, **kwargs):
    """A new or replaced PDF file has its text extracted in the background."""
    if raw or not instance.file or instance.extracted_hash == instance.file_hash:
        return
    if instance.file_extension != "pdf":
        PortalDocument.objects.filter(pk=instance.pk).update(
            extraction=TextExtraction.NOT_PDF, text="", extracted_hash=instance.file_hash
        )
        return
    PortalDocument.objects.filter(pk=instance.pk).update(extraction=TextExtraction.PENDING)
    extract_document_text.enqueue(instance.pk)


@receiver(post_save, sender=InstitutionPage, dispatch_uid="library-institution-folder")
def folder_of_new_institution(sender, instance, created, raw=False, **kwargs):
    if not created or raw or instance.alias_of_id or instance.locale_id != default_locale_id():
        return
    index = source_library()
    if index is not None:
        publication_folder_ensure(institution=instance, index=index)


def _is_original(page):
    return not page.alias_of_id and page.locale_id == default_locale_id()


@receiver(page_unpublished, sender=PublicationPage, dispatch_uid="library-tombstone-unpublished")
@receiver(pre_delete, sender=PublicationPage, dispatch_uid="library-tombstone-deleted")
def withdrawn(sender, instance, **kwargs):
    """Harvesters learn that a withdrawn publication is gone."""
    if _is_original(instance) and (kwargs.get("signal") is page_unpublished or instance.live):
        PublicationTombstone.objects.update_or_create(
            original_id=instance.pk,
            defaults={
                "withdrawn_at": timezone.now(),
                "publication_type": instance.publication_type,
                "themes": " ".join(instance.themes.values_list("slug", flat=True)),
            },
        )


@receiver(page_published, sender=PublicationPage, dispatch_uid="library-tombstone-published")
def republished(sender, instance, **kwargs):
    if _is_original(instance):
        PublicationTombstone.objects.filter(original_id=instance.pk).delete()


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="library-tombstone-restricted")
@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="library-tombstone-unrestricted")
def restriction_changed(sender, instance, **kwargs):
    """A publication restricted to some visitors is gone for harvesters, and comes back when
    the restriction is lifted."""
    root = Page.objects.filter(pk=instance.page_id).first()
    if root is None:
        return
    originals = PublicationPage.objects.filter(
        path__startswith=root.path, locale_id=default_locale_id(), alias_of__isnull=True
    ).live()
    if kwargs.get("signal") is post_save:
        for page in originals:
            withdrawn(PublicationPage, page, signal=page_unpublished)
    else:
        public = originals.public().values("pk")
        PublicationTombstone.objects.filter(original_id__in=public).delete()
