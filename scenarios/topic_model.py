"""The draft checker's topic model: trained on the question bank and the hand-written examples,
stored in the database, loaded once per process.

The pure ``scenarios.suggest`` library does the learning; this module only feeds it rows and
keeps what it returns. Training runs by command (``train_topic_model``) and as a job whenever
the bank changes; it is skipped when the latest model already learnt from exactly these texts.
"""

from __future__ import annotations

import hashlib
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import sklearn
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from outbox.models import QueuedJob
from outbox.services import job_enqueue
from scenarios.models import BankQuestion, TopicModelFile
from scenarios.rulebook import published_rulebook
from scenarios.suggest import (
    FORMAT,
    ModelFileError,
    TopicModel,
    hand_written_examples,
    labelled_posts,
    word_lists_digest,
)

TRAIN_JOB = "scenarios.topic_model.topic_model_train_job"
SEED = 20261126
KEEP = 3  # older models are deleted; the latest few stay for a process still loading one
# With a worker, training waits this long after a bank change, so a run of changes (a trainer
# publishing templates one after another) trains once, not once each.
TRAIN_DELAY = timedelta(seconds=60)

_lock = threading.Lock()
_loaded: dict[str, TopicModel] = {}  # fingerprint -> the model, loaded once per process
# fingerprint -> (file, seconds): the same texts and seed always train the same model, so a
# process asked again (a worker retrying, a test database rebuilt) stores it without retraining.
_trained: dict[str, tuple[bytes, float]] = {}


class TopicModelNotReady(Exception):
    """No model has been trained yet (a fresh site: the training job has been queued)."""


def training_texts() -> tuple[list[tuple[str, str]], int, str]:
    """The bank's (text, topic) pairs to learn from (the model adds the hand-written examples
    and labelled drafts itself), how many there are in all, and the fingerprint of everything
    it learns from."""
    slugs = sorted(published_rulebook().topics)
    known = set(slugs)
    bank = [
        (text, topic)
        for key, text, topic in BankQuestion.objects.filter(active=True)
        .order_by("key")
        .values_list("key", "text", "topic")
        .iterator(chunk_size=2000)
        if topic in known
    ]
    hand = list(hand_written_examples())
    digest = hashlib.sha256()
    for part in (sklearn.__version__, FORMAT, word_lists_digest(), str(SEED), *slugs):
        digest.update(part.encode() + b"\x1f")
    for text, topic in (*bank, *hand):
        digest.update(topic.encode() + b"\x1e" + text.encode() + b"\x1f")
    drafts = labelled_posts()
    for post in drafts:
        flags = ",".join(sorted(post.flags))
        digest.update(f"{post.writer}\x1e{post.topic}\x1e{flags}\x1e{post.text}\x1f".encode())
    return bank, len(bank) + len(hand) + len(drafts), digest.hexdigest()


def topic_model_train(*, force: bool = False) -> TopicModelFile:
    """Train and store a model, unless one already learnt from exactly these texts."""
    bank, total, fingerprint = training_texts()
    if not force:
        existing = TopicModelFile.objects.filter(fingerprint=fingerprint).first()
        if existing is not None:
            return existing
    trained = None if force else _trained.get(fingerprint)
    if trained is None:
        started = time.perf_counter()
        model = TopicModel.train(bank, seed=SEED, version=fingerprint[:12])
        seconds = time.perf_counter() - started
        trained = _trained[fingerprint] = (_file_of(model), seconds)
        while len(_trained) > KEEP:
            del _trained[next(iter(_trained))]
    data, seconds = trained
    with transaction.atomic():
        row, _ = TopicModelFile.objects.update_or_create(
            fingerprint=fingerprint,
            defaults={
                "data": data,
                "examples": total,
                "bank_questions": len(bank),
                "topics": _topics_of(bank),
                "library_version": sklearn.__version__,
                "seconds": round(seconds, 3),
            },
        )
        stale = TopicModelFile.objects.order_by("-pk").values_list("pk", flat=True)[KEEP:]
        TopicModelFile.objects.filter(pk__in=list(stale)).delete()
    return row


def _file_of(model: TopicModel) -> bytes:
    # The pure library saves to a path; the database keeps the bytes.
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "topic-model"
        model.save(path)
        return path.read_bytes()


def _model_of(data: bytes) -> TopicModel:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "topic-model"
        path.write_bytes(data)
        return TopicModel.load(path)


def _topics_of(bank: list[tuple[str, str]]) -> int:
    hand = (*hand_written_examples(), *((post.text, post.topic) for post in labelled_posts()))
    return len({topic for _, topic in (*bank, *hand)})


def topic_model_train_job() -> dict:
    row = topic_model_train()
    return {"fingerprint": row.fingerprint, "examples": row.examples}


def enqueue_training() -> QueuedJob | None:
    """Queue a training run (it commits with the caller's transaction), unless one is waiting
    already: that one will see this change too."""
    waiting = QueuedJob.objects.filter(
        func=TRAIN_JOB, state__in=[QueuedJob.PENDING, QueuedJob.QUEUED]
    ).exists()
    if waiting:
        return None
    return job_enqueue(func=TRAIN_JOB, at=timezone.now() + TRAIN_DELAY)


_held = threading.local()


@contextmanager
def training_held() -> Iterator[None]:
    """Bank changes inside the block (loading the starter library: dozens of templates, each
    generating its questions) queue one training at the end instead of one each."""
    depth = getattr(_held, "depth", 0)
    _held.depth = depth + 1
    try:
        yield
    finally:
        _held.depth = depth
        if depth == 0 and getattr(_held, "changed", False):
            _held.changed = False
            enqueue_training()


def bank_changed() -> None:
    """The bank's active questions changed: the topic model should learn from them."""
    if not settings.TOPIC_MODEL_TRAINS_ON_BANK_CHANGE:
        return
    if getattr(_held, "depth", 0):
        _held.changed = True
        return
    enqueue_training()


def current_model() -> TopicModel:
    """The latest trained model, loaded once per process (one small query per call to see
    whether a newer one has been trained). Raises ``TopicModelNotReady``."""
    latest = TopicModelFile.objects.order_by("-pk").values_list("pk", "fingerprint").first()
    if latest is None:
        raise TopicModelNotReady
    pk, fingerprint = latest
    model = _loaded.get(fingerprint)
    if model is None:
        with _lock:
            model = _loaded.get(fingerprint)
            if model is None:
                data = TopicModelFile.objects.filter(pk=pk).values_list("data", flat=True).first()
                if data is None:  # deleted meanwhile by a newer training
                    raise TopicModelNotReady
                try:
                    model = _model_of(bytes(data))
                except ModelFileError as error:
                    # Saved by an older release or scikit-learn: not usable until retrained,
                    # which the caller queues, as on a fresh site.
                    raise TopicModelNotReady(str(error)) from error
                _loaded.clear()  # one model per process: a newer one replaces the old
                _loaded[fingerprint] = model
    return model


def forget_loaded() -> None:
    """Drop what this process has loaded (tests; a process that must re-read at once)."""
    with _lock:
        _loaded.clear()
