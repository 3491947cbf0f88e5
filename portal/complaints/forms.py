"""The reporter's forms. The claim form has four steps; the answers of the other steps travel as
hidden inputs and every step re-validates them, so nothing is stored before the final submission
(no draft, no session)."""

import datetime
from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinLengthValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.models import TermKind, term_names
from portal.institutions.selectors import institution_labels

from . import attachments
from .choices import Identity, Kind, Offence, Region
from .models import ClaimSettings

FACTS_MIN = 30
FACTS_MAX = 20000
TEXT_MAX = 5000
LINE_MAX = 300
FIRST_YEAR = 1956

KIND_HELP = {
    Kind.COMPLAINT: _(
        "You are, or may be, the victim of the act. Law 46-19 asks that a complaint be signed "
        "with your identity: it is named or confidential, not anonymous."
    ),
    Kind.DENUNCIATION: _(
        "You have reliable information about an act of corruption that harmed others or the "
        "public interest, and you ask the authority to act."
    ),
    Kind.INFORMATION: _(
        "You want the authority to know something, without asking for an action of your own."
    ),
}
IDENTITY_HELP = {
    Identity.ANONYMOUS: _(
        "Nobody, not even the authority, knows who you are. You follow the case only with your "
        "receipt, and the authority cannot contact you."
    ),
    Identity.CONFIDENTIAL: _(
        "You give your name and contact details. They are sealed apart: a handler sees them only "
        "when a custodian approves a motivated request."
    ),
    Identity.NAMED: _("You give your name and contact details; the handlers see them."),
}


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class EvidenceField(forms.FileField):
    """Several evidence files, cleaned (type, size, metadata) by `attachments.clean_uploads`:
    its value is a list of `attachments.CleanFile`."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        if not data:
            return []
        return attachments.clean_uploads(data if isinstance(data, list | tuple) else [data])


class AccessibleForm(forms.Form):
    """Links its fields to their help and error texts for assistive technologies."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}_help"

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            attrs = self.fields[name].widget.attrs
            attrs["aria-invalid"] = "true"
            described = attrs.get("aria-describedby", "")
            attrs["aria-describedby"] = f"{described} id_{name}_error".strip()


class StepForm(AccessibleForm):
    """One step of the claim form."""

    step = 0
    title = ""


def _choices(blank_label, pairs):
    return [("", blank_label), *pairs]


