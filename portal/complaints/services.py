"""Writes of claims. Each runs in one transaction: on any error nothing is kept."""

import contextlib
import datetime
import secrets
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from . import crypto
from .access import AccessDenied, audit, authorised_handlers, can_open, claim_key
from .choices import CLOSED, TRANSITIONS, Identity, Status
from .models import (
    Attachment,
    AuditEntry,
    Claim,
    ClaimSettings,
    DisclosureRequest,
    Handler,
    KeySeal,
    Message,
    Note,
    StatusChange,
)
from .receipts import receipt_generate

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
FOLLOW_TOKEN_SECONDS = 30 * 60


def _reference(now):
    return f"{now:%Y}-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))


def _attachment_prepare(*, claim, key, clean, now, message=None, from_reporter=True):
    """`(attachment, ciphertext)` for a `attachments.CleanFile`, encrypted before any
    transaction starts: its name, type and what was removed go encrypted into `meta`."""
    meta = {
        "name": clean.name,
        "content_type": clean.content_type,
        "removed": clean.removed,
        "size": len(clean.data),
    }
    attachment = Attachment(
        claim=claim,
        message=message,
        from_reporter=from_reporter,
        meta=crypto.encrypt_json(key, meta),
        size=len(clean.data),
        at=now,
    )
    return attachment, crypto.encrypt(key, clean.data)


@contextlib.contextmanager
def _files_kept_only_on_success():
    """Collects the names of the files stored inside a transaction; deletes them if it fails."""
    stored = []
    try:
        yield stored
    except BaseException:
        storage = Attachment._meta.get_field("file").storage
        for name in stored:
            storage.delete(name)
        raise


def _attachments_store(prepared, stored):
    """Writes prepared attachments (a random file name, ciphertext only) and their rows; their
    claim and message were saved since they were prepared, and Django takes their ids now."""
    for attachment, ciphertext in prepared:
        attachment.file.save(uuid.uuid4().hex, ContentFile(ciphertext), save=False)
        stored.append(attachment.file.name)
        attachment.save()


def _seals(claim, key, handlers, purpose=KeySeal.Purpose.CLAIM):
    return [
        KeySeal(claim=claim, handler=h, purpose=purpose, sealed=crypto.seal(h.public_key, key))
        for h in handlers
    ]


def _seal_to(claim, key, handlers, purpose=KeySeal.Purpose.CLAIM):
    """Seals a key to those of the handlers who have no seal of this purpose yet."""
    existing = set(
        KeySeal.objects.filter(claim=claim, purpose=purpose).values_list("handler_id", flat=True)
    )
    new = _seals(claim, key, [h for h in handlers if h.pk not in existing], purpose)
    KeySeal.objects.bulk_create(new)
    return len(new)


def seals_complete(*, claim, key):
    """Seals the claim key to every authorised handler who has a key pair but no seal yet (a
    handler who joined after the claim was filed). Called whenever a handler opens the claim."""
    return _seal_to(claim, key, authorised_handlers(claim))


def _on_commit_notify(claim_id, event):
    from .tasks import notify_handlers

    transaction.on_commit(lambda: notify_handlers.enqueue(claim_id=claim_id, event=event))


def _receipt_draw():
    """A receipt not in use yet, with its lookup value and key (one Argon2id derivation)."""
    for _attempt in range(5):
        receipt = receipt_generate()
        lookup, receipt_key = crypto.receipt_keys(receipt)
        if not Claim.objects.filter(receipt_lookup=lookup).exists():
            return receipt, lookup, receipt_key
    raise IntegrityError("no free receipt")  # pragma: no cover - 10^16 receipts


