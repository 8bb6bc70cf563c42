"""The learner-side services, tested directly: attempts never lose an answer, grade once, close
on time whether or not the officer comes back, and keep what was asked as it was asked."""

from datetime import timedelta

import pytest
from django.utils import timezone

from quizzes import services
from quizzes.errors import AttemptClosed, AttemptsUsedUp, BadAnswer, NotYours, QuizUnavailable
from quizzes.models import Attempt
from quizzes.models.attempt import EXPIRED, IN_PROGRESS, SUBMITTED
from quizzes.models.quiz import ASSESSED, PRACTICE
from scenarios.models import BankQuestion, RuleParameters, ScenarioTemplate

from .conftest import make_quiz

pytestmark = pytest.mark.django_db
T0 = timezone.now().replace(microsecond=0)


def start(user, quiz, **kwargs):
    return services.attempt_start(user=user, quiz=quiz, now=kwargs.pop("now", T0), **kwargs)


def answer_all(attempt, user, rating_for=lambda q: q.rating, now=T0):
    for q in attempt.questions.all():
        if q.kind == "scenario":
            services.answer_save(
                user=user, attempt=attempt, position=q.position, rating=rating_for(q), now=now
            )
        else:
            services.answer_save(
                user=user, attempt=attempt, position=q.position, choice=q.correct_choice, now=now
            )


def test_starting_copies_each_question_as_asked(officer, quiz):
    attempt = start(officer, quiz, seed=7)
    questions = list(attempt.questions.all())
    assert len(questions) == 6
    assert {q.rating for q in questions} == {"GREEN", "AMBER", "RED"}  # a covered pool
    for q in questions:
        bank = BankQuestion.objects.get(pk=q.bank_question_id)
        assert q.text == bank.text and q.facts == bank.facts
        assert q.verdict["rating"] == bank.rating
        assert q.verdict["rulebook_version"] == attempt.rulebook_version == 1
        assert q.rules and all(isinstance(rule, str) for rule in q.rules)
        assert q.account_name == "MPS Lewisham" and q.account_handle == "@MPSLewisham"


def test_the_same_seed_draws_the_same_questions(officer, other_officer, quiz):
    a = start(officer, quiz, seed=11)
    b = start(other_officer, quiz, seed=11)
    assert list(a.questions.values_list("text", flat=True)) == list(
        b.questions.values_list("text", flat=True)
    )


def test_starting_again_resumes_the_open_attempt_with_its_answers(officer, quiz):
    attempt = start(officer, quiz)
    first = attempt.questions.get(position=1)
    services.answer_save(user=officer, attempt=attempt, position=1, rating="RED", now=T0)
    again = start(officer, quiz, now=T0 + timedelta(hours=2))
    assert again.pk == attempt.pk
    assert again.questions.get(position=1).answer_rating == "RED"
    assert again.questions.get(position=1).text == first.text
    assert Attempt.objects.filter(user=officer).count() == 1


def test_an_answer_can_be_changed_until_submission(officer, quiz):
    attempt = start(officer, quiz)
    services.answer_save(user=officer, attempt=attempt, position=2, rating="GREEN", now=T0)
    services.answer_save(user=officer, attempt=attempt, position=2, rating="AMBER", now=T0)
    assert attempt.questions.get(position=2).answer_rating == "AMBER"


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"position": 1, "rating": "PURPLE"}, BadAnswer),
        ({"position": 1, "rating": None}, BadAnswer),
        ({"position": 99, "rating": "RED"}, BadAnswer),
        ({"position": 1, "rating": "RED", "contact": "the-mayor"}, BadAnswer),
    ],
)
def test_bad_answers_are_refused_with_a_reason_and_save_nothing(officer, quiz, kwargs, error):
    attempt = start(officer, quiz)
    with pytest.raises(error) as refused:
        services.answer_save(user=officer, attempt=attempt, now=T0, **kwargs)
    assert str(refused.value)
    assert not attempt.questions.filter(answered_at__isnull=False).exists()


def test_another_officers_attempt_is_out_of_reach(officer, other_officer, quiz):
    attempt = start(officer, quiz)
    with pytest.raises(NotYours):
        services.answer_save(user=other_officer, attempt=attempt, position=1, rating="RED")
    with pytest.raises(NotYours):
        services.attempt_submit(user=other_officer, attempt=attempt)
    assert attempt.questions.filter(answered_at__isnull=True).count() == 6


