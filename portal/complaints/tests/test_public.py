"""The reporter's pages: the entry page, the claim form in four steps, the receipt, and what the
pages keep (nothing but the claim) and send (no cookie but the CSRF one)."""

import datetime
import logging
import re
from html import unescape
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.validators import MinLengthValidator
from django.db import connection
from django.utils import timezone, translation
from wagtail.models import Locale

from portal.core.models import TermKind, term_names
from portal.core.testing import html_lang_dir

from .. import access, antiabuse, attachments
from ..models import Attachment, Claim, ClaimSettings

pytestmark = pytest.mark.django_db

NEW = "/{lang}/complaints/new/"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f"
    b"\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)
FACTS = "Un agent a demandé 500 dirhams pour délivrer un certificat de résidence à Témara."


def answers(**overrides):
    """Valid answers of steps 1 to 3."""
    sector = next(iter(term_names(TermKind.SECTOR, Locale.get_default())))
    values = {
        "kind": "denunciation",
        "identity": "anonymous",
        "offence": "bribery",
        "sector": sector,
        "region": "rabat-sale-kenitra",
        "institution": "",
        "other_body": "Commune de Témara",
        "when_month": "3",
        "when_year": "2025",
        "facts": FACTS,
        "place": "Guichet 3, Témara",
        "people": "L'agent du guichet",
        "amount": "500",
    }
    values.update(overrides)
    return {key: value for key, value in values.items() if value is not None}


def final_page(client, lang="fr", **overrides):
    """The last step's page, reached with valid answers."""
    response = client.post(
        NEW.format(lang=lang), {"step": 3, "action": "next", **answers(**overrides)}
    )
    assert response.status_code == 200
    assert 'name="pow_challenge"' in response.content.decode()
    return response


def challenge_of(response):
    return re.search(r'data-pow-challenge="([^"]+)"', response.content.decode())[1]


def solve(challenge):
    return next(str(n) for n in range(1 << 20) if antiabuse.pow_solved(challenge, str(n)))


def submit(client, lang="fr", *, final=None, files=(), solved=True, challenge=None, **overrides):
    """Goes to the last step and sends it; returns the response of the submission."""
    if challenge is None:
        challenge = challenge_of(final_page(client, lang, **overrides))
    data = {
        "step": 4,
        "action": "submit",
        "consent": "on",
        "pow_challenge": challenge,
        "pow_solution": solve(challenge) if solved else "",
        **answers(**overrides),
        **(final or {}),
    }
    if files:
        data["files"] = list(files)
    return client.post(NEW.format(lang=lang), data)


def receipt_of(response):
    match = re.search(
        r'<p class="receipt" dir="ltr" lang="\w+">([\d ]+)</p>', response.content.decode()
    )
    assert match, "no receipt on the page"
    return match[1]


def media_claims():
    folder = Path(django_settings.MEDIA_ROOT) / "claims"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def text(response):
    return unescape(response.content.decode())


def cache_keys():
    """Every key of the cache, as one text (local-memory or Redis cache)."""
    backend = cache._cache
    if isinstance(backend, dict):
        return " ".join(backend)
    return " ".join(key.decode() for key in backend.get_client().keys("*"))


def assert_private(response, *, noindex=True):
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-store" in response["Cache-Control"]
    if noindex:
        assert "noindex" in response["X-Robots-Tag"]
    assert set(response.cookies) <= {django_settings.CSRF_COOKIE_NAME}
    for cookie in response.cookies.values():
        assert not cookie["max-age"] and not cookie["expires"]


class TestIndex:
    @pytest.mark.parametrize(("lang", "direction"), [("ar", "rtl"), ("fr", "ltr")])
    def test_explains_channels_triage_deadlines_and_anonymity(self, client, lang, direction):
        config = ClaimSettings.load()
        config.information_acknowledge_days = 11
        config.save()
        response = client.get(f"/{lang}/complaints/")
        assert response.status_code == 200
        assert html_lang_dir(response) == (lang, direction)
        body = text(response)
        assert f'href="/{lang}/complaints/new/"' in body
        assert f'href="/{lang}/complaints/follow/"' in body
        assert "https://www.chikaya.ma" in body  # public services go to chikaya.ma
        assert "https://www.chafafiya.ma" in body and "https://www.cndp.ma" in body
        assert "https://www.mediateur.ma" in body
        assert "0537 71 88 88" in body  # a bribe demanded now: the prosecution's line
        assert "<td>11 " in body
        assert response["Referrer-Policy"] == "same-origin"
        assert not response.cookies  # no form: nothing to protect, nothing set

    def test_loads_nothing_from_another_host(self, client):
        body = client.get("/fr/complaints/").content.decode()
        sources = re.findall(r'(?:src|href)="([^"]+)"', body)
        assert sources
        loaded = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="([^"]+)"', body)
        assert all(url.startswith("/") for url in loaded), loaded


