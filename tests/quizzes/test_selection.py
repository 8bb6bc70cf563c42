"""A start draws from a list of candidates kept per process: it must never draw what the bank,
the quiz or the rulebook no longer allows, and must see a new question at the next start."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from quizzes import selection
from quizzes.models.quiz import PRACTICE
from quizzes.services import attempt_start
from scenarios.jobs import retire_questions
from scenarios.models import BankQuestion, ScenarioTemplate
from scenarios.rulebook import published_rulebook

from .conftest import TEMPLATES, make_quiz, publish_template

pytestmark = pytest.mark.django_db


def keys(quiz):
    return {c.key for c in selection.eligible(quiz, published_rulebook()).candidates}


def test_a_ready_list_is_reused_without_reading_the_bank(small_bank):
    quiz = make_quiz()
    first = selection.eligible(quiz, published_rulebook())
    with CaptureQueriesContext(connection) as queries:
        again = selection.eligible(quiz, published_rulebook())
    assert again is first
    assert not any("text" in q["sql"] for q in queries.captured_queries)


def test_a_retired_question_is_never_drawn_again(small_bank):
    quiz = make_quiz()
    before = keys(quiz)
    template = ScenarioTemplate.objects.get(key="terror-level")
    retired = set(BankQuestion.objects.filter(template=template).values_list("key", flat=True))
    assert retired <= before
    retire_questions(template_id=template.pk, reason="test")
    assert keys(quiz) == before - retired


def test_a_retired_question_left_in_a_drawn_list_is_not_copied(small_bank, officer):
    quiz = make_quiz(question_count=20)
    picked = selection.draw(
        selection.eligible(quiz, published_rulebook()),
        size=20,
        seed=1,
        rulebook=published_rulebook(),
    )
    gone = picked[0]
    assert len(picked) > 1
    BankQuestion.objects.filter(pk=gone.pk).update(active=False)
    rows = selection.drawn_rows(picked)
    assert gone.pk not in {row.pk for row in rows}
    assert [row.pk for row in rows] == [c.pk for c in picked[1:]]


def test_new_questions_are_seen_at_the_next_start(small_bank, run_queued_jobs):
    quiz = make_quiz()
    before = keys(quiz)
    publish_template(
        "ward-surgery",
        "Join us at the {ward} ward surgery this week.",
        "topic: community-meeting",
        [("ward", "Catford\nLee Green")],
    )
    run_queued_jobs()
    added = set(
        BankQuestion.objects.filter(template_key="ward-surgery").values_list("key", flat=True)
    )
    assert added and keys(quiz) == before | added


def test_the_quiz_filters_are_part_of_the_key(small_bank):
    quiz = make_quiz()
    everything = keys(quiz)
    quiz.rules = ["court-sentencing-window"]
    quiz.save()
    assert keys(quiz) < everything
    quiz.rules = []
    quiz.tags = "no-such-tag"
    quiz.save()
    assert keys(quiz) == set()


def test_a_start_after_retiring_asks_only_active_questions(small_bank, officer):
    quiz = make_quiz(mode=PRACTICE)
    retire_questions(
        template_id=ScenarioTemplate.objects.get(key=TEMPLATES[0][0]).pk, reason="test"
    )
    attempt = attempt_start(user=officer, quiz=quiz, seed=3)
    assert attempt.questions.exists()
    assert not attempt.questions.filter(bank_question__active=False).exists()


def test_a_worker_prepares_every_live_quiz_before_its_first_start(small_bank):
    quizzes = [make_quiz(), make_quiz(rules=["court-sentencing-window"])]
    selection._cache.clear()
    assert selection.prepare_live_quizzes() == 2
    for quiz in quizzes:
        with CaptureQueriesContext(connection) as queries:
            selection.eligible(quiz, published_rulebook())
        assert not any("text" in q["sql"] for q in queries.captured_queries)