def test_submitting_twice_grades_once(officer, quiz):
    attempt = start(officer, quiz)
    answer_all(attempt, officer)
    first = services.attempt_submit(user=officer, attempt=attempt, now=T0 + timedelta(minutes=5))
    assert first.status == SUBMITTED and first.score == 100 and first.passed
    # A resent form after the officer changed tabs: nothing moves.
    with pytest.raises(AttemptClosed):
        services.answer_save(user=officer, attempt=attempt, position=1, rating="GREEN")
    second = services.attempt_submit(user=officer, attempt=attempt, now=T0 + timedelta(hours=1))
    assert second.finished_at == first.finished_at
    assert (second.points, second.score) == (first.points, first.score)


def test_scoring_is_weighted_by_risk(officer, quiz):
    attempt = start(officer, quiz, seed=3)
    questions = {q.position: q for q in attempt.questions.all()}
    red = next(q for q in questions.values() if q.rating == "RED")
    green = next(q for q in questions.values() if q.rating == "GREEN")

    def rating_for(q):
        if q.pk == red.pk:
            return "GREEN"  # the dangerous mistake
        if q.pk == green.pk:
            return "RED"  # over-cautious
        return q.rating

    answer_all(attempt, officer, rating_for)
    graded = services.attempt_submit(user=officer, attempt=attempt)
    assert graded.dangerous_mistakes == 1
    assert graded.points == 3 * 6 - 3 - 2  # red->green loses all 3, green->red loses 2
    red.refresh_from_db()
    green.refresh_from_db()
    assert red.dangerous and red.points == 0 and not red.correct
    assert not green.dangerous and green.points == 1


def test_one_dangerous_mistake_can_fail_a_quiz(officer, small_bank):
    quiz = make_quiz(title="Strict", pass_mark=10, fail_on_dangerous=True)
    attempt = start(officer, quiz, seed=3)
    red = next(q for q in attempt.questions.all() if q.rating == "RED")
    answer_all(attempt, officer, lambda q: "GREEN" if q.pk == red.pk else q.rating)
    graded = services.attempt_submit(user=officer, attempt=attempt)
    assert graded.score >= 10 and graded.dangerous_mistakes == 1
    assert not graded.passed


def test_the_contact_is_scored_apart(officer, small_bank):
    quiz = make_quiz(title="Contacts", ask_contact=True)
    attempt = start(officer, quiz, seed=5)
    for q in attempt.questions.all():
        services.answer_save(
            user=officer, attempt=attempt, position=q.position, rating=q.rating, contact="dmc"
        )
    graded = services.attempt_submit(user=officer, attempt=attempt)
    asked = [q for q in attempt.questions.all() if q.rating != "GREEN"]
    assert graded.contacts_asked == len(asked)
    right = sum(1 for q in asked if q.verdict["contact"] == "dmc")
    assert graded.contacts_right == right
    assert graded.score == 100  # the contact does not change the points


def test_past_its_time_an_attempt_closes_with_the_answers_saved_so_far(officer, small_bank):
    quiz = make_quiz(title="Timed", time_limit_minutes=10)
    attempt = start(officer, quiz)
    assert attempt.deadline == T0 + timedelta(minutes=10)
    services.answer_save(user=officer, attempt=attempt, position=1, rating="RED", now=T0)
    late = T0 + timedelta(minutes=11)
    with pytest.raises(AttemptClosed):
        services.answer_save(user=officer, attempt=attempt, position=2, rating="RED", now=late)
    attempt.refresh_from_db()
    assert attempt.status == EXPIRED and attempt.score is not None
    saved = attempt.questions.filter(answered_at__isnull=False)
    assert list(saved.values_list("position", flat=True)) == [1]


def test_an_attempt_closes_on_time_even_if_the_officer_never_comes_back(officer, small_bank):
    quiz = make_quiz(title="Timed", time_limit_minutes=10)
    attempt = start(officer, quiz)
    services.answer_save(user=officer, attempt=attempt, position=1, rating="RED", now=T0)
    assert services.attempts_expire_due(now=T0 + timedelta(minutes=9)) == 0
    assert services.attempts_expire_due(now=T0 + timedelta(minutes=10)) == 1
    attempt.refresh_from_db()
    assert attempt.status == EXPIRED and attempt.finished_at == T0 + timedelta(minutes=10)
    assert services.attempts_expire_due(now=T0 + timedelta(days=1)) == 0  # idempotent


