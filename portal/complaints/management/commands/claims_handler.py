"""Claim handlers: `add <username> <institution acronym> [--custodian]`, `remove <username>`
(deactivates: the account keeps its history and its key, and opens no claim any more), `list`,
and `reset-key <username>` for a handler who lost their password (docs/claims-security.md).

A handler's key pair is made the first time they unlock the claims workspace with their
password; `reset-key` only forgets one."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal.complaints import services
from portal.complaints.access import is_authority
from portal.complaints.models import Handler
from portal.institutions.models import InstitutionPage
from portal.institutions.services import institution_workspace_ensure


def _user(username):
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise CommandError(f"No user named {username!r}.")
    return user


def _workspace(acronym):
    page = InstitutionPage.objects.filter(acronym__iexact=acronym).order_by("pk").first()
    if page is None:
        known = sorted(
            set(InstitutionPage.objects.exclude(acronym="").values_list("acronym", flat=True))
        )
        raise CommandError(
            f"No institution with the acronym {acronym!r}. Known: {', '.join(known)}."
        )
    return institution_workspace_ensure(page=page)


class Command(BaseCommand):
    help = "Adds, removes (deactivates) and lists claim handlers."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", required=True)
        add = commands.add_parser("add", help="Make a user a claim handler of an institution.")
        add.add_argument("username")
        add.add_argument("institution", help="The institution's acronym, e.g. INPPLC.")
        add.add_argument(
            "--custodian",
            action="store_true",
            help="May approve the disclosure of a confidential reporter's identity.",
        )
        remove = commands.add_parser("remove", help="Deactivate a claim handler.")
        remove.add_argument("username")
        commands.add_parser("list", help="List the claim handlers.")
        reset = commands.add_parser(
            "reset-key",
            help=(
                "Forget a handler's key pair and its seals (a lost password); then "
                "`claims_escrow reseal` gives the claims back to their new key."
            ),
        )
        reset.add_argument("username")

    def handle(self, *args, action, **options):
        getattr(self, f"_{action.replace('-', '_')}")(**options)

    @transaction.atomic
    def _add(self, *, username, institution, custodian, **options):
        user = _user(username)
        if not user.is_active:
            raise CommandError(f"The account {username!r} is inactive.")
        workspace = _workspace(institution)
        handler = Handler.objects.filter(user=user).first()
        if handler is not None and handler.institution_id != workspace.pk:
            raise CommandError(
                f"{username!r} is a claim handler of {handler.institution} already; a handler "
                "does not move between institutions (use another account)."
            )
        if handler is None:
            handler = Handler(user=user, institution=workspace)
        handler.is_custodian = custodian
        handler.is_active = True
        try:
            handler.full_clean(exclude=["user"])
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        handler.save()
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
        custodian_text = ", and an identity custodian" if custodian else ""
        self.stdout.write(f"{username} is now a claim handler of {workspace}{custodian_text}.")
        if not is_authority(workspace):
            self.stdout.write("A partner's handler sees only the claims referred to it.")
        if not handler.has_key:
            self.stdout.write(
                "Their claim key is made when they first unlock the workspace (/admin/claims/)."
            )

    @transaction.atomic
    def _remove(self, *, username, **options):
        handler = Handler.objects.filter(user=_user(username)).first()
        if handler is None:
            raise CommandError(f"{username!r} is not a claim handler.")
        handler.is_active = False
        handler.save(update_fields=["is_active"])
        self.stdout.write(f"{username} is no longer an active claim handler.")

    def _reset_key(self, *, username, **options):
        handler = Handler.objects.filter(user=_user(username)).first()
        if handler is None:
            raise CommandError(f"{username!r} is not a claim handler.")
        services.handler_key_reset(handler=handler)
        self.stdout.write(
            f"{username}'s claim key is forgotten. They unlock the workspace with their new "
            "password, which makes a new key; then run "
            f"`manage.py claims_escrow reseal --handler {username}` with the escrow key."
        )

    def _list(self, **options):
        handlers = Handler.objects.select_related("user", "institution__collection").order_by(
            "institution_id", "user__username"
        )
        if not handlers:
            self.stdout.write("No claim handler.")
        for handler in handlers:
            flags = [
                "active" if handler.is_active else "inactive",
                "custodian" if handler.is_custodian else "",
                "key" if handler.has_key else "no key yet",
            ]
            self.stdout.write(
                f"{handler.user.get_username()}\t{handler.institution}\t"
                + ", ".join(flag for flag in flags if flag)
            )
