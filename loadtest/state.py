"""The load database's side of the load test, run as its own process with the development
settings (the force builder refuses production): `python -m loadtest.state prepare|reset|count`.
Each prints one JSON object on stdout.

- prepare: migrate, the demo, the realistic force (built once: later runs reuse it, as
  bench/bench_dashboards.py does), fresh planner statistics, and a known password for the
  first LOAD_USERS officers of the force, set in one bulk update.
- reset: removes the load users' open attempts, so every run starts attempts afresh.
- count: how many answers the load users' open attempts hold (the server's count of saves).
"""

import json
import os
import sys
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OFFICERS = int(os.environ.get("LOAD_OFFICERS", "35000"))
LOAD_USERS = int(os.environ.get("LOAD_USERS", "200"))
# Only ever set in the load database, on made-up officers of the force.
PASSWORD = "load-test-password-not-for-production"
DEMO_PASSWORD = "demo-password-not-for-production"

# The demo and the force are made up: they refuse any but the development settings with DEBUG
# on (DEBUG's query log is bounded, so building the force still fits in memory).
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
os.environ.pop("DJANGO_DEBUG", None)
os.environ.pop("REDIS_URL", None)  # the builder's jobs run in this process

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from courses.force import COURSE_SLUG, PREFIX, ForceSize, build_force  # noqa: E402
from courses.models import CoursePage, ModulePage  # noqa: E402
from quizzes.models import Attempt, AttemptQuestion  # noqa: E402
from quizzes.models.attempt import IN_PROGRESS  # noqa: E402


def load_usernames() -> list[str]:
    return [f"{PREFIX}{n:06d}" for n in range(LOAD_USERS)]


def prepare() -> dict:
    log = sys.stderr
    call_command("migrate", verbosity=0)
    users = get_user_model().objects
    if not users.filter(username="spoc").exists():
        call_command("load_demo", stdout=StringIO())
    if users.filter(username__startswith=PREFIX).count() < OFFICERS:
        print(f"building the force of {OFFICERS:,} officers (minutes, once)", file=log)
        started = time.perf_counter()
        counts = build_force(ForceSize(officers=OFFICERS))
        summary = ", ".join(f"{n:,} {what}" for what, n in counts.items())
        print(f"built in {time.perf_counter() - started:.0f} s: {summary}", file=log)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    names = load_usernames()
    # One hash for all: hashing each password apart would take minutes.
    updated = users.filter(username__in=names).update(password=make_password(PASSWORD))
    if updated != len(names):
        raise SystemExit(f"only {updated} of the {len(names)} load users exist")
    course = CoursePage.objects.get(slug=COURSE_SLUG)
    modules = ModulePage.objects.child_of(course).live().exclude(quiz=None).order_by("path")
    return {
        "officers": names,
        "password": PASSWORD,
        "trainers": {"spoc": DEMO_PASSWORD, "social-media-team": DEMO_PASSWORD},
        "quizzes": [
            {"quiz": m.quiz_id, "module": m.pk, "questions": m.quiz.question_count}
            for m in modules.select_related("quiz")
        ],
    }


def _open_attempts():
    return Attempt.objects.filter(user__username__in=load_usernames(), status=IN_PROGRESS)


def reset() -> dict:
    removed, _ = _open_attempts().delete()
    return {"removed": removed}


def count() -> dict:
    attempts = _open_attempts()
    answered = AttemptQuestion.objects.filter(attempt__in=attempts, answered_at__isnull=False)
    return {"attempts": attempts.count(), "answered": answered.count()}


if __name__ == "__main__":
    actions = {"prepare": prepare, "reset": reset, "count": count}
    if len(sys.argv) != 2 or sys.argv[1] not in actions:
        raise SystemExit(f"usage: python -m loadtest.state {'|'.join(actions)}")
    print(json.dumps(actions[sys.argv[1]]()))