class KindForm(StepForm):
    step = 1
    title = _("Kind of report and your identity")

    kind = forms.ChoiceField(
        label=_("What do you want to send?"),
        choices=Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what you want to send.")},
    )
    identity = forms.ChoiceField(
        label=_("How do you want to appear?"),
        choices=Identity.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how you want to appear.")},
    )

    def __init__(self, *args, config=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.config = config or ClaimSettings.load()

    def offered(self):
        """`[(kind, label, help, [identity labels])]` for the explanations on the page."""
        labels = dict(Identity.choices)
        return [
            (kind, label, KIND_HELP[kind], [labels[i] for i in self.config.identities(kind)])
            for kind, label in Kind.choices
        ]

    def clean(self):
        data = super().clean()
        kind, identity = data.get("kind"), data.get("identity")
        if kind and identity and identity not in self.config.identities(kind):
            allowed = ", ".join(
                str(dict(Identity.choices)[i]) for i in self.config.identities(kind)
            )
            self.add_error(
                "identity",
                ValidationError(
                    _("This kind of report can be filed only as: %(allowed)s."),
                    params={"allowed": allowed},
                    code="identity",
                ),
            )
        return data


class FactsForm(StepForm):
    step = 2
    title = _("What kind of act, where and when")

    offence = forms.ChoiceField(
        label=_("What kind of act is it?"),
        choices=Offence.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the kind of act.")},
    )
    sector = forms.ChoiceField(
        label=_("Sector"), required=False, error_messages={"invalid_choice": _("Choose a sector.")}
    )
    region = forms.ChoiceField(
        label=_("Region where it happened"),
        choices=_choices(_("I do not know"), Region.choices),
        required=False,
        error_messages={"invalid_choice": _("Choose a region.")},
    )
    institution = forms.ChoiceField(
        label=_("Institution concerned"),
        required=False,
        help_text=_("If the act concerns one of the portal's partner institutions."),
        error_messages={"invalid_choice": _("Choose an institution from the list.")},
    )
    other_body = forms.CharField(
        label=_("Other body concerned"),
        required=False,
        max_length=LINE_MAX,
        help_text=_("A ministry, a town council, a hospital, a company... Encrypted."),
    )
    when_date = forms.DateField(
        label=_("Date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Year-month-day, for example 2025-03-14."),
        error_messages={"invalid": _("Enter a date as year-month-day, for example 2025-03-14.")},
    )
    when_month = forms.TypedChoiceField(
        label=_("Month"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=_choices(_("Month"), [(m, f"{m:02d}") for m in range(1, 13)]),
        error_messages={"invalid_choice": _("Choose a month from the list.")},
    )
    when_year = forms.IntegerField(
        label=_("Year"),
        required=False,
        min_value=FIRST_YEAR,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={"invalid": _("Enter a year with four digits, for example 2024.")},
    )

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.sectors = term_names(TermKind.SECTOR, locale)
        self.fields["sector"].choices = _choices(_("I do not know"), self.sectors.items())
        labels = institution_labels(locale)
        self.institutions = {
            slug: f"{name} ({acronym})" for slug, (acronym, name) in labels.items()
        }
        self.fields["institution"].choices = _choices(
            _("None of them, or I do not know"),
            sorted(self.institutions.items(), key=lambda item: item[1]),
        )
        this_year = timezone.localdate().year
        self.fields["when_year"].validators.append(
            MaxValueValidator(this_year, message=_("The date cannot be in the future."))
        )
        self.fields["when_year"].widget.attrs["max"] = this_year

    def clean_when_date(self):
        value = self.cleaned_data.get("when_date")
        if value and value > timezone.localdate():
            raise ValidationError(_("The date cannot be in the future."), code="future")
        return value

    def clean(self):
        data = super().clean()
        month, year = data.get("when_month"), data.get("when_year")
        occurred = data.get("when_date")
        if month and not year and "when_year" not in self.errors:
            self.add_error("when_year", _("Give the year of this month."))
        elif year and not occurred and not self.errors.get("when_year"):
            guess = datetime.date(year, month or 1, 1)
            if guess > timezone.localdate():
                self.add_error("when_year", _("The date cannot be in the future."))
            else:
                occurred = guess
        data["occurred_on"] = occurred
        return data


class StoryForm(StepForm):
    step = 3
    title = _("What happened")

    facts = forms.CharField(
        label=_("What happened?"),
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Who did what, when, how you know it: at least 30 characters. Do not write your own "
            "name here if you want to stay anonymous."
        ),
        validators=[MinLengthValidator(FACTS_MIN), MaxLengthValidator(FACTS_MAX)],
        error_messages={"required": _("Describe what happened.")},
    )
    place = forms.CharField(
        label=_("Where did it happen?"),
        required=False,
        max_length=LINE_MAX,
        help_text=_("Town, office, address..."),
    )
    people = forms.CharField(
        label=_("People involved"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=TEXT_MAX,
        help_text=_("Names, positions, or a description."),
    )
    amount = forms.DecimalField(
        label=_("Amount involved, if any (dirhams)"),
        required=False,
        min_value=Decimal(0),
        max_digits=15,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        help_text=_("For example 5000 or 1250.50."),
        error_messages={"invalid": _("Enter an amount in dirhams, for example 1250.50.")},
    )


class FinalForm(StepForm):
    """Identity details (unless anonymous), evidence files and the declaration."""

    step = 4
    title = _("Your details, evidence and review")

    name = forms.CharField(label=_("Your name"), required=False, max_length=LINE_MAX)
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        max_length=254,
        error_messages={"invalid": _("Enter a valid e-mail address, for example name@example.ma.")},
    )
    phone = forms.RegexField(
        label=_("Telephone"),
        required=False,
        regex=r"^\+?[0-9٠-٩ ()./-]{6,30}$",
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        error_messages={"invalid": _("Enter a telephone number, for example 0612345678.")},
    )
    national_id = forms.CharField(
        label=_("National identity card number"), required=False, max_length=20
    )
    files = EvidenceField(label=_("Evidence files"), required=False)
    consent = forms.BooleanField(
        label=_(
            "I declare that this report is accurate to the best of my knowledge and that it is "
            "not already before a court."
        ),
        error_messages={"required": _("Confirm the declaration to send your report.")},
    )

    def __init__(self, *args, identity, **kwargs):
        super().__init__(*args, **kwargs)
        self.identity = identity
        self.fields["files"].help_text = _(
            "Up to %(count)s files of at most %(size)s MB each. %(allowed)s Photo and PDF "
            "metadata are removed before the files are encrypted, but not what the pages or "
            "pictures show: if you report anonymously, check that they do not show your name."
        ) % {
            "count": settings.CLAIMS_MAX_FILES,
            "size": settings.CLAIMS_MAX_FILE_BYTES // (1024 * 1024),
            "allowed": attachments.ALLOWED_LABEL,
        }
        self.fields["files"].widget.attrs["aria-describedby"] = "id_files_help"
        if identity == Identity.ANONYMOUS or not settings.CLAIMS_ASK_NATIONAL_ID:
            del self.fields["national_id"]
        if identity == Identity.ANONYMOUS:
            for name in ("name", "email", "phone"):
                del self.fields[name]
        else:
            self.fields["name"].required = True
            self.fields["name"].error_messages["required"] = _("Give your name.")
            self.fields["name"].widget.attrs["autocomplete"] = "name"
            self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean(self):
        data = super().clean()
        missing = not (data.get("email") or data.get("phone"))
        if (
            missing
            and self.identity != Identity.ANONYMOUS
            and not {"email", "phone"} & set(self.errors)
        ):
            self.add_error("email", _("Give an e-mail address or a telephone number."))
        return data

    def contact(self):
        """The contact details to encrypt, or None for an anonymous report."""
        if self.identity == Identity.ANONYMOUS:
            return None
        keys = ("name", "email", "phone", "national_id")
        return {k: self.cleaned_data[k] for k in keys if self.cleaned_data.get(k)}


STEPS = (KindForm, FactsForm, StoryForm, FinalForm)


class FollowForm(forms.Form):
    receipt = forms.CharField(
        label=_("Your receipt"),
        max_length=64,
        help_text=_("The 16 digits you received. Spaces and dashes do not matter."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "inputmode": "numeric",
                "dir": "ltr",
                "spellcheck": "false",
            }
        ),
    )


class ReplyForm(AccessibleForm):
    body = forms.CharField(
        label=_("Your message"),
        required=False,
        max_length=FACTS_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    files = EvidenceField(label=_("Add evidence files"), required=False)

    def clean(self):
        data = super().clean()
        if not self.errors and not (data.get("body") or "").strip() and not data.get("files"):
            raise ValidationError(_("Write a message or add a file."))
        return data


class VerifyForm(AccessibleForm):
    reference = forms.CharField(label=_("Reference"), required=False, max_length=20)
    filed = forms.CharField(
        label=_("Date and time of filing"),
        required=False,
        max_length=40,
        help_text=_("As printed on the proof, for example 2026-05-15T10:30:00Z."),
    )
    signature = forms.CharField(
        label=_("Signature"),
        required=False,
        max_length=200,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    proof = forms.FileField(label=_("Or upload the proof of filing (PDF)"), required=False)
