from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm


class DocumentForm(BaseDocumentForm):
    """Refuses, before anything is saved, a file that is too large or a '.pdf' that is not a
    PDF. (Damaged, protected or scanned PDFs are kept and flagged by the text extraction.)"""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if not file or "file" not in self.changed_data:
            return file
        if file.size > settings.DOCUMENT_MAX_UPLOAD_BYTES:
            raise ValidationError(
                _("This file is too large (%(size)s). The limit is %(limit)s.")
                % {
                    "size": filesizeformat(file.size),
                    "limit": filesizeformat(settings.DOCUMENT_MAX_UPLOAD_BYTES),
                }
            )
        if file.name.lower().endswith(".pdf"):
            file.seek(0)
            header = file.read(1024)
            file.seek(0)
            if b"%PDF-" not in header:
                raise ValidationError(_("This file is not a PDF, although its name says so."))
        return file
