"""The handlers' workspace in the admin (complaints/admin_views.py): who gets in, the key,
the list, a claim's page and its actions, isolation between institutions, the audit log and
the password change."""

import datetime
import json
import re
from html import unescape

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from portal.core.testing import login_verified

from .. import access, keyring, services
from ..attachments import CleanFile
from ..choices import Channel, Identity, Kind, Status
from ..models import (
    AuditEntry,
    Claim,
    ClaimSettings,
    Handler,
    Message,
    Note,
    ResponseTemplate,
)
from .factories import PASSWORD, claim_create, handler_create, workspace

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a brand new passphrase 2026"


def text(response):
    return unescape(re.sub(r"\s+", " ", response.content.decode()))


def actions(claim):
    return list(
        AuditEntry.objects.filter(claim_reference=claim.reference)
        .order_by("pk")
        .values_list("action", flat=True)
    )


def login(client, user):
    """Signs in with the second factor, the admin in English."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    login_verified(client, user)


def sign_in(client, handler, *, unlock=True, password=PASSWORD):
    login(client, handler.user)
    if unlock:
        response = client.post("/admin/claims/unlock/", {"password": password})
        assert response.status_code == 302, text(response)
    return client


@pytest.fixture
def authority():
    return handler_create()


@pytest.fixture
def claim():
    return claim_create(
        identity=Identity.NAMED,
        contact={"name": "Amina El Idrissi", "email": "amina@example.ma"},
        content={
            "facts": "Un agent a demandé 500 dirhams pour le permis.",
            "place": "Salé",
            "amount": "500 MAD",
            "extra": "Une réponse d'une ancienne version du formulaire",
        },
        files=[
            CleanFile(
                name="reçu.jpg",
                content_type="image/jpeg",
                data=b"\xff\xd8\xff evidence",
                removed=["Photo metadata (EXIF)"],
            )
        ],
    )[0]


def url(claim, action=""):
    return f"/admin/claims/{claim.reference}/{action}"


# --- Who gets in


def _every_url(claim):
    attachment = claim.attachments.first()
    return [
        ("get", "/admin/claims/"),
        ("get", "/admin/claims/unlock/"),
        ("get", "/admin/claims/register/"),
        ("get", "/admin/claims/password/"),
        ("get", url(claim)),
        ("get", url(claim, f"files/{attachment.pk}/")),
        ("post", url(claim, "message/")),
        ("post", url(claim, "note/")),
        ("post", url(claim, "status/")),
        ("post", url(claim, "assign/")),
        ("post", url(claim, "export/")),
        ("post", url(claim, "identity/")),
    ]


def test_anonymous_visitors_are_sent_to_sign_in(client, claim):
    for method, address in [*_every_url(claim), ("get", "/admin/claims/audit/")]:
        response = getattr(client, method)(address)
        assert response.status_code == 302, address
        assert response["Location"].startswith("/admin/login/"), address


def test_without_the_second_factor_staff_are_sent_to_it(client, authority, claim):
    handler, _ = authority
    client.force_login(handler.user)
    for method, address in [*_every_url(claim), ("get", "/admin/claims/audit/")]:
        response = getattr(client, method)(address)
        assert response.status_code == 302, address
        assert response["Location"].startswith("/admin/2fa/setup/"), address


def test_staff_who_are_not_handlers_are_refused(client, claim, django_user_model):
    editor = django_user_model.objects.create_user("editor", password="x" * 16)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    login(client, editor)
    for method, address in [*_every_url(claim), ("get", "/admin/claims/audit/")]:
        assert getattr(client, method)(address).status_code == 403, address
    assert "/admin/claims/" not in text(client.get("/admin/"))


def test_the_menu_shows_claims_to_handlers_only(client, authority):
    sign_in(client, authority[0], unlock=False)
    assert '"/admin/claims/"' in client.get("/admin/").content.decode()


def test_an_inactive_handler_is_refused(client, authority, claim):
    handler, _ = authority
    sign_in(client, handler)
    Handler.objects.filter(pk=handler.pk).update(is_active=False)
    assert client.get("/admin/claims/").status_code == 403
    assert client.get(url(claim)).status_code == 403


# --- The key


def test_unlock_flow(client, authority, claim):
    handler, _ = authority
    login(client, handler.user)
    response = client.get(url(claim))
    assert response.status_code == 302
    assert (
        response["Location"]
        == f"/admin/claims/unlock/?next=%2Fadmin%2Fclaims%2F{claim.reference}%2F"
    )
    page = client.get(response["Location"])
    assert 'type="password"' in page.content.decode()
    wrong = client.post("/admin/claims/unlock/", {"password": "wrong", "next": url(claim)})
    assert wrong.status_code == 400
    assert "This password does not open your claim key." in text(wrong)
    assert AuditEntry.objects.filter(actor=handler.user, action="unlock_failed").exists()
    right = client.post("/admin/claims/unlock/", {"password": PASSWORD, "next": url(claim)})
    assert right.status_code == 302 and right["Location"] == url(claim)
    assert right.cookies["claims_keyring"]["path"] == "/admin/claims/"
    assert AuditEntry.objects.filter(actor=handler.user, action="unlock").exists()
    assert client.get(url(claim)).status_code == 200


def test_unlock_refuses_an_outside_next(client, authority):
    login(client, authority[0].user)
    for target in ("https://evil.example/", "//evil.example/admin/claims/", "/admin/pages/"):
        response = client.post("/admin/claims/unlock/", {"password": PASSWORD, "next": target})
        assert response["Location"] == "/admin/claims/"


def test_first_unlock_creates_the_key_pair(client):
    handler, _ = handler_create(with_key=False)
    login(client, handler.user)
    assert "first time" in text(client.get("/admin/claims/unlock/"))
    client.post("/admin/claims/unlock/", {"password": PASSWORD})
    handler.refresh_from_db()
    assert handler.has_key


def test_unlock_attempts_are_limited(client, authority):
    handler, _ = authority
    login(client, handler.user)
    for _attempt in range(5):
        assert client.post("/admin/claims/unlock/", {"password": "nope"}).status_code == 400
    blocked = client.post("/admin/claims/unlock/", {"password": PASSWORD})
    assert blocked.status_code == 429
    assert "Too many wrong passwords" in text(blocked)
    assert "claims_keyring" not in blocked.cookies


def test_lock_clears_the_key(client, authority, claim):
    sign_in(client, authority[0])
    assert client.get(url(claim)).status_code == 200
    response = client.post("/admin/claims/lock/")
    assert response.status_code == 302
    assert client.get(url(claim)).status_code == 302  # back to the unlock page


def test_a_locked_action_goes_to_unlock_and_changes_nothing(client, authority, claim):
    sign_in(client, authority[0], unlock=False)
    response = client.post(url(claim, "message/"), {"message-body": "Bonjour"})
    assert response["Location"].startswith("/admin/claims/unlock/?next=")
    assert not Message.objects.filter(claim=claim).exists()


# --- The list


def _claims(count):
    return [claim_create()[0] for _ in range(count)]


def test_the_list_shows_metadata_without_decrypting(client, authority):
    first, second = _claims(2)
    sign_in(client, authority[0], unlock=False)
    response = client.get("/admin/claims/")
    assert response.status_code == 200
    page = text(response)
    assert first.reference in page and second.reference in page
    assert "Denunciation" in page and "Bribery" in page and "Rabat-Salé-Kénitra" in page
    assert "طلب موظف رشوة" not in page  # no content
    assert not AuditEntry.objects.filter(action="open").exists()


def test_the_list_filters_and_counts(client, authority):
    handler, _ = authority
    received, examined = _claims(2)
    complaint = claim_create(kind=Kind.COMPLAINT, identity=Identity.NAMED, region="oriental")[0]
    services.claim_status_change(handler=handler, claim=examined, status=Status.EXAMINATION)
    services.claim_assign(handler=handler, claim=complaint, assignee=handler)
    sign_in(client, handler, unlock=False)

    def references(**query):
        return set(re.findall(r"\d{4}-[A-Z2-9]{8}", text(client.get("/admin/claims/", query))))

    assert references(status="examination") == {examined.reference}
    assert references(kind="complaint") == {complaint.reference}
    assert references(region="oriental") == {complaint.reference}
    assert references(mine="on") == {complaint.reference}
    assert references(referred="on") == set()
    assert references(status="not-a-status") >= {received.reference, examined.reference}
    page = text(client.get("/admin/claims/"))
    assert "Under examination: 1" in page and "Received: 2" in page
    empty = text(client.get("/admin/claims/", {"status": "closed_founded"}))
    assert "No claim matches these filters." in empty


def test_the_list_shows_overdue_claims_in_words(client, authority):
    late, soon, fine = _claims(3)
    now = timezone.now()
    Claim.objects.filter(pk=late.pk).update(acknowledge_by=now - datetime.timedelta(days=1))
    Claim.objects.filter(pk=soon.pk).update(acknowledge_by=now + datetime.timedelta(hours=12))
    sign_in(client, authority[0], unlock=False)
    overdue = text(client.get("/admin/claims/", {"deadline": "overdue"}))
    assert late.reference in overdue and fine.reference not in overdue
    assert "Overdue: Acknowledge by" in overdue
    due = text(client.get("/admin/claims/", {"deadline": "due_soon"}))
    assert soon.reference in due and late.reference not in due and fine.reference not in due
    assert "Due soon:" in due


def test_the_list_is_paginated_and_its_queries_bounded(
    client, authority, django_assert_max_num_queries
):
    sign_in(client, authority[0], unlock=False)
    _claims(5)
    client.get("/admin/claims/")  # warms the per-process caches (locales, settings)
    with django_assert_max_num_queries(30) as few:
        client.get("/admin/claims/")
    _claims(25)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/admin/claims/")
    assert len(response.context["rows"]) == 25
    assert "Page 1 of 2" in text(response)
    second = client.get("/admin/claims/", {"p": 2})
    assert len(second.context["rows"]) == 5


def test_the_empty_list(client, authority):
    sign_in(client, handler_create("CC")[0], unlock=False)
    assert "There is no claim for you yet." in text(client.get("/admin/claims/"))


# --- One claim


def test_the_claim_page(client, authority, claim):
    sign_in(client, authority[0])
    response = client.get(url(claim))
    assert response.status_code == 200
    page = text(response)
    for shown in (
        "What happened",
        "Un agent a demandé 500 dirhams pour le permis.",
        "Where it happened",
        "Amount involved",
        "extra",  # an unknown answer is shown as is
        "Une réponse d'une ancienne version du formulaire",
        "Amina El Idrissi",
        "amina@example.ma",
        "reçu.jpg",
        "metadata removed: Photo metadata (EXIF)",
        "Messages with the reporter",
        "Send to the reporter",
        "Internal notes",
        "Add internal note",
        "Never shown to the reporter.",
        "Audit trail of this claim",
    ):
        assert shown in page, shown
    assert actions(claim) == ["file", "open"]
    assert f"<td>{authority[0].user.username}</td><td>opened</td>" in response.content.decode()


def test_a_handler_who_joined_later_gets_the_key_when_a_colleague_opens(client, authority):
    claim = claim_create()[0]
    late, _ = handler_create()
    sign_in(client, late)
    response = client.get(url(claim))
    assert response.status_code == 403
    assert "does not open this claim yet" in text(response)
    colleague = Client()
    sign_in(colleague, authority[0])
    assert colleague.get(url(claim)).status_code == 200
    assert client.get(url(claim)).status_code == 200


def test_an_attachment_is_served_as_a_download(client, authority, claim):
    sign_in(client, authority[0])
    attachment = claim.attachments.get()
    response = client.get(url(claim, f"files/{attachment.pk}/"))
    assert response.status_code == 200
    assert response.content == b"\xff\xd8\xff evidence"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "re%C3%A7u.jpg" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert actions(claim)[-1] == "decrypt_file"
    assert client.get(url(claim, "files/999999/")).status_code == 403


def test_message_and_note_go_to_their_own_models(client, authority, claim):
    handler, _ = authority
    sign_in(client, handler)
    response = client.post(url(claim, "message/"), {"message-body": "Merci, nous examinons."})
    assert response.status_code == 302 and response["Location"] == url(claim)
    response = client.post(url(claim, "note/"), {"note-body": "Piste sérieuse, vérifier."})
    assert response.status_code == 302
    assert Message.objects.filter(claim=claim, from_reporter=False).count() == 1
    assert Note.objects.filter(claim=claim).count() == 1
    page = text(client.get(url(claim)))
    assert "Merci, nous examinons." in page and "Piste sérieuse, vérifier." in page
    key = access.claim_key(handler, claim, access_key(client))
    seen = access.reporter_view(claim, key)
    assert [body for _, body in seen.messages] == ["Merci, nous examinons."]
    assert seen.notes == []
    assert "message" in actions(claim) and "note" in actions(claim)


def access_key(client):
    """The private key the signed-in client unlocked."""
    request = client.get("/admin/claims/unlock/").wsgi_request
    return keyring.keyring_load(request)


def test_empty_message_is_refused(client, authority, claim):
    sign_in(client, authority[0])
    response = client.post(url(claim, "message/"), {"message-body": "   "})
    assert response.status_code == 400
    assert "The message is empty." in text(response)
    html = response.content.decode()
    assert 'aria-describedby="id_message-body-error"' in html
    assert 'id="id_message-body-error"' in html
    assert not Message.objects.filter(claim=claim).exists()


def test_posts_need_the_csrf_token(authority, claim):
    client = sign_in(Client(enforce_csrf_checks=True), authority[0], unlock=False)
    for action in ("message/", "note/", "status/", "export/"):
        assert client.post(url(claim, action), {}).status_code == 403
    assert client.post("/admin/claims/register/", {}).status_code == 403
    assert actions(claim) == ["file"]


def test_a_response_template_prefills_the_message(client, authority, claim):
    arabic = Locale.objects.get(language_code="ar")
    french = Locale.objects.get(language_code="fr")
    mine = ResponseTemplate.objects.create(
        title="Accusé", body="تم استلام شكايتكم.", locale=arabic, status=Status.ACKNOWLEDGED
    )
    ResponseTemplate.objects.create(
        title="Accusé (fr)",
        body="Nous avons reçu votre signalement.",
        locale=french,
        translation_key=mine.translation_key,
    )
    sign_in(client, authority[0])
    page = client.get(url(claim), {"template": mine.pk})
    body = page.context["forms"]["message"]["body"].value()
    assert body == "تم استلام شكايتكم."
    assert "تم استلام شكايتكم.</textarea>" in page.content.decode()
    titles = [t.title for t in page.context["templates"]]
    assert "Accusé" in titles and "Accusé (fr)" not in titles  # the claim is in Arabic
    # A claim in French gets the French version, and the default language's templates that
    # have no French version.
    ResponseTemplate.objects.create(title="Arabe seulement", body="نص", locale=arabic)
    french_claim = claim_create(language="fr")[0]
    page = client.get(url(french_claim))
    titles = [t.title for t in page.context["templates"]]
    assert "Accusé (fr)" in titles and "Accusé" not in titles
    assert "Arabe seulement" in titles
    ignored = client.get(url(claim), {"template": "999999"})
    assert not ignored.context["forms"]["message"]["body"].value()


def test_status_transitions(client, authority, claim):
    sign_in(client, authority[0])
    page = client.get(url(claim))
    offered = [value for value, _ in page.context["forms"]["status"].fields["status"].choices]
    assert "referred" not in offered and "acknowledged" in offered
    response = client.post(url(claim, "status/"), {"status-status": "acknowledged"})
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == Status.ACKNOWLEDGED
    refused = client.post(url(claim, "status/"), {"status-status": "received"})
    assert refused.status_code == 400
    assert "A claim cannot go from this status to that one." in text(refused)
    assert client.post(url(claim, "status/"), {"status-status": "referred"}).status_code == 400
    claim.refresh_from_db()
    assert claim.status == Status.ACKNOWLEDGED
    assert actions(claim).count("status") == 1


def test_assignment(client, authority, claim):
    handler, _ = authority
    colleague, _ = handler_create()
    partner, _ = handler_create("CC")
    sign_in(client, handler)
    assert client.post(url(claim, "assign/"), {"assign-assignee": colleague.pk}).status_code == 302
    claim.refresh_from_db()
    assert claim.assigned_to == colleague
    refused = client.post(url(claim, "assign/"), {"assign-assignee": partner.pk})
    assert refused.status_code == 400
    assert "This handler cannot open this claim." in text(refused)
    assert client.post(url(claim, "assign/"), {"assign-assignee": ""}).status_code == 302
    claim.refresh_from_db()
    assert claim.assigned_to is None
    assert actions(claim).count("assign") == 2


def test_export(client, authority, claim):
    sign_in(client, authority[0])
    response = client.post(url(claim, "export/"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="claim-{claim.reference}.json"'
    data = json.loads(response.content)
    assert data["reference"] == claim.reference
    assert data["content"]["facts"] == "Un agent a demandé 500 dirhams pour le permis."
    assert data["contact"]["name"] == "Amina El Idrissi"
    assert data["attachments"][0]["name"] == "reçu.jpg"
    assert actions(claim)[-1] == "export"
    assert client.get(url(claim, "export/")).status_code == 405


# --- Isolation between institutions, and referral


def test_a_partner_cannot_reach_a_claim_not_referred_to_it(client, claim):
    partner, _ = handler_create("CC")
    sign_in(client, partner)
    attachment = claim.attachments.get()
    assert claim.reference not in text(client.get("/admin/claims/"))
    assert client.get(url(claim)).status_code == 403
    assert client.get(url(claim, f"files/{attachment.pk}/")).status_code == 403
    for action, data in (
        ("message/", {"message-body": "x"}),
        ("note/", {"note-body": "x"}),
        ("status/", {"status-status": "examination"}),
        ("assign/", {"assign-assignee": ""}),
        ("export/", {}),
        ("identity/", {}),
    ):
        assert client.post(url(claim, action), data).status_code == 403, action
    claim.refresh_from_db()
    assert claim.status == Status.RECEIVED
    assert actions(claim) == ["file"]
    assert client.get("/admin/claims/register/").status_code == 403  # authority only


def test_referral_and_its_outcome_flow_back(client, authority, claim):
    handler, _ = authority
    partner, _ = handler_create("CC")
    handler_create("IGF", with_key=False)  # no key: cannot receive claims
    sign_in(client, handler)
    page = client.get(url(claim))
    targets = dict(page.context["forms"]["refer"].fields["institution"].choices)
    assert workspace("CC").pk in targets and workspace("IGF").pk not in targets
    assert workspace("INPPLC").pk not in targets
    response = client.post(url(claim, "refer/"), {"refer-institution": workspace("IGF").pk})
    assert response.status_code == 400
    response = client.post(url(claim, "refer/"), {"refer-institution": workspace("CC").pk})
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == Status.REFERRED and claim.referred_to == workspace("CC")

    partner_client = Client()
    sign_in(partner_client, partner)
    assert claim.reference in text(partner_client.get("/admin/claims/"))
    page = partner_client.get(url(claim))
    assert page.status_code == 200 and "Un agent a demandé" in text(page)
    assert "refer" not in page.context["forms"]  # partners do not refer on
    assert partner_client.post(url(claim, "refer/"), {}).status_code == 403
    response = partner_client.post(url(claim, "status/"), {"status-status": "closed_founded"})
    assert response.status_code == 302

    authority_page = text(client.get("/admin/claims/", {"status": "closed_founded"}))
    assert claim.reference in authority_page
    claim.refresh_from_db()
    assert [change.status for change in claim.timeline.all()] == [
        Status.RECEIVED,
        Status.REFERRED,
        Status.CLOSED_FOUNDED,
    ]


def test_the_reporter_sees_the_outcome_on_the_follow_page(client, authority):
    handler, _ = authority
    partner, _ = handler_create("CC")
    claim, receipt = claim_create()
    sign_in(client, handler)
    client.post(url(claim, "refer/"), {"refer-institution": workspace("CC").pk})
    partner_client = Client()
    sign_in(partner_client, partner)
    partner_client.post(url(claim, "note/"), {"note-body": "Note interne du partenaire."})
    partner_client.post(url(claim, "status/"), {"status-status": "closed_unfounded"})
    reporter = Client()
    page = text(reporter.post("/en/complaints/follow/", {"receipt": receipt}))
    assert "Closed: unfounded" in page
    assert "Note interne du partenaire." not in page


# --- Identity disclosure


def test_disclosure_request_approval_and_identity(client):
    requester, _ = handler_create()
    custodian, _ = handler_create(custodian=True)
    claim = claim_create(
        identity=Identity.CONFIDENTIAL,
        contact={"name": "Karim B.", "phone": "0612345678"},
    )[0]
    sign_in(client, requester)
    page = text(client.get(url(claim)))
    assert "Karim B." not in page and "identity is sealed" in page
    short = client.post(url(claim, "disclosure/"), {"disclosure-motivation": "needed"})
    assert short.status_code == 400 and "at least 20 characters" in text(short)
    motivation = "Le témoin doit être entendu par les enquêteurs."
    assert (
        client.post(url(claim, "disclosure/"), {"disclosure-motivation": motivation}).status_code
        == 302
    )
    assert client.post(url(claim, "identity/")).status_code == 403  # not approved yet
    request = claim.disclosures.get()
    # A non-custodian cannot decide.
    assert (
        client.post(url(claim, f"disclosure/{request.pk}/"), {"decision": "approve"}).status_code
        == 403
    )

    custodian_client = Client()
    sign_in(custodian_client, custodian)
    page = text(custodian_client.get(url(claim)))
    assert motivation in page and "Approve" in page
    response = custodian_client.post(
        url(claim, f"disclosure/{request.pk}/"), {"decision": "approve"}
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.approved is True

    shown = client.post(url(claim, "identity/"))
    assert shown.status_code == 200 and "Karim B." in text(shown)
    assert [a for a in actions(claim) if a.startswith("disclosure") or a == "identity"] == [
        "disclosure_request",
        "disclosure_decision",
        "identity",
    ]


def test_a_custodian_can_refuse(client):
    requester, _ = handler_create()
    custodian, _ = handler_create(custodian=True)
    claim = claim_create(identity=Identity.CONFIDENTIAL)[0]
    key = access_key(sign_in(client, requester))
    services.disclosure_request(
        handler=requester, claim=claim, private_key=key, motivation="x" * 30
    )
    sign_in(client, custodian)
    request = claim.disclosures.get()
    client.post(url(claim, f"disclosure/{request.pk}/"), {"decision": "refuse"})
    request.refresh_from_db()
    assert request.approved is False
    sign_in(client, requester)
    assert client.post(url(claim, "identity/")).status_code == 403


# --- Registering a claim from another channel


def test_register_a_claim_received_by_post(client, authority):
    handler, _ = authority
    sign_in(client, handler, unlock=False)
    assert client.get("/admin/claims/register/").status_code == 200
    data = {
        "channel": Channel.POST,
        "kind": Kind.COMPLAINT,
        "identity": Identity.NAMED,
        "language": "fr",
        "offence": "bribery",
        "region": "oriental",
        "facts": "Lettre reçue: un fonctionnaire exige de l'argent pour un acte.",
        "name": "Youssef A.",
        "phone": "0612345678",
    }
    letter = SimpleUploadedFile("lettre.txt", b"Texte de la lettre", content_type="text/plain")
    refused = client.post("/admin/claims/register/", {**data, "identity": Identity.ANONYMOUS})
    assert refused.status_code == 400
    assert "cannot be filed with this identity choice" in text(refused)
    missing = client.post("/admin/claims/register/", {**data, "name": ""})
    assert "Give the reporter's name." in text(missing)
    count = Claim.objects.count()
    response = client.post("/admin/claims/register/", {**data, "files": letter})
    assert response.status_code == 200
    receipt = re.search(r"\d{4} \d{4} \d{4} \d{4}", text(response)).group()
    assert Claim.objects.count() == count + 1
    claim = Claim.objects.latest("filed_at")
    assert claim.channel == Channel.POST and claim.language == "fr"
    assert actions(claim) == ["register", "receipt_shown"]
    assert access.claim_for_receipt(receipt)[0] == claim
    assert claim.attachments.count() == 1
    opened = client.get(url(claim))  # locked: the receipt page did not need the key
    assert opened["Location"].startswith("/admin/claims/unlock/")


# --- The audit log


def test_the_audit_log(client, authority, claim, django_user_model):
    sign_in(client, authority[0])
    client.get(url(claim))
    assert client.get("/admin/claims/audit/").status_code == 403  # handlers need the right
    auditor = django_user_model.objects.create_user("auditor", password="x" * 16)
    auditor.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_claim_audit"),
    )
    login(client, auditor)
    page = client.get("/admin/claims/audit/", {"reference": claim.reference})
    assert page.status_code == 200
    assert [e.action for e in page.context["page"]] == ["open", "file"]
    opened = client.get("/admin/claims/audit/", {"action": "open"})
    assert {e.action for e in opened.context["page"]} == {"open"}
    html = page.content.decode()
    assert '<form method="post"' not in html
    assert client.post("/admin/claims/audit/").status_code == 405
    entry = AuditEntry.objects.filter(claim_reference=claim.reference).first()
    with pytest.raises(PermissionError):
        entry.delete()


def test_superusers_read_the_audit_log(client, django_user_model):
    login(client, django_user_model.objects.create_superuser("root", password="x" * 16))
    assert client.get("/admin/claims/audit/").status_code == 200
    assert "/admin/claims/audit/" in client.get("/admin/").content.decode()


# --- The password


def test_password_change_rewraps_the_key(client, authority, claim):
    handler, _ = authority
    sign_in(client, handler)
    mismatch = client.post(
        "/admin/claims/password/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": "other"},
    )
    assert mismatch.status_code == 400 and "The two new passwords differ." in text(mismatch)
    wrong = client.post(
        "/admin/claims/password/",
        {"old_password": "wrong", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert "Your current password is not correct." in text(wrong)
    response = client.post(
        "/admin/claims/password/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert client.get(url(claim)).status_code == 200  # still signed in, key still unlocked
    assert AuditEntry.objects.filter(actor=handler.user, action="rewrap").exists()
    handler.refresh_from_db()
    assert services.handler_key_unlock(handler=handler, password=PASSWORD) is None
    new_key = services.handler_key_unlock(handler=handler, password=NEW_PASSWORD)
    assert access.claim_open(handler=handler, claim=claim, private_key=new_key)
    fresh = Client()
    login(fresh, handler.user)
    assert fresh.post("/admin/claims/unlock/", {"password": PASSWORD}).status_code == 400
    assert fresh.post("/admin/claims/unlock/", {"password": NEW_PASSWORD}).status_code == 302
    assert fresh.get(url(claim)).status_code == 200


def test_wagtail_password_form_is_not_offered_to_handlers(client, authority, django_user_model):
    handler, _ = authority
    sign_in(client, handler, unlock=False)
    page = client.get("/admin/account/").content.decode()
    assert "password-new_password1" not in page
    assert "/admin/claims/password/" in page
    client.post(
        "/admin/account/",
        {
            "password-old_password": PASSWORD,
            "password-new_password1": NEW_PASSWORD,
            "password-new_password2": NEW_PASSWORD,
        },
    )
    handler.user.refresh_from_db()
    assert handler.user.check_password(PASSWORD)
    editor = django_user_model.objects.create_user("editor", password="x" * 16)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    login(client, editor)
    assert "password-new_password1" in client.get("/admin/account/").content.decode()


# --- Handlers in the admin


def test_superusers_manage_handlers_without_seeing_keys(client, authority, django_user_model):
    login(client, django_user_model.objects.create_superuser("root", password="x" * 16))
    listing = client.get("/admin/claim_handlers/")
    assert listing.status_code == 200 and authority[0].user.username in text(listing)
    edit = client.get(f"/admin/claim_handlers/edit/{authority[0].pk}/").content.decode()
    assert 'name="is_custodian"' in edit
    assert "public_key" not in edit and "private_key" not in edit and "key_salt" not in edit


def test_claim_settings_due_soon_days_is_used(client, authority):
    config = ClaimSettings.load()
    config.due_soon_days = 10
    config.save()
    claim = claim_create()[0]
    Claim.objects.filter(pk=claim.pk).update(
        acknowledge_by=timezone.now() + datetime.timedelta(days=5)
    )
    sign_in(client, authority[0], unlock=False)
    assert claim.reference in text(client.get("/admin/claims/", {"deadline": "due_soon"}))


def test_handlers_do_not_manage_handlers(client, authority):
    sign_in(client, authority[0], unlock=False)
    response = client.get("/admin/claim_handlers/")
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_a_purged_claim_shows_its_metadata_only(client, authority, claim):
    handler, _ = authority
    services.claim_status_change(handler=handler, claim=claim, status=Status.CLOSED_FOUNDED)
    services.claim_purge(claim=claim)
    sign_in(client, handler)
    response = client.get(url(claim))
    assert response.status_code == 200
    page = text(response)
    assert "only its metadata remains" in page and "Bribery" in page
    assert "Send to the reporter" not in page
    assert client.post(url(claim, "export/")).status_code == 403


def test_a_password_changed_elsewhere_is_explained(client, authority):
    handler, _ = authority
    handler.user.set_password(NEW_PASSWORD)  # e.g. a reset by e-mail
    handler.user.save()
    login(client, handler.user)
    response = client.post("/admin/claims/unlock/", {"password": NEW_PASSWORD})
    assert response.status_code == 400
    assert "Ask an administrator for a key recovery." in text(response)
