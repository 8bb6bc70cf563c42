"""The per-rule tallies behind "Rules got wrong": added as attempts are marked, equal to a count
of the answers themselves, rebuilt to the same rows."""

from datetime import date

import pytest
from django.utils import timezone

from courses.models import RuleTally
from courses.tallies import rule_tallies_rebuild, tally
from organisation.models import Borough
from quizzes import services
from quizzes.models import AttemptQuestion
from quizzes.models.quiz import ASSESSED, PRACTICE
from tests.quizzes.conftest import make_quiz

pytestmark = pytest.mark.django_db


def tallies() -> dict:
    return {
        (t.day, t.borough, t.unit, t.module, t.rule): (t.asked, t.wrong)
        for t in RuleTally.objects.all()
    }


def counted_from_answers() -> dict:
    """What the tallies must say, counted the slow way from every marked assessed answer."""
    found: dict = {}
    for answer in AttemptQuestion.objects.filter(
        attempt__mode=ASSESSED, correct__isnull=False
    ).select_related("attempt__user__profile"):
        profile = answer.attempt.user.profile
        day = timezone.localdate(answer.attempt.finished_at)
        for rule in set(answer.rules):
            key = (day, profile.borough_id or 0, profile.unit_id or 0, 0, rule)
            asked, wrong = found.get(key, (0, 0))
            found[key] = (asked + 1, wrong + (0 if answer.correct else 1))
    return found


def take(user, quiz, wrong_positions=()):
    """Start, answer (RED to every scenario in `wrong_positions` unless RED is right, then
    GREEN), submit: marking runs as it does for an officer."""
    attempt = services.attempt_start(user=user, quiz=quiz)
    for q in attempt.questions.all():
        if q.kind != "scenario":
            services.answer_save(user=user, attempt=attempt, position=q.position, choice=0)
            continue
        rating = q.rating
        if q.position in wrong_positions:
            rating = "GREEN" if q.rating == "RED" else "RED"
        services.answer_save(user=user, attempt=attempt, position=q.position, rating=rating)
    return services.attempt_submit(user=user, attempt=attempt)


def test_marking_an_assessed_attempt_adds_its_answers(officer, small_bank):
    quiz = make_quiz(mode=ASSESSED, question_count=6)
    take(officer, quiz, wrong_positions=(1, 2))
    expected = counted_from_answers()
    assert expected and tallies() == expected
    assert sum(wrong for _, wrong in expected.values()) >= 2
    # A second attempt adds to the same rows.
    take(officer, quiz, wrong_positions=(3,))
    assert tallies() == counted_from_answers()


def test_practice_is_never_counted(officer, small_bank):
    take(officer, make_quiz(mode=PRACTICE, question_count=6), wrong_positions=(1,))
    assert not RuleTally.objects.exists()


def test_a_rebuild_writes_the_same_rows(officer, small_bank):
    quiz = make_quiz(mode=ASSESSED, question_count=6)
    take(officer, quiz, wrong_positions=(1,))
    take(officer, quiz, wrong_positions=(2, 4))
    added = tallies()
    RuleTally.objects.update(asked=0, wrong=0)  # a damaged table
    assert rule_tallies_rebuild() == len(added)
    assert tallies() == added


def test_the_answer_counts_where_the_officer_was_when_they_answered(officer, small_bank):
    quiz = make_quiz(mode=ASSESSED, question_count=6)
    take(officer, quiz)
    croydon = Borough.objects.get(slug="croydon")
    officer.profile.borough = croydon
    officer.profile.save()
    take(officer, quiz)
    places = set(RuleTally.objects.values_list("borough", flat=True))
    assert places == {Borough.objects.get(slug="lewisham").pk, croydon.pk}


def test_each_rule_counts_an_answer_once():
    day = date(2026, 3, 1)
    counts = tally([(day, 1, 0, 0, ["red-topic", "red-topic", "ksi"], 3, 1)])
    assert counts[(day, 1, 0, 0, "red-topic"), "asked"] == 3
    assert counts[(day, 1, 0, 0, "red-topic"), "wrong"] == 1
    assert counts[(day, 1, 0, 0, "ksi"), "asked"] == 3
