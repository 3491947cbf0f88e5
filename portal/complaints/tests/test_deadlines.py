"""Deadlines: what is overdue or due soon, and the daily digest e-mailed to handlers."""

import datetime

import pytest
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from .. import deadlines, jobs, services
from ..choices import Kind, Offence, Status
from ..models import Claim, ClaimSettings
from .factories import claim_create, handler_create, workspace

pytestmark = pytest.mark.django_db

SECOND = datetime.timedelta(seconds=1)
DAY = datetime.timedelta(days=1)


def only(claim):
    return Claim.objects.filter(pk=claim.pk)


def english_handler(acronym="INPPLC", **kwargs):
    """A handler whose admin language is English, so the e-mail texts are the source texts."""
    handler, key = handler_create(acronym, **kwargs)
    profile = UserProfile.get_for_user(handler.user)
    profile.preferred_language = "en"
    profile.save()
    return handler, key


class TestOverdue:
    def test_unacknowledged_after_the_deadline_until_acknowledged(self):
        handler, _ = handler_create()
        claim, _ = claim_create()
        assert not deadlines.overdue(only(claim), claim.acknowledge_by - SECOND).exists()
        late = claim.acknowledge_by + SECOND
        assert list(deadlines.overdue(only(claim), late)) == [claim]
        services.claim_status_change(handler=handler, claim=claim, status=Status.ACKNOWLEDGED)
        assert not deadlines.overdue(only(claim), late).exists()
        # Acknowledged, it still owes the reporter feedback.
        assert list(deadlines.overdue(only(claim), claim.answer_by + SECOND)) == [claim]

    def test_answered_or_closed_claims_are_not_overdue_on_feedback(self):
        handler, key = handler_create()
        answered, _ = claim_create()
        closed, _ = claim_create()
        waiting, _ = claim_create()
        for claim in (answered, waiting):
            services.claim_status_change(handler=handler, claim=claim, status=Status.EXAMINATION)
        services.handler_message_add(
            handler=handler, claim=answered, private_key=key, body="Nous examinons les faits."
        )
        services.claim_status_change(handler=handler, claim=closed, status=Status.CLOSED_UNFOUNDED)
        later = max(c.answer_by for c in (answered, closed, waiting)) + DAY
        found = deadlines.overdue(Claim.objects.filter(pk__in=[answered.pk, closed.pk]), later)
        assert not found.exists()
        assert list(deadlines.overdue(only(waiting), later)) == [waiting]

    def test_the_deadlines_of_each_kind_come_from_the_settings(self):
        config = ClaimSettings.load()
        config.information_acknowledge_days = 1
        config.save()
        information, _ = claim_create(kind=Kind.INFORMATION)
        denunciation, _ = claim_create(kind=Kind.DENUNCIATION)  # 7 days by default
        two_days_on = information.filed_at + 2 * DAY
        both = Claim.objects.filter(pk__in=[information.pk, denunciation.pk])
        assert list(deadlines.overdue(both, two_days_on)) == [information]


class TestDueSoon:
    def test_the_window_before_each_deadline(self):
        handler, _ = handler_create()
        claim, _ = claim_create()
        assert ClaimSettings.load().due_soon_days == 2
        assert not deadlines.due_soon(only(claim), claim.acknowledge_by - 3 * DAY).exists()
        assert list(deadlines.due_soon(only(claim), claim.acknowledge_by - DAY)) == [claim]
        assert not deadlines.due_soon(only(claim), claim.acknowledge_by - DAY, days=1).exists()
        # Past the deadline it is overdue, not due soon.
        assert not deadlines.due_soon(only(claim), claim.acknowledge_by + SECOND).exists()
        services.claim_status_change(handler=handler, claim=claim, status=Status.ACKNOWLEDGED)
        assert not deadlines.due_soon(only(claim), claim.acknowledge_by - DAY).exists()
        assert list(deadlines.due_soon(only(claim), claim.answer_by - DAY)) == [claim]

    def test_the_window_comes_from_the_settings(self):
        claim, _ = claim_create()
        config = ClaimSettings.load()
        config.due_soon_days = 5
        config.save()
        assert list(deadlines.due_soon(only(claim), claim.acknowledge_by - 4 * DAY)) == [claim]

    def test_counts_per_handler_follow_what_they_may_open(self):
        authority, key = handler_create()
        partner, _ = handler_create("CC")
        claim_create()
        referred, _ = claim_create()
        services.claim_refer(
            handler=authority, claim=referred, private_key=key, institution=workspace("CC")
        )
        # The referral acknowledged the referred claim; the other one is not acknowledged.
        now = referred.acknowledge_by + SECOND
        assert deadlines.counts_for(authority, now) == {"overdue": 1, "due_soon": 0}
        assert deadlines.counts_for(partner, now) == {"overdue": 0, "due_soon": 0}
        now = referred.answer_by - DAY
        assert deadlines.counts_for(authority, now) == {"overdue": 1, "due_soon": 1}
        assert deadlines.counts_for(partner, now) == {"overdue": 0, "due_soon": 1}


