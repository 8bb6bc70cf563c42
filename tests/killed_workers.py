"""What the killed-worker tests share: a worker's death, and a moment after its job's lease."""

from django.utils import timezone

from outbox.services import lease_of


class WorkerKilled(BaseException):
    """As SIGKILL: nothing in the job may catch it and tidy up (RQ's in-process run swallows
    it, as a dead worker's job simply stops)."""


def after_the_lease():
    """A moment when any job claimed until now counts as abandoned by its worker."""
    return timezone.now() + lease_of("default") + timezone.timedelta(seconds=1)
