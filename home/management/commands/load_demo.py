import factory.random
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from home.loader import load_guidance
from organisation.demo import DEMO_PASSWORD, DEMO_USERS, create_demo_users

DEMO_SEED = 20160201  # the day boroughs took over their own media: a fixed, memorable seed


class Command(BaseCommand):
    help = "Build the demo site in code: guidance pages and one user per role. Idempotent."

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_USERS_ALLOWED", False):
            raise CommandError(
                "Demo users are turned off in these settings (production). "
                "Run it with the development settings."
            )
        factory.random.reseed_random(DEMO_SEED)
        with transaction.atomic():
            counts = load_guidance()
            users = create_demo_users()
        self.stdout.write(
            "Guidance: {created} created, {updated} updated, {kept} kept.".format(**counts)
        )
        self.stdout.write(f"Demo users ({len(users)}), all with password {DEMO_PASSWORD!r}:")
        for demo in DEMO_USERS:
            where = demo.borough or demo.unit
            role = demo.role or "Administrator"
            self.stdout.write(f"  {demo.username:<18} {role:<24} {where}")
