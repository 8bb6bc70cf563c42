from datetime import date

from django.core.management.base import BaseCommand, CommandError

from courses.jobs import enqueue_reminders
from courses.reminders import reminders_send


class Command(BaseCommand):
    help = (
        "Email today's training reminders (due within a week, overdue, pass expiring) and, "
        "once a week, each trainer's digest of their overdue people. Each goes at most once: "
        "safe to run again, and from two places at once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--today", help="Act as if today were this date (YYYY-MM-DD), e.g. to catch up."
        )
        parser.add_argument(
            "--enqueue", action="store_true", help="Put the job on the queue instead of running it."
        )

    def handle(self, *args, **options):
        if options["enqueue"]:
            job = enqueue_reminders()
            self.stdout.write(f"Queued the reminders job {job.id}.")
            return
        today = None
        if options["today"]:
            try:
                today = date.fromisoformat(options["today"])
            except ValueError as exc:
                raise CommandError(f"--today: give a date as YYYY-MM-DD ({exc}).") from exc
        counts = reminders_send(today=today)
        self.stdout.write(
            "Reminders sent: {reminders}; trainers' digests sent: {digests}.".format(**counts)
        )
