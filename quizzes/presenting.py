"""What the question and review pages show, built with a fixed number of queries whatever the
length of the quiz. The verdict of an assessed question reaches the template only once the
attempt is closed."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils import timezone

from .models import Attempt, AttemptQuestion
from .models.attempt import FIXED
from .services import mark_of


def _feedback(question: AttemptQuestion, attempt: Attempt) -> dict | None:
    """The verdict and mark of an answered question: for practice at once, else only after."""
    if not question.answered and attempt.is_open:
        return None
    if attempt.is_open and not attempt.is_practice:
        return None
    mark = mark_of(question, ask_contact=bool(attempt.settings.get("ask_contact")))
    if question.kind == FIXED:
        return {"mark": mark, "right_choice": question.choices[question.correct_choice]}
    return {"mark": mark, "verdict": question.verdict}


def question_context(attempt: Attempt, question: AttemptQuestion, form) -> dict:
    counts = attempt.questions.aggregate(
        total=Count("pk"), answered=Count("pk", filter=Q(answered_at__isnull=False))
    )
    total = counts["total"]
    remaining = None
    if attempt.deadline:
        remaining = max(0, int((attempt.deadline - timezone.now()).total_seconds() // 60))
    return {
        "attempt": attempt,
        "question": question,
        "form": form,
        "total": total,
        "answered": counts["answered"],
        "previous": question.position - 1 if question.position > 1 else None,
        "next": question.position + 1 if question.position < total else None,
        "minutes_left": remaining,
        "feedback": _feedback(question, attempt),
        "your_choice": (
            question.choices[question.answer_choice]
            if question.kind == FIXED and question.answer_choice is not None
            else None
        ),
    }


def review_context(attempt: Attempt) -> dict:
    # Pictures and their renditions in two queries, however many questions have one.
    questions = list(
        attempt.questions.select_related("image").prefetch_related("image__renditions")
    )
    rows = []
    for question in questions:
        rows.append(
            {
                "question": question,
                "feedback": _feedback(question, attempt),
                "your_choice": (
                    question.choices[question.answer_choice]
                    if question.kind == FIXED and question.answer_choice is not None
                    else None
                ),
                "right_choice": (
                    question.choices[question.correct_choice] if question.kind == FIXED else None
                ),
            }
        )
    return {
        "attempt": attempt,
        "rows": rows,
        "missed": sum(1 for q in questions if not q.correct),
        "unanswered": sum(1 for q in questions if not q.answered),
    }
