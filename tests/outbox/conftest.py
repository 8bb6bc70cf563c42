import django_rq
import pytest

from outbox.workers import JSONSimpleWorker
from tests.quizzes.conftest import officer, quiz, small_bank  # noqa: F401  (fixtures)

CLOSED = "redis://127.0.0.1:1/0"  # nothing listens on port 1: redis-py's ConnectionError


@pytest.fixture
def redis_down(settings):
    """Point the queue at a closed port; call the returned function to bring Redis back (the
    in-process fakeredis without REDIS_URL, the real one in the real-services run)."""
    up = (settings.REDIS_URL, settings.RQ_QUEUES)
    settings.REDIS_URL = CLOSED
    settings.RQ_QUEUES = {
        "default": {
            "URL": f"{CLOSED}?socket_connect_timeout=1",
            "DEFAULT_TIMEOUT": 600,
            "SERIALIZER": settings.RQ_SERIALIZER,
        }
    }

    def back_up():
        settings.REDIS_URL, settings.RQ_QUEUES = up

    return back_up


@pytest.fixture
def work_queue(settings):
    """Work off the queue with a JSON worker in this process (with a real Redis; without one
    the jobs already ran in-process)."""

    def work():
        if settings.REDIS_URL:
            django_rq.get_worker("default", worker_class=JSONSimpleWorker).work(burst=True)

    return work
