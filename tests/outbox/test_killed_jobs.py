"""A worker killed mid-job: the outbox row stays claimed but unfinished; after its lease the
relay puts it back, the job runs again and finishes the work, with every count made once."""

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from outbox.models import QueuedJob
from outbox.services import job_enqueue, jobs_relay
from quizzes import services
from quizzes.models.attempt import EXPIRED, IN_PROGRESS
from quizzes.scheduling import EXPIRE_JOB
from quizzes.signals import attempt_graded
from scenarios import jobs
from scenarios.models import AnswerChange, BankQuestion, JobRun
from tests.killed_workers import WorkerKilled, after_the_lease
from tests.quizzes.conftest import make_quiz

from .test_redis_down import make_burglary_red

pytestmark = pytest.mark.django_db


def kill_at(kind: str, at: int):
    def checkpoint(job_kind, done):
        if job_kind == kind and done >= at:
            raise WorkerKilled

    return checkpoint


@pytest.mark.embedded
def test_a_regrade_killed_mid_job_finishes_once_after_recovery(
    small_bank, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.BANK_REGRADE_CHUNK = 2
    total = BankQuestion.objects.filter(active=True).count()
    will_change = BankQuestion.objects.filter(topic="burglary").exclude(rating="RED").count()
    monkeypatch.setattr(jobs, "checkpoint", kill_at("regrade", 4))
    make_burglary_red(
        django_capture_on_commit_callbacks
    )  # queues the re-grade; it runs in-process and dies after 2 chunks
    run = JobRun.objects.get(kind=JobRun.REGRADE)
    row = QueuedJob.objects.get(func="scenarios.jobs.bank_regrade")
    assert (run.status, run.done, row.state) == (JobRun.RUNNING, 4, QueuedJob.STARTED)
    assert BankQuestion.objects.filter(rulebook_version=2).count() == 4
    monkeypatch.setattr(jobs, "checkpoint", None)

    assert jobs_relay()["recovered"] == 0  # within its lease it may still be running
    assert jobs_relay(now=after_the_lease())["recovered"] == 1  # runs again, in-process
    jobs_relay(now=after_the_lease())  # and nothing more
    run.refresh_from_db()
    row.refresh_from_db()
    assert (run.status, run.done, run.total) == (JobRun.DONE, total, total)
    assert run.changed == will_change == AnswerChange.objects.filter(to_version=2).count()
    assert AnswerChange.objects.values("question").distinct().count() == will_change
    assert not BankQuestion.objects.exclude(rulebook_version=2).exists()
    assert (row.state, row.attempts) == (QueuedJob.DONE, 2)
    assert JobRun.objects.filter(kind=JobRun.REGRADE).count() == 1


@pytest.mark.embedded
def test_a_generation_killed_mid_job_adds_each_question_once(small_bank, monkeypatch):
    clean = sorted(BankQuestion.objects.values_list("key", "rating"))
    BankQuestion.objects.all().delete()
    JobRun.objects.all().delete()
    monkeypatch.setattr(jobs, "checkpoint", kill_at("generate", 1))
    run = jobs.enqueue_generate()  # three templates: dies after the first
    run.refresh_from_db()
    assert run.status == JobRun.RUNNING and run.done == 1
    partial = BankQuestion.objects.count()
    assert 0 < partial < len(clean)
    monkeypatch.setattr(jobs, "checkpoint", None)

    assert jobs.enqueue_generate() == run  # the dead run is still the one in hand
    jobs_relay(now=after_the_lease())
    run.refresh_from_db()
    assert run.status == JobRun.DONE and run.created == len(clean)
    assert sorted(BankQuestion.objects.values_list("key", "rating")) == clean
    row = QueuedJob.objects.get(kwargs={"run_id": run.pk})
    assert (row.state, row.attempts) == (QueuedJob.DONE, 2)


def test_a_job_that_keeps_dying_is_given_up_on(small_bank):
    row = QueuedJob.objects.create(
        func="scenarios.jobs.bank_regrade", state=QueuedJob.STARTED, attempts=5
    )
    QueuedJob.objects.filter(pk=row.pk).update(started_at=after_the_lease())
    assert jobs_relay()["recovered"] == 0  # started "later": within its lease
    QueuedJob.objects.filter(pk=row.pk).update(started_at=None)
    assert jobs_relay()["recovered"] == 1
    row.refresh_from_db()
    assert row.state == QueuedJob.FAILED and "Gave up after 5 attempts" in row.last_error


def test_a_job_redis_lost_is_handed_over_again(work_queue):
    """Redis restarted without its data: a row on the queue whose job is gone is put back."""
    row = QueuedJob.objects.create(
        func="tests.outbox.jobs.group_create",
        kwargs={"name": "lost"},
        state=QueuedJob.QUEUED,
        rq_job_id="no-such-job",
        queued_at=timezone.now(),
    )
    assert jobs_relay()["recovered"] == 0  # within its lease: maybe just behind others
    assert jobs_relay(now=after_the_lease())["recovered"] == 1
    work_queue()
    row.refresh_from_db()
    assert row.state == QueuedJob.DONE
    assert Group.objects.filter(name="lost").exists()


@pytest.mark.embedded
def test_an_expiry_killed_mid_marking_closes_the_attempt_once_after_recovery(
    officer, small_bank, monkeypatch
):
    quiz = make_quiz(title="Timed", time_limit_minutes=10)
    attempt = services.attempt_start(
        user=officer, quiz=quiz, now=timezone.now() - timezone.timedelta(minutes=11)
    )
    graded = []
    attempt_graded.connect(receiver := lambda sender, attempt_id, **kw: graded.append(attempt_id))

    def killed(*args, **kwargs):
        raise WorkerKilled  # while marking, inside the closing transaction

    monkeypatch.setattr(services.marking, "result_of", killed)
    job_enqueue(func=EXPIRE_JOB, kwargs={"attempt_id": attempt.pk})  # runs now, in-process
    row = QueuedJob.objects.get(func=EXPIRE_JOB)
    attempt.refresh_from_db()
    assert (row.state, attempt.status, graded) == (QueuedJob.STARTED, IN_PROGRESS, [])
    monkeypatch.undo()

    assert jobs_relay(now=after_the_lease())["recovered"] == 1  # runs again, in-process
    jobs_relay(now=after_the_lease())
    attempt_graded.disconnect(receiver)
    attempt.refresh_from_db()
    row.refresh_from_db()
    assert attempt.status == EXPIRED and attempt.score is not None
    assert graded == [attempt.pk]  # marked once: progress and certificates follow once
    assert (row.state, row.attempts) == (QueuedJob.DONE, 2)
