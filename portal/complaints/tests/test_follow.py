"""Following a claim with its receipt: what a right receipt shows, what a wrong one does not,
the slowing down of guesses, and the reporter's answers."""

import re
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from portal.core.testing import html_lang_dir
from portal.institutions.models import InstitutionPage

from .. import antiabuse, attachments, crypto, services
from ..choices import Status
from ..models import Message, StatusChange
from .factories import claim_create, handler_create, workspace
from .test_public import PNG, assert_private, text

pytestmark = pytest.mark.django_db

FOLLOW = "/{lang}/complaints/follow/"
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def follow(client, receipt, lang="en"):
    return client.post(FOLLOW.format(lang=lang), {"receipt": receipt})


def token_of(response):
    return re.search(r'name="token" value="([^"]+)"', response.content.decode())[1]


@pytest.mark.parametrize(("lang", "direction"), [("ar", "rtl"), ("fr", "ltr")])
def test_receipt_form(client, lang, direction):
    response = client.get(FOLLOW.format(lang=lang))
    assert response.status_code == 200
    assert html_lang_dir(response) == (lang, direction)
    body = text(response)
    assert 'method="post"' in body and 'name="receipt"' in body
    assert_private(response)


@pytest.mark.parametrize(
    "shape",
    [
        lambda r: r,
        lambda r: r.translate(ARABIC_INDIC),
        lambda r: " ".join(r[i : i + 4] for i in range(0, 16, 4)),
        lambda r: "-".join(r[i : i + 4] for i in range(0, 16, 4)),
        lambda r: " - ".join(r[i : i + 4] for i in range(0, 16, 4)).translate(ARABIC_INDIC),
    ],
    ids=["latin", "arabic-indic", "spaced", "dashed", "mixed"],
)
def test_a_right_receipt_in_any_usual_form(client, shape):
    claim, receipt = claim_create()
    response = follow(client, shape(receipt))
    assert response.status_code == 200
    body = text(response)
    assert claim.reference in body
    assert "Received" in body and "Denunciation — Bribery" in body
    deadline = timezone.localtime(claim.answer_by)
    assert f'<time datetime="{deadline:%Y-%m-%d}">' in body
    assert 'name="token"' in body and receipt not in body
    assert_private(response)


@pytest.mark.parametrize(("lang", "direction"), [("ar", "rtl"), ("fr", "ltr")])
def test_claim_page_direction(client, lang, direction):
    _, receipt = claim_create()
    assert html_lang_dir(follow(client, receipt, lang)) == (lang, direction)


def test_wrong_and_malformed_receipts_look_the_same(client):
    claim_create()
    answers = [
        follow(client, receipt)
        for receipt in ("1234 5678 9012 3456", "12", "abcd", "٠" * 40, "x" * 500)
    ]
    assert {r.status_code for r in answers} == {200}
    bodies = {CSRF.sub("", r.content.decode()) for r in answers}
    assert len(bodies) == 1
    assert "No claim matches this receipt" in bodies.pop()


def test_guessing_is_slowed_down(client):
    _, receipt = claim_create()
    for _ in range(5):
        assert follow(client, "0000 0000 0000 0000").status_code == 200
    response = follow(client, receipt)  # even the right receipt: it is not checked
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Too many attempts" in text(response)
    arabic = follow(client, receipt, "ar")
    assert arabic.status_code == 429 and html_lang_dir(arabic) == ("ar", "rtl")


@pytest.fixture
def derivations(monkeypatch):
    """The receipts whose Argon2id derivation started."""
    started = []
    derive = crypto.receipt_keys

    def spy(receipt):
        started.append(receipt)
        return derive(receipt)

    monkeypatch.setattr(crypto, "receipt_keys", spy)
    return started


def test_guesses_in_flight_are_all_counted(client, monkeypatch, settings):
    """Six guesses at once: each next one is sent while the previous ones are still being
    derived. Five are derived; the sixth is refused before its derivation."""
    settings.CLAIMS_ARGON2_CONCURRENCY = 10  # the derivation slots are not what stops them
    started, answers = [], []
    derive = crypto.receipt_keys

    def slow(receipt):
        started.append(receipt)
        if len(started) < 6:
            answers.append(follow(client, f"{len(started):016d}"))
        return derive(receipt)

    monkeypatch.setattr(crypto, "receipt_keys", slow)
    answers.append(follow(client, "0" * 16))
    assert [r.status_code for r in answers] == [429, 200, 200, 200, 200, 200]
    assert len(started) == 5
    assert "Too many attempts" in text(answers[0])


def test_attempts_are_counted_even_when_the_derivation_fails(client, monkeypatch, settings):
    settings.CLAIMS_ARGON2_CONCURRENCY = 1
    derive = mock.Mock(side_effect=MemoryError)
    monkeypatch.setattr(crypto, "receipt_keys", derive)
    for _ in range(5):
        with pytest.raises(MemoryError):
            follow(client, "0000 0000 0000 0000")
    response = follow(client, "0000 0000 0000 0000")
    assert response.status_code == 429
    assert derive.call_count == 5
    with antiabuse.derivation_slot():  # every failed derivation gave its slot back
        pass


