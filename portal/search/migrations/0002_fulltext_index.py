from django.db import migrations


def create(apps, schema_editor):
    from portal.search import backends

    backends.setup(schema_editor)


def drop(apps, schema_editor):
    from portal.search import backends

    backends.setup(schema_editor, teardown=True)


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
