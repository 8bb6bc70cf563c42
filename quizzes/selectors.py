"""Reads of quizzes and attempts that depend on who is asking: an officer sees only their own
attempts."""

from __future__ import annotations

from dataclasses import dataclass

from django.shortcuts import get_object_or_404

from .models import Attempt, Quiz
from .models.attempt import EXPIRED, IN_PROGRESS, SUBMITTED
from .models.quiz import ASSESSED, PRACTICE


@dataclass(frozen=True)
class QuizStanding:
    """Where one person stands with one quiz, for the module page."""

    quiz: Quiz
    open_assessed: Attempt | None
    open_practice: Attempt | None
    last_finished: Attempt | None
    best_score: int | None
    passed: bool
    attempts_used: int
    attempts_left: int | None  # None: no limit

    @property
    def can_start_assessed(self) -> bool:
        return self.quiz.mode == ASSESSED and (self.attempts_left is None or self.attempts_left > 0)


def standing(*, user, quiz: Quiz) -> QuizStanding:
    """One query for the person's attempts at the quiz, whatever their number."""
    attempts = list(
        Attempt.objects.filter(user=user, quiz=quiz).only(
            "mode", "status", "score", "passed", "number", "started_at", "finished_at", "quiz"
        )
    )
    assessed = [a for a in attempts if a.mode == ASSESSED]
    finished = [a for a in assessed if a.status in (SUBMITTED, EXPIRED)]
    used = len(finished)
    left = None if not quiz.attempts_allowed else max(0, quiz.attempts_allowed - used)
    return QuizStanding(
        quiz=quiz,
        open_assessed=next((a for a in assessed if a.status == IN_PROGRESS), None),
        open_practice=next(
            (a for a in attempts if a.mode == PRACTICE and a.status == IN_PROGRESS), None
        ),
        last_finished=max(finished, key=lambda a: a.number, default=None),
        best_score=max((a.score for a in finished if a.score is not None), default=None),
        passed=any(a.passed for a in finished),
        attempts_used=used,
        attempts_left=left,
    )


def passed_quiz_ids(*, user, quiz_ids: set[int]) -> set[int]:
    """The quizzes among these the person has passed (a finished assessed attempt that
    passed, as `standing` has it), in one query however many quizzes."""
    if not getattr(user, "is_authenticated", False) or not quiz_ids:
        return set()
    return set(
        Attempt.objects.filter(
            user=user,
            quiz_id__in=quiz_ids,
            mode=ASSESSED,
            status__in=(SUBMITTED, EXPIRED),
            passed=True,
        )
        .order_by()
        .values_list("quiz_id", flat=True)
        .distinct()
    )


def own_attempt(*, user, pk: int) -> Attempt:
    """The person's own attempt, or 404: another officer's attempt does not exist for them."""
    return get_object_or_404(Attempt.objects.select_related("quiz"), pk=pk, user=user)
