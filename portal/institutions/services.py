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
    for group, codenames in (
        (workspace.editors, EDITOR_PAGE_PERMISSIONS),
        (workspace.moderators, MODERATOR_PAGE_PERMISSIONS),
    ):
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=_permission("wagtailcore", codename)
            )
    return workspace
