import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from portal.complaints.demo import demo_claims_load, demo_handler_ensure


class Command(BaseCommand):
    help = "Create the first administrator with a random password, printed once."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument(
            "--demo",
            action="store_true",
            help=(
                "Also make the administrator a claim handler of the authority and file sample "
                "claims it can read (make run). Never on a real site."
            ),
        )

    def handle(self, *args, username, demo, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                "An administrator account already exists. Sign in at /admin/ with the password "
                "printed when it was created, or set a new one: "
                f"python manage.py changepassword {username}"
            )
            return
        password = secrets.token_urlsafe(16)
        user = User.objects.create_superuser(username=username, email="", password=password)
        demo_claims = 0
        if demo and demo_handler_ensure(user, password) is not None:
            demo_claims = demo_claims_load()
        self.stdout.write(
            "\n  Administrator created. Sign in at http://127.0.0.1:8000/admin/\n"
            f"    user:     {username}\n    password: {password}\n"
            "  This password is shown only now. At first sign-in you will enrol an\n"
            "  authenticator app"
            " (two-factor sign-in is required for every staff account).\n"
        )
        if demo_claims:
            self.stdout.write(
                f"  It is also a claim handler of the authority: {demo_claims} sample claims\n"
                "  are in Claims, opened with this same password (Claims → Unlock).\n"
            )
