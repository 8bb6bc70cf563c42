from io import StringIO

import factory.random
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from home.loader import load_guidance
from organisation.demo import DEMO_PASSWORD, DEMO_USERS, create_demo_users, set_demo_contacts
from scenarios.jobs import bank_generate
from scenarios.library_loader import load_starter_library
from scenarios.topic_model import training_held

DEMO_SEED = 20160201  # the day boroughs took over their own media: a fixed, memorable seed


class Command(BaseCommand):
    help = (
        "Build the demo site in code: guidance pages, one user per role, the starter library "
        "of scenario templates and its question bank. Idempotent."
    )

    def handle(self, *args, **options):
        # Both: a server that somehow has DEMO_USERS_ALLOWED still runs with DEBUG off.
        if not (
            getattr(settings, "DEMO_USERS_ALLOWED", False)
            and (settings.DEBUG or getattr(settings, "TESTING", False))
        ):
            raise CommandError(
                "load_demo creates demo users whose password is in the README, so it runs only "
                "with the development settings on a developer's machine (or in the tests), not "
                f"with {settings.SETTINGS_MODULE or 'these settings'}. For development, run "
                "`make run`."
            )
        factory.random.reseed_random(DEMO_SEED)
        # The checker's topic model trains once, on the whole bank, at the end.
        with training_held():
            with transaction.atomic():
                counts = load_guidance()
                # By name, not import: the courses app builds on home, never the other way.
                courses = StringIO()
                call_command("load_courses", stdout=courses)
                users = create_demo_users()
                set_demo_contacts()
                library = load_starter_library()
            # Generated here, not queued, so the demo is whole even before a worker starts.
            bank = bank_generate()
        self.stdout.write(
            "Guidance: {created} created, {updated} updated, {kept} kept.".format(**counts)
        )
        self.stdout.write(courses.getvalue().strip())
        self.stdout.write(
            f"Scenario templates: {library['created']} created, {library['kept']} kept; "
            f"question bank: {bank['created']} new questions from {bank['templates']} templates."
        )
        self.stdout.write(f"Demo users ({len(users)}), all with password {DEMO_PASSWORD!r}:")
        for demo in DEMO_USERS:
            where = demo.borough or demo.unit
            role = demo.role or "Administrator"
            self.stdout.write(f"  {demo.username:<18} {role:<24} {where}")