def test_the_attempts_allowed_are_counted_and_practice_never_counts(officer, small_bank):
    quiz = make_quiz(title="Twice", attempts_allowed=2)
    for _ in range(3):
        practice = start(officer, quiz, mode=PRACTICE)
        services.attempt_submit(user=officer, attempt=practice)
    for _ in range(2):
        attempt = start(officer, quiz, mode=ASSESSED)
        services.attempt_submit(user=officer, attempt=attempt)
    assert services.attempts_used(user=officer, quiz=quiz) == 2
    with pytest.raises(AttemptsUsedUp) as refused:
        start(officer, quiz, mode=ASSESSED)
    assert "all 2 attempts" in str(refused.value)


def test_an_unpublished_or_practice_only_quiz_cannot_be_taken_assessed(officer, small_bank):
    quiz = make_quiz(title="Practice only", mode=PRACTICE)
    with pytest.raises(QuizUnavailable):
        start(officer, quiz, mode=ASSESSED)
    quiz.unpublish()
    with pytest.raises(QuizUnavailable):
        start(officer, quiz, mode=PRACTICE)


def test_later_changes_never_change_a_submitted_attempt(officer, quiz):
    attempt = start(officer, quiz, seed=9)
    answer_all(attempt, officer)
    graded = services.attempt_submit(user=officer, attempt=attempt)
    before = list(attempt.questions.values_list("text", "verdict", "points", "correct"))
    # The rulebook changes (a longer court window), and a template is deleted.
    params = RuleParameters.objects.get()
    params.sentencing_window_days = 14
    params.save_revision().publish()
    ScenarioTemplate.objects.get(key="court-window").delete()
    BankQuestion.objects.update(text="edited")
    after = list(attempt.questions.values_list("text", "verdict", "points", "correct"))
    assert after == before
    attempt.refresh_from_db()
    assert (attempt.score, attempt.points, attempt.passed) == (
        graded.score,
        graded.points,
        graded.passed,
    )


def test_a_retake_asks_more_about_the_rules_missed_last_time(officer, small_bank):
    quiz = make_quiz(title="Retake", question_count=6)
    attempt = start(officer, quiz, seed=21)
    # Wrong on every court-window question: its rules are the ones missed.
    answer_all(
        attempt, officer, lambda q: "GREEN" if q.facts["topic"] == "court-result" else q.rating
    )
    first = services.attempt_submit(user=officer, attempt=attempt)
    assert not first.passed
    missed = services.missed_rules(first)
    assert missed
    retake = start(officer, quiz, seed=22)
    assert retake.number == 2
    assert set(retake.focus_rules) <= missed and retake.focus_rules
    on_missed = [q for q in retake.questions.all() if set(q.rules) & missed]
    assert len(on_missed) >= 3  # at least half of six


def test_a_quiz_with_no_questions_says_so(officer, db):
    quiz = make_quiz(title="Empty", question_count=5)
    with pytest.raises(QuizUnavailable) as refused:
        start(officer, quiz)
    assert "no questions yet" in str(refused.value)
    assert not Attempt.objects.exists()


def test_fixed_questions_are_asked_and_marked(officer, small_bank):
    quiz = make_quiz(
        title="With a written question",
        question_count=2,
        fixed=[
            (
                "Who do you call at 2 am about a breaking major incident?",
                "* DMC's 24-hour Press Bureau\nYour borough SPOC\nNobody: post it yourself",
                "The Press Bureau handles breaking and major incidents day and night.",
            )
        ],
    )
    attempt = start(officer, quiz)
    fixed = attempt.questions.get(kind="fixed")
    assert fixed.choices[fixed.correct_choice] == "DMC's 24-hour Press Bureau"
    services.answer_save(user=officer, attempt=attempt, position=fixed.position, choice=1)
    with pytest.raises(BadAnswer):
        services.answer_save(user=officer, attempt=attempt, position=fixed.position, choice=7)
    services.attempt_submit(user=officer, attempt=attempt)
    fixed.refresh_from_db()
    assert fixed.correct is False and fixed.points == 0


def test_the_open_attempt_status_is_in_progress(officer, quiz):
    assert start(officer, quiz).status == IN_PROGRESS
