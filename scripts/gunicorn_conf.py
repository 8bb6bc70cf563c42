"""Gunicorn settings that scripts/serve.sh passes with -c (the command line sets the rest)."""

import gc
import logging

log = logging.getLogger("gunicorn.error")


def post_worker_init(worker):
    # Imported here, not at the top: this file is read before gunicorn loads Django.
    from django.db import DatabaseError, connections

    from quizzes.selection import prepare_live_quizzes

    # Every live quiz's candidates made ready before the first request, so a spike of starts
    # does not queue behind each worker preparing them one start at a time.
    try:
        log.info("worker %s prepared %d quizzes", worker.pid, prepare_live_quizzes())
    except DatabaseError as exc:  # a database not migrated yet: the first start prepares it
        log.warning("worker %s did not prepare the quizzes: %s", worker.pid, exc)
    finally:
        connections.close_all()
    # Everything loaded so far (Django, Wagtail, the URLconf, the quizzes' candidates) lives as
    # long as the worker: move it out of the collector's reach, so full collections during
    # requests scan only what requests made, and exiting on SIGTERM takes a second rather than
    # many seconds of collecting before gunicorn's graceful timeout kills the worker.
    gc.freeze()
