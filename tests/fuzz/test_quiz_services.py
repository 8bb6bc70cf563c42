"""Fuzzing the quiz services: any sequence of saves and submits, with any question number,
rating, contact or choice, by the owner or someone else, before and after the time limit.
Only a ``QuizError`` (with its message for the officer) ever comes out; what was saved while the
attempt was open is exactly what was accepted, and nothing changes once it is closed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from quizzes import services
from quizzes.errors import AttemptClosed, BadAnswer, NotYours, QuizError
from quizzes.marking import CONTACT_CHOICES, RATINGS
from quizzes.models import Attempt
from quizzes.models.attempt import EXPIRED, FIXED, IN_PROGRESS, SUBMITTED
from tests.fuzz.profile import FUZZ_DB
from tests.quizzes.conftest import make_quiz

pytestmark = pytest.mark.django_db

LIMIT = timedelta(minutes=20)

positions = st.integers(min_value=-3, max_value=12) | st.integers() | st.just(2**63)
ratings = st.none() | st.sampled_from(RATINGS) | st.text(max_size=12) | st.just("green")
contacts = st.none() | st.sampled_from([*CONTACT_CHOICES, ""]) | st.text(max_size=12)
choices = st.none() | st.integers(min_value=-2, max_value=5) | st.integers()
people = st.sampled_from(["owner", "owner", "owner", "other"])

saves = st.tuples(st.just("save"), people, positions, ratings, contacts, choices, st.booleans())
submits = st.tuples(st.just("submit"), people, st.booleans())
operations = st.lists(saves | submits, min_size=1, max_size=12)


@pytest.fixture
def timed_quiz(small_bank):
    return make_quiz(
        title="Timed, with a written question",
        question_count=4,
        time_limit_minutes=int(LIMIT.total_seconds() // 60),
        ask_contact=True,
        fixed=[("Who do you call at 2 am?", "* The Press Bureau\nNobody\nYour SPOC", "Always.")],
    )


def fresh_attempt(officer, quiz, now) -> Attempt:
    for open_attempt in Attempt.objects.filter(user=officer, status=IN_PROGRESS):
        services.attempt_submit(user=officer, attempt=open_attempt, now=now)
    return services.attempt_start(user=officer, quiz=quiz, now=now, seed=7)


def expected_error(attempt: Attempt, op, now, closed: bool) -> type[QuizError] | None:
    """What a save should raise, from the attempt as it was before it (None: saved)."""
    _, who, position, rating, contact, choice, _ = op
    if who == "other":
        return NotYours
    if attempt.deadline and now >= attempt.deadline:
        return AttemptClosed  # past the time limit: closed, whatever was sent
    question = attempt.questions.filter(position=position).first()
    if question is None:
        return BadAnswer
    if question.kind == FIXED:
        if choice is None or not 0 <= choice < len(question.choices):
            return BadAnswer
    elif rating not in RATINGS or (contact and contact not in CONTACT_CHOICES):
        return BadAnswer
    return AttemptClosed if closed else None


@FUZZ_DB
@given(ops=operations)
def test_any_sequence_of_saves_and_submits(officer, other_officer, timed_quiz, ops):
    start = timezone.now()
    attempt = fresh_attempt(officer, timed_quiz, start)
    people = {"owner": officer, "other": other_officer}
    accepted: dict[int, tuple] = {}
    closed = False
    for op in ops:
        late = op[-1]
        now = start + (LIMIT + timedelta(seconds=1) if late else timedelta(minutes=1))
        user = people[op[1]]
        if op[0] == "submit":
            try:
                result = services.attempt_submit(user=user, attempt=attempt, now=now)
            except NotYours as error:
                assert op[1] == "other" and str(error)
                continue
            assert op[1] == "owner"
            assert result.status in (SUBMITTED, EXPIRED)
            if not closed:
                assert result.status == (EXPIRED if late else SUBMITTED)
            closed = True
            continue
        _, _, position, rating, contact, choice, _ = op
        want = expected_error(attempt, op, now, closed)
        try:
            saved = services.answer_save(
                user=user,
                attempt=attempt,
                position=position,
                rating=rating,
                contact=contact,
                choice=choice,
                now=now,
            )
        except QuizError as error:
            assert str(error), "every refusal says why"
            assert type(error) is want, (type(error), want, op)
            if want is AttemptClosed:
                closed = True  # a save past the time limit closes the attempt
            continue
        assert want is None, (want, op)
        accepted[position] = (
            (None, "", choice) if saved.kind == FIXED else (rating, contact or "", None)
        )
    # The database holds exactly the answers accepted, whatever was refused around them.
    for question in attempt.questions.all():
        if question.position in accepted:
            rating, contact, choice = accepted[question.position]
            if question.kind == FIXED:
                assert question.answer_choice == choice
            else:
                assert (question.answer_rating, question.answer_contact) == (rating, contact)
        else:
            assert question.answered_at is None
    attempt.refresh_from_db()
    assert attempt.status == IN_PROGRESS or closed


@FUZZ_DB
@given(pk=st.integers() | st.just(2**63), position=positions)
def test_addresses_of_any_attempt_or_question_never_fail(
    client, officer, other_officer, timed_quiz, pk, position
):
    """The learner's pages take ids from the address: other people's, unknown or absurd ids
    are a 404 or a redirect, never a 500."""
    theirs = Attempt.objects.filter(user=other_officer).first() or fresh_attempt(
        other_officer, timed_quiz, timezone.now()
    )
    client.force_login(officer)
    for target in (pk, theirs.pk):
        if target < 0:
            continue  # the <int:> converter matches digits only
        for url in (
            f"/attempts/{target}/",
            f"/attempts/{target}/questions/{abs(position)}/",
            f"/attempts/{target}/review/",
        ):
            response = client.get(url)
            assert response.status_code in (302, 404), (url, response.status_code)
        response = client.post(
            f"/attempts/{target}/questions/{abs(position)}/", {"rating": "GREEN"}
        )
        assert response.status_code == 404
