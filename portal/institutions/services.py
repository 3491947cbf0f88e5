"""Writes of the institutions app."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from .models import InstitutionWorkspace

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
MODERATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission("wagtailcore", codename)
        )


def _create_workspace(source):
    name = source.acronym or source.title
    orphan = (
        InstitutionWorkspace.objects.filter(collection__name=name)
        .exclude(translation_key__in=Page.objects.values("translation_key"))
        .first()
    )
    if orphan is not None:
        # The institution was deleted and is created again: it gets its groups back.
        orphan.translation_key = source.translation_key
        orphan.save(update_fields=["translation_key"])
        return orphan
    root = Collection.get_first_root_node()
    collection = Collection.objects.filter(name=name, depth=root.depth + 1).first()
    if collection is None:
        collection = root.add_child(name=name)
    editors, _ = Group.objects.get_or_create(name=f"{name} — editors")
    moderators, _ = Group.objects.get_or_create(name=f"{name} — moderators")
    for group in (editors, moderators):
        group.permissions.add(_permission("wagtailadmin", "access_admin"))
        for app_label, codename in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=_permission(app_label, codename)
            )
    return InstitutionWorkspace.objects.create(
        translation_key=source.translation_key,
        editors=editors,
        moderators=moderators,
        collection=collection,
    )


@transaction.atomic
def institution_workspace_ensure(*, page):
    """Gives an institution its editor and moderator groups and its own collection, and lets
    those groups work on this page of the institution (in whichever language it is, alias or
    translation). Idempotent."""
    workspace = InstitutionWorkspace.objects.filter(translation_key=page.translation_key).first()
    if workspace is None:
        source = page.alias_of.specific if page.alias_of_id else page
        workspace = _create_workspace(source)
    _grant(workspace.editors, page, EDITOR_PAGE_PERMISSIONS)
    _grant(workspace.moderators, page, MODERATOR_PAGE_PERMISSIONS)
    return workspace


@transaction.atomic
def institution_folder_ensure(*, institution, index, folder_model):
    """The folder of an institution's pages in a section (the library, the statistics), where
    its editors may write drafts and its moderators publish. An institution deleted and created
    again finds its folder again. Idempotent."""
    folder = folder_model.objects.child_of(index).filter(slug=institution.slug).first()
    if folder is None:
        folder = index.add_child(
            instance=folder_model(
                title=institution.title, slug=institution.slug, institution=institution
            )
        )
        folder.save_revision().publish()
    elif folder.institution_id != institution.pk:
        folder_model.objects.filter(translation_key=folder.translation_key).update(
            institution=institution
        )
    workspace = institution_workspace_ensure(page=institution)
    _grant(workspace.editors, folder, EDITOR_PAGE_PERMISSIONS)
    _grant(workspace.moderators, folder, MODERATOR_PAGE_PERMISSIONS)
    return folder


@transaction.atomic
def section_permissions_ensure(*, index, folder_model):
    """Every institution gets its folder in the section; the authority's moderators may
    publish anywhere in it."""
    from .models import InstitutionKind, InstitutionPage

    institutions = InstitutionPage.objects.filter(locale=index.locale, alias_of__isnull=True)
    for institution in institutions:
        institution_folder_ensure(institution=institution, index=index, folder_model=folder_model)
    authority_keys = institutions.filter(kind=InstitutionKind.AUTHORITY).values("translation_key")
    for workspace in InstitutionWorkspace.objects.filter(translation_key__in=authority_keys):
        _grant(workspace.moderators, index, MODERATOR_PAGE_PERMISSIONS)
