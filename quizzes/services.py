"""Learner-side writes: starting an attempt, saving an answer, submitting, expiring.

Views and jobs call these and nothing else writes attempts. Each is safe to repeat: starting
again resumes the open attempt, saving again overwrites the answer, submitting twice (a double
click, a resent form, two tabs) grades once, and expiring a closed attempt does nothing.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from scenarios.rulebook import published_rulebook
from scenarios.rules import FactsError, evaluate, parse_facts

from . import marking
from .errors import AttemptClosed, AttemptsUsedUp, BadAnswer, NotYours, QuizUnavailable
from .models import Attempt, AttemptQuestion, Quiz
from .models.attempt import EXPIRED, FIXED, IN_PROGRESS, SCENARIO, SUBMITTED
from .models.quiz import ASSESSED, PRACTICE, parse_choices
from .scheduling import schedule_expiry
from .selection import draw, drawn_rows, eligible
from .signals import attempt_graded, attempt_started

FINISHED = (SUBMITTED, EXPIRED)

# What marking sets on the attempt, from `marking.Result`.
RESULT_FIELDS = [
    "points",
    "max_points",
    "score",
    "dangerous_mistakes",
    "contacts_right",
    "contacts_asked",
    "passed",
]


def _now(now: datetime | None) -> datetime:
    return now or timezone.now()


def missed_rules(attempt: Attempt) -> frozenset[str]:
    """The rules behind the questions an attempt got wrong (or left unanswered)."""
    missed: set[str] = set()
    for rules in (
        attempt.questions.filter(kind=SCENARIO)
        .exclude(correct=True)
        .values_list("rules", flat=True)
    ):
        missed.update(rules)
    return frozenset(missed)


def _account(row) -> tuple[str, str]:
    """The account's name and handle as the post card shows them: "MPS Lewisham",
    "@MPSLewisham". Borough and ward accounts are named after their handle."""
    template = row.template
    handle = template.account if template else ""
    if template and template.borough:
        return f"MPS {template.borough.name}", handle
    if handle.lower().startswith("@mps") and len(handle) > 4:
        return f"MPS {handle[4:]}", handle
    return ("Met Police" if handle else "Borough account"), handle


def _scenario_question(row, position: int, rulebook) -> AttemptQuestion | None:
    try:
        verdict = evaluate(parse_facts(row.facts, rulebook), rulebook)
    except FactsError:
        return None  # the rulebook no longer covers it: never ask what cannot be graded
    name, handle = _account(row)
    image = row.template.image if row.template else None
    return AttemptQuestion(
        position=position,
        kind=SCENARIO,
        bank_question=row,
        text=row.text,
        account_name=name,
        account_handle=handle,
        image=image,
        image_alt=image.default_alt_text if image else "",
        facts=row.facts,
        verdict={**verdict.as_dict(), "rulebook_version": verdict.rulebook_version},
        rules=[r.rule for r in verdict.reasons if r.decides],
        max_points=marking.MAX_POINTS,
    )


def _fixed_question(fixed, position: int) -> AttemptQuestion:
    choices, correct = parse_choices(fixed.choices)
    return AttemptQuestion(
        position=position,
        kind=FIXED,
        text=fixed.text,
        choices=choices,
        correct_choice=correct,
        explanation=fixed.explanation,
        guidance_url=fixed.guidance_url,
        max_points=marking.MAX_POINTS,
    )


def _settings_of(quiz: Quiz) -> dict:
    return {
        "title": quiz.title,
        "pass_mark": quiz.pass_mark,
        "fail_on_dangerous": quiz.fail_on_dangerous,
        "ask_contact": quiz.ask_contact,
        "time_limit_minutes": quiz.time_limit_minutes,
    }


def attempts_used(*, user, quiz: Quiz) -> int:
    return Attempt.objects.filter(user=user, quiz=quiz, mode=ASSESSED, status__in=FINISHED).count()


def attempt_start(
    *,
    user,
    quiz: Quiz,
    mode: str | None = None,
    module=None,
    now: datetime | None = None,
    seed: int | None = None,
) -> Attempt:
    """Start an attempt, or return the one already open (resuming it)."""
    now = _now(now)
    mode = mode or quiz.mode
    if not quiz.live:
        raise QuizUnavailable("This quiz is not published yet.")
    if mode not in (PRACTICE, ASSESSED) or (quiz.mode == PRACTICE and mode == ASSESSED):
        raise QuizUnavailable("This quiz is for practice only.")
    open_attempt = Attempt.objects.filter(user=user, quiz=quiz, mode=mode, status=IN_PROGRESS)
    existing = open_attempt.first()
    if existing is not None and not attempt_expire(attempt_id=existing.pk, now=now):
        return existing  # resume: starting again never loses what was answered
    limited = mode == ASSESSED and quiz.attempts_allowed
    if limited and attempts_used(user=user, quiz=quiz) >= quiz.attempts_allowed:
        used_up = f"You have used all {quiz.attempts_allowed} attempts at “{quiz.title}”."
        raise AttemptsUsedUp(used_up)
    rulebook = published_rulebook()
    previous = (
        Attempt.objects.filter(user=user, quiz=quiz, mode=mode, status__in=FINISHED)
        .order_by("-number")
        .first()
    )
    focus = missed_rules(previous) if previous and not previous.passed else frozenset()
    seed = seed if seed is not None else secrets.randbits(48)
    picked = draw(
        eligible(quiz, rulebook),
        size=quiz.question_count,
        seed=seed,
        rulebook=rulebook,
        focus_rules=focus,
        shuffle=quiz.shuffle,
    )
    rows = drawn_rows(picked)
    questions = [q for q in (_scenario_question(row, 0, rulebook) for row in rows) if q]
    questions += [_fixed_question(fixed, 0) for fixed in quiz.fixed_questions.all()]
    if not questions:
        raise QuizUnavailable("This quiz has no questions yet: tell your trainer.")
    for position, question in enumerate(questions, start=1):
        question.position = position
    asked = {r for q in questions for r in q.rules}
    deadline = None
    if mode == ASSESSED and quiz.time_limit_minutes:
        deadline = now + timedelta(minutes=quiz.time_limit_minutes)
    try:
        with transaction.atomic():
            number = (previous.number if previous else 0) + 1
            attempt = Attempt.objects.create(
                user=user,
                quiz=quiz,
                module=module,
                mode=mode,
                number=number,
                seed=seed,
                rulebook_version=rulebook.version,
                settings=_settings_of(quiz),
                focus_rules=sorted(focus & asked),
                started_at=now,
                deadline=deadline,
            )
            for question in questions:
                question.attempt = attempt
            AttemptQuestion.objects.bulk_create(questions)
            if deadline is not None:
                # In the same transaction: the expiry is kept (outbox) exactly when the attempt is.
                schedule_expiry(attempt.pk, deadline)
    except IntegrityError:
        # Two starts at once (two tabs): the other one won; resume it.
        return open_attempt.get()
    attempt_started.send(sender=Attempt, attempt_id=attempt.pk)
    return attempt


def _check(user, attempt: Attempt) -> None:
    if attempt.user_id != user.pk:
        raise NotYours()


def answer_save(
    *,
    user,
    attempt: Attempt,
    position: int,
    rating: str | None = None,
    contact: str | None = None,
    choice: int | None = None,
    now: datetime | None = None,
) -> AttemptQuestion:
    """Save one answer the moment it is given. Past the time limit nothing is saved: the
    attempt is closed and marked with the answers already saved."""
    now = _now(now)
    _check(user, attempt)
    if attempt.deadline and now >= attempt.deadline:
        attempt_expire(attempt_id=attempt.pk, now=now)
        raise AttemptClosed(
            "This answer came after the time limit and was not saved; the answers saved "
            "before it were marked."
        )
    question = attempt.questions.filter(position=position).first()
    if question is None:
        raise BadAnswer(f"There is no question {position} in this attempt.")
    changes: dict = {"answered_at": now}
    if question.kind == SCENARIO:
        if rating not in marking.RATINGS:
            raise BadAnswer("Choose one of the three answers.")
        if contact and contact not in marking.CONTACT_CHOICES:
            raise BadAnswer("Choose DMC or the Press Bureau as the contact.")
        changes.update(answer_rating=rating, answer_contact=contact or "")
    else:
        if choice is None or not 0 <= choice < len(question.choices):
            raise BadAnswer("Choose one of the answers.")
        changes["answer_choice"] = choice
    # Saved only while the attempt is open: the check and the write are one statement.
    saved = AttemptQuestion.objects.filter(pk=question.pk, attempt__status=IN_PROGRESS).update(
        **changes
    )
    if not saved:
        raise AttemptClosed("This attempt is closed: your answers were already marked.")
    for name, value in changes.items():
        setattr(question, name, value)
    return question


def mark_of(question: AttemptQuestion, *, ask_contact: bool) -> marking.Mark:
    if question.kind == FIXED:
        return marking.mark_choice(question.correct_choice, question.answer_choice)
    return marking.mark_rating(
        question.rating,
        question.answer_rating or None,
        truth_contact=question.verdict.get("contact", "none"),
        contact=question.answer_contact or None,
        ask_contact=ask_contact,
    )


def _grade(attempt_id: int, status: str, now: datetime) -> Attempt:
    """Close and mark an attempt, once: whoever flips it from in progress marks it; everyone
    else gets the attempt as marked."""
    with transaction.atomic():
        won = Attempt.objects.filter(pk=attempt_id, status=IN_PROGRESS).update(
            status=status, finished_at=now
        )
        attempt = Attempt.objects.get(pk=attempt_id)
        if not won:
            return attempt
        ask_contact = bool(attempt.settings.get("ask_contact"))
        questions = list(attempt.questions.all())
        marks = []
        for question in questions:
            mark = mark_of(question, ask_contact=ask_contact)
            marks.append(mark)
            question.points = mark.points
            question.correct = mark.correct
            question.dangerous = mark.dangerous
            question.contact_correct = mark.contact_correct
        AttemptQuestion.objects.bulk_update(
            questions, ["points", "correct", "dangerous", "contact_correct"]
        )
        result = marking.result_of(
            marks,
            pass_mark=attempt.settings.get("pass_mark", 80),
            fail_on_dangerous=bool(attempt.settings.get("fail_on_dangerous")),
        )
        for name in RESULT_FIELDS:
            setattr(attempt, name, getattr(result, name))
        attempt.save(update_fields=RESULT_FIELDS)
        # In the same transaction: progress and certificates stand or fall with the grade.
        attempt_graded.send(sender=Attempt, attempt_id=attempt_id)
    return attempt


def attempt_submit(*, user, attempt: Attempt, now: datetime | None = None) -> Attempt:
    """Submit and mark. Submitting an attempt already closed returns it as it was marked."""
    now = _now(now)
    _check(user, attempt)
    if attempt.deadline and now >= attempt.deadline:
        return _grade(attempt.pk, EXPIRED, now)
    return _grade(attempt.pk, SUBMITTED, now)


def attempt_expire(*, attempt_id: int, now: datetime | None = None) -> bool:
    """Close and mark an open attempt whose time has run out. True if it is now closed."""
    now = _now(now)
    attempt = Attempt.objects.filter(pk=attempt_id).only("status", "deadline").first()
    if attempt is None:
        return False
    if attempt.status != IN_PROGRESS:
        return True
    if attempt.deadline is None or now < attempt.deadline:
        return False
    _grade(attempt_id, EXPIRED, now)
    return True


def attempts_expire_due(*, now: datetime | None = None) -> int:
    """Close every open attempt past its time (a scheduled job): how many were closed."""
    now = _now(now)
    due = Attempt.objects.filter(status=IN_PROGRESS, deadline__lte=now).values_list("pk", flat=True)
    return sum(1 for pk in list(due) if attempt_expire(attempt_id=pk, now=now))
