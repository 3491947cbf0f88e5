"""The audit log refuses UPDATE and DELETE in the database itself, whoever connects. Only a
connection the test settings open in maintenance mode may empty it (`signals.py`)."""

from django.db import migrations

SQLITE = [
    """CREATE TRIGGER complaints_audit_no_update BEFORE UPDATE ON complaints_auditentry
    WHEN portal_audit_locked() BEGIN SELECT RAISE(ABORT, 'the claims audit log is append-only'); END;""",
    """CREATE TRIGGER complaints_audit_no_delete BEFORE DELETE ON complaints_auditentry
    WHEN portal_audit_locked() BEGIN SELECT RAISE(ABORT, 'the claims audit log is append-only'); END;""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS complaints_audit_no_update;",
    "DROP TRIGGER IF EXISTS complaints_audit_no_delete;",
]
POSTGRES = [
    """CREATE FUNCTION complaints_audit_append_only() RETURNS trigger AS $$
    BEGIN
        IF current_setting('portal.audit_maintenance', true) = 'on' THEN
            RETURN COALESCE(OLD, NEW);
        END IF;
        RAISE EXCEPTION 'the claims audit log is append-only';
    END; $$ LANGUAGE plpgsql;""",
    """CREATE TRIGGER complaints_audit_append_only BEFORE UPDATE OR DELETE
    ON complaints_auditentry FOR EACH ROW EXECUTE FUNCTION complaints_audit_append_only();""",
    """CREATE TRIGGER complaints_audit_no_truncate BEFORE TRUNCATE
    ON complaints_auditentry FOR EACH STATEMENT EXECUTE FUNCTION complaints_audit_append_only();""",
]
POSTGRES_REVERSE = [
    "DROP TRIGGER IF EXISTS complaints_audit_append_only ON complaints_auditentry;",
    "DROP TRIGGER IF EXISTS complaints_audit_no_truncate ON complaints_auditentry;",
    "DROP FUNCTION IF EXISTS complaints_audit_append_only();",
]


def forwards(apps, schema_editor):
    statements = POSTGRES if schema_editor.connection.vendor == "postgresql" else SQLITE
    for statement in statements:
        schema_editor.execute(statement)


def backwards(apps, schema_editor):
    statements = (
        POSTGRES_REVERSE if schema_editor.connection.vendor == "postgresql" else SQLITE_REVERSE
    )
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("complaints", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
