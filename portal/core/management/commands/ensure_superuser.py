import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create the first administrator with a random password, printed once."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                "An administrator account already exists. Sign in at /admin/ with the password "
                "printed when it was created, or set a new one: "
                f"python manage.py changepassword {username}"
            )
            return
        password = secrets.token_urlsafe(16)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            "\n  Administrator created. Sign in at http://127.0.0.1:8000/admin/\n"
            f"    user:     {username}\n    password: {password}\n"
            "  This password is shown only now. At first sign-in you will enrol an\n"
            "  authenticator app"
            " (two-factor sign-in is required for every staff account).\n"
        )
