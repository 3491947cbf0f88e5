"""Keeps the search entries in step with the live pages."""

from django.db import transaction

from . import backends
from .models import SearchEntry
from .text import index_text


def document_of(page):
    """`(kind, publication_type, title, metadata, text)` of a page, or None if it is not
    searched: all is searched, and the extracts shown come from `text`. A page type describes
    itself with a `search_document()` method; other portal pages are searched on their title
    and introduction."""
    describe = getattr(page, "search_document", None)
    if describe is not None:
        return describe()
    if hasattr(page, "intro"):
        return SearchEntry.Kind.PAGE, "", page.title, "", page.intro
    return None


@transaction.atomic
def index_page(page):
    """Writes (or removes) the entry of one page, from what is live. Pages restricted to some
    visitors are not searched."""
    page = page.specific
    public = page.live and not page.get_view_restrictions().exists()
    document = document_of(page) if public else None
    if document is None:
        SearchEntry.objects.filter(page_id=page.pk).delete()
        return None
    kind, publication_type, title, metadata, text = document
    entry, _ = SearchEntry.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "locale_id": page.locale_id,
            "kind": kind,
            "publication_type": publication_type,
            "title_terms": index_text(title),
            "body_terms": index_text(f"{metadata}\n{text}"),
            "text": text,
        },
    )
    backends.after_save(entry)
    return entry


def unindex_page(page_id):
    SearchEntry.objects.filter(page_id=page_id).delete()
