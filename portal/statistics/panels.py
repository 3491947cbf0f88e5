from wagtail.admin.panels import Panel


class DatasetPanel(Panel):
    """On an indicator's edit form: its current data, the link to import a new file, and the
    history of the data."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "statistics/admin/dataset_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["saved"] = bool(page.pk)
            context["page_id"] = page.pk
            if page.pk:
                dataset = page.dataset
                context["versions"] = list(dataset.versions.all()[:10]) if dataset else []
                context["current"] = dataset.current if dataset else None
            return context
