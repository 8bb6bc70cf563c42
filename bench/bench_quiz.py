"""Quizzes through the full Django stack (middleware, sessions, views, templates): answer saves
a second, and the median time of a question page.

Runs against the database DATABASE_URL names (a throwaway SQLite file by default), which it
migrates and fills itself: the guidance, the starter library and its bank, one officer, a
20-question quiz."""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SAVES = int(os.environ.get("BENCH_SAVES", "1000"))
PAGES = int(os.environ.get("BENCH_PAGES", "300"))

if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ["DJANGO_DEBUG"] = "false"  # DEBUG keeps every query in memory: not what is served
os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from home.loader import load_guidance  # noqa: E402
from organisation.factories import ProfileFactory, UserFactory  # noqa: E402
from organisation.models import Borough  # noqa: E402
from organisation.roles import OFFICER  # noqa: E402
from quizzes import services  # noqa: E402
from quizzes.models import Attempt, Quiz  # noqa: E402
from scenarios.library_loader import load_starter_library  # noqa: E402


def set_up():
    call_command("migrate", verbosity=0)
    load_guidance()
    load_starter_library()
    officer = UserFactory(username="bench-officer", roles=[OFFICER])
    ProfileFactory(user=officer, borough=Borough.objects.get(slug="lewisham"))
    quiz = Quiz.objects.filter(title="Bench").first()
    if quiz is None:
        quiz = Quiz(title="Bench", question_count=20)
        quiz.save()
        quiz.save_revision().publish()
    Attempt.objects.filter(user=officer).delete()
    return officer, services.attempt_start(user=officer, quiz=quiz)


def main():
    officer, attempt = set_up()
    client = Client()
    client.force_login(officer)
    total = attempt.questions.count()
    urls = [reverse("quizzes:question", args=[attempt.pk, n]) for n in range(1, total + 1)]
    ratings = ("GREEN", "AMBER", "RED")
    for url in urls[:3]:  # warm up: templates, the rulebook cache
        client.get(url)
    start = time.perf_counter()
    for i in range(SAVES):
        response = client.post(urls[i % total], {"rating": ratings[i % 3]})
        assert response.status_code == 302, response.status_code
    saves_per_second = SAVES / (time.perf_counter() - start)
    times = []
    for i in range(PAGES):
        t = time.perf_counter()
        response = client.get(urls[i % total])
        times.append(time.perf_counter() - t)
        assert response.status_code == 200
    print(
        f"quiz ({connection.vendor}): {saves_per_second:,.0f} answer saves/s "
        f"({SAVES} saves through the full stack); question page median "
        f"{1000 * statistics.median(times):.1f} ms (of {PAGES})"
    )


if __name__ == "__main__":
    main()
