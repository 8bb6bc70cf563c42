"""Twenty submits of one attempt at once grade it once (PostgreSQL, real row locking)."""

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.utils import timezone

from organisation.factories import UserFactory
from quizzes import marking, services
from quizzes.models import Attempt

from .conftest import TEMPLATES, make_quiz, publish_template

pytestmark = [pytest.mark.real_services, pytest.mark.django_db(transaction=True)]


def test_twenty_submits_at_once_grade_once(migrated_data, run_queued_jobs, monkeypatch):
    assert connection.vendor == "postgresql", "the real-services run uses PostgreSQL"
    for spec in TEMPLATES:
        publish_template(*spec)
    run_queued_jobs()
    quiz = make_quiz(title="Concurrent")
    officer = UserFactory(username="pc-quick")
    t0 = timezone.now()
    attempt = services.attempt_start(user=officer, quiz=quiz, now=t0)
    for q in attempt.questions.all():
        services.answer_save(user=officer, attempt=attempt, position=q.position, rating=q.rating)

    graded = []
    lock = threading.Lock()
    real_result_of = marking.result_of

    def counting_result_of(*args, **kwargs):
        with lock:
            graded.append(1)
        return real_result_of(*args, **kwargs)

    monkeypatch.setattr(services.marking, "result_of", counting_result_of)
    start = threading.Barrier(20)
    results, errors = [], []

    def submit(i):
        try:
            start.wait()
            fresh = Attempt.objects.get(pk=attempt.pk)
            done = services.attempt_submit(
                user=officer, attempt=fresh, now=t0 + timedelta(seconds=i + 1)
            )
            results.append((done.finished_at, done.points, done.score))
        except Exception as exc:  # noqa: BLE001  collected and asserted below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(i,)) for i in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    assert len(graded) == 1
    assert len(set(results)) == 1 and len(results) == 20
    final = Attempt.objects.get(pk=attempt.pk)
    assert (final.finished_at, final.points, final.score) == results[0]
