"""Writes of the library."""

from django.contrib.auth.models import Permission
from django.db import transaction
from wagtail.models import GroupPagePermission, Locale

from portal.institutions.models import InstitutionKind, InstitutionPage, InstitutionWorkspace
from portal.institutions.services import institution_workspace_ensure

from .models import PublicationFolderPage, PublicationIndexPage

EDITOR_PERMISSIONS = ["add_page", "change_page"]
MODERATOR_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]


def _grant(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )


@transaction.atomic
def publication_folder_ensure(*, institution, index):
    """The folder of an institution's publications in the library, where its editors may
    write drafts and its moderators publish. Idempotent."""
    folder = PublicationFolderPage.objects.child_of(index).filter(slug=institution.slug).first()
    if folder is None:
        folder = index.add_child(
            instance=PublicationFolderPage(
                title=institution.title, slug=institution.slug, institution=institution
            )
        )
        folder.save_revision().publish()
    elif folder.institution_id != institution.pk:
        PublicationFolderPage.objects.filter(translation_key=folder.translation_key).update(
            institution=institution
        )
    workspace = institution_workspace_ensure(page=institution)
    _grant(workspace.editors, folder, EDITOR_PERMISSIONS)
    _grant(workspace.moderators, folder, MODERATOR_PERMISSIONS)
    return folder


@transaction.atomic
def library_permissions_ensure(*, index):
    """Every institution gets its folder; the authority's moderators may publish anywhere in
    the library."""
    institutions = InstitutionPage.objects.filter(locale=index.locale, alias_of__isnull=True)
    for institution in institutions:
        publication_folder_ensure(institution=institution, index=index)
    authority_keys = institutions.filter(kind=InstitutionKind.AUTHORITY).values("translation_key")
    for workspace in InstitutionWorkspace.objects.filter(translation_key__in=authority_keys):
        _grant(workspace.moderators, index, MODERATOR_PERMISSIONS)


def source_library():
    """The library in the default language, where publications are written, if it exists."""
    return (
        PublicationIndexPage.objects.filter(locale=Locale.get_default(), alias_of__isnull=True)
        .order_by("pk")
        .first()
    )
