"""Gunicorn settings that scripts/serve.sh passes with -c (the command line sets the rest)."""

import gc


def post_worker_init(worker):
    # Everything loaded so far (Django, Wagtail, the URLconf) lives as long as the worker: move
    # it out of the collector's reach, so full collections during requests scan only what
    # requests made, and exiting on SIGTERM takes a second rather than many seconds of
    # collecting before gunicorn's graceful timeout kills the worker.
    gc.freeze()
