"""Every branch of the functions that gate access to a claim (complaints/access.py)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from nacl.public import PrivateKey

from portal.core.testing import login_verified

from .. import access, services
from ..attachments import CleanFile
from ..choices import Identity, Status
from ..models import AuditEntry, Claim
from .factories import claim_create, handler_create, workspace

pytestmark = pytest.mark.django_db


def actions(claim):
    return list(
        AuditEntry.objects.filter(claim_reference=claim.reference)
        .order_by("pk")
        .values_list("action", flat=True)
    )


class TestHandlerOf:
    def test_nobody(self):
        assert access.handler_of(None) is None
        assert access.handler_of(AnonymousUser()) is None

    def test_requires_the_second_factor(self, client):
        handler, _ = handler_create()
        assert access.handler_of(handler.user) is None  # not verified: no OTP device used
        login_verified(client, handler.user)
        request = client.get("/admin/").wsgi_request
        assert access.handler_of(request.user) == handler

    def _verified(self, client, user):
        login_verified(client, user)
        return client.get("/admin/").wsgi_request.user

    def test_inactive_handler_or_user(self, client):
        handler, _ = handler_create()
        user = self._verified(client, handler.user)
        handler.is_active = False
        handler.save()
        assert access.handler_of(user) is None
        handler.is_active = True
        handler.save()
        user.is_active = False
        assert access.handler_of(user) is None

    def test_staff_who_is_not_a_handler(self, client, django_user_model):
        user = django_user_model.objects.create_user("editor", password="x" * 12)
        assert access.handler_of(self._verified(client, user)) is None


def test_is_authority():
    assert access.is_authority(workspace("INPPLC"))
    assert not access.is_authority(workspace("CC"))


class TestVisibilityAndOpening:
    def test_authority_sees_all_partner_only_referred(self):
        authority, key = handler_create()
        partner, _ = handler_create("CC")
        other, _ = handler_create("IGF")
        claim, _ = claim_create()
        referred, _ = claim_create()
        services.claim_refer(
            handler=authority, claim=referred, private_key=key, institution=workspace("CC")
        )
        assert set(access.claims_visible_to(authority)) >= {claim, referred}
        assert list(access.claims_visible_to(partner)) == [referred]
        assert list(access.claims_visible_to(other)) == []
        assert list(access.claims_visible_to(None)) == []
        assert access.can_open(authority, claim) and access.can_open(authority, referred)
        assert access.can_open(partner, referred) and not access.can_open(partner, claim)
        assert not access.can_open(other, referred)
        assert not access.can_open(None, claim)

    def test_purged_claim_opens_for_nobody(self):
        authority, _ = handler_create()
        claim, _ = claim_create()
        Claim.objects.filter(pk=claim.pk).update(status=Status.CLOSED_UNFOUNDED)
        claim.refresh_from_db()
        services.claim_purge(claim=claim)
        assert not access.can_open(authority, claim)

    def test_authorised_handlers(self):
        authority, key = handler_create()
        keyless, _ = handler_create(with_key=False)
        inactive, _ = handler_create()
        inactive.is_active = False
        inactive.save()
        partner, _ = handler_create("CC")
        other, _ = handler_create("IGF")
        claim, _ = claim_create()
        assert set(access.authorised_handlers(claim)) >= {authority}
        assert not {keyless, inactive, partner, other} & set(access.authorised_handlers(claim))
        services.claim_refer(
            handler=authority, claim=claim, private_key=key, institution=workspace("CC")
        )
        assert partner in set(access.authorised_handlers(claim))
        assert other not in set(access.authorised_handlers(claim))


class TestClaimKey:
    def test_every_refusal(self):
        authority, key = handler_create()
        partner, partner_key = handler_create("CC")
        late, _ = handler_create(with_key=False)
        claim, _ = claim_create()
        with pytest.raises(access.AccessDenied):  # may not open
            access.claim_key(partner, claim, partner_key)
        with pytest.raises(access.AccessDenied):  # no private key unlocked
            access.claim_key(authority, claim, None)
        with pytest.raises(access.AccessDenied):  # a key that is not theirs
            access.claim_key(authority, claim, PrivateKey.generate())
        services.handler_key_unlock(handler=late, password="correct horse battery staple 42")
        late.refresh_from_db()
        with pytest.raises(access.AccessDenied):  # joined after the claim: no seal yet
            access.claim_key(late, claim, PrivateKey.generate())
        assert access.claim_key(authority, claim, key)


class TestClaimOpen:
    def test_open_is_audited_and_shows_notes_and_named_contact(self):
        handler, key = handler_create()
        claim, _ = claim_create(identity=Identity.NAMED, contact={"name": "Karim B."})
        services.note_add(handler=handler, claim=claim, private_key=key, body="note interne")
        opened = access.claim_open(handler=handler, claim=claim, private_key=key)
        assert opened.contact == {"name": "Karim B."}
        assert [text for _, text in opened.notes] == ["note interne"]
        assert opened.content["place"] == "Rabat"
        assert actions(claim)[-1] == AuditEntry.Action.OPEN
        access.claim_open(handler=handler, claim=claim, private_key=key, export=True)
        last = AuditEntry.objects.filter(claim_reference=claim.reference).first()
        assert last.action == AuditEntry.Action.EXPORT
        assert last.actor == handler.user and last.actor_name == handler.user.username

    def test_confidential_contact_is_not_in_the_claim(self):
        handler, key = handler_create()
        claim, _ = claim_create(identity=Identity.CONFIDENTIAL, contact={"name": "Sara"})
        assert access.claim_open(handler=handler, claim=claim, private_key=key).contact is None

    def test_refused_open_writes_nothing(self):
        partner, key = handler_create("CC")
        claim, _ = claim_create()
        before = actions(claim)
        with pytest.raises(access.AccessDenied):
            access.claim_open(handler=partner, claim=claim, private_key=key)
        assert actions(claim) == before


class TestAttachmentOpen:
    def test_decrypts_for_the_authorised_and_audits(self):
        handler, key = handler_create()
        partner, partner_key = handler_create("CC")
        evidence = CleanFile(name="reçu.txt", content_type="text/plain", data=b"paid", removed=[])
        claim, _ = claim_create(files=[evidence])
        attachment = claim.attachments.get()
        meta, data = access.attachment_open(handler=handler, attachment=attachment, private_key=key)
        assert data == b"paid" and meta["name"] == "reçu.txt"
        assert actions(claim)[-1] == AuditEntry.Action.DECRYPT_FILE
        with pytest.raises(access.AccessDenied):
            access.attachment_open(handler=partner, attachment=attachment, private_key=partner_key)

    def test_a_replaced_file_does_not_decrypt(self):
        handler, key = handler_create()
        evidence = CleanFile(name="a.txt", content_type="text/plain", data=b"x", removed=[])
        claim, _ = claim_create(files=[evidence])
        attachment = claim.attachments.get()
        attachment.file.save("forged", ContentFile(b"not ciphertext" * 4))
        with pytest.raises(access.crypto.CryptoError):
            access.attachment_open(handler=handler, attachment=attachment, private_key=key)


class TestIdentityOpen:
    def test_every_branch(self):
        custodian, custodian_key = handler_create(custodian=True)
        handler, key = handler_create()
        partner, partner_key = handler_create("CC")
        named, _ = claim_create(identity=Identity.NAMED)
        claim, _ = claim_create(identity=Identity.CONFIDENTIAL, contact={"name": "Sara"})
        with pytest.raises(access.AccessDenied):  # not a confidential claim
            access.identity_open(handler=custodian, claim=named, private_key=custodian_key)
        with pytest.raises(access.AccessDenied):  # may not open the claim
            access.identity_open(handler=partner, claim=claim, private_key=partner_key)
        with pytest.raises(access.AccessDenied):  # a handler without approval has no seal
            access.identity_open(handler=handler, claim=claim, private_key=key)
        with pytest.raises(access.AccessDenied):  # locked key
            access.identity_open(handler=custodian, claim=claim, private_key=None)
        with pytest.raises(access.AccessDenied):  # a wrong key
            access.identity_open(handler=custodian, claim=claim, private_key=PrivateKey.generate())
        assert access.identity_open(handler=custodian, claim=claim, private_key=custodian_key) == {
            "name": "Sara"
        }
        assert actions(claim)[-1] == AuditEntry.Action.IDENTITY

    def test_purged_contact(self):
        custodian, key = handler_create(custodian=True)
        claim, _ = claim_create(identity=Identity.CONFIDENTIAL, contact={"name": "Sara"})
        Claim.objects.filter(pk=claim.pk).update(contact=None)
        claim.refresh_from_db()
        with pytest.raises(access.AccessDenied):
            access.identity_open(handler=custodian, claim=claim, private_key=key)


class TestClaimForReceipt:
    def test_right_wrong_malformed_and_purged(self):
        claim, receipt = claim_create()
        arabic = receipt.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
        assert access.claim_for_receipt(receipt)[0] == claim
        assert access.claim_for_receipt(f"{arabic[:8]} - {arabic[8:]}")[0] == claim
        wrong = str((int(receipt) + 1) % 10**16).zfill(16)
        assert access.claim_for_receipt(wrong) is None
        assert access.claim_for_receipt("12ab") is None
        assert access.claim_for_receipt("") is None
        Claim.objects.filter(pk=claim.pk).update(status=Status.CLOSED_FOUNDED)
        claim.refresh_from_db()
        services.claim_purge(claim=claim)
        assert access.claim_for_receipt(receipt) is None

    def test_a_damaged_seal_finds_nothing(self):
        claim, receipt = claim_create()
        Claim.objects.filter(pk=claim.pk).update(receipt_seal=b"\0" * 72)
        assert access.claim_for_receipt(receipt) is None


def test_reporter_view_has_no_internal_notes_nor_handler_names():
    handler, key = handler_create()
    claim, receipt = claim_create()
    services.note_add(handler=handler, claim=claim, private_key=key, body="internal only")
    services.handler_message_add(handler=handler, claim=claim, private_key=key, body="Bonjour")
    claim, claim_key = access.claim_for_receipt(receipt)
    view = access.reporter_view(claim, claim_key)
    assert view.notes == []
    assert [text for _, text in view.messages] == ["Bonjour"]


def test_a_partner_page_that_calls_itself_the_authority_gains_nothing():
    """The authority is a claim setting; a partner's moderators can edit and publish their
    institution's page (its type included), and that must not open any claim to them."""
    from portal.institutions.models import InstitutionKind, InstitutionPage

    partner, _key = handler_create("CC")
    claim, _ = claim_create()
    InstitutionPage.objects.filter(acronym="CC").update(kind=InstitutionKind.AUTHORITY)
    assert not access.is_authority(partner.institution)
    assert list(access.claims_visible_to(partner)) == []
    assert not access.can_open(partner, claim)
    assert partner not in set(access.authorised_handlers(claim))
    later, _ = claim_create()
    assert not later.seals.filter(handler=partner).exists()