class TestSteps:
    @pytest.mark.parametrize(("lang", "direction"), [("ar", "rtl"), ("fr", "ltr")])
    def test_first_step(self, client, lang, direction):
        response = client.get(NEW.format(lang=lang))
        assert response.status_code == 200
        assert html_lang_dir(response) == (lang, direction)
        body = text(response)
        assert '<li aria-current="step">' in body
        assert 'name="kind"' in body and 'name="identity"' in body
        assert 'name="step" value="1"' in body
        assert_private(response)

    def test_each_step_carries_the_answers_of_the_others(self, client):
        response = client.post(NEW.format(lang="fr"), {"step": 1, **answers(), "action": "next"})
        body = text(response)
        assert 'name="step" value="2"' in body
        assert '<input type="hidden" name="kind" value="denunciation">' in body
        assert f'<input type="hidden" name="facts" value="{FACTS}">' in body  # from later steps
        assert re.search(r'<input type="radio" name="offence" value="bribery"[^>]* checked', body)

    def test_back_keeps_the_answers_of_the_current_step(self, client):
        data = {**answers(facts="Texte tapé avant de revenir en arrière, assez long."), "step": 3}
        response = client.post(NEW.format(lang="fr"), {**data, "action": "back"})
        body = text(response)
        assert 'name="step" value="2"' in body
        assert (
            '<input type="hidden" name="facts" value="Texte tapé avant de revenir en arrière, '
            'assez long.">' in body
        )
        forward = client.post(NEW.format(lang="fr"), {**data, "step": 2, "action": "next"})
        assert "Texte tapé avant de revenir en arrière, assez long.</textarea>" in text(forward)

    def test_review_and_change_buttons(self, client):
        body = text(final_page(client, lang="en"))
        assert "Step 4 of 4" in body
        assert FACTS in body and "2025-03" in body and "Rabat-Salé-Kénitra" in body
        assert '<button type="submit" name="goto" value="2"' in body
        response = client.post(NEW.format(lang="en"), {**answers(), "step": 4, "goto": "2"})
        assert 'name="step" value="2"' in text(response)

    def test_final_step_carries_the_proof_of_work_and_the_honeypot(self, client):
        body = text(final_page(client))
        assert re.search(r'<form [^>]*data-pow-challenge="[^"]+"', body)
        assert 'name="pow_solution" value=""' in body
        assert "data-pow-status" in body and "/static/complaints/pow.js" in body
        assert re.search(r'<div class="hp" aria-hidden="true">', body)
        assert re.search(
            r'name="website" id="id_website" value="" tabindex="-1" autocomplete="off"', body
        )
        assert 'enctype="multipart/form-data"' in body

    def test_identity_fields_only_when_not_anonymous(self, client, settings):
        assert 'name="name"' not in text(final_page(client))
        body = text(final_page(client, identity="named"))
        assert 'name="name"' in body and 'name="email"' in body and 'name="phone"' in body
        assert 'name="national_id"' not in body
        settings.CLAIMS_ASK_NATIONAL_ID = True
        assert 'name="national_id"' in text(final_page(client, identity="confidential"))


