from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """The portal's staff account (editors, moderators, handlers). Citizens need no account."""

    class Meta:
        db_table = "users_user"
