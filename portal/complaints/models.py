"""Claims are plain Django models, never Wagtail pages. Every read of their content goes through
`access.py`; every write through `services.py`. Encrypted fields hold libsodium ciphertext
(`crypto.py`); the clear fields are the triage metadata that routes and counts claims."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import TranslatableMixin

from .choices import CLOSED, Channel, Identity, Kind, Offence, Region, Status


class Handler(models.Model):
    """A staff account that handles claims for one institution (the authority or a partner it
    refers claims to). Its key pair is made the first time it unlocks the claims workspace."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="claims_handler"
    )
    institution = models.ForeignKey(
        "institutions.InstitutionWorkspace",
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        related_name="claim_handlers",
    )
    is_custodian = models.BooleanField(
        _("identity custodian"),
        default=False,
        help_text=_("May approve the disclosure of a confidential reporter's identity."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    public_key = models.BinaryField(null=True, editable=False)
    private_key = models.BinaryField(null=True, editable=False)  # encrypted under the password
    key_salt = models.BinaryField(null=True, editable=False)
    key_created_at = models.DateTimeField(null=True, editable=False)

    class Meta:
        verbose_name = _("claim handler")
        verbose_name_plural = _("claim handlers")

    def __str__(self):
        return self.user.get_username()

    @property
    def has_key(self):
        return self.public_key is not None

    def clean(self):
        super().clean()
        from .access import authority_id

        if self.is_custodian and self.institution_id != authority_id():
            raise ValidationError(
                {"is_custodian": _("Only the authority's handlers can be identity custodians.")}
            )


class Claim(models.Model):
    reference = models.CharField(_("reference"), max_length=20, unique=True)
    receipt_lookup = models.BinaryField(unique=True, editable=False)
    # Triage metadata, in clear.
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    offence = models.CharField(_("offence"), max_length=20, choices=Offence.choices)
    sector = models.CharField(_("sector"), max_length=60, blank=True)  # a sector term's slug
    region = models.CharField(_("region"), max_length=40, choices=Region.choices, blank=True)
    institution_concerned = models.CharField(
        _("institution concerned"), max_length=255, blank=True
    )  # a partner institution's slug, when the claim concerns one
    occurred_on = models.DateField(_("when it happened"), null=True, blank=True)
    identity = models.CharField(_("identity"), max_length=20, choices=Identity.choices)
    channel = models.CharField(
        _("channel"), max_length=20, choices=Channel.choices, default=Channel.ONLINE
    )
    language = models.CharField(_("language"), max_length=10)
    has_amount = models.BooleanField(_("an amount is involved"), default=False)
    # Handling.
    status = models.CharField(
        _("status"), max_length=30, choices=Status.choices, default=Status.RECEIVED
    )
    referred_to = models.ForeignKey(
        "institutions.InstitutionWorkspace",
        verbose_name=_("referred to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    assigned_to = models.ForeignKey(
        Handler,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    filed_at = models.DateTimeField(_("filed"), db_index=True)
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    answered_at = models.DateTimeField(_("first feedback"), null=True, blank=True)
    acknowledge_by = models.DateTimeField(_("acknowledge by"))
    answer_by = models.DateTimeField(_("feedback by"))
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    purge_warned_at = models.DateTimeField(null=True, blank=True, editable=False)
    purged_at = models.DateTimeField(_("purged"), null=True, blank=True)
    last_activity_at = models.DateTimeField(db_index=True)
    # Encrypted. `content` holds the free-text answers; `contact` the reporter's identity and
    # contact details, under the claim key when named, under its own key when confidential.
    content = models.BinaryField(null=True, editable=False)
    contact = models.BinaryField(null=True, editable=False)
    receipt_seal = models.BinaryField(null=True, editable=False)  # claim key under receipt key
    escrow_seal = models.BinaryField(null=True, editable=False)
    contact_escrow_seal = models.BinaryField(null=True, editable=False)

    class Meta:
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        ordering = ["-filed_at"]
        permissions = [("view_claim_audit", "Can view the audit log of claims")]

    def __str__(self):
        return self.reference

    @property
    def is_closed(self):
        return self.status in CLOSED

    @property
    def is_purged(self):
        return self.purged_at is not None


class KeySeal(models.Model):
    """A claim's key (or a confidential reporter's identity key) sealed to one handler."""

    class Purpose(models.TextChoices):
        CLAIM = "claim", _("claim")
        CONTACT = "contact", _("identity")

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="seals")
    handler = models.ForeignKey(Handler, on_delete=models.CASCADE, related_name="seals")
    purpose = models.CharField(max_length=10, choices=Purpose.choices, default=Purpose.CLAIM)
    sealed = models.BinaryField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["claim", "handler", "purpose"], name="one_seal_per_handler_and_purpose"
            )
        ]

    def __str__(self):
        return f"{self.claim_id}:{self.handler_id}:{self.purpose}"


class StatusChange(models.Model):
    """The claim's timeline, which the reporter sees (without who made the change)."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="timeline")
    status = models.CharField(max_length=30, choices=Status.choices)
    institution = models.ForeignKey(
        "institutions.InstitutionWorkspace",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )  # for a referral: to whom
    by = models.ForeignKey(
        Handler, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.claim_id}: {self.status}"


class Message(models.Model):
    """A message between the reporter and the handlers. Internal notes are another model."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="messages")
    from_reporter = models.BooleanField()
    author = models.ForeignKey(
        Handler, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.BinaryField()
    at = models.DateTimeField()
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.claim_id}: message {self.pk}"


class Note(models.Model):
    """An internal note among handlers: never shown to the reporter."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        Handler, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.BinaryField()
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.claim_id}: note {self.pk}"


def _attachment_path(instance, filename):
    return f"claims/{filename}"


class Attachment(models.Model):
    """An evidence file, encrypted with the claim key; `meta` holds its encrypted name, type and
    what was removed from it. The stored file's name is random."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey(
        Message, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    from_reporter = models.BooleanField(default=True)
    file = models.FileField(upload_to=_attachment_path, max_length=200)
    meta = models.BinaryField()
    size = models.PositiveIntegerField()
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.claim_id}: file {self.pk}"


