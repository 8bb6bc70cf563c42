"""The outbox: jobs written with the caller's transaction, as JSON, handed to RQ after it."""

import django_rq
import pytest
from django.contrib.auth.models import Group
from django.core.management import get_commands
from django.db import transaction
from rq.serializers import JSONSerializer

from outbox.management.commands.rqcron import OutboxCronScheduler
from outbox.models import QueuedJob
from outbox.runner import queued_job_run
from outbox.services import JobArgumentsError, job_enqueue, jobs_relay
from outbox.workers import JSONSimpleWorker, JSONWorker
from tests.outbox.jobs import group_create

JOB = "tests.outbox.jobs.group_create"


class Boom(Exception):
    pass


def test_every_queue_and_worker_reads_and_writes_json(settings):
    assert settings.RQ_QUEUES
    for name in settings.RQ_QUEUES:
        assert django_rq.get_queue(name).serializer is JSONSerializer, name
    # `manage.py rqworker` hands the worker pickle's serializer unless told: it is ignored.
    worker = django_rq.get_worker("default", serializer="rq.serializers.DefaultSerializer")
    assert isinstance(worker, JSONWorker) and worker.serializer is JSONSerializer
    assert JSONSimpleWorker([django_rq.get_queue()]).serializer is JSONSerializer


@pytest.mark.django_db
def test_arguments_that_are_not_json_are_refused_with_a_clear_message():
    with pytest.raises(JobArgumentsError, match="ISO strings"):
        job_enqueue(func=JOB, kwargs={"name": {1, 2}})
    assert not QueuedJob.objects.exists()


@pytest.mark.embedded
@pytest.mark.django_db
def test_without_redis_a_job_runs_in_process_once_and_is_marked_done():
    row = job_enqueue(func=JOB, kwargs={"name": "ran"})
    row.refresh_from_db()
    assert (row.state, row.attempts) == (QueuedJob.DONE, 1)
    assert Group.objects.filter(name="ran").exists()
    assert jobs_relay() == {"recovered": 0, "handed_over": 0, "pending": 0}


@pytest.mark.embedded
@pytest.mark.django_db
def test_a_job_that_raises_is_marked_failed_with_its_error_and_not_retried():
    row = job_enqueue(func=JOB, kwargs={"name": None})  # get_or_create(name=None) fails
    row.refresh_from_db()
    assert row.state == QueuedJob.FAILED and "IntegrityError" in row.last_error
    assert jobs_relay()["handed_over"] == 0


@pytest.mark.django_db
def test_a_job_enqueued_in_a_transaction_that_rolls_back_never_runs(
    settings, django_capture_on_commit_callbacks, work_queue
):
    settings.RQ = {**settings.RQ, "COMMIT_MODE": "on_db_commit"}  # as in production
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(Boom),
        transaction.atomic(),
    ):
        job_enqueue(func=JOB, kwargs={"name": "rolled-back"})
        raise Boom
    assert callbacks == []
    assert not QueuedJob.objects.exists()
    jobs_relay()
    work_queue()
    assert not Group.objects.filter(name="rolled-back").exists()


@pytest.mark.embedded
@pytest.mark.django_db(transaction=True)
def test_with_real_commits_only_the_committed_job_runs(settings):
    settings.RQ = {**settings.RQ, "COMMIT_MODE": "on_db_commit"}
    with pytest.raises(Boom), transaction.atomic():
        job_enqueue(func=JOB, kwargs={"name": "rolled-back"})
        raise Boom
    with transaction.atomic():
        job_enqueue(func=JOB, kwargs={"name": "committed"})
        assert not Group.objects.filter(name="committed").exists()  # not before the commit
    assert Group.objects.filter(name="committed").exists()
    assert not Group.objects.filter(name="rolled-back").exists()
    assert list(QueuedJob.objects.values_list("state", flat=True)) == [QueuedJob.DONE]


@pytest.mark.django_db
def test_a_row_handed_over_twice_runs_once(settings):
    """Two relays racing hand the same row to RQ twice: only the first copy's claim wins."""
    settings.RQ = {**settings.RQ, "COMMIT_MODE": "on_db_commit"}
    # Inside the test's transaction the hand-over waits for a commit that never comes.
    row = job_enqueue(func=JOB, kwargs={"name": "twice"})
    assert queued_job_run(queued_job_id=row.pk) == "twice"
    Group.objects.filter(name="twice").delete()
    assert queued_job_run(queued_job_id=row.pk) is None
    assert not Group.objects.filter(name="twice").exists()
    row.refresh_from_db()
    assert (row.state, row.attempts) == (QueuedJob.DONE, 1)


@pytest.mark.django_db
def test_rqcron_queues_due_jobs_through_the_outbox_as_json(work_queue):
    # This app's `rqcron` is the one manage.py runs (it comes before django_rq).
    assert get_commands()["rqcron"] == "outbox"
    scheduler = OutboxCronScheduler()
    scheduler.register(group_create, "default", kwargs={"name": "from-cron"}, interval=60)
    assert len(scheduler.enqueue_jobs()) == 1
    row = QueuedJob.objects.get(func="tests.outbox.jobs.group_create")
    assert row.kwargs == {"name": "from-cron"}
    work_queue()
    assert Group.objects.filter(name="from-cron").exists()
    assert scheduler.enqueue_jobs() == []  # not due again for a minute
