from django.core.management.base import BaseCommand

from home.loader import load_guidance


class Command(BaseCommand):
    help = (
        "Create the home page and the guidance pages if missing. Safe to run again: pages an "
        "editor has changed are left exactly as they are."
    )

    def handle(self, *args, **options):
        counts = load_guidance()
        self.stdout.write(
            "Guidance: {created} created, {updated} updated, {kept} left as they were.".format(
                **counts
            )
        )
