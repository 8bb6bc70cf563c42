from django.core.management.base import BaseCommand

from scenarios.jobs import enqueue_generate
from scenarios.library_loader import load_starter_library
from scenarios.topic_model import training_held


class Command(BaseCommand):
    help = (
        "Add the starter library of scenario templates (those not already there; nothing a "
        "trainer has is changed) and queue the generation of the question bank."
    )

    def handle(self, *args, **options):
        with training_held():  # the topic model trains once, on the whole bank
            counts = load_starter_library()
            run = enqueue_generate()
        run.refresh_from_db()  # without Redis the job has already run
        self.stdout.write(
            f"Scenario templates: {counts['created']} added, {counts['kept']} already there. "
            f"Bank generation: job {run.pk} ({run.get_status_display().lower()})."
        )