def test_busy_when_every_derivation_slot_is_taken(client, derivations, monkeypatch, settings):
    settings.CLAIMS_ARGON2_CONCURRENCY = 1
    monkeypatch.setattr(antiabuse, "SLOT_WAIT", 0.01)
    claim, receipt = claim_create()
    derivations.clear()  # the receipt's own, at filing
    with antiabuse.derivation_slot():
        busy = follow(client, receipt)
        arabic = follow(client, receipt, "ar")
    assert busy.status_code == 503
    assert int(busy["Retry-After"]) > 0
    body = text(busy)
    assert "The portal is very busy and your receipt was not checked." in body
    assert 'name="receipt"' in body and claim.reference not in body
    assert arabic.status_code == 503 and html_lang_dir(arabic) == ("ar", "rtl")
    assert not derivations
    assert claim.reference in text(follow(client, receipt))


def test_timeline_messages_and_referral(client, django_assert_max_num_queries):
    handler, private_key = handler_create()
    claim, receipt = claim_create()
    handler_create("CC")  # a partner handler with a key, so that the referral can happen
    services.claim_status_change(handler=handler, claim=claim, status=Status.ACKNOWLEDGED)
    for number in range(3):
        services.handler_message_add(
            handler=handler, claim=claim, private_key=private_key, body=f"Question {number}?"
        )
        services.reporter_message_add(
            claim=claim,
            key=services.claim_for_follow_token(token_of(follow(client, receipt)))[1],
            body=f"Answer {number}.",
        )
    services.note_add(handler=handler, claim=claim, private_key=private_key, body="Internal only")
    services.claim_refer(
        handler=handler, claim=claim, private_key=private_key, institution=workspace("CC")
    )
    with django_assert_max_num_queries(10):
        response = follow(client, receipt)
    body = text(response)
    assert "Question 2?" in body and "Answer 2." in body
    assert "Internal only" not in body
    assert "Acknowledged" in body and "Referred to a competent institution" in body
    names = InstitutionPage.objects.filter(acronym="CC").values_list("title", flat=True)
    assert any(f"({name})" in body for name in names)
    assert handler.user.get_username() not in body


def test_reply_with_evidence(client):
    claim, receipt = claim_create()
    handler, _ = handler_create()
    services.claim_status_change(handler=handler, claim=claim, status=Status.ACKNOWLEDGED)
    services.claim_status_change(handler=handler, claim=claim, status=Status.INFORMATION_REQUESTED)
    token = token_of(follow(client, receipt))
    response = client.post(
        FOLLOW.format(lang="en"),
        {
            "token": token,
            "body": "Here is the receipt he gave me.",
            "files": [SimpleUploadedFile("evidence.png", PNG, "image/png")],
        },
    )
    assert response.status_code == 200
    body = text(response)
    assert "Your message was sent." in body
    assert "Here is the receipt he gave me." in body and "evidence.png" in body
    assert_private(response)
    message = Message.objects.get(claim=claim)
    assert message.from_reporter and message.attachments.count() == 1
    claim.refresh_from_db()
    assert claim.status == Status.EXAMINATION
    assert StatusChange.objects.filter(claim=claim, status=Status.EXAMINATION).exists()


class TestReplyCheapChecksFirst:
    """The follow-up token and the rate limit are checked before the evidence files are
    cleaned."""

    @pytest.fixture
    def cleaning(self):
        with mock.patch.object(
            attachments, "clean_uploads", wraps=attachments.clean_uploads
        ) as spy:
            yield spy

    def reply(self, client, token):
        return client.post(
            FOLLOW.format(lang="en"),
            {
                "token": token,
                "body": "More evidence.",
                "files": [SimpleUploadedFile("evidence.png", PNG, "image/png")],
            },
        )

    def test_a_valid_reply_cleans_its_files(self, client, cleaning):
        _, receipt = claim_create()
        assert self.reply(client, token_of(follow(client, receipt))).status_code == 200
        cleaning.assert_called_once()
        assert Message.objects.count() == 1

    def test_csrf(self, client, cleaning):
        _, receipt = claim_create()
        token = token_of(follow(client, receipt))
        client.handler.enforce_csrf_checks = True
        assert self.reply(client, token).status_code == 403
        cleaning.assert_not_called()

    def test_token(self, client, cleaning):
        claim_create()
        response = self.reply(client, "forged-token")
        assert "Enter your receipt again" in text(response)
        cleaning.assert_not_called()

    def test_rate_limit(self, client, cleaning, monkeypatch):
        monkeypatch.setattr("portal.complaints.views.REPLY_LIMIT", 2)
        _, receipt = claim_create()
        token = token_of(follow(client, receipt))
        for _ in range(2):
            client.post(FOLLOW.format(lang="en"), {"token": token, "body": ""})
        response = self.reply(client, token)
        assert response.status_code == 429
        cleaning.assert_not_called()
        assert not Message.objects.exists()


def test_empty_reply_is_refused(client):
    _, receipt = claim_create()
    token = token_of(follow(client, receipt))
    response = client.post(FOLLOW.format(lang="en"), {"token": token, "body": "  "})
    assert "Write a message or add a file." in text(response)
    assert not Message.objects.exists()


@pytest.mark.parametrize("kind", ["expired", "forged"])
def test_expired_or_forged_token_asks_for_the_receipt_again(client, kind):
    claim, _ = claim_create()
    token = "forged-token"
    if kind == "expired":
        key = crypto.b64(b"\0" * 32)
        token = crypto.token_create({"claim": claim.pk, "key": key}, purpose="follow", lifetime=-1)
    response = client.post(FOLLOW.format(lang="en"), {"token": token, "body": "Hello there"})
    assert response.status_code == 200
    body = text(response)
    assert "Enter your receipt again" in body and 'name="receipt"' in body
    assert not Message.objects.exists()
