from django.template.loader import render_to_string
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry

from portal.documents.models import EXTRACTION_PROBLEMS, PortalDocument, TextExtraction


def _collections(user):
    """The collections whose documents the user may add or change."""
    policy = policy_registry.get_by_type(get_document_model())
    return policy.collections_user_has_any_permission_for(user, ["add", "change"])


class ExtractionPanel(Component):
    """On the dashboard: the documents of the user's collections whose text is being read, and
    those that could not be."""

    name = "document_text_extraction"
    order = 60

    def __init__(self, collections):
        self.collections = collections

    def render_html(self, parent_context=None):
        documents = list(
            PortalDocument.objects.filter(
                collection__in=self.collections,
                extraction__in=[
                    TextExtraction.PENDING,
                    TextExtraction.RUNNING,
                    *EXTRACTION_PROBLEMS,
                ],
            ).order_by("-created_at")[:20]
        )
        if not documents:
            return ""
        return render_to_string("library/admin/extraction_dashboard.html", {"documents": documents})


@hooks.register("construct_homepage_panels")
def add_extraction_panel(request, panels):
    collections = _collections(request.user)
    if collections.exists():
        panels.append(ExtractionPanel(collections))
