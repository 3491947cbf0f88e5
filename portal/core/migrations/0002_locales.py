"""The portal's four content languages. Arabic is the source language; the other trees are kept
in step with it by wagtail-localize (a new Arabic page appears in them, shown in Arabic with a
notice, until it is translated)."""

from django.db import migrations

LANGUAGES = ["ar", "fr", "en", "zgh"]


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
    for code in LANGUAGES[1:]:
        LocaleSynchronization.objects.get_or_create(
            locale=locales[code], defaults={"sync_from": locales["ar"]}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
