"""The text alternative is Wagtail's own `description` field, made required."""

from django.db import migrations, models


def copy_alt_text(apps, schema_editor):
    PortalImage = apps.get_model("images", "PortalImage")
    for image in PortalImage.objects.all():
        image.description = image.alt_text
        image.save(update_fields=["description"])


class Migration(migrations.Migration):
    dependencies = [("images", "0002_initial")]

    operations = [
        migrations.RunPython(copy_alt_text, migrations.RunPython.noop),
        migrations.RemoveField(model_name="portalimage", name="alt_text"),
        migrations.AlterField(
            model_name="portalimage",
            name="description",
            field=models.CharField(
                help_text="Describe the image for people who cannot see it.",
                max_length=255,
                verbose_name="text alternative",
            ),
        ),
    ]
