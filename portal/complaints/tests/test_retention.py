"""Retention: a warning once, then the purge of closed claims; and the daily command."""

import datetime
import io
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.users.models import UserProfile

from .. import access, retention, services
from ..choices import Offence, Status
from ..models import AuditEntry, Claim, ClaimSettings, KeySeal
from .factories import claim_create, handler_create, workspace

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
SECRET = "Le directeur a exigé 50000 dirhams"


def evidence(name="facture.pdf"):
    """Duck-typed like `attachments.CleanFile`."""
    return SimpleNamespace(
        name=name, content_type="application/pdf", data=b"%PDF-1.4 " + SECRET.encode(), removed=[]
    )


def english_handler(acronym="INPPLC"):
    handler, key = handler_create(acronym)
    profile = UserProfile.get_for_user(handler.user)
    profile.preferred_language = "en"
    profile.save()
    return handler, key


def closed_claim(handler, key, **overrides):
    """A closed claim with everything a purge must remove: files, messages both ways, a note."""
    claim, receipt = claim_create(content={"facts": SECRET}, files=[evidence()], **overrides)
    claim, claim_key = access.claim_for_receipt(receipt)
    services.reporter_message_add(
        claim=claim, key=claim_key, body="J'ai une autre preuve", files=[evidence("b.pdf")]
    )
    services.handler_message_add(handler=handler, claim=claim, private_key=key, body="Merci")
    services.note_add(handler=handler, claim=claim, private_key=key, body="Témoin sérieux")
    services.claim_status_change(handler=handler, claim=claim, status=Status.CLOSED_FOUNDED)
    claim.refresh_from_db()
    return claim, receipt


def audited(claim, action):
    return AuditEntry.objects.filter(claim_reference=claim.reference, action=action).count()


class TestWarningThenPurge:
    def test_a_closed_claim_is_warned_once_then_purged(
        self, mailoutbox, django_capture_on_commit_callbacks, settings
    ):
        handler, key = english_handler()
        claim, receipt = closed_claim(handler, key)
        still_open, _ = claim_create()
        files = [settings.MEDIA_ROOT / a.file.name for a in claim.attachments.all()]
        assert len(files) == 2 and all(path.exists() for path in files)
        purge_time = claim.closed_at + datetime.timedelta(days=1825)

        assert retention.run(purge_time - 31 * DAY) == {"warned": 0, "purged": 0}
        warned_at = purge_time - 29 * DAY
        assert retention.run(warned_at) == {"warned": 1, "purged": 0}
        claim.refresh_from_db()
        assert claim.purge_warned_at == warned_at
        assert audited(claim, AuditEntry.Action.PURGE_WARNING) == 1
        [message] = mailoutbox
        assert message.to == [handler.user.email]
        assert message.subject == "Claims: purge announced"
        assert "1 closed claim will be purged." in message.body
        assert "The purge will happen in 30 days at the earliest." in message.body
        for text in (claim.reference, SECRET, "facture", str(Offence.BRIBERY.label)):
            assert text not in message.subject + message.body

        assert retention.run(warned_at + DAY) == {"warned": 0, "purged": 0}
        assert len(mailoutbox) == 1  # warned once
        # The retention has passed, but the handlers were promised a full warning period.
        assert retention.run(purge_time + DAY - datetime.timedelta(seconds=1))["purged"] == 0
        assert access.claim_for_receipt(receipt)[0] == claim

        with django_capture_on_commit_callbacks(execute=True):
            assert retention.run(warned_at + 30 * DAY) == {"warned": 0, "purged": 1}
        claim.refresh_from_db()
        assert claim.purged_at is not None
        assert claim.content is None and claim.contact is None
        assert claim.receipt_seal is None and claim.escrow_seal is None
        assert not KeySeal.objects.filter(claim=claim).exists()
        assert not claim.messages.exists() and not claim.notes.exists()
        assert not claim.attachments.exists()
        assert not any(path.exists() for path in files)
        assert (claim.kind, claim.offence, claim.status) == (
            "denunciation",
            Offence.BRIBERY,
            Status.CLOSED_FOUNDED,
        )  # the metadata stays for the statistics
        assert audited(claim, AuditEntry.Action.PURGE) == 1
        assert access.claim_for_receipt(receipt) is None

        far_future = purge_time + 3650 * DAY
        assert retention.run(far_future) == {"warned": 0, "purged": 0}
        still_open.refresh_from_db()
        assert still_open.purged_at is None and still_open.purge_warned_at is None

    def test_a_claim_past_its_retention_but_never_warned_is_warned_first(self, mailoutbox):
        handler, key = handler_create()
        claim, _ = closed_claim(handler, key)
        config = ClaimSettings.load()
        config.retention_days = 10
        config.purge_warning_days = 3
        config.save()
        late = claim.closed_at + 100 * DAY
        assert retention.run(late) == {"warned": 1, "purged": 0}
        assert retention.run(late + 2 * DAY)["purged"] == 0
        assert retention.run(late + 3 * DAY)["purged"] == 1

    def test_a_claim_reopened_after_the_warning_is_kept(self):
        handler, key = handler_create()
        claim, _ = closed_claim(handler, key)
        purge_time = claim.closed_at + datetime.timedelta(days=1825)
        assert retention.run(purge_time - DAY)["warned"] == 1
        claim.refresh_from_db()
        services.claim_status_change(handler=handler, claim=claim, status=Status.EXAMINATION)
        assert retention.run(purge_time + 60 * DAY) == {"warned": 0, "purged": 0}
        claim.refresh_from_db()
        assert claim.purged_at is None and claim.content is not None

    def test_the_warning_goes_only_to_those_who_may_open(self, mailoutbox):
        authority, key = english_handler()
        partner, _ = english_handler("CC")
        english_handler("IGF")
        kept, _ = closed_claim(authority, key)
        referred, _ = claim_create()
        services.claim_refer(
            handler=authority, claim=referred, private_key=key, institution=workspace("CC")
        )
        services.claim_status_change(
            handler=partner, claim=referred, status=Status.CLOSED_UNFOUNDED
        )
        referred.refresh_from_db()
        later = max(kept.closed_at, referred.closed_at) + datetime.timedelta(days=1825)
        assert retention.warn(later) == 2
        assert all(len(message.to) == 1 for message in mailoutbox)
        by_address = {message.to[0]: message.body for message in mailoutbox}
        assert sorted(by_address) == sorted([authority.user.email, partner.user.email])
        assert "2 closed claims will be purged" in by_address[authority.user.email]
        assert "1 closed claim will be purged" in by_address[partner.user.email]
        for language in ("ar", "fr", "en"):
            with translation.override(language):
                label = str(Offence.BRIBERY.label)
            assert all(label not in body for body in by_address.values())


