"""django-rq's `rqcron`, with every due job written to the outbox (JSON, kept while Redis is
down) instead of pickled straight onto the queue (RQ's cron builds a plain pickle queue), and
the outbox relayed each minute.

This app comes before django_rq in INSTALLED_APPS, so `manage.py rqcron courses.jobs` is this."""

import logging
import sys

from django_rq.cron import DjangoCronScheduler
from django_rq.management.commands.rqcron import Command as RQCronCommand
from rq.utils import now

from outbox.services import job_enqueue, jobs_relay

log = logging.getLogger(__name__)


class OutboxCronScheduler(DjangoCronScheduler):
    def enqueue_jobs(self):
        enqueued = []
        for cron_job in self._cron_jobs:
            if cron_job.should_run():
                job_enqueue(func=cron_job.func_name, kwargs=cron_job.kwargs)
                cron_job.set_enqueue_time(now())
                enqueued.append(cron_job)
        try:
            jobs_relay()
        except Exception:  # noqa: BLE001  keep scheduling; the next minute tries again
            log.exception("Relaying the job outbox failed")
        return enqueued


class Command(RQCronCommand):
    help = "Starts the RQ cron scheduler; due jobs go through the job outbox, as JSON"

    def handle(self, *args, **options):
        scheduler = OutboxCronScheduler(logging_level=getattr(logging, options["logging_level"]))
        try:
            self.stdout.write(f"Loading cron configuration from {options['config_path']}")
            scheduler.load_config_from_file(options["config_path"])
            self.stdout.write(f"Starting cron scheduler with {len(scheduler.get_jobs())} jobs...")
            scheduler.start()
        except KeyboardInterrupt:
            sys.exit(0)
