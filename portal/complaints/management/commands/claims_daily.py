from django.core.management.base import BaseCommand

from portal.complaints.jobs import deadline_digest, retention_run
from portal.complaints.publish import statistics_publish


class Command(BaseCommand):
    help = (
        "The daily work on claims: the deadline digest to handlers (once a day, however often "
        "this runs), purge warnings and purges, then the claims' public statistics. Run it once "
        "a day from cron or a timer."
    )

    def handle(self, *args, **options):
        digest = deadline_digest.call()
        if digest is None:
            self.stdout.write("Deadline digest: already sent today.")
        else:
            self.stdout.write(
                f"Deadline digest: {digest['handlers']} handler(s) e-mailed; "
                f"{digest['overdue']} claim(s) overdue, {digest['due_soon']} due soon."
            )
        retention = retention_run.call()
        self.stdout.write(
            f"Retention: {retention['warned']} claim(s) warned, {retention['purged']} purged."
        )
        try:
            published = statistics_publish()
        except LookupError as error:
            self.stderr.write(f"Statistics: not published. {error}")
        else:
            outcomes = ", ".join(f"{slug} {outcome}" for slug, outcome in published.items())
            self.stdout.write(f"Statistics: {outcomes}.")
