"""The outbox: `job_enqueue` writes the job into the caller's transaction and hands it to RQ
once that commits; `jobs_relay` hands over whatever is still waiting (Redis was down) and puts
back the jobs a killed worker left half-done.

Safe with any number of relays and workers at once: a job runs only after its row is claimed
(`outbox.runner`), and only one claim succeeds, so handing a row over twice runs it once."""

from __future__ import annotations

import json
import logging
from datetime import datetime, timedelta

import django_rq
from django.conf import settings
from django.db import transaction
from django.db.models import Case, CharField, DateTimeField, F, Q, TextField, Value, When
from django.utils import timezone
from django_rq.queues import get_commit_mode
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from rq.job import Job

from .models import QueuedJob

log = logging.getLogger(__name__)

RUNNER = "outbox.runner.queued_job_run"
# Redis unreachable: the row waits in the database for a relay.
REDIS_DOWN = (RedisConnectionError, RedisTimeoutError, OSError)
# A job claimed this many times without finishing is given up on (and shown as failed).
MAX_ATTEMPTS = 5
RELAY_BATCH = 500


class JobArgumentsError(TypeError):
    """A job's arguments must survive JSON: ids and strings, datetimes as ISO strings."""


def _func_path(func) -> str:
    if isinstance(func, str):
        return func
    return f"{func.__module__}.{func.__qualname__}"


def _plain(kwargs: dict) -> dict:
    try:
        return json.loads(json.dumps(kwargs))
    except (TypeError, ValueError) as exc:
        raise JobArgumentsError(
            f"Job arguments must be JSON (ids, strings; datetimes as ISO strings): {exc}"
        ) from exc


def job_enqueue(*, func, kwargs: dict | None = None, at: datetime | None = None) -> QueuedJob:
    """Queue `func(**kwargs)` (a dotted path, or a function), at `at` if given. The row commits
    or rolls back with the caller's transaction; RQ hears of it only after the commit."""
    row = QueuedJob.objects.create(
        func=_func_path(func), kwargs=_plain(kwargs or {}), scheduled_at=at
    )
    if get_commit_mode() == "auto":  # the test settings: at once, as django-rq would
        _hand_over_and_flush(row)
    else:
        transaction.on_commit(lambda: _hand_over_and_flush(row))
    return row


def _hand_over(row: QueuedJob) -> bool:
    """Put one row on its RQ queue; False (the row left pending) when Redis is unreachable."""
    queue = django_rq.get_queue(row.queue, commit_mode="auto")
    options = {
        "kwargs": {"queued_job_id": row.pk},
        "description": f"{row.func}({json.dumps(row.kwargs)[:200]}) [outbox {row.pk}]",
    }
    try:
        if row.scheduled_at and row.scheduled_at > timezone.now() and queue.is_async:
            job = queue.enqueue_at(row.scheduled_at, RUNNER, **options)
        else:
            job = queue.enqueue(RUNNER, **options)
    except REDIS_DOWN as exc:
        log.warning("Redis unreachable: job %s waits in the outbox (%s)", row.pk, exc)
        QueuedJob.objects.filter(pk=row.pk, state=QueuedJob.PENDING).update(
            last_error=f"Could not reach the queue: {exc}"[:2000]
        )
        return False
    # Without Redis the job has already run in-process and left the row done: it stays so.
    pending = Q(state=QueuedJob.PENDING)
    QueuedJob.objects.filter(pk=row.pk).update(
        state=Case(
            When(pending, then=Value(QueuedJob.QUEUED)),
            default=F("state"),
            output_field=CharField(),
        ),
        queued_at=Case(
            When(pending, then=Value(timezone.now())),
            default=F("queued_at"),
            output_field=DateTimeField(),
        ),
        rq_job_id=job.id,
        last_error=Case(
            When(pending, then=Value("")), default=F("last_error"), output_field=TextField()
        ),
    )
    return True


def _hand_over_and_flush(row: QueuedJob) -> None:
    # Redis answers again: rows that waited while it was down go now, oldest first.
    if (
        _hand_over(row)
        and QueuedJob.objects.filter(state=QueuedJob.PENDING, pk__lt=row.pk).exists()
    ):
        _relay_pending(limit=RELAY_BATCH)


def _relay_pending(*, limit: int) -> int:
    handed = 0
    for row in QueuedJob.objects.filter(state=QueuedJob.PENDING).order_by("pk")[:limit]:
        if not _hand_over(row):
            break  # still down: try again at the next relay
        handed += 1
    return handed


def lease_of(queue: str) -> timedelta:
    """How long a claimed job may run before it is taken for dead: RQ stops a job at its
    queue's timeout, so a minute past that no worker can still be running it."""
    timeout = settings.RQ_QUEUES.get(queue, {}).get("DEFAULT_TIMEOUT") or 180
    return timedelta(seconds=int(timeout) + 60)


def _job_is_gone(row: QueuedJob) -> bool:
    """True when Redis no longer holds the row's job (Redis restarted without its data)."""
    connection = django_rq.get_connection(row.queue)
    return not row.rq_job_id or not connection.exists(Job.key_for(row.rq_job_id))


def jobs_recover(*, now: datetime | None = None, limit: int = RELAY_BATCH) -> int:
    """Put back, as pending, jobs a dead worker left: claimed but not finished within the
    lease, or handed over to a Redis that has since lost them. How many were put back."""
    now = now or timezone.now()
    recovered = 0
    for queue in settings.RQ_QUEUES:
        expired = now - lease_of(queue)
        rows = QueuedJob.objects.filter(queue=queue)
        dead = rows.filter(state=QueuedJob.STARTED).filter(
            Q(started_at__lt=expired) | Q(started_at__isnull=True)
        )
        waiting = rows.filter(state=QueuedJob.QUEUED, queued_at__lt=expired).filter(
            Q(scheduled_at__isnull=True) | Q(scheduled_at__lt=expired)
        )
        for row in list(dead[:limit]) + list(waiting[:limit]):
            if row.state == QueuedJob.QUEUED:
                try:
                    if not _job_is_gone(row):
                        continue  # still on the queue, behind others
                except REDIS_DOWN:
                    continue
            if row.attempts >= MAX_ATTEMPTS:
                state, note = QueuedJob.FAILED, f"Gave up after {row.attempts} attempts."
            else:
                state, note = QueuedJob.PENDING, "Put back after its worker stopped."
            recovered += QueuedJob.objects.filter(pk=row.pk, state=row.state).update(
                state=state, last_error=note
            )
    return recovered


def jobs_relay(*, now: datetime | None = None, limit: int = RELAY_BATCH) -> dict:
    """Recover what dead workers left, then hand pending jobs to the queue. Safe to run from
    cron, from several places at once, and while Redis is down (it then hands over nothing)."""
    recovered = jobs_recover(now=now)
    handed = _relay_pending(limit=limit)
    pending = QueuedJob.objects.filter(state=QueuedJob.PENDING).count()
    return {"recovered": recovered, "handed_over": handed, "pending": pending}
