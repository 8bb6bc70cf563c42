"""Queries per request, pinned for every main endpoint, so that CI fails when one grows.

Each endpoint is measured on a small force and again on one ten times larger (more officers
with records, attempts, answers and certificates in the SPOC's borough, and more history for the
officer asking); both must equal the pinned number for the database in use. A GET is measured
the second time it is asked (the first fills per-process caches: the rulebook, Wagtail's site
root paths), a write once, as it happens.

When a number changes on purpose, change it here and say why in the commit.
"""

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from quizzes import services
from quizzes.models import Attempt

from ..courses.dashboard_helpers import borough, bulk_force, certificate, record
from ..courses.helpers import attempt as attempt_row
from ..quizzes.conftest import make_quiz

pytestmark = pytest.mark.django_db

SMALL, LARGE = 10, 100  # officers in the SPOC's borough, besides the demo's
DASHBOARD_PAGES = ("dashboard", "dashboard_people", "dashboard_overdue", "dashboard_trends")
DASHBOARD_TABLES = ("modules", "teams", "team-modules", "people", "overdue", "trends", "rules")
FACTS = {"topic": "court-result", "in_public_domain": True, "days_since_sentencing": 8}
CHECKER_FORM = {
    "topic": "court-result",
    "questions_for": "court-result",
    "image": "none",
    "wider_interest": "no",
    "breaking": "no",
    "in_public_domain": "yes",
    "days_since_sentencing": "8",
}

# Queries per request: the same for both sizes of force, and on SQLite and PostgreSQL alike
# (keep one entry per vendor here should they ever differ).
PINNED = {
    "home": 14,
    "guidance page": 17,
    "draft checker GET": 7,
    "draft checker POST": 10,
    "api rag check": 3,
    "quiz start": 16,  # the candidates are kept ready: a bank fingerprint, then the 8 drawn rows
    "question page": 9,
    "answer save": 7,
    "submit": 16,
    "review": 12,
    "my training": 10,
    "certificate": 7,
    "verify": 2,
    "spoc dashboard": 13,
    "spoc dashboard_people": 14,
    "spoc dashboard_overdue": 14,
    "spoc dashboard_trends": 13,
    "spoc dashboard_rules": 12,
    "spoc modules.csv": 10,
    "spoc teams.csv": 10,
    "spoc team-modules.csv": 10,
    "spoc people.csv": 10,
    "spoc overdue.csv": 10,
    "spoc trends.csv": 10,
    "spoc rules.csv": 9,
    "spoc assign form": 17,
    "smt dashboard": 12,
    "smt dashboard_people": 13,
    "smt dashboard_overdue": 13,
    "smt dashboard_trends": 12,
    "smt dashboard_rules": 12,
    "smt modules.csv": 9,
    "smt teams.csv": 9,
    "smt team-modules.csv": 9,
    "smt people.csv": 9,
    "smt overdue.csv": 9,
    "smt trends.csv": 9,
    "smt rules.csv": 9,
    "smt assign form": 16,
}


def count(client, method: str, url: str, data=None, **extra) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(url, data, **extra)
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)
    return len(captured), response.status_code


def get_twice(client, url: str) -> tuple[int, int]:
    client.get(url)
    return count(client, "get", url)


@pytest.fixture
def world(training, demo_users, small_bank):
    """The demo users, the demo course, the quizzes' small bank, and the demo officer's own
    record, attempt and certificate (the module's first). Grown by `grow`."""
    today = timezone.localdate()
    officer = get_user_model().objects.get(username="officer")
    shown = [training.modules[key] for key in ("rag-table", "court-and-images")]
    record(officer, shown[0], due=today, passed=timezone.now(), expires=timezone.now())
    mine = certificate(officer, shown[0], timezone.now())
    clients = {}
    for who in ("officer", "spoc", "social-media-team"):
        clients[who] = Client()
        clients[who].force_login(get_user_model().objects.get(username=who))
    return SimpleNamespace(
        today=today,
        officer=officer,
        modules=shown,
        certificate=mine,
        clients=clients,
        grown=0,
    )


def grow(world, officers: int) -> None:
    """Up to `officers` bulk officers in Lewisham (the SPOC's borough), and as many past
    attempts and certificates for the demo officer."""
    extra = officers - world.grown
    bulk_force(
        extra,
        place=borough("lewisham"),
        modules=world.modules,
        quiz=world.modules[0].quiz,
        today=world.today,
        prefix=f"g{world.grown}",
    )
    for n in range(extra):
        attempt_row(world.officer, world.modules[0].quiz, number=100 + world.grown + n, score=50)
        certificate(world.officer, world.modules[1], timezone.now())
    world.grown = officers


def measure(world) -> dict[str, int]:
    officer, spoc, smt = (world.clients[w] for w in ("officer", "spoc", "social-media-team"))
    found = {}

    def put(name, result):
        queries, status = result
        assert status in (200, 302), f"{name}: {status}"
        found[name] = queries

    put("home", get_twice(officer, "/"))
    put("guidance page", get_twice(officer, "/guidance/rag/"))
    checker = reverse("draft_checker")
    put("draft checker GET", get_twice(officer, checker))
    put("draft checker POST", count(officer, "post", checker, CHECKER_FORM))
    api = reverse("rag_check_api")
    put("api rag check", count(officer, "post", api, FACTS, content_type="application/json"))

    # A quiz of its own each time: starting, a question, an answer, submitting, the review.
    quiz = make_quiz(title=f"Measured {world.grown}")
    start = reverse("quizzes:start", args=[quiz.pk])
    put("quiz start", count(officer, "post", start, {"mode": "assessed"}))
    attempt = Attempt.objects.filter(user=world.officer, quiz=quiz).get()
    question = reverse("quizzes:question", args=[attempt.pk, 2])
    put("question page", get_twice(officer, question))
    put("answer save", count(officer, "post", question, {"rating": "AMBER"}))
    for q in attempt.questions.filter(answered_at__isnull=True):
        services.answer_save(
            user=world.officer, attempt=attempt, position=q.position, rating="AMBER"
        )
    put("submit", count(officer, "post", reverse("quizzes:submit", args=[attempt.pk])))
    put("review", get_twice(officer, reverse("quizzes:review", args=[attempt.pk])))

    put("my training", get_twice(officer, reverse("courses:my_training")))
    code = world.certificate.code
    put("certificate", get_twice(officer, reverse("courses:certificate", args=[code])))
    put("verify", get_twice(Client(), reverse("courses:verify_code", args=[code])))

    for who, client in (("spoc", spoc), ("smt", smt)):
        for page in DASHBOARD_PAGES:
            put(f"{who} {page}", get_twice(client, reverse(f"courses:{page}")))
        put(f"{who} dashboard_rules", get_twice(client, reverse("courses:dashboard_rules")))
        for table in DASHBOARD_TABLES:
            url = reverse("courses:dashboard_export", args=[table])
            put(f"{who} {table}.csv", get_twice(client, url))
        put(f"{who} assign form", get_twice(client, reverse("courses:assign")))
    return found


def test_queries_per_endpoint_are_pinned_and_do_not_grow(world):
    grow(world, SMALL)
    measure(world)  # the first run warms what is cached once per process
    small = measure(world)
    grow(world, LARGE)
    large = measure(world)
    print("queries per endpoint:", small)
    assert large == small, "a query count grows with the force"
    assert small == PINNED
