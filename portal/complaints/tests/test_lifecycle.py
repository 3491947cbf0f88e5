"""A handler's rights follow its account, whatever the path of the change: keys removed and the
change audited; custodians only at the authority; accounts in the audit log can be deleted; the
purge leaves nothing that finds or describes the claim beyond the statistics; the receipt shown
to a handler at registration is audited."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import translation

from .. import services
from ..choices import Channel, Identity, Status
from ..crypto import receipt_keys
from ..models import AuditEntry, Claim, KeySeal
from .factories import PASSWORD, claim_create, handler_create, workspace

pytestmark = pytest.mark.django_db


def last_handler_entry():
    return AuditEntry.objects.filter(action=AuditEntry.Action.HANDLER).order_by("-pk").first()


def test_a_deactivated_handler_loses_its_keys_and_it_is_audited():
    handler, _key = handler_create()
    claim, _receipt = claim_create()
    assert KeySeal.objects.filter(handler=handler, claim=claim).exists()
    handler.is_active = False
    handler.save()
    assert not KeySeal.objects.filter(handler=handler).exists()
    entry = last_handler_entry()
    assert handler.user.username in entry.detail and "deactivated" in entry.detail
    assert "key seal(s) removed" in entry.detail


def test_a_handler_moved_to_another_institution_loses_its_keys():
    handler, _key = handler_create()
    claim_create()
    handler.institution = workspace("CC")
    handler.save()
    assert not KeySeal.objects.filter(handler=handler).exists()
    assert "moved to" in last_handler_entry().detail


def test_a_deactivated_account_loses_its_keys_whatever_the_path():
    handler, _key = handler_create()
    claim_create()
    user = get_user_model().objects.get(pk=handler.user_id)
    user.is_active = False
    user.save()  # as the Users admin or the shell would
    assert not KeySeal.objects.filter(handler=handler).exists()
    assert "account deactivated" in last_handler_entry().detail


def test_a_custodian_no_longer_holds_identity_keys_when_the_role_is_removed():
    custodian, _key = handler_create(custodian=True)
    claim_create(identity=Identity.CONFIDENTIAL)
    contact = KeySeal.objects.filter(handler=custodian, purpose=KeySeal.Purpose.CONTACT)
    assert contact.exists()
    custodian.is_custodian = False
    custodian.save()
    assert not contact.exists()
    assert KeySeal.objects.filter(handler=custodian, purpose=KeySeal.Purpose.CLAIM).exists()
    assert "no longer an identity custodian" in last_handler_entry().detail


def test_adding_and_removing_a_handler_is_audited():
    handler, _key = handler_create(custodian=True)
    assert (
        "added to"
        in AuditEntry.objects.filter(
            action=AuditEntry.Action.HANDLER, detail__startswith=handler.user.username
        )
        .first()
        .detail
    )
    name = handler.user.username
    handler.delete()
    assert last_handler_entry().detail == f"{name}: removed"


def test_only_the_authoritys_handlers_can_be_custodians():
    handler, _key = handler_create("CC", with_key=False)
    handler.is_custodian = True
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            handler.full_clean()
        assert "Only the authority's handlers" in str(error.value)


def test_a_user_who_appears_in_the_audit_log_can_be_deleted():
    handler, _key = handler_create()
    claim, _receipt = claim_create()
    services.claim_assign(handler=handler, claim=claim, assignee=handler)
    user = handler.user
    user_id = user.pk
    entries = list(AuditEntry.objects.filter(actor_id=user.pk).values_list("pk", "actor_name"))
    assert entries
    user.delete()
    assert (
        list(
            AuditEntry.objects.filter(pk__in=[pk for pk, _ in entries]).values_list(
                "pk", "actor_name"
            )
        )
        == entries
    )
    assert AuditEntry.objects.filter(actor_id=user_id).count() == len(entries)


def test_the_purge_leaves_no_way_back_to_the_claim(settings):
    handler, _key = handler_create()
    claim, receipt = claim_create(institution_concerned="cdai", has_amount=True)
    services.claim_status_change(handler=handler, claim=claim, status=Status.CLOSED_UNFOUNDED)
    services.claim_purge(claim=claim)
    claim.refresh_from_db()
    lookup, _key = receipt_keys(receipt)
    assert bytes(claim.receipt_lookup) != lookup
    assert not Claim.objects.filter(receipt_lookup=lookup).exists()
    assert (claim.institution_concerned, claim.occurred_on, claim.has_amount) == ("", None, False)
    # What the statistics count stays.
    assert claim.kind and claim.offence and claim.region and claim.filed_at


def test_the_receipt_shown_at_registration_is_audited():
    handler, _key = handler_create()
    claim, _receipt = claim_create(channel=Channel.POST, registered_by=handler)
    assert AuditEntry.objects.filter(
        claim_reference=claim.reference,
        action=AuditEntry.Action.RECEIPT_SHOWN,
        actor_id=handler.user_id,
    ).exists()


def test_a_partner_sees_its_own_notes_not_the_authoritys():
    from ..access import claim_open

    authority, authority_key = handler_create()
    partner, partner_key = handler_create("CC")
    claim, _receipt = claim_create()
    services.note_add(handler=authority, claim=claim, private_key=authority_key, body="ours only")
    services.claim_refer(
        handler=authority, claim=claim, private_key=authority_key, institution=workspace("CC")
    )
    claim.refresh_from_db()
    services.note_add(handler=partner, claim=claim, private_key=partner_key, body="from CC")
    seen = claim_open(handler=partner, claim=claim, private_key=partner_key)
    assert [text for _note, text in seen.notes] == ["from CC"]
    seen = claim_open(handler=authority, claim=claim, private_key=authority_key)
    assert [text for _note, text in seen.notes] == ["ours only", "from CC"]


def test_a_password_changed_outside_the_workspace_is_audited():
    handler, _key = handler_create()
    user = handler.user
    user.set_password("a new password from the Users admin")
    user.save()
    assert last_handler_entry().detail == (
        f"{user.username}: password changed outside the claims workspace; "
        "the claim key needs a recovery"
    )
    # The workspace's own form re-wraps the key: nothing to report.
    other, _key = handler_create()
    count = AuditEntry.objects.filter(action=AuditEntry.Action.HANDLER).count()
    services.handler_password_change(
        handler=other, old_password=PASSWORD, new_password="another long new password 2026"
    )
    assert AuditEntry.objects.filter(action=AuditEntry.Action.HANDLER).count() == count