def claim_file(
    *,
    kind,
    offence,
    identity,
    language,
    content,
    contact=None,
    files=(),
    sector="",
    region="",
    institution_concerned="",
    occurred_on=None,
    has_amount=False,
    channel="online",
    registered_by=None,
):
    """Files a claim and returns `(claim, receipt)`. The receipt is returned once and never
    stored. `content` and `contact` are dicts of text; `files` are `attachments.CleanFile`.

    The slow part (the receipt's Argon2id, encryption, sealing) runs before the transaction,
    which then only writes rows: on SQLite, whose writers queue behind one lock, a burst of
    submissions would otherwise wait on each other's key derivations."""
    config = ClaimSettings.load()
    if identity not in config.identities(kind):
        raise ValidationError(_("This kind of claim cannot be filed with this identity choice."))
    if identity != Identity.ANONYMOUS and not contact:
        raise ValidationError(_("Give your name and a way to contact you, or file anonymously."))
    now = timezone.now()
    key = crypto.new_key()
    receipt, lookup, receipt_key = _receipt_draw()
    claim = Claim(
        reference=_reference(now),
        receipt_lookup=lookup,
        kind=kind,
        offence=offence,
        sector=sector,
        region=region,
        institution_concerned=institution_concerned,
        occurred_on=occurred_on,
        identity=identity,
        channel=channel,
        language=language,
        has_amount=has_amount,
        filed_at=now,
        last_activity_at=now,
        acknowledge_by=now + datetime.timedelta(days=config.acknowledge_days(kind)),
        answer_by=now + datetime.timedelta(days=config.answer_days(kind)),
        content=crypto.encrypt_json(key, content),
        receipt_seal=crypto.encrypt(receipt_key, key),
    )
    escrow = crypto.escrow_public_key()
    if escrow:
        claim.escrow_seal = crypto.seal(escrow, key)
    handlers = list(authorised_handlers(claim))
    seals = _seals(claim, key, handlers)
    if identity == Identity.NAMED:
        claim.contact = crypto.encrypt_json(key, contact)
    elif identity == Identity.CONFIDENTIAL:
        contact_key = crypto.new_key()
        claim.contact = crypto.encrypt_json(contact_key, contact)
        if escrow:
            claim.contact_escrow_seal = crypto.seal(escrow, contact_key)
        custodians = [h for h in handlers if h.is_custodian]
        seals += _seals(claim, contact_key, custodians, KeySeal.Purpose.CONTACT)
    prepared = [_attachment_prepare(claim=claim, key=key, clean=clean, now=now) for clean in files]
    with _files_kept_only_on_success() as stored, transaction.atomic():
        while True:
            try:
                with transaction.atomic():
                    claim.save()
                break
            except IntegrityError:
                if Claim.objects.filter(receipt_lookup=lookup).exists():
                    raise
                claim.reference = _reference(now)  # the reference was taken: draw another
        StatusChange.objects.create(claim=claim, status=Status.RECEIVED, at=now, by=registered_by)
        KeySeal.objects.bulk_create(seals)
        _attachments_store(prepared, stored)
        if registered_by is not None:
            audit(AuditEntry.Action.REGISTER, user=registered_by.user, claim=claim, detail=channel)
            # The registration page shows the receipt to this handler, once.
            audit(AuditEntry.Action.RECEIPT_SHOWN, user=registered_by.user, claim=claim)
        else:
            audit(AuditEntry.Action.FILE, claim=claim)
        _on_commit_notify(claim.pk, "filed")
    return claim, receipt


def follow_token(claim, key):
    """A short-lived token that lets the follow-up pages act for the reporter without asking for
    the receipt again (and without any cookie). It carries the claim key, encrypted."""
    return crypto.token_create(
        {"claim": claim.pk, "key": crypto.b64(key)}, purpose="follow", lifetime=FOLLOW_TOKEN_SECONDS
    )


def claim_for_follow_token(token):
    """`(claim, key)` for a valid token, or None."""
    payload = crypto.token_read(token or "", purpose="follow")
    if payload is None:
        return None
    claim = Claim.objects.filter(pk=payload.get("claim"), purged_at__isnull=True).first()
    if claim is None:
        return None
    key = crypto.unb64(payload.get("key", ""))
    try:
        crypto.decrypt(key, claim.content)
    except (crypto.CryptoError, TypeError, ValueError):
        return None
    return claim, key


def reporter_message_add(*, claim, key, body="", files=()):
    """The reporter answers and/or adds evidence. A claim waiting for more information goes back
    under examination."""
    if not body.strip() and not files:
        raise ValidationError(_("Write a message or add a file."))
    now = timezone.now()
    message = None
    if body.strip():
        message = Message(
            claim=claim, from_reporter=True, body=crypto.encrypt(key, body.encode()), at=now
        )
    prepared = [
        _attachment_prepare(claim=claim, key=key, clean=clean, now=now, message=message)
        for clean in files
    ]
    with _files_kept_only_on_success() as stored, transaction.atomic():
        if message is not None:
            message.save()
        _attachments_store(prepared, stored)
        fields = ["last_activity_at"]
        claim.last_activity_at = now
        if claim.status == Status.INFORMATION_REQUESTED:
            claim.status = Status.EXAMINATION
            fields.append("status")
            StatusChange.objects.create(claim=claim, status=Status.EXAMINATION, at=now)
        claim.save(update_fields=fields)
        audit(AuditEntry.Action.REPORTER, claim=claim)
        _on_commit_notify(claim.pk, "reporter")
    return message