class TestValidation:
    def post(self, client, step, lang="en", **overrides):
        return client.post(
            NEW.format(lang=lang), {"step": step, "action": "next", **answers(**overrides)}
        )

    def test_step_one_errors(self, client):
        response = self.post(client, 1, kind="", identity="")
        body = text(response)
        assert "Choose what you want to send." in body
        assert "Choose how you want to appear." in body
        assert 'id="id_kind_error"' in body
        assert re.search(r'name="kind"[^>]*aria-describedby="id_kind_error"', body)
        assert 'name="step" value="1"' in body

    def test_a_complaint_cannot_be_anonymous_by_default(self, client):
        body = text(self.post(client, 1, kind="complaint", identity="anonymous"))
        assert "This kind of report can be filed only as: Confidential, Named." in body

    @pytest.mark.parametrize(
        ("overrides", "field", "message"),
        [
            ({"offence": ""}, "offence", "Choose the kind of act."),
            ({"region": "atlantis"}, "region", "Choose a region."),
            ({"sector": "no-such-sector"}, "sector", "Choose a sector."),
            (
                {"institution": "no-such-body"},
                "institution",
                "Choose an institution from the list.",
            ),
            ({"when_date": "2999-01-01"}, "when_date", "The date cannot be in the future."),
            ({"when_date": "14/03/2025"}, "when_date", "Enter a date as year-month-day"),
            ({"when_year": "", "when_month": "4"}, "when_year", "Give the year of this month."),
            (
                {"when_year": "2999", "when_month": ""},
                "when_year",
                "The date cannot be in the future.",
            ),
            ({"when_year": "20x4"}, "when_year", "Enter a year with four digits"),
            ({"other_body": "x" * 301}, "other_body", "at most 300 characters"),
        ],
    )
    def test_step_two_errors(self, client, overrides, field, message):
        body = text(self.post(client, 2, **overrides))
        assert message in body
        assert f'id="id_{field}_error"' in body
        assert re.search(rf'name="{field}"[^>]*aria-invalid="true"', body)

    @pytest.mark.parametrize(
        ("overrides", "field", "message"),
        [
            ({"facts": ""}, "facts", "Describe what happened."),
            ({"facts": "Trop court"}, "facts", "at least 30 characters"),
            ({"facts": "x" * 20001}, "facts", "at most 20000 characters"),
            ({"amount": "-5"}, "amount", "greater than or equal to 0"),
            ({"amount": "cinq cents"}, "amount", "Enter an amount in dirhams"),
        ],
    )
    def test_step_three_errors(self, client, overrides, field, message):
        body = text(self.post(client, 3, **overrides))
        assert message in body
        assert re.search(rf'aria-describedby="[^"]*id_{field}_error"', body)

    def test_messages_are_translated(self, client):
        for lang, short, word in (("ar", "قصير", "[\u0600-\u06ff]"), ("fr", "Court", "caractères")):
            body = text(self.post(client, 3, lang=lang, facts=short))
            with translation.override(lang), pytest.raises(ValidationError) as error:
                MinLengthValidator(30)(short)
            expected = error.value.messages[0]
            assert re.search(word, expected), expected  # Django's own translation exists
            assert expected in body
            assert re.search(r'name="facts"[^>]*aria-invalid="true"', body)

    def test_contact_needed_when_not_anonymous(self, client):
        response = submit(client, "en", identity="named", final={"name": ""})
        body = text(response)
        assert "Give your name." in body
        assert "Give an e-mail address or a telephone number." in body
        response = submit(client, "en", identity="named", final={"name": "A", "email": "nope"})
        assert "Enter a valid e-mail address" in text(response)
        assert not Claim.objects.exists()

    def test_the_declaration_is_required(self, client):
        response = submit(client, "en", final={"consent": ""})
        assert "Confirm the declaration to send your report." in text(response)
        assert not Claim.objects.exists()


class TestTampering:
    """The hidden inputs of earlier steps are validated again at the last one."""

    @pytest.mark.parametrize(
        ("overrides", "step", "message"),
        [
            ({"kind": "complaint", "identity": "anonymous"}, 1, "can be filed only as"),
            ({"kind": "petition"}, 1, "Select a valid choice"),
            ({"region": "atlantis"}, 2, "Choose a region."),
            ({"sector": "no-such-sector"}, 2, "Choose a sector."),
            ({"institution": "no-such-body"}, 2, "Choose an institution from the list."),
            ({"when_date": "2999-12-31"}, 2, "The date cannot be in the future."),
            ({"facts": "short"}, 3, "at least 30 characters"),
        ],
    )
    def test_refused_and_nothing_stored(self, client, overrides, step, message):
        challenge = challenge_of(final_page(client, "en"))
        before = (Claim.objects.count(), Attachment.objects.count(), media_claims())
        response = submit(
            client,
            "en",
            challenge=challenge,
            files=[SimpleUploadedFile("photo.png", PNG, "image/png")],
            **overrides,
        )
        assert response.status_code == 400
        body = text(response)
        assert message in body
        assert f'name="step" value="{step}"' in body
        assert (Claim.objects.count(), Attachment.objects.count(), media_claims()) == before

    def test_identity_choice_withdrawn_by_the_authority_meanwhile(self, client):
        challenge = challenge_of(final_page(client, "en"))
        config = ClaimSettings.load()
        config.denunciation_anonymous = False
        config.save()
        response = submit(client, "en", challenge=challenge)
        assert response.status_code == 400
        assert "This kind of report can be filed only as: Confidential, Named." in text(response)
        assert not Claim.objects.exists()