def _texts_of(claim):
    """What would identify a claim: its reference, its offence in every language, its text."""
    texts = [claim.reference, "رشوة", "Rabat"]
    for language in ("ar", "fr", "en", "zgh"):
        with translation.override(language):
            texts.append(str(Offence(claim.offence).label))
    return texts


class TestDigest:
    def test_one_content_free_message_per_handler_who_may_open(self, mailoutbox):
        authority, key = english_handler()
        partner, _ = english_handler("CC")
        english_handler("IGF")  # a partner with nothing referred: no e-mail
        gone, _ = english_handler()
        gone.is_active = False
        gone.save()
        kept, _ = claim_create()
        referred, _ = claim_create(offence=Offence.EMBEZZLEMENT)
        services.claim_refer(
            handler=authority, claim=referred, private_key=key, institution=workspace("CC")
        )
        now = max(kept.answer_by, referred.answer_by) + DAY

        assert jobs.digest_send(now) == {"handlers": 2, "overdue": 2, "due_soon": 0}

        assert all(len(message.to) == 1 for message in mailoutbox)
        by_address = {message.to[0]: message for message in mailoutbox}
        assert sorted(by_address) == sorted([authority.user.email, partner.user.email])
        assert "2 claims are overdue." in by_address[authority.user.email].body
        assert "1 claim is overdue." in by_address[partner.user.email].body
        for message in mailoutbox:
            assert message.subject == "Claims: deadlines"
            assert "http://127.0.0.1:8000/admin/claims/?due=overdue" in message.body
            for text in _texts_of(kept) + _texts_of(referred):
                assert text not in message.subject + message.body

    def test_due_soon_only(self, mailoutbox):
        handler, _ = english_handler()
        claim, _ = claim_create()
        jobs.digest_send(claim.acknowledge_by - DAY)
        [message] = mailoutbox
        assert message.to == [handler.user.email]
        assert "overdue" not in message.body
        assert "Due within 2 days: 1." in message.body
        assert "/admin/claims/\n" in message.body + "\n"

    def test_in_each_handlers_language(self, mailoutbox):
        french, _ = handler_create()
        profile = UserProfile.get_for_user(french.user)
        profile.preferred_language = "fr"
        profile.save()
        default, _ = handler_create()
        jobs.mail_handlers(
            [(handler, lambda: (translation.get_language(), "")) for handler in (french, default)]
        )
        assert {message.to[0]: message.subject for message in mailoutbox} == {
            french.user.email: "fr",
            default.user.email: "ar",
        }

    def test_nothing_late_sends_nothing(self, mailoutbox):
        english_handler()
        claim, _ = claim_create()
        assert jobs.digest_send(claim.filed_at) == {"handlers": 0, "overdue": 0, "due_soon": 0}
        assert mailoutbox == []

    def test_once_a_day(self, mailoutbox):
        english_handler()
        claim, _ = claim_create()
        # Early in a day in Casablanca (the digest's day), so one hour later is the same day
        # whenever the test runs.
        day = timezone.localdate(claim.answer_by) + datetime.timedelta(days=1)
        now = timezone.make_aware(datetime.datetime.combine(day, datetime.time(6)))
        assert jobs.digest_once(now)["handlers"] == 1
        assert jobs.digest_once(now + datetime.timedelta(hours=1)) is None
        assert len(mailoutbox) == 1
        assert jobs.digest_once(now + DAY)["handlers"] == 1
        assert len(mailoutbox) == 2

    def test_a_failed_sending_is_tried_again(self, mailoutbox, monkeypatch):
        english_handler()
        claim, _ = claim_create()
        now = claim.answer_by + DAY

        def down(messages):
            raise ConnectionRefusedError

        monkeypatch.setattr(jobs, "send_mass_mail", down)
        with pytest.raises(ConnectionRefusedError):
            jobs.digest_once(now)
        monkeypatch.undo()
        assert jobs.digest_once(now)["handlers"] == 1
        assert len(mailoutbox) == 1
