"""Training jobs, queued through the outbox (in-process when there is no Redis). Each is
idempotent: running one twice, or two workers running it at once, changes nothing more
(reminders claim each person, item and stage once; refresher marking adds a rule once).

Scheduling. With a real queue, RQ's cron scheduler enqueues the reminders every day at 07:00
UTC: run `python manage.py rqcron courses.jobs` (one process, beside `rqworker`; the outbox
app's version of the command, which queues through the outbox); this module is its
configuration (the `cron.register` call below). Without Redis there is no scheduler: run
`python manage.py send_reminders` from the system's cron instead.
"""

from __future__ import annotations

from rq import cron

from outbox.models import QueuedJob
from outbox.services import job_enqueue
from quizzes.jobs import expire_due_attempts

from .refreshers import refreshers_mark
from .reminders import reminders_send

REMINDERS_CRON = "0 7 * * *"  # daily, 07:00 UTC (07:00 or 08:00 in London)


def reminders_daily() -> dict:
    """The scheduled run: reminders due today, and the trainers' weekly digest."""
    return reminders_send()


def refreshers_mark_job(*, version: int) -> int:
    return refreshers_mark(version=version)


def enqueue_reminders() -> QueuedJob:
    return job_enqueue(func="courses.jobs.reminders_daily")


def enqueue_refreshers_mark(*, version: int) -> QueuedJob:
    # Kept in the outbox while Redis is down, and run once it is back.
    return job_enqueue(func="courses.jobs.refreshers_mark_job", kwargs={"version": version})


# Read by `manage.py rqcron courses.jobs`; elsewhere it only notes the job in a list RQ's
# cron scheduler clears before loading its configuration.
cron.register(reminders_daily, "default", cron=REMINDERS_CRON, name="courses-reminders-daily")
# A backstop for the expiry scheduled at each deadline (one lost with Redis's data, say).
cron.register(expire_due_attempts, "default", interval=300, name="quizzes-expire-due")
