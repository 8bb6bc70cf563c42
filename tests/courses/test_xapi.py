"""Learning records as xAPI 1.0.3 statements: the shape (required keys, IRIs, stable uuid
ids), one's own statements, and the trainers' streamed export within their scope."""

import json
import re
import uuid
from datetime import UTC, datetime, timedelta
from urllib.parse import urlparse

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.services import lesson_view_record
from courses.xapi import (
    RULES_EXTENSION,
    Answer,
    AttemptDone,
    LessonRead,
    attempt_statement,
    duration,
    lesson_statement,
    statement_id,
)
from organisation.factories import ProfileFactory, UserFactory
from organisation.models import Borough
from organisation.roles import OFFICER
from quizzes.factories import QuizFactory
from quizzes.models import AttemptQuestion

from .helpers import attempt

SITE = "https://training.example.police.uk"
T0 = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
VERBS = "http://adlnet.gov/expapi/verbs/"


def is_iri(value: str) -> bool:
    parts = urlparse(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def assert_statement(statement: dict) -> None:
    """The parts of xAPI 1.0.3 a learning record store insists on, and our own promises."""
    assert {"id", "actor", "verb", "object", "timestamp", "version"} <= set(statement)
    assert statement["version"] == "1.0.3"
    assert uuid.UUID(statement["id"]).version == 5
    actor = statement["actor"]
    assert actor["objectType"] == "Agent"
    assert set(actor) == {"objectType", "account"}  # no email, no other identifier
    assert is_iri(actor["account"]["homePage"]) and actor["account"]["name"]
    assert is_iri(statement["verb"]["id"]) and statement["verb"]["display"]["en-GB"]
    activity = statement["object"]
    assert activity["objectType"] == "Activity" and is_iri(activity["id"])
    assert activity["definition"]["name"]["en-GB"] and is_iri(activity["definition"]["type"])
    stamp = datetime.fromisoformat(statement["timestamp"])
    assert stamp.tzinfo is not None
    for parent in statement.get("context", {}).get("contextActivities", {}).get("parent", []):
        assert is_iri(parent["id"])
    for key in statement.get("context", {}).get("extensions", {}):
        assert is_iri(key)
    result = statement.get("result")
    if result is not None:
        assert isinstance(result["success"], bool) and result["completion"] is True
        assert re.fullmatch(r"PT(\d+H)?(\d+M)?[\d.]+S", result["duration"])
        score = result.get("score")
        if score:
            assert 0 <= score["scaled"] <= 1
            assert score["min"] <= score["raw"] <= score["max"]
    json.dumps(statement)  # plain JSON all through


# --------------------------------------------------------------------------- the builders

READ = LessonRead(7, "pc-jones", 12, "The RAG table", "abc-123", "Green: go for it", T0)
DONE = AttemptDone(
    id=9,
    username="pc-jones",
    quiz_id=3,
    quiz_title="The RAG table",
    module_id=12,
    module_title="The RAG table",
    mode="assessed",
    started_at=T0,
    finished_at=T0 + timedelta(minutes=4, seconds=5),
    score=75,
    points=30,
    max_points=40,
    passed=False,
    answers=(Answer(1, ("red-topic",), True), Answer(2, ("amber-not-public-domain",), False)),
)


def test_a_lesson_read_is_experienced():
    statement = lesson_statement(READ, site=SITE)
    assert_statement(statement)
    assert statement["verb"]["id"] == VERBS + "experienced"
    assert statement["actor"]["account"] == {"homePage": SITE, "name": "pc-jones"}
    assert (
        statement["object"]["id"] == f"{SITE}/training/xapi/activities/modules/12/lessons/abc-123"
    )
    assert statement["object"]["definition"]["name"] == {"en-GB": "Green: go for it"}
    assert statement["timestamp"] == "2026-11-02T09:30:00+00:00"
    assert "result" not in statement


def test_an_attempt_is_passed_or_failed_with_its_score_and_rules():
    statement = attempt_statement(DONE, site=SITE)
    assert_statement(statement)
    assert statement["verb"]["id"] == VERBS + "failed"
    assert statement["result"] == {
        "success": False,
        "completion": True,
        "duration": "PT4M5S",
        "score": {"scaled": 0.75, "raw": 30, "min": 0, "max": 40},
    }
    assert statement["context"]["extensions"][RULES_EXTENSION] == [
        {"position": 1, "rules": ["red-topic"], "correct": True},
        {"position": 2, "rules": ["amber-not-public-domain"], "correct": False},
    ]
    assert statement["context"]["contextActivities"]["parent"][0]["id"].endswith("/modules/12")
    passed = attempt_statement(
        AttemptDone(**{**DONE.__dict__, "passed": True, "module_id": None}), site=SITE
    )
    assert passed["verb"]["id"] == VERBS + "passed"
    assert "contextActivities" not in passed["context"]


def test_statement_ids_are_stable_and_distinct():
    assert lesson_statement(READ, site=SITE)["id"] == lesson_statement(READ, site=SITE)["id"]
    assert statement_id("lesson-view", 7) == lesson_statement(READ, site=SITE)["id"]
    assert statement_id("attempt", 7) != statement_id("lesson-view", 7)
    assert statement_id("attempt", 7) != statement_id("attempt", 8)


def test_durations():
    assert duration(0) == "PT0S"
    assert duration(3725.5) == "PT1H2M5.5S"


# --------------------------------------------------------------------------- the views


def officer(username, borough="lewisham"):
    user = UserFactory(username=username, roles=[OFFICER])
    ProfileFactory(user=user, borough=Borough.objects.get(slug=borough))
    return user


@pytest.fixture
def records(training, demo_users):
    """A lesson read and a marked attempt for an officer in Lewisham and one in Croydon."""
    module = training.modules["rag-table"]
    key = module.lesson_list()[0].key
    quiz = QuizFactory(title="The RAG table quiz")
    people = {}
    for n, (name, borough) in enumerate([("pc-lewisham", "lewisham"), ("pc-croydon", "croydon")]):
        person = people[name] = officer(name, borough)
        lesson_view_record(user=person, module=module, lesson_key=key, now=T0 + timedelta(days=n))
        done = attempt(person, quiz, score=100, passed=True)
        done.module_id = module.pk
        done.points = done.max_points = 20
        done.started_at = T0 + timedelta(days=n, hours=1)
        done.finished_at = T0 + timedelta(days=n, hours=1, minutes=5)
        done.save()
        for position, rules in enumerate([["green-topic"], ["red-topic"]], start=1):
            AttemptQuestion.objects.create(
                attempt=done,
                position=position,
                kind="scenario",
                text="…",
                rules=rules,
                correct=True,
                max_points=10,
                points=10,
            )
    return people


def statements(response) -> list[dict]:
    if response.streaming:
        body = b"".join(response.streaming_content).decode()
        return [json.loads(line) for line in body.splitlines()]
    return response.json()["statements"]


def test_my_statements_are_mine_only(records, client):
    client.force_login(records["pc-lewisham"])
    response = client.get(reverse("courses:xapi_statements"))
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    found = statements(response)
    assert len(found) == 2
    for statement in found:
        assert_statement(statement)
        assert statement["actor"]["account"]["name"] == "pc-lewisham"
        assert statement["actor"]["account"]["homePage"] == "http://127.0.0.1:8000"
    assert [s["verb"]["id"] for s in found] == [VERBS + "experienced", VERBS + "passed"]
    assert found[1]["context"]["extensions"][RULES_EXTENSION][1] == {
        "position": 2,
        "rules": ["red-topic"],
        "correct": True,
    }
    again = statements(client.get(reverse("courses:xapi_statements")))
    assert [s["id"] for s in again] == [s["id"] for s in found]


def test_since_and_until_filter(records, client):
    client.force_login(records["pc-lewisham"])
    url = reverse("courses:xapi_statements")
    assert len(statements(client.get(url, {"since": "2026-11-02T10:00:00+00:00"}))) == 1
    assert len(statements(client.get(url, {"until": "2026-11-02T10:00:00Z"}))) == 1
    assert statements(client.get(url, {"since": "2026-11-03"})) == []
    bad = client.get(url, {"since": "last week"})
    assert bad.status_code == 400 and "since" in bad.json()["error"]


def test_the_export_streams_the_statements_of_the_people_a_trainer_sees(records, client):
    users = {user.username: user for user in get_user_model().objects.all()}
    url = reverse("courses:xapi_export")
    client.force_login(users["spoc"])
    response = client.get(url)
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"] == "application/x-ndjson"
    found = statements(response)
    assert {s["actor"]["account"]["name"] for s in found} == {"pc-lewisham"}
    for statement in found:
        assert_statement(statement)

    client.force_login(users["social-media-team"])
    found = statements(client.get(url))
    assert {s["actor"]["account"]["name"] for s in found} == {"pc-lewisham", "pc-croydon"}
    stamps = [datetime.fromisoformat(s["timestamp"]) for s in found]
    assert stamps == sorted(stamps)  # lessons and attempts merged in time order
    found = statements(client.get(url, {"since": "2026-11-03", "until": "2026-11-04"}))
    assert {s["actor"]["account"]["name"] for s in found} == {"pc-croydon"}

    for who in ("officer", "press-bureau"):
        client.force_login(users[who])
        assert client.get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302  # to sign in


def test_the_export_reads_nothing_until_it_is_consumed(
    records, client, django_assert_max_num_queries
):
    client.force_login(get_user_model().objects.get(username="social-media-team"))
    with CaptureQueriesContext(connection) as opened:
        response = client.get(reverse("courses:xapi_export"))
    assert response.streaming
    assert not any("courses_lessonview" in q["sql"] for q in opened.captured_queries)
    with django_assert_max_num_queries(8):  # a few chunked queries, however many rows
        assert len(statements(response)) == 4
