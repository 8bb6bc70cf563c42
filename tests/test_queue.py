"""Jobs go through the outbox and django-rq, as JSON: in-process by default, a real Redis and
worker in CI."""

import json
import os
import subprocess
import sys
import zlib
from pathlib import Path

import django_rq
import pytest
from django.contrib.auth.models import Group
from django.db import connection
from rq.serializers import JSONSerializer

from organisation.jobs import roles_sync
from organisation.roles import OFFICER
from outbox.models import QueuedJob
from outbox.services import job_enqueue
from outbox.workers import JSONSimpleWorker

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.embedded
@pytest.mark.django_db
def test_job_runs_in_process_without_redis(settings):
    assert not settings.REDIS_URL
    Group.objects.filter(name=OFFICER).delete()
    job = django_rq.enqueue(roles_sync)
    assert job.is_finished
    assert OFFICER in job.return_value()
    assert Group.objects.filter(name=OFFICER).exists()


@pytest.mark.real_services
@pytest.mark.django_db(transaction=True)
def test_job_runs_on_real_redis_through_a_worker(settings):
    assert settings.REDIS_URL, "the real-services run sets REDIS_URL"
    queue = django_rq.get_queue("default")
    assert "FakeRedis" not in type(queue.connection).__name__
    queue.empty()
    Group.objects.filter(name=OFFICER).delete()
    job = queue.enqueue(roles_sync)
    assert job.get_status() == "queued"
    worker = django_rq.get_worker("default", worker_class=JSONSimpleWorker)
    worker.work(burst=True)
    job.refresh()
    assert job.is_finished, job.exc_info
    assert Group.objects.filter(name=OFFICER).exists()


@pytest.mark.real_services
@pytest.mark.django_db(transaction=True)
def test_job_runs_in_a_separate_rqworker_process(settings):
    assert settings.REDIS_URL
    queue = django_rq.get_queue("default")
    queue.empty()
    Group.objects.filter(name=OFFICER).delete()
    row = job_enqueue(func="organisation.jobs.roles_sync")
    db = connection.settings_dict
    env = dict(os.environ)
    if db["ENGINE"].endswith("postgresql"):
        # The worker process must write to this test's database, not the development one.
        env["DATABASE_URL"] = (
            f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
        )
    else:
        pytest.fail("the real-services run uses PostgreSQL (DATABASE_URL)")
    result = subprocess.run(
        [sys.executable, "manage.py", "rqworker", "default", "--burst"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    row.refresh_from_db()
    assert row.state == QueuedJob.DONE, result.stderr  # `rqworker` reads the JSON job
    assert Group.objects.filter(name=OFFICER).exists()


@pytest.mark.django_db
def test_a_queued_jobs_payload_in_redis_is_json_not_pickle(settings):
    """What Redis holds for a job: the function's path and its arguments, as JSON."""
    queue = django_rq.get_queue("default")
    assert queue.serializer is JSONSerializer
    row = job_enqueue(func="organisation.jobs.roles_sync")
    row.refresh_from_db()
    data = queue.connection.hget(f"rq:job:{row.rq_job_id}", "data")
    func, instance, args, kwargs = json.loads(zlib.decompress(data))
    assert (func, instance, args) == ("outbox.runner.queued_job_run", None, [])
    assert kwargs == {"queued_job_id": row.pk}
