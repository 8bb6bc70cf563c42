"""Closing timed attempts when their time runs out, whether or not the officer comes back.

With a real queue (REDIS_URL), the expiry is scheduled at the deadline; the worker runs it
(`rqworker default --with-scheduler`). Without one, an attempt past its time is closed the
next time anyone touches it, and `manage.py expire_attempts` closes the rest (run it from cron,
or let the scheduled sweep do it)."""

from __future__ import annotations

import logging
from datetime import datetime

import django_rq
from django.conf import settings

log = logging.getLogger(__name__)
EXPIRE_JOB = "quizzes.jobs.expire_attempt"  # by name: the jobs call the services


def schedule_expiry(attempt_id: int, deadline: datetime) -> None:
    if not settings.REDIS_URL:
        return
    try:
        django_rq.get_queue("default").enqueue_at(deadline, EXPIRE_JOB, attempt_id)
    except Exception:  # noqa: BLE001  the queue is down: the sweep and lazy expiry still close it
        log.warning("Could not schedule the expiry of attempt %s", attempt_id, exc_info=True)
