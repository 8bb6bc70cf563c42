"""Redis down (REDIS_URL at a closed port): answers are saved, attempts start and are
submitted, a rulebook is published, with no error; the work waits in the outbox and runs
exactly once when Redis is back and the outbox is relayed."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from outbox.models import QueuedJob
from outbox.services import jobs_relay
from quizzes import services
from quizzes.models.attempt import EXPIRED, SUBMITTED
from quizzes.scheduling import EXPIRE_JOB
from quizzes.signals import attempt_graded
from scenarios.models import AnswerChange, BankQuestion, JobRun, Topic
from scenarios.rulebook import published_rulebook
from tests.quizzes.conftest import make_quiz

pytestmark = pytest.mark.django_db


def make_burglary_red(capture):
    """Publish a rulebook change; its re-grade is queued when the publish commits."""
    topic = Topic.objects.get(slug="burglary")
    topic.rating = "RED"
    topic.guidance_url = "/guidance/rag/#red"
    with capture(execute=True):
        topic.save_revision().publish()


@pytest.fixture
def graded():
    """Attempt ids in the order they were marked: one entry per marking."""
    marked = []

    def note(sender, attempt_id, **kwargs):
        marked.append(attempt_id)

    attempt_graded.connect(note)
    yield marked
    attempt_graded.disconnect(note)


def test_publishing_a_rulebook_with_redis_down_regrades_once_when_it_is_back(
    small_bank, redis_down, work_queue, django_capture_on_commit_callbacks
):
    will_change = BankQuestion.objects.filter(topic="burglary").exclude(rating="RED").count()
    assert will_change
    make_burglary_red(
        django_capture_on_commit_callbacks
    )  # no error: the re-grade waits in the outbox
    run = JobRun.objects.get(kind=JobRun.REGRADE)
    assert run.status == JobRun.QUEUED
    row = QueuedJob.objects.get(func="scenarios.jobs.bank_regrade")
    assert row.state == QueuedJob.PENDING and "Could not reach the queue" in row.last_error
    assert row.kwargs == {"run_id": run.pk}
    assert jobs_relay() == {"recovered": 0, "handed_over": 0, "pending": 1}  # still down

    redis_down()  # Redis is back
    assert jobs_relay()["handed_over"] == 1
    work_queue()
    jobs_relay()  # and again, as cron would: nothing runs twice
    work_queue()
    run.refresh_from_db()
    assert (run.status, run.changed) == (JobRun.DONE, will_change)
    assert JobRun.objects.filter(kind=JobRun.REGRADE).count() == 1
    assert AnswerChange.objects.filter(to_version=2).count() == will_change
    assert not BankQuestion.objects.exclude(rulebook_version=published_rulebook().version).exists()
    row.refresh_from_db()
    assert (row.state, row.attempts) == (QueuedJob.DONE, 1)


def test_officers_start_answer_and_submit_with_redis_down(
    officer, small_bank, redis_down, work_queue, graded, django_capture_on_commit_callbacks
):
    quiz = make_quiz(title="Timed", time_limit_minutes=10)
    with django_capture_on_commit_callbacks(execute=True):
        attempt = services.attempt_start(user=officer, quiz=quiz)
    expiry = QueuedJob.objects.get(func=EXPIRE_JOB)
    assert expiry.state == QueuedJob.PENDING and expiry.kwargs == {"attempt_id": attempt.pk}
    assert expiry.scheduled_at == attempt.deadline
    for question in attempt.questions.all():
        services.answer_save(
            user=officer,
            attempt=attempt,
            position=question.position,
            rating=question.rating or "RED",
            choice=question.correct_choice,
        )
    assert not attempt.questions.filter(answered_at__isnull=True).exists()
    services.attempt_submit(user=officer, attempt=attempt)
    attempt.refresh_from_db()
    assert attempt.status == SUBMITTED and graded == [attempt.pk]

    redis_down()
    jobs_relay()
    work_queue()
    attempt.refresh_from_db()
    assert attempt.status == SUBMITTED and graded == [attempt.pk]  # the expiry changed nothing
    assert QueuedJob.objects.get(pk=expiry.pk).state in (QueuedJob.DONE, QueuedJob.QUEUED)


def test_an_expiry_kept_while_redis_was_down_closes_the_attempt_once(
    officer, small_bank, redis_down, work_queue, graded, django_capture_on_commit_callbacks
):
    """The deadline passed while Redis was down: once it is back the expiry runs, once."""
    quiz = make_quiz(title="Timed", time_limit_minutes=10)
    started = timezone.now() - timedelta(minutes=11)
    with django_capture_on_commit_callbacks(execute=True):
        attempt = services.attempt_start(user=officer, quiz=quiz, now=started)
    first = attempt.questions.order_by("position").first()
    services.answer_save(
        user=officer, attempt=attempt, position=1, rating="RED", choice=0, now=started
    )
    assert QueuedJob.objects.get(func=EXPIRE_JOB).state == QueuedJob.PENDING

    redis_down()
    for _ in range(2):
        jobs_relay()
        work_queue()
    attempt.refresh_from_db()
    assert attempt.status == EXPIRED and graded == [attempt.pk]
    assert attempt.questions.get(pk=first.pk).answered_at is not None  # kept and marked
    row = QueuedJob.objects.get(func=EXPIRE_JOB)
    assert (row.state, row.attempts) == (QueuedJob.DONE, 1)


def test_queue_pages_do_not_fail_with_redis_down(admin_client, small_bank, redis_down):
    QueuedJob.objects.create(func="organisation.jobs.roles_sync")  # one waiting
    bank = admin_client.get(reverse("scenarios_bank"))
    assert bank.status_code == 200
    for page in ("/django-rq/", "/django-rq/queues/0/", "/django-rq/stats.json"):
        response = admin_client.get(page)
        assert response.status_code == 503, page
        assert "1 job waiting in the outbox" in response.content.decode()
    redis_down()  # back: the dashboard works again
    assert admin_client.get("/django-rq/").status_code == 200


def test_relay_jobs_from_cron_says_what_it_did(redis_down, work_queue):
    QueuedJob.objects.create(func="tests.outbox.jobs.group_create", kwargs={"name": "cron"})
    out = StringIO()
    call_command("relay_jobs", stdout=out)  # Redis down: no error, nothing handed over
    assert "handed to the queue: 0" in out.getvalue() and "still waiting: 1" in out.getvalue()
    redis_down()
    out = StringIO()
    call_command("relay_jobs", stdout=out)
    work_queue()
    assert "handed to the queue: 1" in out.getvalue()
    assert QueuedJob.objects.get().state == QueuedJob.DONE
