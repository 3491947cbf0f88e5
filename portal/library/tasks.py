"""Background work of the library: reading the text of PDF files so that search finds it."""

from django.conf import settings
from django.db import transaction
from django_tasks import task

from portal.documents.models import PortalDocument, TextExtraction
from portal.search.index import index_page

from . import pdf
from .models import PublicationPage


def _progress(document_id):
    """Saves how many pages are done, about every 2 % so that long files stay cheap."""
    last = [0]

    def report(done, total):
        if done == total or done - last[0] >= max(1, total // 50):
            last[0] = done
            PortalDocument.objects.filter(pk=document_id).update(
                extraction_pages_done=done, extraction_pages_total=total
            )

    return report


@task()
def extract_document_text(document_id):
    """Extracts the text of a PDF document, records what happened, and re-indexes the live
    publications that include it. A bad file is flagged, never an error for the others."""
    document = PortalDocument.objects.filter(pk=document_id).first()
    if document is None:
        return None
    PortalDocument.objects.filter(pk=document_id).update(
        extraction=TextExtraction.RUNNING, extraction_pages_done=0, extraction_pages_total=0
    )
    with document.open_file() as handle:
        result = pdf.extract_text(
            handle,
            max_bytes=settings.PDF_EXTRACT_MAX_BYTES,
            max_pages=settings.PDF_EXTRACT_MAX_PAGES,
            progress=_progress(document_id),
        )
    with transaction.atomic():
        PortalDocument.objects.filter(pk=document_id).update(
            text=result.text,
            extraction=result.status,
            extraction_pages_total=result.pages,
            extraction_pages_done=result.pages if result.status == pdf.OK else 0,
            extracted_hash=document.file_hash,
        )
        for page in PublicationPage.objects.live().filter(files__document_id=document_id):
            index_page(page)
    return result.status
