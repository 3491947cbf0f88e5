from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import (
    copy_for_translation_done,
    page_published,
    page_unpublished,
    post_page_move,
)

from .index import index_page, unindex_page


@receiver(page_published, dispatch_uid="search-index-published")
def published(sender, instance, **kwargs):
    index_page(instance)


@receiver(page_unpublished, dispatch_uid="search-index-unpublished")
def unpublished(sender, instance, **kwargs):
    unindex_page(instance.pk)


@receiver(copy_for_translation_done, dispatch_uid="search-index-language-version")
def language_version_created(sender, target_obj, **kwargs):
    """An untranslated language version (alias) is created live, without being published."""
    if isinstance(target_obj, Page):
        index_page(target_obj)


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="search-index-restricted")
@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="search-index-unrestricted")
def restriction_changed(sender, instance, **kwargs):
    """A page restricted to some visitors leaves the search, with the pages under it."""
    root = Page.objects.filter(pk=instance.page_id).first()
    if root is None:  # the page itself is being deleted
        return
    for page in Page.objects.filter(path__startswith=root.path).live().specific():
        index_page(page)


@receiver(post_page_move, dispatch_uid="search-index-moved")
def moved(sender, instance, **kwargs):
    """A page moved (under a restricted section, or out of one) is indexed again, with the
    pages under it."""
    for page in Page.objects.filter(path__startswith=instance.path).live().specific():
        index_page(page)
