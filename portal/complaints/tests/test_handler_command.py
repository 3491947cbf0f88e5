"""`manage.py claims_handler add|remove|list`."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ..access import AccessDenied, claim_open
from ..models import Handler
from ..services import handler_key_unlock
from .factories import PASSWORD, claim_create, handler_create, workspace

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("claims_handler", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_user("samira", password="x" * 16)


def test_add_makes_a_handler_with_admin_access(user):
    assert not user.has_perm("wagtailadmin.access_admin")
    output = run("add", "samira", "inpplc", "--custodian")
    handler = Handler.objects.get(user=user)
    assert handler.institution == workspace("INPPLC")
    assert handler.is_custodian and handler.is_active and not handler.has_key
    user = type(user).objects.get(pk=user.pk)  # permissions are cached on the instance
    assert user.has_perm("wagtailadmin.access_admin")
    assert output.startswith(
        f"samira is now a claim handler of {workspace('INPPLC')}, and an identity custodian."
    )


def test_add_twice_updates_and_reactivates(user):
    run("add", "samira", "INPPLC", "--custodian")
    run("remove", "samira")
    run("add", "samira", "INPPLC")
    handler = Handler.objects.get(user=user)
    assert handler.is_active and not handler.is_custodian
    assert Handler.objects.filter(user=user).count() == 1


def test_a_handler_does_not_move_between_institutions(user):
    run("add", "samira", "CC")
    with pytest.raises(CommandError, match="does not move"):
        run("add", "samira", "IGF")
    assert Handler.objects.get(user=user).institution == workspace("CC")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("add", "samira", "CC", "--custodian"), "Only the authority's handlers can be"),
        (("add", "nobody", "INPPLC"), "No user named 'nobody'"),
        (("add", "samira", "XYZ"), "No institution with the acronym 'XYZ'"),
        (("remove", "nobody"), "No user named 'nobody'"),
        (("remove", "samira"), "'samira' is not a claim handler"),
    ],
)
def test_unknown_users_and_institutions_are_refused(user, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)
    assert not Handler.objects.exists()


def test_refusals_exit_with_an_error_code(user, capsys):
    from django.core.management import ManagementUtility

    with pytest.raises(SystemExit) as exit_info:
        ManagementUtility(["manage.py", "claims_handler", "add", "samira", "XYZ"]).execute()
    assert exit_info.value.code != 0
    assert "No institution with the acronym 'XYZ'" in capsys.readouterr().err


def test_remove_deactivates(user):
    run("add", "samira", "INPPLC")
    assert "no longer an active claim handler" in run("remove", "samira")
    handler = Handler.objects.get(user=user)
    assert not handler.is_active


def test_list(user):
    assert run("list") == "No claim handler.\n"
    handler, _ = handler_create("CC", custodian=True)
    run("add", "samira", "INPPLC")
    lines = run("list").splitlines()
    assert f"{handler.user.username}\t{workspace('CC')}\tactive, custodian, key" in lines
    assert f"samira\t{workspace('INPPLC')}\tactive, no key yet" in lines


def test_reset_key_forgets_the_key_and_its_seals():
    handler, _key = handler_create()
    claim, _ = claim_create()
    out = io.StringIO()
    call_command("claims_handler", "reset-key", handler.user.username, stdout=out)
    assert "claims_escrow reseal" in out.getvalue()
    handler.refresh_from_db()
    assert handler.public_key is None and not handler.seals.exists()
    new_key = handler_key_unlock(handler=handler, password=PASSWORD)
    with pytest.raises(AccessDenied):
        claim_open(handler=handler, claim=claim, private_key=new_key)
    with pytest.raises(CommandError):
        call_command("claims_handler", "reset-key", "nobody-by-that-name")
