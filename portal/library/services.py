"""Writes of the library."""

from wagtail.models import Locale

from portal.institutions.services import institution_folder_ensure, section_permissions_ensure

from .models import PublicationFolderPage, PublicationIndexPage


def publication_folder_ensure(*, institution, index):
    """The folder of an institution's publications in the library. Idempotent."""
    return institution_folder_ensure(
        institution=institution, index=index, folder_model=PublicationFolderPage
    )


def library_permissions_ensure(*, index):
    """Every institution gets its folder; the authority's moderators may publish anywhere in
    the library."""
    section_permissions_ensure(index=index, folder_model=PublicationFolderPage)


def source_library():
    """The library in the default language, where publications are written, if it exists."""
    return (
        PublicationIndexPage.objects.filter(locale=Locale.get_default(), alias_of__isnull=True)
        .order_by("pk")
        .first()
    )
