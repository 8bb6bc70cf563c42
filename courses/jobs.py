"""Training jobs, run through django-rq (in-process when there is no Redis). Each is
idempotent: running one twice, or two workers running it at once, changes nothing more.

Scheduling. With a real queue, RQ's cron scheduler enqueues the reminders every day at 07:00
UTC: run `python manage.py rqcron courses.jobs` (one process, beside `rqworker`); this module is
its configuration (the `cron.register` call below). Without Redis there is no scheduler: run
`python manage.py send_reminders` from the system's cron instead.
"""

from __future__ import annotations

import logging

import django_rq
from rq import cron

from .refreshers import refreshers_mark
from .reminders import reminders_send

log = logging.getLogger(__name__)

REMINDERS_CRON = "0 7 * * *"  # daily, 07:00 UTC (07:00 or 08:00 in London)


def reminders_daily() -> dict:
    """The scheduled run: reminders due today, and the trainers' weekly digest."""
    return reminders_send()


def refreshers_mark_job(*, version: int) -> int:
    return refreshers_mark(version=version)


def enqueue_reminders():
    return django_rq.enqueue(reminders_daily)


def enqueue_refreshers_mark(*, version: int) -> None:
    try:
        django_rq.enqueue(refreshers_mark_job, version=version)
    except Exception:  # noqa: BLE001  the queue is down: mark here rather than not at all
        log.warning("Could not queue refresher marking for version %s", version, exc_info=True)
        refreshers_mark(version=version)


# Read by `manage.py rqcron courses.jobs`; elsewhere it only notes the job in a list RQ's
# cron scheduler clears before loading its configuration.
cron.register(reminders_daily, "default", cron=REMINDERS_CRON, name="courses-reminders-daily")