class TestDailyCommand:
    def test_digest_and_retention_once_a_day(self, mailoutbox, django_capture_on_commit_callbacks):
        handler, key = english_handler()
        claim_create()  # on time
        due_soon, _ = claim_create()
        Claim.objects.filter(pk=due_soon.pk).update(acknowledge_by=due_soon.filed_at + DAY)
        overdue, _ = claim_create()
        Claim.objects.filter(pk=overdue.pk).update(acknowledge_by=overdue.filed_at - DAY)
        to_warn, _ = closed_claim(handler, key)
        Claim.objects.filter(pk=to_warn.pk).update(
            closed_at=to_warn.closed_at - datetime.timedelta(days=1820)
        )
        to_purge, _ = closed_claim(handler, key)
        Claim.objects.filter(pk=to_purge.pk).update(
            closed_at=to_purge.closed_at - datetime.timedelta(days=2000),
            purge_warned_at=to_purge.closed_at - datetime.timedelta(days=60),
        )
        out = io.StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("claims_daily", stdout=out)
        lines = out.getvalue().splitlines()
        assert lines[:2] == [
            "Deadline digest: 1 handler(s) e-mailed; 1 claim(s) overdue, 1 due soon.",
            "Retention: 1 claim(s) warned, 1 purged.",
        ]
        assert lines[2].startswith("Statistics: ") and "created" in lines[2]
        assert sorted(message.subject for message in mailoutbox) == [
            "Claims: deadlines",
            "Claims: purge announced",
        ]
        assert Claim.objects.get(pk=to_purge.pk).purged_at is not None
        assert Claim.objects.get(pk=to_warn.pk).purge_warned_at is not None

        out = io.StringIO()
        call_command("claims_daily", stdout=out)
        lines = out.getvalue().splitlines()
        assert lines[:2] == [
            "Deadline digest: already sent today.",
            "Retention: 0 claim(s) warned, 0 purged.",
        ]
        assert "created" not in lines[2]
        assert len(mailoutbox) == 2
