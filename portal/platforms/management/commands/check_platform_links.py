from django.core.management.base import BaseCommand

from portal.platforms.tasks import check_platform_links


class Command(BaseCommand):
    help = "Queue the check of every platform's address (run it daily from cron or a timer)."

    def handle(self, *args, **options):
        result = check_platform_links.enqueue()
        self.stdout.write(f"Link check queued as task {result.id}.")
