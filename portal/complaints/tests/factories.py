"""Handlers and claims for the tests of every part of the claims app."""

import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from portal.institutions.models import InstitutionPage, InstitutionWorkspace

from ..choices import Identity, Kind, Offence
from ..models import Handler
from ..services import claim_file, handler_key_unlock

PASSWORD = "correct horse battery staple 42"
_numbers = itertools.count(1)


def workspace(acronym="INPPLC"):
    page = InstitutionPage.objects.filter(acronym=acronym).first()
    return InstitutionWorkspace.objects.get(translation_key=page.translation_key)


def handler_create(acronym="INPPLC", *, custodian=False, with_key=True, username=None):
    """A staff user who handles claims for an institution; returns `(handler, private key)`
    (the key is None when `with_key` is false: the handler has never unlocked)."""
    user = get_user_model().objects.create_user(
        username=username or f"handler{next(_numbers)}",
        email=f"h{next(_numbers)}@example.org",
        password=PASSWORD,
    )
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    handler = Handler.objects.create(
        user=user, institution=workspace(acronym), is_custodian=custodian
    )
    private_key = handler_key_unlock(handler=handler, password=PASSWORD) if with_key else None
    handler.refresh_from_db()
    return handler, private_key


def claim_create(**overrides):
    """A claim filed online; returns `(claim, receipt)`."""
    values = {
        "kind": Kind.DENUNCIATION,
        "offence": Offence.BRIBERY,
        "identity": Identity.ANONYMOUS,
        "language": "ar",
        "content": {"facts": "طلب موظف رشوة مقابل رخصة البناء", "place": "Rabat"},
        "region": "rabat-sale-kenitra",
    }
    values.update(overrides)
    if values["identity"] != Identity.ANONYMOUS and "contact" not in overrides:
        values["contact"] = {"name": "Amina El Idrissi", "phone": "+212600000000"}
    return claim_file(**values)
