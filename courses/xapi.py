"""Learning records as xAPI 1.0.3 statements, for a learning record store or an audit.

Each lesson read (`LessonView`) is "experienced"; each finished attempt is "passed" or
"failed" (completed), with its score, and under our extension IRI the rules each answer tested
and whether it was right. The person is an account on this site (its URL and the username),
never an email address. A statement's id is a uuid5 of the row it comes from, so exporting it
again gives the same id and a store does not count it twice.

The builders are pure (plain data in, dicts out); `statements_of` is the adapter that reads
the rows, streaming, in time order.
"""

from __future__ import annotations

import heapq
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from courses.models import LessonView
from quizzes.models import Attempt
from quizzes.models.attempt import EXPIRED, SUBMITTED

XAPI_VERSION = "1.0.3"
# Our namespace for statement ids: fixed forever, or every id would change.
NAMESPACE = uuid.UUID("6a1f6c9e-1d0b-5b8e-9a57-3c1c2b3f4e10")
RULES_EXTENSION = "https://media-awareness.example/xapi/rules"
MODE_EXTENSION = "https://media-awareness.example/xapi/mode"
VERBS = {
    "experienced": "http://adlnet.gov/expapi/verbs/experienced",
    "passed": "http://adlnet.gov/expapi/verbs/passed",
    "failed": "http://adlnet.gov/expapi/verbs/failed",
}
LESSON_TYPE = "http://adlnet.gov/expapi/activities/lesson"
ASSESSMENT_TYPE = "http://adlnet.gov/expapi/activities/assessment"
MODULE_TYPE = "http://adlnet.gov/expapi/activities/module"
LANGUAGE = "en-GB"


# --------------------------------------------------------------------------- pure core


@dataclass(frozen=True)
class LessonRead:
    id: int
    username: str
    module_id: int | None
    module_title: str
    lesson_key: str
    lesson_title: str
    viewed_at: datetime


@dataclass(frozen=True)
class Answer:
    position: int
    rules: tuple[str, ...]
    correct: bool


@dataclass(frozen=True)
class AttemptDone:
    id: int
    username: str
    quiz_id: int
    quiz_title: str
    module_id: int | None
    module_title: str
    mode: str
    started_at: datetime
    finished_at: datetime
    score: int | None  # per cent
    points: int
    max_points: int
    passed: bool
    answers: tuple[Answer, ...] = ()


def statement_id(kind: str, pk: int) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{pk}"))


def _actor(username: str, site: str) -> dict:
    return {"objectType": "Agent", "account": {"homePage": site, "name": username}}


def _verb(name: str) -> dict:
    return {"id": VERBS[name], "display": {LANGUAGE: name}}


def _activity(iri: str, name: str, kind: str) -> dict:
    return {
        "objectType": "Activity",
        "id": iri,
        "definition": {"name": {LANGUAGE: name or "Untitled"}, "type": kind},
    }


def module_iri(site: str, module_id: int | None) -> str:
    return f"{site}/training/xapi/activities/modules/{module_id or 'deleted'}"


def _timestamp(moment: datetime) -> str:
    return moment.isoformat()


def duration(seconds: float) -> str:
    """ISO 8601 duration, as xAPI wants it: PT1H2M3.5S."""
    seconds = max(0.0, round(seconds, 2))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    text = "PT"
    if hours:
        text += f"{int(hours)}H"
    if minutes:
        text += f"{int(minutes)}M"
    return text + f"{secs:g}S"


def lesson_statement(read: LessonRead, *, site: str) -> dict:
    iri = f"{module_iri(site, read.module_id)}/lessons/{read.lesson_key}"
    module = _activity(module_iri(site, read.module_id), read.module_title, MODULE_TYPE)
    return {
        "id": statement_id("lesson-view", read.id),
        "version": XAPI_VERSION,
        "actor": _actor(read.username, site),
        "verb": _verb("experienced"),
        "object": _activity(iri, read.lesson_title, LESSON_TYPE),
        "context": {
            "platform": "Media awareness",
            "language": LANGUAGE,
            "contextActivities": {"parent": [module]},
        },
        "timestamp": _timestamp(read.viewed_at),
    }


