from django.core.management.base import BaseCommand

from courses.loader import load_courses


class Command(BaseCommand):
    help = (
        "Create the training index, the demo courses, their modules and quizzes if missing "
        "(after the guidance: lessons point at it). Safe to run again: pages and quizzes an "
        "editor has changed are left exactly as they are."
    )

    def handle(self, *args, **options):
        counts = load_courses()
        self.stdout.write(
            "Training pages: {created} created, {updated} updated, {kept} kept; quizzes: "
            "{quizzes_created} created, {quizzes_updated} updated, {quizzes_kept} kept.".format(
                **counts
            )
        )