def _require(handler, claim):
    if not can_open(handler, claim):
        raise AccessDenied


@transaction.atomic
def handler_message_add(*, handler, claim, private_key, body):
    """A message to the reporter, who reads it on the follow page."""
    _require(handler, claim)
    if not body.strip():
        raise ValidationError(_("The message is empty."))
    key = claim_key(handler, claim, private_key)
    now = timezone.now()
    message = Message.objects.create(
        claim=claim,
        from_reporter=False,
        author=handler,
        body=crypto.encrypt(key, body.encode()),
        at=now,
    )
    claim.last_activity_at = now
    fields = ["last_activity_at"]
    if claim.answered_at is None:
        claim.answered_at = now
        fields.append("answered_at")
    claim.save(update_fields=fields)
    audit(AuditEntry.Action.MESSAGE, user=handler.user, claim=claim)
    return message


@transaction.atomic
def note_add(*, handler, claim, private_key, body):
    """An internal note, for handlers only."""
    _require(handler, claim)
    if not body.strip():
        raise ValidationError(_("The note is empty."))
    key = claim_key(handler, claim, private_key)
    note = Note.objects.create(
        claim=claim, author=handler, body=crypto.encrypt(key, body.encode()), at=timezone.now()
    )
    audit(AuditEntry.Action.NOTE, user=handler.user, claim=claim)
    return note


OUTCOME_MESSAGE = gettext_noop(
    "The institution your report was referred to has closed it. Outcome: %(outcome)s."
)


@transaction.atomic
def claim_status_change(*, handler, claim, status, private_key=None):
    """Moves a claim along its allowed transitions (a referral is `claim_refer`). When the
    institution a claim was referred to closes it, the outcome flows back: the authority sees the
    status, and the reporter gets a message in their language (with the handler's key)."""
    _require(handler, claim)
    if status == Status.REFERRED or status not in TRANSITIONS.get(claim.status, ()):
        raise ValidationError(_("A claim cannot go from this status to that one."))
    now = timezone.now()
    previous = claim.status
    claim.status = status
    claim.last_activity_at = now
    if claim.acknowledged_at is None and status != Status.RECEIVED:
        claim.acknowledged_at = now
    if status in CLOSED:
        claim.closed_at = now
        if claim.answered_at is None:
            claim.answered_at = now
    else:
        claim.closed_at = None
        claim.purge_warned_at = None
    claim.save()
    StatusChange.objects.create(claim=claim, status=status, at=now, by=handler)
    audit(AuditEntry.Action.STATUS, user=handler.user, claim=claim, detail=f"{previous} → {status}")
    if claim.referred_to_id == handler.institution_id and status in CLOSED:
        if private_key is not None:
            with translation.override(claim.language):
                text = _(OUTCOME_MESSAGE) % {"outcome": Status(status).label}
            key = claim_key(handler, claim, private_key)
            Message.objects.create(
                claim=claim,
                from_reporter=False,
                author=handler,
                body=crypto.encrypt(key, text.encode()),
                at=now,
            )
        _on_commit_notify(claim.pk, "outcome")
    return claim


@transaction.atomic
def claim_assign(*, handler, claim, assignee):
    """Gives the claim to a handler who may open it (or to nobody)."""
    _require(handler, claim)
    if assignee is not None and not can_open(assignee, claim):
        raise ValidationError(_("This handler cannot open this claim."))
    claim.assigned_to = assignee
    claim.save(update_fields=["assigned_to"])
    audit(
        AuditEntry.Action.ASSIGN,
        user=handler.user,
        claim=claim,
        detail=assignee.user.get_username() if assignee else "",
    )
    return claim


