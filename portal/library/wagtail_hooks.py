from django.template.loader import render_to_string
from wagtail import hooks
from wagtail.admin.ui.components import Component

from portal.documents.models import EXTRACTION_PROBLEMS, PortalDocument, TextExtraction


class ExtractionPanel(Component):
    """On the dashboard: documents whose text is being read, and those that could not be."""

    name = "document_text_extraction"
    order = 60

    def render_html(self, parent_context=None):
        documents = list(
            PortalDocument.objects.filter(
                extraction__in=[
                    TextExtraction.PENDING,
                    TextExtraction.RUNNING,
                    *EXTRACTION_PROBLEMS,
                ]
            ).order_by("-created_at")[:20]
        )
        if not documents:
            return ""
        return render_to_string("library/admin/extraction_dashboard.html", {"documents": documents})


@hooks.register("construct_homepage_panels")
def add_extraction_panel(request, panels):
    if request.user.has_perm("wagtaildocs.change_document") or request.user.has_perm(
        "wagtaildocs.add_document"
    ):
        panels.append(ExtractionPanel())
