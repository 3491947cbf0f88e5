"""The database side of the append-only audit log (migration 0002): SQLite's trigger asks the
connection whether the log is locked; PostgreSQL's reads a setting of the session. Outside the
test settings (CLAIMS_AUDIT_MAINTENANCE) the log is always locked; a connection without this
function (the sqlite3 shell) cannot change it at all."""

from django.conf import settings
from django.db.backends.signals import connection_created
from django.db.models.signals import post_save
from django.dispatch import receiver


@receiver(connection_created, dispatch_uid="complaints-audit-lock")
def audit_lock(sender, connection, **kwargs):
    maintenance = getattr(settings, "CLAIMS_AUDIT_MAINTENANCE", False)
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "portal_audit_locked",
            0,
            lambda: 0 if getattr(settings, "CLAIMS_AUDIT_MAINTENANCE", False) else 1,
            deterministic=False,
        )
    elif connection.vendor == "postgresql" and maintenance:
        with connection.cursor() as cursor:
            cursor.execute("SET portal.audit_maintenance = 'on'")


@receiver(post_save, sender="complaints.Handler", dispatch_uid="complaints-handler-admin-access")
def handler_admin_access(sender, instance, created, **kwargs):
    """A handler works in the admin: one made in the admin's Handler screen gets the right to
    enter it, as `manage.py claims_handler add` gives it."""
    if created:
        from django.contrib.auth.models import Permission

        instance.user.user_permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
