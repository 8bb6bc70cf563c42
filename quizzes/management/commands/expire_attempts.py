from django.core.management.base import BaseCommand

from quizzes.services import attempts_expire_due


class Command(BaseCommand):
    help = "Close and mark every timed attempt whose time has run out. Safe to run any time."

    def handle(self, *args, **options):
        closed = attempts_expire_due()
        self.stdout.write(f"{closed} attempt{'s' if closed != 1 else ''} closed.")