@transaction.atomic
def claim_refer(*, handler, claim, private_key, institution):
    """Refers the claim to a partner institution: its handlers' keys get the claim key, and only
    they (and the authority) can open it from now on."""
    _require(handler, claim)
    if claim.is_closed:
        raise ValidationError(_("A closed claim cannot be referred."))
    if institution.pk == handler.institution_id or institution.pk == claim.referred_to_id:
        raise ValidationError(_("Choose another institution."))
    key = claim_key(handler, claim, private_key)
    receivers = Handler.objects.filter(
        institution=institution, is_active=True, public_key__isnull=False
    )
    if not receivers.exists():
        raise ValidationError(
            _("This institution has no claim handler with a key yet; it cannot receive claims.")
        )
    if claim.referred_to_id:
        KeySeal.objects.filter(claim=claim, handler__institution_id=claim.referred_to_id).delete()
    now = timezone.now()
    claim.referred_to = institution
    claim.status = Status.REFERRED
    claim.assigned_to = None
    claim.last_activity_at = now
    if claim.acknowledged_at is None:
        claim.acknowledged_at = now
    claim.save()
    _seal_to(claim, key, receivers)
    StatusChange.objects.create(
        claim=claim, status=Status.REFERRED, institution=institution, at=now, by=handler
    )
    audit(AuditEntry.Action.REFER, user=handler.user, claim=claim, detail=str(institution))
    _on_commit_notify(claim.pk, "referred")
    return claim


@transaction.atomic
def disclosure_request(*, handler, claim, private_key, motivation):
    _require(handler, claim)
    if claim.identity != Identity.CONFIDENTIAL:
        raise ValidationError(_("Only a confidential reporter's identity is sealed."))
    if len(motivation.strip()) < 20:
        raise ValidationError(_("Explain why the identity is needed (at least 20 characters)."))
    key = claim_key(handler, claim, private_key)
    request = DisclosureRequest.objects.create(
        claim=claim,
        requested_by=handler,
        motivation=crypto.encrypt(key, motivation.encode()),
        requested_at=timezone.now(),
    )
    audit(AuditEntry.Action.DISCLOSURE_REQUEST, user=handler.user, claim=claim)
    _on_commit_notify(claim.pk, "disclosure")
    return request


@transaction.atomic
def disclosure_decide(*, custodian, request, private_key, approve):
    """A custodian approves (the identity key is sealed to the requester) or refuses."""
    claim = request.claim
    if not custodian.is_custodian or not can_open(custodian, claim):
        raise AccessDenied
    if request.decided_at is not None:
        raise ValidationError(_("This request was already decided."))
    if request.requested_by_id == custodian.pk:
        raise ValidationError(_("A custodian cannot approve their own request."))
    if approve:
        seal = KeySeal.objects.filter(
            claim=claim, handler=custodian, purpose=KeySeal.Purpose.CONTACT
        ).first()
        if seal is None or private_key is None:
            raise AccessDenied
        try:
            contact_key = crypto.unseal(private_key, seal.sealed)
        except crypto.CryptoError as error:
            raise AccessDenied from error
        requester = request.requested_by
        if requester.public_key is None:
            raise ValidationError(_("The requester has no key yet."))
        _seal_to(claim, contact_key, [requester], KeySeal.Purpose.CONTACT)
    request.approved = approve
    request.decided_by = custodian
    request.decided_at = timezone.now()
    request.save()
    audit(
        AuditEntry.Action.DISCLOSURE_DECISION,
        user=custodian.user,
        claim=claim,
        detail=("approved for " if approve else "refused for ")
        + request.requested_by.user.get_username(),
    )
    return request


# --- Handlers' keys


@transaction.atomic
def handler_key_unlock(*, handler, password):
    """The handler's private key, opened with their password; the key pair is made on first
    use. Returns None (and audits the failure) when the password does not open it."""
    if not handler.user.check_password(password):
        audit(AuditEntry.Action.UNLOCK_FAILED, user=handler.user)
        return None
    if handler.public_key is None:
        public, salt, wrapped = crypto.keypair_create(password)
        handler.public_key, handler.key_salt, handler.private_key = public, salt, wrapped
        handler.key_created_at = timezone.now()
        handler.save(update_fields=["public_key", "key_salt", "private_key", "key_created_at"])
        private = crypto.private_key_unwrap(wrapped, password, salt)
    else:
        try:
            private = crypto.private_key_unwrap(handler.private_key, password, handler.key_salt)
        except crypto.CryptoError:
            # The account password changed outside the workspace: the key needs the recovery
            # procedure (docs/claims-security.md).
            audit(AuditEntry.Action.UNLOCK_FAILED, user=handler.user, detail="key")
            return None
    audit(AuditEntry.Action.UNLOCK, user=handler.user)
    return private


