"""`manage.py rqworker default --burst`, for the test that kills a worker part-way through a job.

    python -m tests.scenarios.rqworker_until_killed FD

It starts the worker as manage.py does (the same settings, the same queue, RQ's usual forking
worker), with one change: `scenarios.jobs.checkpoint`, which the jobs call after each chunk they
commit, writes one line to file descriptor FD the first time it is called, "KIND DONE PID",
then blocks. The test reads that line, so it kills the worker at a known point of the job
instead of guessing with the clock. PID is the work horse's: RQ runs each job in a child
process, which survives its parent unless it is killed too.
"""

import os
import sys

# As manage.py: the environment names the settings, the development ones by default.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()  # scenarios.jobs imports the models

from django.core.management import execute_from_command_line  # noqa: E402

from scenarios import jobs  # noqa: E402

REPORT_FD = int(sys.argv[1])


def report_and_wait(kind: str, done: int) -> None:
    # One write of a short line: the test never reads half of it.
    os.write(REPORT_FD, f"{kind} {done} {os.getpid()}\n".encode())
    # Blocks until the test kills this process. The test holds stdin open until then, so end
    # of file means the test failed or went away first: stop here all the same, never
    # finishing the job or lingering with a database connection open.
    os.read(sys.stdin.fileno(), 1)
    os._exit(1)


jobs.checkpoint = report_and_wait
execute_from_command_line(["manage.py", "rqworker", "default", "--burst"])
