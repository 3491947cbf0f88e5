"""The database side of the append-only audit log (migration 0002): SQLite's trigger asks the
connection whether the log is locked; PostgreSQL's reads a setting of the session. Outside the
test settings (CLAIMS_AUDIT_MAINTENANCE) the log is always locked; a connection without this
function (the sqlite3 shell) cannot change it at all."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.backends.signals import connection_created
from django.db.models.signals import post_delete, post_save, pre_save
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


@receiver(pre_save, sender="complaints.Handler", dispatch_uid="complaints-handler-before")
def handler_before(sender, instance, raw=False, **kwargs):
    instance._previous_rights = (
        None
        if raw or instance.pk is None
        else sender.objects.filter(pk=instance.pk)
        .values("institution_id", "is_active", "is_custodian")
        .first()
    )


@receiver(post_save, sender="complaints.Handler", dispatch_uid="complaints-handler-admin-access")
def handler_after(sender, instance, created, raw=False, **kwargs):
    """A handler works in the admin: one made in the admin's Handler screen gets the right to
    enter it, as `manage.py claims_handler add` gives it. Any change of its rights goes through
    `services.handler_rights_changed` (seals removed, audited)."""
    if raw:
        return
    from .services import handler_rights_changed

    if created:
        from django.contrib.auth.models import Permission

        instance.user.user_permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
    handler_rights_changed(handler=instance, previous=getattr(instance, "_previous_rights", None))


@receiver(post_delete, sender="complaints.Handler", dispatch_uid="complaints-handler-removed")
def handler_removed(sender, instance, **kwargs):
    from .access import audit
    from .models import AuditEntry

    audit(AuditEntry.Action.HANDLER, detail=f"{instance.user.get_username()}: removed")


@receiver(pre_save, sender=get_user_model(), dispatch_uid="complaints-account-before")
def account_before(sender, instance, raw=False, **kwargs):
    before = (
        None
        if raw or instance.pk is None
        else sender.objects.filter(pk=instance.pk).values_list("is_active", "password").first()
    )
    instance._was_active, instance._old_password = before or (None, None)


@receiver(post_save, sender=get_user_model(), dispatch_uid="complaints-account-after")
def account_after(sender, instance, raw=False, **kwargs):
    """An account deactivated (Users admin, Django admin, shell) loses its claim keys. A
    password changed anywhere but the workspace's own form (which re-wraps the key) leaves the
    key locked under the old password: that is audited, and the unlock page says so."""
    if raw or getattr(instance, "_was_active", None) is None:
        return
    from .models import AuditEntry, Handler
    from .services import audit, handler_account_deactivated

    handler = Handler.objects.filter(user=instance).first()
    if handler is None:
        return
    if instance._was_active and not instance.is_active:
        handler_account_deactivated(handler=handler)
    rewrapped = getattr(instance, "_claims_rewrapped", False)
    if instance._old_password != instance.password and handler.has_key and not rewrapped:
        audit(
            AuditEntry.Action.HANDLER,
            detail=f"{instance.get_username()}: password changed outside the claims workspace; "
            "the claim key needs a recovery",
        )
