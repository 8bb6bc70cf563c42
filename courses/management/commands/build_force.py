import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from courses.force import ForceSize, build_force


class Command(BaseCommand):
    help = (
        "Build a realistic force for load tests: officers across the 32 boroughs and the "
        "units, twenty modules, and a year of assignments, attempts, answers and "
        "certificates. Run load_demo first. Not for production."
    )

    def add_arguments(self, parser):
        parser.add_argument("--officers", type=int, default=ForceSize.officers)
        parser.add_argument("--modules", type=int, default=ForceSize.modules)
        parser.add_argument("--seed", type=int, default=ForceSize.seed)

    def handle(self, *args, **options):
        # As load_demo: never on a server, even one with DEMO_USERS_ALLOWED set by mistake.
        if not (
            getattr(settings, "DEMO_USERS_ALLOWED", False)
            and (settings.DEBUG or getattr(settings, "TESTING", False))
        ):
            raise CommandError(
                "build_force makes up thousands of people: not in these settings "
                f"({settings.SETTINGS_MODULE or 'unnamed'}). It runs only with the development "
                "settings on a developer's machine, or in the tests: "
                "DJANGO_SETTINGS_MODULE=config.settings.dev."
            )
        if options["officers"] < 1 or not 1 <= options["modules"] <= 100:
            raise CommandError("--officers must be 1 or more, --modules 1 to 100.", returncode=2)
        size = ForceSize(
            officers=options["officers"], modules=options["modules"], seed=options["seed"]
        )
        started = time.perf_counter()
        try:
            counts = build_force(size)
        except RuntimeError as exc:
            raise CommandError(str(exc), returncode=2) from None
        seconds = time.perf_counter() - started
        summary = ", ".join(f"{n:,} {what}" for what, n in counts.items())
        self.stdout.write(f"The force: {summary} ({seconds:.0f} s).")
