from wagtail.admin.panels import Panel


class ExtractionStatusPanel(Panel):
    """On a publication's edit form: whether the text of each file has been read, how far the
    reading has got, and which files could not be read."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "library/admin/extraction_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            files = self.instance.files.all() if self.instance.pk else []
            context["documents"] = [f.document for f in files if f.document_id]
            return context
