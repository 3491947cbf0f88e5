from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry


class PublicationForm(WagtailAdminPageForm):
    """Checked on the server, whatever the browser sends: the institution whose folder holds the
    publication is among its publishers, and every file is a document the editor may use."""

    def clean(self):
        cleaned_data = super().clean()
        folder = self.parent_page.specific if self.parent_page else None
        institution = getattr(folder, "institution", None)
        chosen = cleaned_data.get("institutions")
        keys = {i.translation_key for i in chosen or ()}
        if (
            institution is not None
            and chosen is not None
            and institution.translation_key not in keys
        ):
            self.add_error(
                "institutions",
                _("Include %(name)s: this publication is in its folder.")
                % {"name": institution.title},
            )
        return cleaned_data

    def is_valid(self):
        valid = super().is_valid()  # the files' forms are cleaned after this form
        if self.for_user is None or "files" not in self.formsets:
            return valid
        policy = policy_registry.get_by_type(get_document_model())
        allowed = policy.instances_user_has_any_permission_for(self.for_user, ["choose"])
        for form in self.formsets["files"].forms:
            document = getattr(form, "cleaned_data", {}).get("document")
            if document is not None and not allowed.filter(pk=document.pk).exists():
                form.add_error("document", _("You may not use this document."))
                valid = False
        return valid