def attempt_statement(done: AttemptDone, *, site: str) -> dict:
    result: dict = {
        "success": done.passed,
        "completion": True,
        "duration": duration((done.finished_at - done.started_at).total_seconds()),
    }
    if done.score is not None and done.max_points:
        result["score"] = {
            "scaled": round(done.score / 100, 4),
            "raw": done.points,
            "min": 0,
            "max": done.max_points,
        }
    context: dict = {
        "platform": "Media awareness",
        "language": LANGUAGE,
        "extensions": {
            RULES_EXTENSION: [
                {"position": a.position, "rules": list(a.rules), "correct": a.correct}
                for a in done.answers
            ],
            MODE_EXTENSION: done.mode,
        },
    }
    if done.module_id is not None:
        parent = _activity(module_iri(site, done.module_id), done.module_title, MODULE_TYPE)
        context["contextActivities"] = {"parent": [parent]}
    return {
        "id": statement_id("attempt", done.id),
        "version": XAPI_VERSION,
        "actor": _actor(done.username, site),
        "verb": _verb("passed" if done.passed else "failed"),
        "object": _activity(
            f"{site}/training/xapi/activities/quizzes/{done.quiz_id}",
            done.quiz_title,
            ASSESSMENT_TYPE,
        ),
        "result": result,
        "context": context,
        "timestamp": _timestamp(done.finished_at),
    }


# --------------------------------------------------------------------------- adapter


def _lesson_reads(people, since, until) -> Iterator[tuple[datetime, int, LessonRead]]:
    rows = LessonView.objects.filter(user__in=people)
    if since:
        rows = rows.filter(viewed_at__gte=since)
    if until:
        rows = rows.filter(viewed_at__lt=until)
    rows = rows.order_by("viewed_at", "pk").values_list(
        "pk", "user__username", "page_id", "module_title", "lesson_key", "lesson_title", "viewed_at"
    )
    for row in rows.iterator(chunk_size=1000):
        yield row[-1], 0, LessonRead(*row)


def _attempts_done(people, since, until) -> Iterator[tuple[datetime, int, AttemptDone]]:
    rows = Attempt.objects.filter(
        user__in=people, status__in=(SUBMITTED, EXPIRED), finished_at__isnull=False
    )
    if since:
        rows = rows.filter(finished_at__gte=since)
    if until:
        rows = rows.filter(finished_at__lt=until)
    rows = (
        rows.select_related("user", "quiz", "module")
        .prefetch_related("questions")
        .order_by("finished_at", "pk")
    )
    for attempt in rows.iterator(chunk_size=200):
        answers = tuple(
            Answer(q.position, tuple(q.rules or ()), bool(q.correct))
            for q in attempt.questions.all()
        )
        module = attempt.module
        yield (
            attempt.finished_at,
            1,
            AttemptDone(
                id=attempt.pk,
                username=attempt.user.get_username(),
                quiz_id=attempt.quiz_id,
                quiz_title=attempt.settings.get("title") or attempt.quiz.title,
                module_id=attempt.module_id,
                module_title=module.title if module else "",
                mode=attempt.mode,
                started_at=attempt.started_at,
                finished_at=attempt.finished_at,
                score=attempt.score,
                points=attempt.points,
                max_points=attempt.max_points,
                passed=bool(attempt.passed),
                answers=answers,
            ),
        )


def statements_of(
    people, *, site: str, since: datetime | None = None, until: datetime | None = None
) -> Iterator[dict]:
    """The statements of these people (a queryset of users), oldest first, read a chunk at a
    time: lessons and attempts merged by their time. `since` inclusive, `until` exclusive."""
    merged = heapq.merge(
        _lesson_reads(people, since, until),
        _attempts_done(people, since, until),
        key=lambda item: (item[0], item[1]),
    )
    for _, kind, data in merged:
        if kind == 0:
            yield lesson_statement(data, site=site)
        else:
            yield attempt_statement(data, site=site)