@transaction.atomic
def handler_password_change(*, handler, old_password, new_password):
    """Changes the account password and re-wraps the private key under the new one, together."""
    if not handler.user.check_password(old_password):
        raise ValidationError(_("Your current password is not correct."))
    from django.contrib.auth.password_validation import validate_password

    validate_password(new_password, handler.user)
    if handler.private_key is not None:
        try:
            private = crypto.private_key_unwrap(handler.private_key, old_password, handler.key_salt)
        except crypto.CryptoError as error:
            raise ValidationError(
                _("Your claim key does not open with this password; ask for a key recovery.")
            ) from error
        salt = crypto.new_salt()
        handler.private_key = crypto.private_key_wrap(private, new_password, salt)
        handler.key_salt = salt
        handler.save(update_fields=["private_key", "key_salt"])
    handler.user.set_password(new_password)
    handler.user._claims_rewrapped = True  # not a change behind the key's back (signals.py)
    handler.user.save(update_fields=["password"])
    audit(AuditEntry.Action.REWRAP, user=handler.user)


def handler_key_reset(*, handler):
    """Forgets a handler's key pair (a lost password): their seals go too, and the escrow
    procedure gives them back (`manage.py claims_escrow reseal`)."""
    with transaction.atomic():
        KeySeal.objects.filter(handler=handler).delete()
        handler.public_key = handler.private_key = handler.key_salt = None
        handler.key_created_at = None
        handler.save(update_fields=["public_key", "private_key", "key_salt", "key_created_at"])
        audit(AuditEntry.Action.REWRAP, user=handler.user, detail="reset")


# --- Retention


@transaction.atomic
def claim_purge(*, claim):
    """Removes everything encrypted about a closed claim, files included; the clear metadata
    stays for the statistics."""
    if not claim.is_closed or claim.is_purged:
        raise ValidationError(_("Only a closed claim can be purged."))
    files = [a.file.name for a in claim.attachments.all()]
    storage = Attachment._meta.get_field("file").storage
    claim.attachments.all().delete()
    claim.messages.all().delete()
    claim.notes.all().delete()
    claim.disclosures.all().delete()
    claim.seals.all().delete()
    claim.content = claim.contact = claim.receipt_seal = None
    claim.escrow_seal = claim.contact_escrow_seal = None
    # The receipt no longer finds it (a random value, unique like the others), and what the
    # statistics do not count goes too.
    claim.receipt_lookup = secrets.token_bytes(32)
    claim.assigned_to = claim.referred_to = None
    claim.institution_concerned = ""
    claim.occurred_on = None
    claim.has_amount = False
    claim.purged_at = timezone.now()
    claim.save()
    audit(AuditEntry.Action.PURGE, claim=claim)
    transaction.on_commit(lambda: [storage.delete(name) for name in files])
    return claim


def handler_rights_changed(*, handler, previous):
    """After a handler is added or changed, whatever the path (workspace, admin, command): a
    handler deactivated or moved to another institution loses every key sealed to it, one no
    longer an identity custodian loses the identity keys; the change is audited. `previous`:
    the handler's institution_id, is_active and is_custodian before, or None when added."""
    changes, removed = [], 0
    seals = KeySeal.objects.filter(handler=handler)
    if previous is None:
        changes.append(f"added to {handler.institution}")
    else:
        if previous["institution_id"] != handler.institution_id:
            changes.append(f"moved to {handler.institution}")
        if previous["is_active"] and not handler.is_active:
            changes.append("deactivated")
        elif not previous["is_active"] and handler.is_active:
            changes.append("reactivated")
        if previous["is_custodian"] and not handler.is_custodian:
            changes.append("no longer an identity custodian")
            removed += seals.filter(purpose=KeySeal.Purpose.CONTACT).delete()[0]
        if (
            previous["institution_id"] != handler.institution_id
            or not handler.is_active
            or not handler.user.is_active
        ):
            removed += seals.delete()[0]
    if handler.is_custodian and (previous is None or not previous["is_custodian"]):
        changes.append("identity custodian")
    if not changes:
        return
    detail = f"{handler.user.get_username()}: {', '.join(changes)}"
    if removed:
        detail += f"; {removed} key seal(s) removed"
    audit(AuditEntry.Action.HANDLER, detail=detail)


def handler_account_deactivated(*, handler):
    """The account of a handler was deactivated: it loses its seals, audited."""
    removed = KeySeal.objects.filter(handler=handler).delete()[0]
    audit(
        AuditEntry.Action.HANDLER,
        detail=f"{handler.user.get_username()}: account deactivated; {removed} key seal(s) removed",
    )
