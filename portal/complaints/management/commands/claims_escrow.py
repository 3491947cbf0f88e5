"""The authority's escrow key (docs/claims-security.md, "Escrow and recovery").

The escrow private key is read from standard input (hidden when typed at a terminal) or from a
file, never from the command line, where the shell history and the process list would keep it.
This command unseals claim keys only; it never decrypts a claim."""

import base64
import binascii
import getpass
import hmac
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal.complaints import crypto
from portal.complaints.access import audit, can_open
from portal.complaints.choices import Identity
from portal.complaints.models import AuditEntry, Claim, Handler, KeySeal


def _seal(claim, handler, purpose, key):
    """Seals a key to the handler's current public key, replacing any older seal."""
    KeySeal.objects.update_or_create(
        claim=claim,
        handler=handler,
        purpose=purpose,
        defaults={"sealed": crypto.seal(handler.public_key, key)},
    )


@transaction.atomic
def reseal(handler, escrow_private):
    """Seals to the handler every claim key they may open (and, for a custodian, every
    confidential identity key) recovered from the escrow seals. Returns `(claims, identities,
    not recoverable)`: a claim filed before the escrow key existed, or sealed to an earlier
    escrow key, cannot be recovered with this one."""
    claims = identities = lost = 0
    for claim in Claim.objects.filter(purged_at__isnull=True).order_by("pk"):
        if not can_open(handler, claim):
            continue
        try:
            key = crypto.unseal(escrow_private, claim.escrow_seal) if claim.escrow_seal else None
        except crypto.CryptoError:
            key = None
        if key is None:
            lost += 1
            continue
        _seal(claim, handler, KeySeal.Purpose.CLAIM, key)
        claims += 1
        if (
            handler.is_custodian
            and claim.identity == Identity.CONFIDENTIAL
            and claim.contact_escrow_seal
        ):
            try:
                contact_key = crypto.unseal(escrow_private, claim.contact_escrow_seal)
            except crypto.CryptoError:
                continue
            _seal(claim, handler, KeySeal.Purpose.CONTACT, contact_key)
            identities += 1
    audit(
        AuditEntry.Action.RESEAL,
        detail=f"escrow to {handler.user.get_username()}: {claims} claims, "
        f"{identities} identities, {lost} not recoverable",
    )
    return claims, identities, lost


class Command(BaseCommand):
    help = (
        "The claims escrow key: 'generate' a key pair, 'reseal' a handler's claims from the "
        "escrow (after a lost password or for a handler who joined late), 'check' a private key "
        "against CLAIMS_ESCROW_PUBLIC_KEY. The private key is read from standard input."
    )
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser("generate", help="Print a new escrow key pair.")
        resealing = actions.add_parser(
            "reseal", help="Seal to a handler's key every claim they may open."
        )
        resealing.add_argument("--handler", required=True, help="The handler's username.")
        resealing.add_argument("--key-file", help="Read the private key from this file.")
        checking = actions.add_parser(
            "check", help="Check a private key against CLAIMS_ESCROW_PUBLIC_KEY."
        )
        checking.add_argument("--key-file", help="Read the private key from this file.")

    def handle(self, *args, action, **options):
        if action == "generate":
            self.generate()
        elif action == "check":
            self.escrow_private(options)
            self.stdout.write("This private key matches CLAIMS_ESCROW_PUBLIC_KEY.")
        else:
            self.reseal(options)

    def generate(self):
        public, private = crypto.escrow_keypair_create()
        self.stdout.write("Public key, for the server's environment:")
        self.stdout.write(f"CLAIMS_ESCROW_PUBLIC_KEY={public}")
        self.stdout.write("")
        self.stdout.write(
            "PRIVATE key, shown this once. Keep it offline (sealed envelopes held by two people "
            "of the authority), never on the server or with the backups:"
        )
        self.stdout.write(private)

    def escrow_private(self, options):
        """The escrow private key given by the operator, checked against the configured public
        key; CommandError (and nothing done) otherwise."""
        configured = crypto.escrow_public_key()
        if configured is None:
            raise CommandError("CLAIMS_ESCROW_PUBLIC_KEY is not set.")
        if options.get("key_file"):
            try:
                text = Path(options["key_file"]).read_text()
            except OSError as error:
                raise CommandError(f"Cannot read the key file: {error.strerror}.") from error
        else:
            stream = options.get("stdin") or sys.stdin
            text = getpass.getpass("Escrow private key: ") if stream.isatty() else stream.readline()
        try:
            private = crypto.private_key_load(base64.b64decode(text.strip(), validate=True))
        except (binascii.Error, ValueError, TypeError) as error:
            raise CommandError("This is not an escrow private key; nothing was changed.") from error
        if not hmac.compare_digest(bytes(private.public_key), configured):
            raise CommandError(
                "This private key does not match CLAIMS_ESCROW_PUBLIC_KEY; nothing was changed."
            )
        return private

    def reseal(self, options):
        username = options["handler"]
        handler = (
            Handler.objects.select_related("user", "institution")
            .filter(user__username=username)
            .first()
        )
        if handler is None or not handler.is_active:
            raise CommandError(f"{username} is not an active claim handler.")
        if handler.public_key is None:
            raise CommandError(
                f"{username} has no key pair yet: they must unlock the claims workspace once "
                "with their password, then run this again."
            )
        claims, identities, lost = reseal(handler, self.escrow_private(options))
        self.stdout.write(
            f"Sealed {claims} claim(s) to {username}'s key"
            + (f", with {identities} confidential identity(ies)." if handler.is_custodian else ".")
        )
        if lost:
            self.stdout.write(
                f"{lost} claim(s) cannot be recovered: filed before the escrow key existed, or "
                "sealed to an earlier escrow key."
            )
