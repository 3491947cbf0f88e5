"""The forms of the handlers' workspace in the admin. Each only validates input; the views pass
what it cleaned to `services`."""

from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import attachments
from .choices import TRANSITIONS, Channel, Identity, Kind, Offence, Region, Status
from .forms import FACTS_MAX, FACTS_MIN, LINE_MAX, TEXT_MAX, EvidenceField
from .models import AuditEntry, ClaimSettings

DEADLINE_CHOICES = [
    ("", _("Any")),
    ("overdue", _("Overdue")),
    ("due_soon", _("Due soon")),
]


def _blank(label, pairs):
    return [("", label), *pairs]


class AdminForm(forms.Form):
    """Links an invalid field to its error message (and keeps the link to its help text that
    the admin's field template makes) for assistive technologies."""

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            bound = self[name]
            ids = [f"{bound.auto_id}-helptext"] if self.fields[name].help_text else []
            attrs = self.fields[name].widget.attrs
            attrs["aria-describedby"] = " ".join([*ids, f"{bound.auto_id}-error"])
            attrs["aria-invalid"] = "true"


class UnlockForm(AdminForm):
    password = forms.CharField(
        label=_("Your account password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("It opens your claim key for this browser session only."),
        error_messages={"required": _("Enter your password.")},
    )


class ClaimFilterForm(forms.Form):
    """The list's filters (GET). Unknown values are ignored rather than refused."""

    status = forms.ChoiceField(label=_("Status"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    offence = forms.ChoiceField(label=_("Offence"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    institution = forms.ChoiceField(label=_("Institution concerned"), required=False)
    deadline = forms.ChoiceField(label=_("Deadlines"), choices=DEADLINE_CHOICES, required=False)
    mine = forms.BooleanField(label=_("Assigned to me"), required=False)
    referred = forms.BooleanField(label=_("Referred to an institution"), required=False)

    def __init__(self, *args, sectors, institutions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = _blank(_("Any"), Status.choices)
        self.fields["kind"].choices = _blank(_("Any"), Kind.choices)
        self.fields["offence"].choices = _blank(_("Any"), Offence.choices)
        self.fields["sector"].choices = _blank(_("Any"), sectors.items())
        self.fields["region"].choices = _blank(_("Any"), Region.choices)
        self.fields["institution"].choices = _blank(
            _("Any"), sorted(institutions.items(), key=lambda item: item[1])
        )

    def filters(self):
        """The valid filters only: a malformed address shows the unfiltered list."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class BodyForm(AdminForm):
    body = forms.CharField(
        max_length=FACTS_MAX, widget=forms.Textarea(attrs={"rows": 6}), strip=True
    )

    def __init__(self, *args, label, required_message, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].label = label
        self.fields["body"].error_messages["required"] = required_message


def message_form(*args, **kwargs):
    return BodyForm(
        *args,
        prefix="message",
        label=_("Your message to the reporter"),
        required_message=_("The message is empty."),
        **kwargs,
    )


def note_form(*args, **kwargs):
    return BodyForm(
        *args,
        prefix="note",
        label=_("Internal note"),
        required_message=_("The note is empty."),
        **kwargs,
    )


class StatusForm(AdminForm):
    """Only the moves allowed from the claim's status; a referral has its own form."""

    status = forms.ChoiceField(
        label=_("New status"),
        error_messages={
            "required": _("Choose the new status."),
            "invalid_choice": _("A claim cannot go from this status to that one."),
        },
    )

    def __init__(self, *args, claim, **kwargs):
        super().__init__(*args, prefix="status", **kwargs)
        allowed = TRANSITIONS.get(claim.status, set()) - {Status.REFERRED}
        self.fields["status"].choices = _blank(
            _("Choose…"), [(value, label) for value, label in Status.choices if value in allowed]
        )


class AssignForm(AdminForm):
    assignee = forms.ModelChoiceField(
        label=_("Assign to"),
        queryset=None,
        required=False,
        empty_label=_("Nobody"),
        error_messages={"invalid_choice": _("This handler cannot open this claim.")},
    )

    def __init__(self, *args, handlers, **kwargs):
        super().__init__(*args, prefix="assign", **kwargs)
        self.fields["assignee"].queryset = handlers
        self.fields["assignee"].label_from_instance = lambda h: (
            h.user.get_full_name() or h.user.get_username()
        )


class ReferForm(AdminForm):
    institution = forms.TypedChoiceField(
        label=_("Refer to"),
        coerce=int,
        help_text=_(
            "Its claim handlers can open the claim from now on; the reporter sees the referral "
            "in the claim's history."
        ),
        error_messages={
            "required": _("Choose an institution."),
            "invalid_choice": _("Choose an institution from the list."),
        },
    )

    def __init__(self, *args, institutions, **kwargs):
        super().__init__(*args, prefix="refer", **kwargs)
        self.fields["institution"].choices = _blank(
            _("Choose…"), sorted(institutions.items(), key=lambda item: item[1])
        )


class DisclosureForm(AdminForm):
    motivation = forms.CharField(
        label=_("Why do you need the reporter's identity?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=TEXT_MAX,
        help_text=_(
            "An identity custodian reads this and decides. At least 20 characters; the request "
            "and the decision are recorded in the audit log."
        ),
        error_messages={"required": _("Explain why the identity is needed.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="disclosure", **kwargs)


class AuditFilterForm(forms.Form):
    reference = forms.CharField(label=_("Claim reference"), required=False, max_length=20)
    action = forms.ChoiceField(
        label=_("Action"), required=False, choices=_blank(_("Any"), AuditEntry.Action.choices)
    )

    def filters(self):
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class PasswordChangeForm(AdminForm):
    old_password = forms.CharField(
        label=_("Current password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Enter your current password.")},
    )
    new_password1 = forms.CharField(
        label=_("New password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Enter a new password.")},
    )
    new_password2 = forms.CharField(
        label=_("New password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Enter the new password again.")},
    )

    def clean(self):
        data = super().clean()
        first, second = data.get("new_password1"), data.get("new_password2")
        if first and second and first != second:
            self.add_error("new_password2", _("The two new passwords differ."))
        return data


class RegisterForm(AdminForm):
    """A claim received by another channel, typed in by a handler of the authority: the public
    form's questions on one page, plus the channel."""

    channel = forms.ChoiceField(
        label=_("Received by"),
        choices=_blank(_("Choose…"), [c for c in Channel.choices if c[0] != Channel.ONLINE]),
        error_messages={"required": _("Choose how the claim was received.")},
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=_blank(_("Choose…"), Kind.choices),
        error_messages={"required": _("Choose the kind of claim.")},
    )
    identity = forms.ChoiceField(
        label=_("Identity of the reporter"),
        choices=_blank(_("Choose…"), Identity.choices),
        error_messages={"required": _("Choose how the reporter wants to appear.")},
    )
    language = forms.ChoiceField(
        label=_("Language of the reporter"),
        help_text=_("Messages and response templates use it."),
    )
    offence = forms.ChoiceField(
        label=_("Offence"),
        choices=_blank(_("Choose…"), Offence.choices),
        error_messages={"required": _("Choose the kind of act.")},
    )
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    region = forms.ChoiceField(
        label=_("Region"), required=False, choices=_blank(_("Unknown"), Region.choices)
    )
    institution = forms.ChoiceField(label=_("Institution concerned"), required=False)
    occurred_on = forms.DateField(
        label=_("When it happened"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Year-month-day, for example 2025-03-14."),
        error_messages={"invalid": _("Enter a date as year-month-day, for example 2025-03-14.")},
    )
    facts = forms.CharField(
        label=_("What happened"),
        widget=forms.Textarea(attrs={"rows": 8}),
        min_length=FACTS_MIN,
        max_length=FACTS_MAX,
        help_text=_("At least 30 characters."),
        error_messages={"required": _("Describe what happened.")},
    )
    place = forms.CharField(label=_("Where it happened"), required=False, max_length=LINE_MAX)
    people = forms.CharField(
        label=_("People involved"),
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    other_body = forms.CharField(label=_("Other body concerned"), required=False, max_length=300)
    amount = forms.DecimalField(
        label=_("Amount involved (dirhams)"),
        required=False,
        min_value=Decimal(0),
        max_digits=15,
        decimal_places=2,
        error_messages={"invalid": _("Enter an amount in dirhams, for example 1250.50.")},
    )
    name = forms.CharField(label=_("Reporter's name"), required=False, max_length=LINE_MAX)
    email = forms.EmailField(
        label=_("Reporter's e-mail address"),
        required=False,
        error_messages={"invalid": _("Enter a valid e-mail address, for example name@example.ma.")},
    )
    phone = forms.RegexField(
        label=_("Reporter's telephone"),
        required=False,
        regex=r"^\+?[0-9٠-٩ ()./-]{6,30}$",
        error_messages={"invalid": _("Enter a telephone number, for example 0612345678.")},
    )
    files = EvidenceField(label=_("Evidence files"), required=False)

    def __init__(self, *args, sectors, institutions, languages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = _blank(_("Unknown"), sectors.items())
        self.fields["institution"].choices = _blank(
            _("None, or unknown"), sorted(institutions.items(), key=lambda item: item[1])
        )
        self.fields["language"].choices = languages
        self.fields["files"].help_text = _(
            "Up to %(count)s files. %(allowed)s Metadata is removed before encryption."
        ) % {"count": settings.CLAIMS_MAX_FILES, "allowed": attachments.ALLOWED_LABEL}

    GROUPS = (
        (_("How it was received and from whom"), ("channel", "kind", "identity", "language")),
        (_("What, where and when"), ("offence", "sector", "region", "institution", "occurred_on")),
        (_("What happened"), ("facts", "place", "people", "other_body", "amount")),
        (_("The reporter (unless anonymous)"), ("name", "email", "phone")),
        (_("Evidence"), ("files",)),
    )

    def groups(self):
        """`[(legend, [bound fields])]` for the fieldsets of the page."""
        return [(legend, [self[name] for name in names]) for legend, names in self.GROUPS]

    def clean_occurred_on(self):
        value = self.cleaned_data.get("occurred_on")
        if value and value > timezone.localdate():
            raise ValidationError(_("The date cannot be in the future."), code="future")
        return value

    def clean(self):
        data = super().clean()
        kind, identity = data.get("kind"), data.get("identity")
        if kind and identity and identity not in ClaimSettings.load().identities(kind):
            self.add_error(
                "identity", _("This kind of claim cannot be filed with this identity choice.")
            )
        if identity and identity != Identity.ANONYMOUS:
            if not data.get("name") and "name" not in self.errors:
                self.add_error("name", _("Give the reporter's name."))
            if not (data.get("email") or data.get("phone")) and not {"email", "phone"} & set(
                self.errors
            ):
                self.add_error("email", _("Give an e-mail address or a telephone number."))
        return data

    def content(self):
        data = self.cleaned_data
        content = {key: data[key] for key in ("facts", "place", "people", "other_body")}
        if data["amount"] is not None:
            content["amount"] = f"{data['amount']} MAD"
        return {key: value for key, value in content.items() if value}

    def contact(self):
        if self.cleaned_data["identity"] == Identity.ANONYMOUS:
            return None
        return {k: self.cleaned_data[k] for k in ("name", "email", "phone") if self.cleaned_data[k]}
