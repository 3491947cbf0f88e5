from django.core.management.base import BaseCommand, CommandError

from portal.complaints.publish import statistics_publish


class Command(BaseCommand):
    help = (
        "Create or update the claims' indicators in the statistics section (a new version of "
        "their data only when the figures changed)."
    )

    def handle(self, *args, **options):
        try:
            result = statistics_publish()
        except LookupError as error:
            raise CommandError(str(error)) from error
        for slug, outcome in result.items():
            self.stdout.write(f"{slug}: {outcome}")
