"""The proof of filing: a signed PDF with the reference and the time only, and the page that
checks it."""

import datetime
import io
import re
from unittest import mock

import pypdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from portal.core.testing import html_lang_dir

from .. import attachments, crypto, proof, views
from ..models import Claim
from .test_public import assert_private, receipt_of, submit, text

pytestmark = pytest.mark.django_db

VERIFY = "/{lang}/complaints/verify/"


def proof_token(response):
    return re.search(
        r'action="/\w+/complaints/proof/">\s*<input type="hidden" name="csrfmiddlewaretoken" '
        r'value="[^"]+">\s*<input type="hidden" name="token" value="([^"]+)"',
        response.content.decode(),
    )[1]


def download(client, lang="fr"):
    filed = submit(client, lang)
    response = client.post(f"/{lang}/complaints/proof/", {"token": proof_token(filed)})
    return filed, response


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_proof_names_the_reference_and_the_time_and_verifies(client, lang):
    filed, response = download(client, lang)
    claim = Claim.objects.get()
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f'filename="proof-{claim.reference}.pdf"' in response["Content-Disposition"]
    assert_private(response)
    pdf = b"".join(response) if response.streaming else response.content
    extracted = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert claim.reference in extracted
    assert proof.filed_text(claim.filed_at) in extracted
    assert receipt_of(filed).replace(" ", "") not in extracted.replace(" ", "")
    reference, filed_at, signature = proof.proof_read(pdf)
    assert (reference, filed_at) == (claim.reference, proof.filed_text(claim.filed_at))

    checked = client.post(
        VERIFY.format(lang=lang),
        {"proof": SimpleUploadedFile("proof.pdf", pdf, "application/pdf")},
    )
    assert checked.status_code == 200
    assert 'class="verdict verdict-valid"' in checked.content.decode()
    typed = client.post(
        VERIFY.format(lang="en"),
        {"reference": reference.lower(), "filed": filed_at, "signature": signature},
    )
    assert "Valid: this proof was signed by the portal." in text(typed)


def test_a_tampered_time_or_reference_is_not_valid(client, monkeypatch):
    _, response = download(client)
    reference, filed_at, signature = proof.proof_read(response.content)
    later = filed_at.replace(filed_at[-3:-1], f"{(int(filed_at[-3:-1]) + 1) % 60:02d}")
    for values in (
        {"reference": reference, "filed": later, "signature": signature},
        {"reference": reference[:-1] + "Z", "filed": filed_at, "signature": signature},
        {"reference": reference, "filed": filed_at, "signature": signature[:10] + "AAAA"},
        {"reference": reference, "filed": "yesterday", "signature": signature},
    ):
        answer = client.post(VERIFY.format(lang="en"), values)
        assert "Not valid" in text(answer), values
    # A PDF that prints a later time next to the signature of the real one.
    claim = Claim.objects.get()
    monkeypatch.setattr(proof, "signature", lambda *args: signature)
    tampered = proof.proof_pdf(
        reference=reference,
        filed_at=claim.filed_at + datetime.timedelta(minutes=1),
        language="en",
        verify_url="http://testserver/en/complaints/verify/",
    )
    assert proof.proof_read(tampered)[2] == signature
    upload = SimpleUploadedFile("proof.pdf", tampered, "application/pdf")
    assert "Not valid" in text(client.post(VERIFY.format(lang="en"), {"proof": upload}))


def test_the_time_may_be_typed_in_moroccan_time(client):
    _, response = download(client)
    reference, _, signature = proof.proof_read(response.content)
    claim = Claim.objects.get()
    local = claim.filed_at.astimezone(proof.LOCAL_ZONE).replace(microsecond=0).isoformat()
    values = {"reference": reference, "filed": local, "signature": signature}
    assert "Valid:" in text(client.post(VERIFY.format(lang="en"), values))


@pytest.mark.parametrize(("lang", "direction"), [("ar", "rtl"), ("fr", "ltr")])
def test_verify_page_shows_the_public_key(client, lang, direction):
    response = client.get(VERIFY.format(lang=lang))
    assert response.status_code == 200
    assert html_lang_dir(response) == (lang, direction)
    assert crypto.verify_key_b64() in response.content.decode()
    assert "noindex" in response["X-Robots-Tag"]


@pytest.mark.parametrize("token", ["", "forged", "expired"])
def test_an_expired_or_forged_download_is_refused(client, token):
    if token == "expired":
        token = crypto.token_create(
            {"reference": "2026-ABCDEFGH", "filed": "2026-01-01T00:00:00Z"},
            purpose="proof",
            lifetime=-1,
        )
    response = client.post("/en/complaints/proof/", {"token": token})
    assert response.status_code == 400
    assert "This download has expired" in text(response)


def test_a_follow_token_is_no_proof_token(client):
    token = crypto.token_create(
        {"reference": "2026-ABCDEFGH", "filed": "2026-01-01T00:00:00Z"},
        purpose="follow",
        lifetime=600,
    )
    assert client.post("/en/complaints/proof/", {"token": token}).status_code == 400


def test_checks_are_rate_limited_before_the_upload_is_read(client, monkeypatch):
    monkeypatch.setattr(views, "VERIFY_LIMIT", 3)
    _, response = download(client)
    pdf = response.content
    values = dict(zip(("reference", "filed", "signature"), proof.proof_read(pdf), strict=True))
    for _ in range(2):
        assert "Valid:" in text(client.post(VERIFY.format(lang="en"), values))
    with (
        mock.patch.object(proof, "proof_read", wraps=proof.proof_read) as reading,
        mock.patch.object(
            attachments.LimitedMemoryUploadHandler,
            "new_file",
            autospec=True,
            side_effect=attachments.LimitedMemoryUploadHandler.new_file,
        ) as parsing,
    ):
        upload = {"proof": SimpleUploadedFile("proof.pdf", pdf, "application/pdf")}
        assert "Valid:" in text(client.post(VERIFY.format(lang="en"), upload))
        assert (parsing.call_count, reading.call_count) == (1, 1)
        upload = {"proof": SimpleUploadedFile("proof.pdf", pdf, "application/pdf")}
        refused = client.post(VERIFY.format(lang="fr"), upload)
        assert refused.status_code == 429
        assert int(refused["Retry-After"]) > 0
        assert html_lang_dir(refused) == ("fr", "ltr")
        assert (parsing.call_count, reading.call_count) == (1, 1)  # the body was not read
    assert client.post(VERIFY.format(lang="en"), values).status_code == 429
    assert client.get(VERIFY.format(lang="en")).status_code == 200  # reading the page is free


def test_an_upload_larger_than_a_proof_is_refused_before_it_is_read(client):
    """A proof is at most 2 MiB: the verify page does not take a claim's 5 files of 10 MB."""
    big = SimpleUploadedFile("proof.pdf", b"%PDF-1.7\n" + b"0" * (6 * 1024 * 1024))
    with mock.patch.object(proof, "proof_read", wraps=proof.proof_read) as reading:
        response = client.post(VERIFY.format(lang="en"), {"proof": big})
    assert response.status_code == 400
    assert reading.call_count == 0
