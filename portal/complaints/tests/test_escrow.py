"""The escrow key: `manage.py claims_escrow generate | check | reseal`."""

import base64
import io

import pytest
from django.core.management import CommandError, call_command

from .. import access, crypto, services
from ..choices import Identity
from ..models import AuditEntry, KeySeal
from .factories import claim_create, handler_create, workspace

pytestmark = pytest.mark.django_db

CONTACT = {"name": "Amina El Idrissi", "phone": "+212600000000"}


def generate():
    out = io.StringIO()
    call_command("claims_escrow", "generate", stdout=out)
    lines = [line for line in out.getvalue().splitlines() if line]
    [public] = [line.split("=", 1)[1] for line in lines if "CLAIMS_ESCROW_PUBLIC_KEY=" in line]
    return public, lines[-1]


def escrow(*args, key):
    """Runs the command with the private key on standard input; returns what it printed."""
    out = io.StringIO()
    call_command("claims_escrow", *args, stdin=io.StringIO(key + "\n"), stdout=out)
    return out.getvalue()


@pytest.fixture
def escrow_private(settings):
    """An escrow key pair in place; the private half."""
    public, private = generate()
    settings.CLAIMS_ESCROW_PUBLIC_KEY = public
    return private


def test_generate_gives_a_working_pair():
    public, private = generate()
    key = crypto.new_key()
    sealed = crypto.seal(base64.b64decode(public), key)
    assert crypto.unseal(crypto.private_key_load(base64.b64decode(private)), sealed) == key
    assert generate() != (public, private)


class TestCheck:
    def test_the_matching_key(self, escrow_private, tmp_path):
        assert "matches" in escrow("check", key=escrow_private)
        path = tmp_path / "escrow.key"
        path.write_text(escrow_private)
        out = io.StringIO()
        call_command("claims_escrow", "check", "--key-file", str(path), stdout=out)
        assert "matches" in out.getvalue()

    def test_another_key(self, escrow_private):
        _, other = generate()
        with pytest.raises(CommandError, match="does not match"):
            escrow("check", key=other)
        with pytest.raises(CommandError, match="not an escrow private key"):
            escrow("check", key="1234 5678")

    def test_without_a_configured_key(self, settings):
        settings.CLAIMS_ESCROW_PUBLIC_KEY = ""
        _, private = generate()
        with pytest.raises(CommandError, match="not set"):
            escrow("check", key=private)


class TestReseal:
    def test_a_handler_who_joined_after_the_claim(self, escrow_private):
        handler_create()
        claim, _ = claim_create(identity=Identity.CONFIDENTIAL, contact=CONTACT)
        late, late_key = handler_create(custodian=True, username="amal")
        with pytest.raises(access.AccessDenied):
            access.claim_open(handler=late, claim=claim, private_key=late_key)

        out = escrow("reseal", "--handler", "amal", key=escrow_private)

        assert "Sealed 1 claim(s) to amal's key, with 1 confidential identity(ies)." in out
        assert "cannot be recovered" not in out
        opened = access.claim_open(handler=late, claim=claim, private_key=late_key)
        assert opened.content["facts"] == "طلب موظف رشوة مقابل رخصة البناء"
        assert access.identity_open(handler=late, claim=claim, private_key=late_key) == CONTACT
        assert AuditEntry.objects.filter(
            action=AuditEntry.Action.RESEAL,
            detail="escrow to amal: 1 claims, 1 identities, 0 not recoverable",
        ).exists()

    def test_only_what_the_handler_may_open(self, escrow_private):
        authority, key = handler_create()
        partner, _ = handler_create("CC", username="karim")
        claim_create(identity=Identity.CONFIDENTIAL, contact=CONTACT)
        referred, _ = claim_create(identity=Identity.CONFIDENTIAL, contact=CONTACT)
        services.claim_refer(
            handler=authority, claim=referred, private_key=key, institution=workspace("CC")
        )
        KeySeal.objects.filter(handler=partner).delete()

        assert "Sealed 1 claim(s) to karim's key." in escrow(
            "reseal", "--handler", "karim", key=escrow_private
        )
        seals = KeySeal.objects.filter(handler=partner)
        assert list(seals.values_list("claim_id", "purpose")) == [(referred.pk, "claim")]

    def test_a_wrong_key_changes_nothing(self, escrow_private):
        handler_create()
        claim_create()
        handler_create(username="amal")
        seals = list(KeySeal.objects.values_list("pk", "sealed"))
        _, other = generate()
        for wrong, message in ((other, "does not match"), ("", "not an escrow private key")):
            with pytest.raises(CommandError, match=message):
                escrow("reseal", "--handler", "amal", key=wrong)
        assert list(KeySeal.objects.values_list("pk", "sealed")) == seals
        assert not AuditEntry.objects.filter(action=AuditEntry.Action.RESEAL).exists()

    def test_claims_filed_before_the_escrow_are_not_recoverable(self, settings):
        settings.CLAIMS_ESCROW_PUBLIC_KEY = ""
        handler_create()
        before, _ = claim_create()
        public, private = generate()
        settings.CLAIMS_ESCROW_PUBLIC_KEY = public
        after, _ = claim_create()
        late, late_key = handler_create(username="amal")

        out = escrow("reseal", "--handler", "amal", key=private)

        assert "Sealed 1 claim(s) to amal's key." in out
        assert "1 claim(s) cannot be recovered" in out
        assert access.claim_open(handler=late, claim=after, private_key=late_key)
        with pytest.raises(access.AccessDenied):
            access.claim_open(handler=late, claim=before, private_key=late_key)

    def test_a_lost_password(self, escrow_private, tmp_path):
        handler, _ = handler_create(username="amal")
        claim, _ = claim_create()
        handler.user.set_password("a new password given by the admin")
        handler.user.save()
        assert services.handler_key_unlock(handler=handler, password="x") is None
        services.handler_key_reset(handler=handler)
        new_key = services.handler_key_unlock(
            handler=handler, password="a new password given by the admin"
        )
        handler.refresh_from_db()
        with pytest.raises(access.AccessDenied):
            access.claim_open(handler=handler, claim=claim, private_key=new_key)
        path = tmp_path / "escrow.key"
        path.write_text(escrow_private)
        out = io.StringIO()
        call_command(
            "claims_escrow", "reseal", "--handler", "amal", "--key-file", str(path), stdout=out
        )
        assert "Sealed 1 claim(s)" in out.getvalue()
        assert access.claim_open(handler=handler, claim=claim, private_key=new_key)

    def test_a_handler_without_a_key_or_unknown(self, escrow_private):
        handler_create(username="amal", with_key=False)
        with pytest.raises(CommandError, match="no key pair yet"):
            escrow("reseal", "--handler", "amal", key=escrow_private)
        with pytest.raises(CommandError, match="not an active claim handler"):
            escrow("reseal", "--handler", "nobody", key=escrow_private)
