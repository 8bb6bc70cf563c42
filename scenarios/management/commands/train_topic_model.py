from django.core.management.base import BaseCommand

from scenarios.topic_model import topic_model_train


class Command(BaseCommand):
    help = (
        "Train the draft checker's topic model on the question bank and the hand-written "
        "examples, and store it. Nothing is trained when the latest model already learnt from "
        "exactly these texts, unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Train even if up to date.")

    def handle(self, *args, **options):
        row = topic_model_train(force=options["force"])
        self.stdout.write(
            f"Topic model {row.fingerprint[:12]}: {row.examples} texts ({row.bank_questions} "
            f"from the bank), {row.topics} topics, trained in {row.seconds:.1f} s."
        )
