"""Writes of claims: validation, transitions, referral, disclosure, keys and purge."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from .. import access, crypto, services
from ..attachments import CleanFile
from ..choices import Identity, Kind, Status
from ..models import AuditEntry, Claim, ClaimSettings, KeySeal, Message, StatusChange
from .factories import PASSWORD, claim_create, handler_create, workspace

pytestmark = pytest.mark.django_db


class TestFiling:
    def test_deadlines_follow_the_settings_of_the_kind(self):
        config = ClaimSettings.load()
        config.information_acknowledge_days = 3
        config.information_answer_days = 30
        config.save()
        claim, _ = claim_create(kind=Kind.INFORMATION)
        assert claim.acknowledge_by - claim.filed_at == datetime.timedelta(days=3)
        assert claim.answer_by - claim.filed_at == datetime.timedelta(days=30)
        assert list(claim.timeline.values_list("status", flat=True)) == [Status.RECEIVED]
        assert AuditEntry.objects.filter(
            claim_reference=claim.reference, action=AuditEntry.Action.FILE, actor=None
        ).exists()

    def test_identity_choices_come_from_the_settings(self):
        with pytest.raises(ValidationError):  # by default a complaint is never anonymous
            claim_create(kind=Kind.COMPLAINT, identity=Identity.ANONYMOUS)
        config = ClaimSettings.load()
        config.complaint_anonymous = True
        config.save()
        claim, _ = claim_create(kind=Kind.COMPLAINT, identity=Identity.ANONYMOUS)
        assert claim.identity == Identity.ANONYMOUS

    def test_a_kind_left_without_choices_offers_named(self):
        config = ClaimSettings.load()
        config.information_anonymous = False
        config.information_confidential = False
        config.information_named = False
        config.save()
        assert config.identities(Kind.INFORMATION) == [Identity.NAMED]

    def test_named_or_confidential_needs_contact(self):
        count = Claim.objects.count()
        with pytest.raises(ValidationError):
            claim_create(identity=Identity.NAMED, contact={})
        assert Claim.objects.count() == count

    def test_keys_are_sealed_to_the_authority_and_custodians_only(self, settings):
        public, _ = crypto.escrow_keypair_create()
        settings.CLAIMS_ESCROW_PUBLIC_KEY = public
        handler, _ = handler_create()
        custodian, _ = handler_create(custodian=True)
        partner, _ = handler_create("CC")
        claim, _ = claim_create(identity=Identity.CONFIDENTIAL)
        seals = set(claim.seals.values_list("handler_id", "purpose"))
        assert (handler.pk, "claim") in seals and (custodian.pk, "claim") in seals
        assert (custodian.pk, "contact") in seals and (handler.pk, "contact") not in seals
        assert not any(handler_id == partner.pk for handler_id, _ in seals)
        assert claim.escrow_seal and claim.contact_escrow_seal

    def test_a_failure_keeps_nothing(self, monkeypatch, settings):
        handler_create()
        counts = (Claim.objects.count(), KeySeal.objects.count(), StatusChange.objects.count())

        def broken(*args, **kwargs):
            raise OSError("disk full")

        monkeypatch.setattr(services, "audit", broken)  # fails after the files are written
        evidence = CleanFile(name="a.txt", content_type="text/plain", data=b"x", removed=[])
        with pytest.raises(OSError):
            claim_create(files=[evidence, evidence])
        assert counts == (
            Claim.objects.count(),
            KeySeal.objects.count(),
            StatusChange.objects.count(),
        )
        folder = settings.MEDIA_ROOT / "claims"
        assert not folder.exists() or not any(folder.iterdir())

    def test_the_receipt_is_not_stored(self):
        claim, receipt = claim_create()
        row = Claim.objects.filter(pk=claim.pk).values().get()
        assert not any(receipt in str(value) for value in row.values())


class TestStatus:
    def test_transitions(self):
        handler, _ = handler_create()
        claim, _ = claim_create()
        services.claim_status_change(handler=handler, claim=claim, status=Status.ACKNOWLEDGED)
        assert claim.acknowledged_at is not None
        with pytest.raises(ValidationError):  # back to received
            services.claim_status_change(handler=handler, claim=claim, status=Status.RECEIVED)
        with pytest.raises(ValidationError):  # a referral names an institution
            services.claim_status_change(handler=handler, claim=claim, status=Status.REFERRED)
        services.claim_status_change(handler=handler, claim=claim, status=Status.CLOSED_FOUNDED)
        assert claim.closed_at is not None and claim.answered_at is not None
        services.claim_status_change(handler=handler, claim=claim, status=Status.EXAMINATION)
        assert claim.closed_at is None
        assert list(claim.timeline.values_list("status", flat=True)) == [
            Status.RECEIVED,
            Status.ACKNOWLEDGED,
            Status.CLOSED_FOUNDED,
            Status.EXAMINATION,
        ]

    def test_a_handler_who_may_not_open_changes_nothing(self):
        partner, _ = handler_create("CC")
        claim, _ = claim_create()
        with pytest.raises(access.AccessDenied):
            services.claim_status_change(handler=partner, claim=claim, status=Status.ACKNOWLEDGED)
        claim.refresh_from_db()
        assert claim.status == Status.RECEIVED


class TestReferral:
    def test_refer_then_refer_elsewhere(self, django_capture_on_commit_callbacks, mailoutbox):
        authority, key = handler_create()
        first, first_key = handler_create("CC")
        second, second_key = handler_create("IGF")
        claim, _ = claim_create()
        with django_capture_on_commit_callbacks(execute=True):
            services.claim_refer(
                handler=authority, claim=claim, private_key=key, institution=workspace("CC")
            )
        assert claim.status == Status.REFERRED and claim.acknowledged_at
        assert access.claim_open(handler=first, claim=claim, private_key=first_key)
        assert [m.to for m in mailoutbox] and all(len(m.to) == 1 for m in mailoutbox)
        assert claim.reference not in "".join(m.subject + m.body for m in mailoutbox)
        services.claim_refer(
            handler=authority, claim=claim, private_key=key, institution=workspace("IGF")
        )
        assert not access.can_open(first, claim)
        assert not claim.seals.filter(handler=first).exists()
        assert access.claim_open(handler=second, claim=claim, private_key=second_key)
        referral = claim.timeline.last()
        assert referral.status == Status.REFERRED and referral.institution == workspace("IGF")

    def test_refusals(self):
        authority, key = handler_create()
        claim, _ = claim_create()
        with pytest.raises(ValidationError):  # nobody there can receive it
            services.claim_refer(
                handler=authority, claim=claim, private_key=key, institution=workspace("CNDP")
            )
        with pytest.raises(ValidationError):  # to itself
            services.claim_refer(
                handler=authority, claim=claim, private_key=key, institution=workspace("INPPLC")
            )
        services.claim_status_change(handler=authority, claim=claim, status=Status.CLOSED_FOUNDED)
        handler_create("CC")
        with pytest.raises(ValidationError):  # closed
            services.claim_refer(
                handler=authority, claim=claim, private_key=key, institution=workspace("CC")
            )

    def test_the_partner_outcome_flows_back(self):
        authority, key = handler_create()
        partner, partner_key = handler_create("CC")
        claim, receipt = claim_create()
        services.claim_refer(
            handler=authority, claim=claim, private_key=key, institution=workspace("CC")
        )
        services.handler_message_add(
            handler=partner,
            claim=claim,
            private_key=partner_key,
            body="Dossier transmis au parquet",
        )
        services.claim_status_change(
            handler=partner, claim=claim, status=Status.CLOSED_FOUNDED, private_key=partner_key
        )
        opened = access.claim_open(handler=authority, claim=claim, private_key=key)
        assert opened.claim.status == Status.CLOSED_FOUNDED
        reporter = access.reporter_view(*access.claim_for_receipt(receipt))
        # The claim was filed in Arabic: the outcome reaches the reporter in Arabic.
        assert [text for _, text in reporter.messages] == [
            "Dossier transmis au parquet",
            "أغلقت المؤسسة التي أحيل عليها بلاغكم هذا البلاغ. النتيجة: مغلق: مؤسَّس.",
        ]
        assert reporter.claim.timeline.last().status == Status.CLOSED_FOUNDED


class TestAssign:
    def test_only_to_someone_who_may_open(self):
        authority, _ = handler_create()
        colleague, _ = handler_create()
        partner, _ = handler_create("CC")
        claim, _ = claim_create()
        services.claim_assign(handler=authority, claim=claim, assignee=colleague)
        assert claim.assigned_to == colleague
        with pytest.raises(ValidationError):
            services.claim_assign(handler=authority, claim=claim, assignee=partner)
        services.claim_assign(handler=authority, claim=claim, assignee=None)
        assert Claim.objects.get(pk=claim.pk).assigned_to is None


class TestMessages:
    def test_reporter_answer_reopens_an_information_request(self):
        handler, key = handler_create()
        claim, receipt = claim_create()
        services.claim_status_change(
            handler=handler, claim=claim, status=Status.INFORMATION_REQUESTED
        )
        claim, claim_key = access.claim_for_receipt(receipt)
        with pytest.raises(ValidationError):
            services.reporter_message_add(claim=claim, key=claim_key, body="   ")
        services.reporter_message_add(claim=claim, key=claim_key, body="Voici la facture")
        assert claim.status == Status.EXAMINATION
        opened = access.claim_open(handler=handler, claim=claim, private_key=key)
        assert [(m.from_reporter, text) for m, text in opened.messages] == [
            (True, "Voici la facture")
        ]

    def test_first_message_is_the_first_feedback(self):
        handler, key = handler_create()
        claim, _ = claim_create()
        with pytest.raises(ValidationError):
            services.handler_message_add(handler=handler, claim=claim, private_key=key, body=" ")
        assert not Message.objects.filter(claim=claim).exists()
        services.handler_message_add(handler=handler, claim=claim, private_key=key, body="Reçu")
        assert claim.answered_at is not None

    def test_follow_token(self):
        claim, receipt = claim_create()
        claim, key = access.claim_for_receipt(receipt)
        token = services.follow_token(claim, key)
        assert services.claim_for_follow_token(token) == (claim, key)
        assert services.claim_for_follow_token("") is None
        assert services.claim_for_follow_token(token[:-3] + "abc") is None
        other, _ = claim_create()
        forged = crypto.token_create(
            {"claim": other.pk, "key": crypto.b64(key)}, purpose="follow", lifetime=60
        )
        assert services.claim_for_follow_token(forged) is None


class TestDisclosure:
    def test_request_then_approval(self):
        custodian, custodian_key = handler_create(custodian=True)
        handler, key = handler_create()
        claim, _ = claim_create(identity=Identity.CONFIDENTIAL, contact={"name": "Sara"})
        with pytest.raises(ValidationError):
            services.disclosure_request(
                handler=handler, claim=claim, private_key=key, motivation="need it"
            )
        request = services.disclosure_request(
            handler=handler,
            claim=claim,
            private_key=key,
            motivation="The prosecutor asks to hear the reporter as a witness.",
        )
        with pytest.raises(access.AccessDenied):  # not a custodian
            services.disclosure_decide(
                custodian=handler, request=request, private_key=key, approve=True
            )
        services.disclosure_decide(
            custodian=custodian, request=request, private_key=custodian_key, approve=True
        )
        assert access.identity_open(handler=handler, claim=claim, private_key=key) == {
            "name": "Sara"
        }
        with pytest.raises(ValidationError):  # decided already
            services.disclosure_decide(
                custodian=custodian, request=request, private_key=custodian_key, approve=False
            )

    def test_refusal_and_own_request(self):
        custodian, custodian_key = handler_create(custodian=True)
        handler, key = handler_create()
        claim, _ = claim_create(identity=Identity.CONFIDENTIAL)
        named, _ = claim_create(identity=Identity.NAMED)
        with pytest.raises(ValidationError):
            services.disclosure_request(
                handler=handler, claim=named, private_key=key, motivation="x" * 30
            )
        own = services.disclosure_request(
            handler=custodian, claim=claim, private_key=custodian_key, motivation="x" * 30
        )
        with pytest.raises(ValidationError):
            services.disclosure_decide(
                custodian=custodian, request=own, private_key=custodian_key, approve=True
            )
        request = services.disclosure_request(
            handler=handler, claim=claim, private_key=key, motivation="y" * 30
        )
        services.disclosure_decide(
            custodian=custodian, request=request, private_key=custodian_key, approve=False
        )
        assert request.approved is False
        with pytest.raises(access.AccessDenied):
            access.identity_open(handler=handler, claim=claim, private_key=key)


class TestHandlerKeys:
    def test_unlock_creates_then_opens(self):
        handler, _ = handler_create(with_key=False)
        assert services.handler_key_unlock(handler=handler, password="wrong") is None
        assert handler.public_key is None
        first = services.handler_key_unlock(handler=handler, password=PASSWORD)
        again = services.handler_key_unlock(handler=handler, password=PASSWORD)
        assert bytes(first) == bytes(again) and handler.public_key is not None
        assert AuditEntry.objects.filter(
            actor=handler.user, action=AuditEntry.Action.UNLOCK_FAILED
        ).exists()

    def test_password_change_rewraps_the_key(self):
        handler, key = handler_create()
        claim, _ = claim_create()
        with pytest.raises(ValidationError):
            services.handler_password_change(
                handler=handler, old_password="nope", new_password="a new long passphrase 9"
            )
        with pytest.raises(ValidationError):  # the password rules apply
            services.handler_password_change(
                handler=handler, old_password=PASSWORD, new_password="short"
            )
        services.handler_password_change(
            handler=handler, old_password=PASSWORD, new_password="a new long passphrase 9"
        )
        assert services.handler_key_unlock(handler=handler, password=PASSWORD) is None
        new_key = services.handler_key_unlock(handler=handler, password="a new long passphrase 9")
        assert bytes(new_key) == bytes(key)
        assert access.claim_open(handler=handler, claim=claim, private_key=new_key)

    def test_password_changed_elsewhere_locks_the_key_until_recovery(self):
        handler, _ = handler_create()
        handler.user.set_password("changed outside the workspace 1")
        handler.user.save()
        assert (
            services.handler_key_unlock(handler=handler, password="changed outside the workspace 1")
            is None
        )
        services.handler_key_reset(handler=handler)
        assert services.handler_key_unlock(
            handler=handler, password="changed outside the workspace 1"
        )

    def test_late_handler_gets_seals_when_a_colleague_opens(self):
        first, key = handler_create()
        claim, _ = claim_create()
        late, late_key = handler_create()
        with pytest.raises(access.AccessDenied):
            access.claim_open(handler=late, claim=claim, private_key=late_key)
        opened = access.claim_open(handler=first, claim=claim, private_key=key)
        assert services.seals_complete(claim=claim, key=opened.key) >= 1
        assert access.claim_open(handler=late, claim=claim, private_key=late_key)


class TestPurge:
    def test_only_closed_claims(self, django_capture_on_commit_callbacks, settings):
        handler, key = handler_create()
        evidence = CleanFile(name="a.txt", content_type="text/plain", data=b"x", removed=[])
        claim, _receipt = claim_create(files=[evidence])
        services.note_add(handler=handler, claim=claim, private_key=key, body="n")
        with pytest.raises(ValidationError):
            services.claim_purge(claim=claim)
        path = settings.MEDIA_ROOT / claim.attachments.get().file.name
        assert path.exists()
        services.claim_status_change(handler=handler, claim=claim, status=Status.CLOSED_FOUNDED)
        with django_capture_on_commit_callbacks(execute=True):
            services.claim_purge(claim=claim)
        claim.refresh_from_db()
        assert claim.purged_at and claim.content is None and claim.receipt_seal is None
        assert not claim.attachments.exists() and not claim.notes.exists()
        assert not claim.seals.exists()
        assert not path.exists()
        assert claim.kind and claim.offence  # the metadata stays for the statistics
        with pytest.raises(ValidationError):
            services.claim_purge(claim=claim)


class TestAuditLog:
    def test_the_model_refuses_changes(self):
        entry = access.audit(AuditEntry.Action.OPEN, detail="x")
        entry.detail = "changed"
        with pytest.raises(PermissionError):
            entry.save()
        with pytest.raises(PermissionError):
            entry.delete()

    def test_the_database_refuses_changes(self, settings):
        entry = access.audit(AuditEntry.Action.OPEN, detail="x")
        settings.CLAIMS_AUDIT_MAINTENANCE = False
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL portal.audit_maintenance = 'off'")
        for statement in (
            "UPDATE complaints_auditentry SET detail = 'changed' WHERE id = %s",
            "DELETE FROM complaints_auditentry WHERE id = %s",
        ):
            with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(statement, [entry.pk])
        assert AuditEntry.objects.get(pk=entry.pk).detail == "x"
        assert AuditEntry.objects.filter(at__lte=timezone.now()).exists()
