"""Every read of a claim's content goes through these functions, and nothing else decrypts a
claim. Each checks who asks, writes the audit entry, and answers the least it can."""

from dataclasses import dataclass, field

from django.db.models import Q

from . import crypto
from .choices import Identity
from .models import AuditEntry, Claim, ClaimSettings, Handler, KeySeal
from .receipts import receipt_parse


class AccessDenied(Exception):
    """The handler may not open this claim, or holds no key to it."""


def audit(action, *, user=None, claim=None, detail=""):
    return AuditEntry.objects.create(
        action=action,
        actor=user,
        actor_name=user.get_username() if user is not None else "",
        claim_reference=claim.reference if claim is not None else "",
        detail=detail[:255],
    )


def handler_of(user):
    """The user's active handler record, or None. A user who has not passed the two-factor check
    is nobody here."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    if not getattr(user, "is_verified", lambda: False)():
        return None
    handler = Handler.objects.select_related("institution").filter(user=user).first()
    if handler is None or not handler.is_active:
        return None
    return handler


def authority_id():
    """The workspace of the institution that receives every claim: a claim setting that only
    administrators change, never derived from the institutions' pages (which partners edit)."""
    return ClaimSettings.load().authority_id


def is_authority(institution):
    """Whether an institution workspace is the anti-corruption authority's."""
    return institution is not None and institution.pk == authority_id()


def claims_visible_to(handler):
    """The claims a handler may list: all of them for the authority's handlers, those referred to
    their institution for a partner's. Purged claims keep only metadata and stay listed."""
    if handler is None:
        return Claim.objects.none()
    if is_authority(handler.institution):
        return Claim.objects.all()
    return Claim.objects.filter(referred_to=handler.institution)


def can_open(handler, claim):
    if handler is None or claim.is_purged:
        return False
    if is_authority(handler.institution):
        return True
    return claim.referred_to_id is not None and claim.referred_to_id == handler.institution_id


def authorised_handlers(claim):
    """The handlers whose keys a claim's key must be sealed to."""
    where = Q(institution_id=authority_id())
    if claim.referred_to_id:
        where |= Q(institution_id=claim.referred_to_id)
    return Handler.objects.filter(where, is_active=True, public_key__isnull=False)


def claim_key(handler, claim, private_key):
    """The claim's key, unsealed with the handler's private key."""
    if not can_open(handler, claim):
        raise AccessDenied
    seal = KeySeal.objects.filter(
        claim=claim, handler=handler, purpose=KeySeal.Purpose.CLAIM
    ).first()
    if seal is None or private_key is None:
        raise AccessDenied
    try:
        return crypto.unseal(private_key, seal.sealed)
    except crypto.CryptoError as error:
        raise AccessDenied from error


@dataclass
class ClaimContent:
    claim: Claim
    key: bytes
    content: dict
    contact: dict | None  # a named reporter's details; None for the others
    messages: list = field(default_factory=list)  # (Message, text)
    notes: list = field(default_factory=list)  # (Note, text)
    attachments: list = field(default_factory=list)  # (Attachment, meta)
    disclosures: list = field(default_factory=list)  # (DisclosureRequest, motivation)


def _decrypt_all(claim, key, *, with_notes, notes_of=None):
    """`notes_of`: the institution whose handlers' notes a partner sees (None: all notes)."""
    contact = None
    if claim.identity == Identity.NAMED and claim.contact:
        contact = crypto.decrypt_json(key, claim.contact)
    messages = [
        (message, crypto.decrypt(key, message.body).decode())
        for message in claim.messages.select_related("author__user")
    ]
    notes = []
    disclosures = []
    if with_notes:
        notes = claim.notes.select_related("author__user")
        if notes_of is not None:
            notes = notes.filter(author__institution_id=notes_of)
        notes = [(note, crypto.decrypt(key, note.body).decode()) for note in notes]
        disclosures = [
            (request, crypto.decrypt(key, request.motivation).decode())
            for request in claim.disclosures.select_related(
                "requested_by__user", "decided_by__user"
            )
        ]
    attachments = [
        (attachment, crypto.decrypt_json(key, attachment.meta))
        for attachment in claim.attachments.all()
    ]
    return ClaimContent(
        claim=claim,
        key=key,
        content=crypto.decrypt_json(key, claim.content) if claim.content else {},
        contact=contact,
        messages=messages,
        notes=notes,
        attachments=attachments,
        disclosures=disclosures,
    )


def claim_open(*, handler, claim, private_key, export=False):
    """The claim decrypted for a handler (with internal notes and the motivations of identity
    disclosure requests); audited as an open, or as an export when the handler downloads it. A
    partner's handler sees the notes of its own institution's handlers only, not the
    authority's."""
    key = claim_key(handler, claim, private_key)
    notes_of = None if is_authority(handler.institution) else handler.institution_id
    opened = _decrypt_all(claim, key, with_notes=True, notes_of=notes_of)
    action = AuditEntry.Action.EXPORT if export else AuditEntry.Action.OPEN
    audit(action, user=handler.user, claim=claim)
    return opened


def attachment_open(*, handler, attachment, private_key):
    """`(meta, bytes)` of one evidence file, audited."""
    key = claim_key(handler, attachment.claim, private_key)
    with attachment.file.open("rb") as stored:
        data = crypto.decrypt(key, stored.read())
    audit(AuditEntry.Action.DECRYPT_FILE, user=handler.user, claim=attachment.claim)
    return crypto.decrypt_json(key, attachment.meta), data


def identity_open(*, handler, claim, private_key):
    """A confidential reporter's identity, for a custodian or a handler a custodian approved."""
    if not can_open(handler, claim) or claim.identity != Identity.CONFIDENTIAL:
        raise AccessDenied
    seal = KeySeal.objects.filter(
        claim=claim, handler=handler, purpose=KeySeal.Purpose.CONTACT
    ).first()
    if seal is None or private_key is None or not claim.contact:
        raise AccessDenied
    try:
        contact_key = crypto.unseal(private_key, seal.sealed)
        contact = crypto.decrypt_json(contact_key, claim.contact)
    except crypto.CryptoError as error:
        raise AccessDenied from error
    audit(AuditEntry.Action.IDENTITY, user=handler.user, claim=claim)
    return contact


def claim_for_receipt(text):
    """`(claim, key)` for a receipt, or None. A malformed receipt costs the same Argon2id
    derivation as a wrong one, so neither the answer nor its time tells them apart."""
    receipt = receipt_parse(text)
    lookup, key = crypto.receipt_keys(receipt or "0" * 16)
    if receipt is None:
        return None
    claim = Claim.objects.filter(receipt_lookup=lookup, purged_at__isnull=True).first()
    if claim is None or not claim.receipt_seal:
        return None
    try:
        return claim, crypto.decrypt(key, claim.receipt_seal)
    except crypto.CryptoError:
        return None


def reporter_view(claim, key):
    """What the reporter sees: their answers, the timeline, the messages both ways and the files
    they sent. Never the internal notes, never who handled the claim."""
    return _decrypt_all(claim, key, with_notes=False)