class TestFiles:
    def assert_nothing_written(self, response, before, message):
        assert message in text(response)
        assert (Claim.objects.count(), Attachment.objects.count(), media_claims()) == before

    def test_disallowed_type(self, client):
        before = (Claim.objects.count(), Attachment.objects.count(), media_claims())
        bad = SimpleUploadedFile(
            "tool.exe", b"MZ\x90\x00" + b"\x00" * 200, "application/octet-stream"
        )
        response = submit(client, "en", files=[bad])
        self.assert_nothing_written(response, before, "tool.exe")

    def test_oversize(self, client, settings):
        settings.CLAIMS_MAX_FILE_BYTES = 2000
        before = (Claim.objects.count(), Attachment.objects.count(), media_claims())
        big = SimpleUploadedFile("big.png", PNG + b"\x00" * 5000, "image/png")
        response = submit(client, "en", files=[big])
        self.assert_nothing_written(response, before, "big.png")

    def test_too_many(self, client, settings):
        settings.CLAIMS_MAX_FILES = 2
        before = (Claim.objects.count(), Attachment.objects.count(), media_claims())
        files = [SimpleUploadedFile(f"p{i}.png", PNG, "image/png") for i in range(3)]
        response = submit(client, "en", files=files)
        assert response.status_code == 200
        assert 'id="id_files_error"' in text(response)
        assert (Claim.objects.count(), Attachment.objects.count(), media_claims()) == before


class TestFiling:
    def test_receipt_page(self, client):
        response = submit(client, "fr", files=[SimpleUploadedFile("photo.png", PNG, "image/png")])
        assert response.status_code == 200  # the answer itself: never a redirect
        assert_private(response)
        receipt = receipt_of(response)
        assert re.fullmatch(r"\d{4} \d{4} \d{4} \d{4}", receipt)
        claim = Claim.objects.get()
        body = text(response)
        assert claim.reference in body
        assert f'<time datetime="{timezone.localtime(claim.answer_by):%Y-%m-%d}">' in body
        assert 'action="/fr/complaints/proof/"' in body
        assert receipt.replace(" ", "") not in body.replace(receipt, "")  # shown once, only there
        assert (claim.kind, claim.offence, claim.identity) == (
            "denunciation",
            "bribery",
            "anonymous",
        )
        assert claim.region == "rabat-sale-kenitra" and claim.language == "fr"
        assert claim.occurred_on == datetime.date(2025, 3, 1) and claim.has_amount
        found, key = access.claim_for_receipt(receipt)
        assert found == claim
        view = access.reporter_view(claim, key)
        assert view.content["facts"] == FACTS
        assert view.content["amount"] == "500 MAD"
        assert view.content["other_body"] == "Commune de Témara"
        assert view.contact is None
        assert [meta["name"] for _, meta in view.attachments] == ["photo.png"]

    def test_named_claim_keeps_the_contact(self, client):
        response = submit(
            client,
            "en",
            identity="named",
            final={"name": "Amina", "phone": "0612345678"},
            institution="inpplc",
            when_date="2025-02-03",
            amount="",
        )
        assert response.status_code == 200
        claim = Claim.objects.get()
        assert claim.institution_concerned == "inpplc"
        assert claim.occurred_on == datetime.date(2025, 2, 3)
        assert not claim.has_amount
        _, key = access.claim_for_receipt(receipt_of(response))
        assert access.reporter_view(claim, key).contact == {"name": "Amina", "phone": "0612345678"}

    def test_a_second_submission_of_the_same_form_is_refused(self, client):
        challenge = challenge_of(final_page(client, "en"))
        assert submit(client, "en", challenge=challenge).status_code == 200
        again = submit(client, "en", challenge=challenge)
        assert again.status_code == 400
        assert "This form was already sent" in text(again)
        assert "its receipt was shown once" in text(again)
        assert Claim.objects.count() == 1

    def test_honeypot(self, client):
        response = submit(client, "en", final={"website": "http://spam.example"})
        assert response.status_code == 400
        assert "could not be accepted" in text(response)
        assert not Claim.objects.exists()

    def test_rate_limited_without_proof_of_work(self, client):
        for _ in range(3):
            assert submit(client, "en", solved=False).status_code == 200
        response = submit(client, "en", solved=False)
        assert response.status_code == 429
        assert int(response["Retry-After"]) > 0
        assert "Too many attempts" in text(response)
        assert Claim.objects.count() == 3

    def test_proof_of_work_raises_the_limit(self, client):
        for _ in range(4):
            assert submit(client, "en").status_code == 200
        assert Claim.objects.count() == 4

    def test_every_sending_of_the_last_step_counts(self, client):
        """Even one refused by the form: it may have carried files to clean."""
        for _ in range(3):
            assert submit(client, "en", solved=False, final={"consent": ""}).status_code == 200
        assert submit(client, "en", solved=False).status_code == 429
        assert not Claim.objects.exists()

    def test_busy_when_every_derivation_slot_is_taken(self, client, settings, monkeypatch):
        settings.CLAIMS_ARGON2_CONCURRENCY = 1
        monkeypatch.setattr(antiabuse, "SLOT_WAIT", 0.01)
        challenge = challenge_of(final_page(client, "en"))
        with antiabuse.derivation_slot():
            response = submit(
                client,
                "en",
                challenge=challenge,
                files=[SimpleUploadedFile("photo.png", PNG, "image/png")],
            )
        assert response.status_code == 503
        assert int(response["Retry-After"]) > 0
        body = text(response)
        assert "The portal is very busy and your report was not sent." in body
        assert 'name="step" value="4"' in body and challenge_of(response) != challenge
        assert f'<input type="hidden" name="facts" value="{FACTS}">' in body
        assert (Claim.objects.count(), Attachment.objects.count(), media_claims()) == (0, 0, [])
        again = submit(client, "en", challenge=challenge_of(response))
        assert again.status_code == 200
        assert Claim.objects.count() == 1


