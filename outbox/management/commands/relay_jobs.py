from django.core.management.base import BaseCommand

from outbox.services import jobs_relay


class Command(BaseCommand):
    help = (
        "Hand jobs still waiting in the outbox (Redis was down) to the queue, and put back jobs "
        "a killed worker left unfinished. Safe to run from cron, e.g. every minute, and from "
        "several places at once. Without Redis, the jobs run here."
    )

    def handle(self, *args, **options):
        counts = jobs_relay()
        self.stdout.write(
            "Jobs handed to the queue: {handed_over}; put back after a dead worker: {recovered}; "
            "still waiting: {pending}.".format(**counts)
        )
