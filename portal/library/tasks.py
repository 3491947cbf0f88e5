"""Background work of the library: reading the text of PDF files so that search finds it."""

import io
import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django_tasks import task
from PIL import Image as PILImage

from portal.documents.models import PortalDocument, TextExtraction
from portal.images.models import PortalImage
from portal.search.index import index_page

from . import pdf
from .models import PublicationPage

logger = logging.getLogger(__name__)


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


def _cover_image(document, png):
    """The first page of a document as an image of its collection (replacing an older one)."""
    if document.cover_id:
        PortalImage.objects.filter(pk=document.cover_id).delete()
    if not png:
        return None
    try:
        return _save_cover(document, png)
    except (OSError, ValueError):  # no cover rather than no text
        logger.exception("Could not save the cover of document %s", document.pk)
        return None


def _save_cover(document, png):
    width, height = PILImage.open(io.BytesIO(png)).size
    image = PortalImage(
        title=f"{document.title} (1)"[:255],
        description=document.title[:255],
        collection_id=document.collection_id,
    )
    image.file.save(f"cover-{document.pk}.png", ContentFile(png), save=False)
    image.width, image.height = width, height
    image._set_image_file_metadata()
    image.save()
    return image


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
            cover=_cover_image(document, result.cover),
        )
        for page in PublicationPage.objects.live().filter(files__document_id=document_id):
            index_page(page)
    return result.status