class TestCheapChecksFirst:
    """Cleaning evidence files is costly (a picture is decoded and encoded again): a sending
    refused by a cheap check never reaches it."""

    @pytest.fixture
    def cleaning(self):
        with mock.patch.object(
            attachments, "clean_uploads", wraps=attachments.clean_uploads
        ) as spy:
            yield spy

    def photo(self):
        return [SimpleUploadedFile("photo.png", PNG, "image/png")]

    def test_a_valid_sending_cleans_its_files(self, client, cleaning):
        assert submit(client, "en", files=self.photo()).status_code == 200
        cleaning.assert_called_once()

    def test_csrf(self, client, cleaning):
        challenge = challenge_of(final_page(client, "en"))
        client.handler.enforce_csrf_checks = True
        response = submit(client, "en", challenge=challenge, files=self.photo())
        assert response.status_code == 403
        cleaning.assert_not_called()

    def test_honeypot(self, client, cleaning):
        response = submit(client, "en", files=self.photo(), final={"website": "x"})
        assert response.status_code == 400
        cleaning.assert_not_called()

    @pytest.mark.parametrize("challenge", ["used", "forged", "missing"])
    def test_challenge(self, client, cleaning, challenge):
        if challenge == "used":
            challenge = challenge_of(final_page(client, "en"))
            assert submit(client, "en", challenge=challenge).status_code == 200
        cleaning.reset_mock()
        response = submit(
            client,
            "en",
            challenge={"forged": "16.forged:1:sig", "missing": ""}.get(challenge, challenge),
            solved=False,
            files=self.photo(),
            identity="named",
            final={"name": "Amina", "email": "amina@example.ma"},
        )
        assert response.status_code == 400
        body = text(response)
        assert "This form was already sent, or it is too old." in body
        assert 'value="Amina"' in body and 'value="amina@example.ma"' in body  # kept
        assert 'id="id_consent_error"' not in body  # not validated
        cleaning.assert_not_called()

    def test_rate_limit(self, client, cleaning):
        for _ in range(3):
            submit(client, "en", solved=False)
        cleaning.reset_mock()
        response = submit(client, "en", solved=False, files=self.photo())
        assert response.status_code == 429
        cleaning.assert_not_called()
        assert Claim.objects.count() == 3


def test_no_address_or_user_agent_kept_anywhere(client, caplog):
    caplog.set_level(logging.DEBUG)
    meta = {"REMOTE_ADDR": "203.0.113.77", "HTTP_USER_AGENT": "UniqueAgent/9.9"}
    client.defaults.update(meta)
    response = submit(client, "fr", files=[SimpleUploadedFile("photo.png", PNG, "image/png")])
    assert response.status_code == 200
    client.post("/fr/complaints/follow/", {"receipt": "0000 0000 0000 0000"})
    client.post("/fr/complaints/follow/", {"receipt": receipt_of(response)})
    secrets = ("203.0.113.77", "UniqueAgent/9.9")
    logged = caplog.text + " ".join(str(r.args) for r in caplog.records)
    assert not any(s in logged for s in secrets)
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608
            dump = repr(cursor.fetchall())
            assert not any(s in dump for s in secrets), table
            assert not any(s.encode() in dump.encode() for s in secrets), table
    assert not any(s in cache_keys() for s in secrets)
    for path in Path(django_settings.MEDIA_ROOT).rglob("*"):
        if path.is_file():
            assert not any(s.encode() in path.read_bytes() for s in secrets)


def test_pages_of_the_form_are_never_cached(client):
    for _ in range(2):
        response = client.get(NEW.format(lang="ar"))
        assert "X-Cache" not in response
