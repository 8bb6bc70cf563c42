"""RQ workers that read jobs as JSON, never pickle, whatever serializer they are handed
(`manage.py rqworker` passes pickle's unless told otherwise). RQ's scheduler inside the worker
uses the worker's serializer, so scheduled jobs are JSON too. Each worker also relays the
outbox when it starts and at RQ's maintenance interval (every 10 minutes)."""

import logging

from rq import SimpleWorker, Worker
from rq.serializers import JSONSerializer

from .services import jobs_relay

log = logging.getLogger(__name__)


class _Relaying:
    def run_maintenance_tasks(self):
        super().run_maintenance_tasks()
        try:
            jobs_relay()
        except Exception:  # noqa: BLE001  never stop the worker: cron's relay_jobs is the backstop
            log.exception("Relaying the job outbox failed")


class JSONWorker(_Relaying, Worker):
    def __init__(self, *args, serializer=None, **kwargs):
        super().__init__(*args, serializer=JSONSerializer, **kwargs)


class JSONSimpleWorker(_Relaying, SimpleWorker):
    """In-process, for tests: no fork, so its database writes land in the test's database."""

    def __init__(self, *args, serializer=None, **kwargs):
        super().__init__(*args, serializer=JSONSerializer, **kwargs)
