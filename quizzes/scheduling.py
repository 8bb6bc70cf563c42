"""Closing timed attempts when their time runs out, whether or not the officer comes back.

With a real queue (REDIS_URL), the expiry is scheduled at the deadline through the outbox: the
row commits with the attempt, so it is kept while Redis is down and handed over when it is back;
the worker runs it (`rqworker default --with-scheduler`). Without one, an attempt past its time
is closed the next time anyone touches it, and `manage.py expire_attempts` closes the rest (run
it from cron, or let the scheduled sweep do it)."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings

from outbox.services import job_enqueue

EXPIRE_JOB = "quizzes.jobs.expire_attempt"  # by name: the jobs call the services


def schedule_expiry(attempt_id: int, deadline: datetime) -> None:
    if not settings.REDIS_URL:
        return
    job_enqueue(func=EXPIRE_JOB, kwargs={"attempt_id": attempt_id}, at=deadline)
