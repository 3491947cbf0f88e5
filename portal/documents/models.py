from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document


class TextExtraction(models.TextChoices):
    PENDING = "pending", _("Waiting for text extraction")
    RUNNING = "running", _("Extracting text")
    OK = "ok", _("Text extracted")
    SCANNED = "scanned", _("Scanned: no text layer, needs OCR")
    ENCRYPTED = "encrypted", _("Protected by a password: text cannot be read")
    CORRUPT = "corrupt", _("Damaged or not a PDF")
    TOO_LARGE = "too_large", _("Too large to extract")
    NOT_PDF = "not_pdf", _("Not a PDF: not searched")


EXTRACTION_PROBLEMS = frozenset(
    {
        TextExtraction.SCANNED,
        TextExtraction.ENCRYPTED,
        TextExtraction.CORRUPT,
        TextExtraction.TOO_LARGE,
    }
)


class PortalDocument(AbstractDocument):
    """The portal's document model. PDF files get their text extracted in the background so
    that search finds what they say."""

    text = models.TextField(_("extracted text"), blank=True, editable=False)
    extraction = models.CharField(
        _("text extraction"),
        max_length=10,
        choices=TextExtraction.choices,
        default=TextExtraction.PENDING,
        editable=False,
    )
    extraction_pages_done = models.PositiveIntegerField(default=0, editable=False)
    extraction_pages_total = models.PositiveIntegerField(default=0, editable=False)
    extracted_hash = models.CharField(max_length=40, blank=True, editable=False)
    cover = models.ForeignKey(
        "images.PortalImage",
        verbose_name=_("cover"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The first page, drawn when the text is extracted."),
    )

    admin_form_fields = Document.admin_form_fields

    @property
    def extraction_problem(self):
        return self.extraction in EXTRACTION_PROBLEMS

    @property
    def extraction_progress(self):
        """Percentage of pages done while the text is being extracted."""
        if not self.extraction_pages_total:
            return 0
        return round(100 * self.extraction_pages_done / self.extraction_pages_total)