class DisclosureRequest(models.Model):
    """A handler's motivated request to see a confidential reporter's identity."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="disclosures")
    requested_by = models.ForeignKey(Handler, on_delete=models.CASCADE, related_name="+")
    motivation = models.BinaryField()  # encrypted with the claim key
    requested_at = models.DateTimeField()
    decided_by = models.ForeignKey(
        Handler, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    approved = models.BooleanField(null=True)

    class Meta:
        ordering = ["-requested_at"]

    def __str__(self):
        return f"{self.claim_id}: disclosure {self.pk}"


class AuditEntry(models.Model):
    """Append-only: the model refuses updates and deletes, and so does the database (triggers in
    the migration). It names claims by reference and holds no claim content."""

    class Action(models.TextChoices):
        FILE = "file", _("filed")
        REGISTER = "register", _("registered from another channel")
        OPEN = "open", _("opened")
        DECRYPT_FILE = "decrypt_file", _("attachment decrypted")
        EXPORT = "export", _("exported")
        STATUS = "status", _("status changed")
        ASSIGN = "assign", _("assigned")
        REFER = "refer", _("referred")
        MESSAGE = "message", _("message to the reporter")
        NOTE = "note", _("internal note")
        DISCLOSURE_REQUEST = "disclosure_request", _("identity disclosure requested")
        DISCLOSURE_DECISION = "disclosure_decision", _("identity disclosure decided")
        IDENTITY = "identity", _("identity viewed")
        RESEAL = "reseal", _("keys sealed to handlers")
        UNLOCK = "unlock", _("handler key unlocked")
        UNLOCK_FAILED = "unlock_failed", _("handler key unlock failed")
        REWRAP = "rewrap", _("handler key re-wrapped")
        PURGE_WARNING = "purge_warning", _("purge announced")
        PURGE = "purge", _("purged")
        REPORTER = "reporter", _("reporter followed up")
        RECEIPT_SHOWN = "receipt_shown", _("receipt shown to the handler who registered it")
        HANDLER = "handler", _("handler's rights changed")

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    # No database constraint and nothing done on deletion: an account that appears in the log
    # can be deleted, and its entries keep its id and name, unchanged.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    actor_name = models.CharField(max_length=150, blank=True)  # kept if the account goes
    action = models.CharField(max_length=30, choices=Action.choices)
    claim_reference = models.CharField(max_length=20, blank=True, db_index=True)
    detail = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.claim_reference}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("The audit log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The audit log is append-only.")


class StatisticsMonth(models.Model):
    """The published statistics of the claims filed in one month (Casablanca time): computed
    once, a full month after the month ends, with small counts suppressed, and never revised
    (`selectors.months_freeze`). Only what may be published is stored: `cells` maps each
    dimension to `{value: count}`, a suppressed count being null."""

    year = models.PositiveSmallIntegerField()
    month = models.PositiveSmallIntegerField()
    frozen_at = models.DateTimeField()
    total = models.PositiveIntegerField(null=True)
    cells = models.JSONField()
    median_days = models.FloatField(null=True)
    median_claims = models.PositiveIntegerField(default=0)
    median_suppressed = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("published month of claim statistics")
        ordering = ["year", "month"]
        constraints = [
            models.UniqueConstraint(fields=["year", "month"], name="one_statistics_per_month")
        ]

    def __str__(self):
        return f"{self.year}-{self.month:02d}"


class ResponseTemplate(TranslatableMixin, models.Model):
    """A reusable message to reporters, translated into each language like any snippet."""

    title = models.CharField(_("title"), max_length=120)
    status = models.CharField(
        _("suggested for status"), max_length=30, choices=Status.choices, blank=True
    )
    body = models.TextField(_("text"))

    panels = [FieldPanel("title"), FieldPanel("status"), FieldPanel("body")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("response template")
        verbose_name_plural = _("response templates")
        ordering = ["title"]

    def __str__(self):
        return self.title


def _days(default, label):
    return models.PositiveSmallIntegerField(label, default=default)


@register_setting(icon="warning")
class ClaimSettings(BaseGenericSetting):
    """What the authority decides without a code change: which identity choices each kind of
    claim offers (law 46-19 wants a complaint signed), deadlines, and retention."""

    complaint_anonymous = models.BooleanField(_("a complaint may be anonymous"), default=False)
    complaint_confidential = models.BooleanField(_("a complaint may be confidential"), default=True)
    complaint_named = models.BooleanField(_("a complaint may be named"), default=True)
    denunciation_anonymous = models.BooleanField(_("a denunciation may be anonymous"), default=True)
    denunciation_confidential = models.BooleanField(
        _("a denunciation may be confidential"), default=True
    )
    denunciation_named = models.BooleanField(_("a denunciation may be named"), default=True)
    information_anonymous = models.BooleanField(_("information may be anonymous"), default=True)
    information_confidential = models.BooleanField(
        _("information may be confidential"), default=True
    )
    information_named = models.BooleanField(_("information may be named"), default=True)
    complaint_acknowledge_days = _days(7, _("complaint: acknowledge within (days)"))
    complaint_answer_days = _days(90, _("complaint: feedback within (days)"))
    denunciation_acknowledge_days = _days(7, _("denunciation: acknowledge within (days)"))
    denunciation_answer_days = _days(90, _("denunciation: feedback within (days)"))
    information_acknowledge_days = _days(7, _("information: acknowledge within (days)"))
    information_answer_days = _days(90, _("information: feedback within (days)"))
    authority = models.ForeignKey(
        "institutions.InstitutionWorkspace",
        verbose_name=_("institution that receives every claim"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "The anti-corruption authority: its handlers see every claim. Set here only, by an "
            "administrator; an institution's own page cannot make it the authority."
        ),
    )
    due_soon_days = _days(2, _("show as due soon (days before)"))
    retention_days = _days(1825, _("keep closed claims for (days)"))
    purge_warning_days = _days(30, _("announce a purge (days before)"))

    panels = [
        FieldPanel("authority"),
        MultiFieldPanel(
            [
                FieldPanel("complaint_anonymous"),
                FieldPanel("complaint_confidential"),
                FieldPanel("complaint_named"),
                FieldPanel("denunciation_anonymous"),
                FieldPanel("denunciation_confidential"),
                FieldPanel("denunciation_named"),
                FieldPanel("information_anonymous"),
                FieldPanel("information_confidential"),
                FieldPanel("information_named"),
            ],
            heading=_("Identity choices"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("complaint_acknowledge_days"),
                FieldPanel("complaint_answer_days"),
                FieldPanel("denunciation_acknowledge_days"),
                FieldPanel("denunciation_answer_days"),
                FieldPanel("information_acknowledge_days"),
                FieldPanel("information_answer_days"),
                FieldPanel("due_soon_days"),
            ],
            heading=_("Deadlines"),
        ),
        MultiFieldPanel(
            [FieldPanel("retention_days"), FieldPanel("purge_warning_days")],
            heading=_("Retention"),
        ),
    ]

    class Meta:
        verbose_name = _("claim settings")

    def identities(self, kind):
        """The identity choices offered for a kind, in the order of `Identity`. A kind left
        with none offers the named choice, which every law accepts."""
        chosen = [value for value in Identity.values if getattr(self, f"{kind}_{value}")]
        return chosen or [Identity.NAMED]

    def acknowledge_days(self, kind):
        return getattr(self, f"{kind}_acknowledge_days")

    def answer_days(self, kind):
        return getattr(self, f"{kind}_answer_days")
