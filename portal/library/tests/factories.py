import datetime

import factory
from django.core.files.base import ContentFile
from wagtail.models import Collection, Locale

from portal.documents.models import PortalDocument
from portal.library import pdf
from portal.library.models import PublicationFile, PublicationFolderPage, PublicationPage


def pdf_document(*, title="Document", text="Texte du document", language="fr", collection=None):
    """A PDF document carrying `text`, saved (its text is extracted by the task on save)."""
    content = pdf.demo_pdf(title=title, abstract=text, language=language, lines=[])
    document = PortalDocument(
        title=title, collection=collection or Collection.get_first_root_node()
    )
    document.file.save(f"{title[:40]}.pdf", ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


class PublicationPageFactory(factory.django.DjangoModelFactory):
    """A published publication in the folder of an institution (`folder`: its slug, INPPLC's by
    default), in a language's library (Arabic by default). `file_text` adds a PDF file."""

    class Meta:
        model = PublicationPage

    title = factory.Sequence(lambda n: f"Publication {n}")
    slug = factory.Sequence(lambda n: f"publication-{n}")
    publication_type = "report"
    language = "fr"
    summary = "Résumé de la publication."
    publication_date = datetime.date(2024, 5, 15)
    source = "Test"

    @classmethod
    def _create(
        cls, model_class, *args, folder="inpplc", language_tree="ar", file_text=None, **kwargs
    ):
        locale = Locale.objects.get(language_code=language_tree)
        parent = PublicationFolderPage.objects.get(slug=folder, locale=locale)
        page = model_class(*args, **kwargs)
        if file_text is not None:
            page.files = [
                PublicationFile(
                    document=pdf_document(title=page.title, text=file_text), language=page.language
                )
            ]
        page.institutions = [parent.institution]
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page
