"""What RQ runs: the outbox row's job, once. The worker claims the row first; a second copy of
the same row on the queue (a relay that handed it over twice) finds it claimed and does nothing."""

from __future__ import annotations

from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import QueuedJob


def queued_job_run(*, queued_job_id: int):
    claimed = QueuedJob.objects.filter(
        pk=queued_job_id, state__in=[QueuedJob.PENDING, QueuedJob.QUEUED]
    ).update(state=QueuedJob.STARTED, started_at=timezone.now(), attempts=F("attempts") + 1)
    if not claimed:
        return None  # already run, running elsewhere, or rolled back with its transaction
    row = QueuedJob.objects.get(pk=queued_job_id)
    try:
        result = import_string(row.func)(**row.kwargs)
    except Exception as exc:
        QueuedJob.objects.filter(pk=row.pk).update(
            state=QueuedJob.FAILED,
            finished_at=timezone.now(),
            last_error=f"{type(exc).__name__}: {exc}"[:2000],
        )
        raise
    QueuedJob.objects.filter(pk=row.pk).update(state=QueuedJob.DONE, finished_at=timezone.now())
    return result
