from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .importer import normalise_period


class IndicatorForm(WagtailAdminPageForm):
    """The period of each note on the series fits the indicator's periodicity; it is stored in
    its normal form ("T1 2018" → "2018-Q1"), as the chart reads it."""

    def is_valid(self):
        valid = super().is_valid()  # the notes' forms are cleaned after this form
        periodicity = getattr(self, "cleaned_data", {}).get("periodicity")
        if "notes" not in self.formsets or not periodicity:
            return valid
        for form in self.formsets["notes"].forms:
            data = getattr(form, "cleaned_data", {})
            if not data.get("period") or data.get("DELETE"):
                continue
            period = normalise_period(data["period"], periodicity)
            if period is None:
                form.add_error("period", _("This period does not fit the periodicity."))
                valid = False
            else:
                data["period"] = form.instance.period = period
        return valid
