from wagtail.documents.models import AbstractDocument, Document


class PortalDocument(AbstractDocument):
    """The portal's document model, swappable from the first migration so sections can extend it."""

    admin_form_fields = Document.admin_form_fields
