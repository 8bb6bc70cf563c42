"""The learner's pages: start, one question at a time, check and submit, review.

Every write goes through `services`; what these views show depends on the mode: practice
shows the verdict after each answer, an assessed attempt shows nothing of the right answers
until it is closed (the templates never receive them)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page

from . import services
from .errors import AttemptClosed, BadAnswer, QuizError
from .forms import AnswerForm
from .models import Attempt, Quiz
from .models.attempt import EXPIRED
from .presenting import question_context, review_context
from .selectors import own_attempt


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@login_required
@require_POST
def start(request, quiz_id: int):
    quiz = get_object_or_404(Quiz, pk=quiz_id, live=True)
    module = Page.objects.filter(pk=request.POST.get("module") or None).first()
    try:
        attempt = services.attempt_start(
            user=request.user, quiz=quiz, mode=request.POST.get("mode") or None, module=module
        )
    except QuizError as exc:
        messages.error(request, str(exc))
        return redirect(module.url if module and module.url else "/training/")
    return redirect("quizzes:attempt", pk=attempt.pk)


def _close_if_due(attempt: Attempt) -> Attempt:
    """An attempt past its time is closed the moment anyone looks at it."""
    if attempt.is_open and attempt.deadline and timezone.now() >= attempt.deadline:
        services.attempt_expire(attempt_id=attempt.pk)
        attempt.refresh_from_db()
    return attempt


@login_required
def attempt(request, pk: int):
    """Resume: the first question not answered yet, or the page to check and submit."""
    current = _close_if_due(own_attempt(user=request.user, pk=pk))
    if not current.is_open:
        return redirect("quizzes:review", pk=pk)
    unanswered = (
        current.questions.filter(answered_at__isnull=True)
        .order_by("position")
        .values_list("position", flat=True)
        .first()
    )
    if unanswered is None:
        return redirect("quizzes:submit", pk=pk)
    return redirect("quizzes:question", pk=pk, position=unanswered)


def _refused(request, current: Attempt):
    """An answer that reached a closed attempt: say plainly that it was not saved (a script
    gets JSON it can show in place; a plain form post, a message on the result page)."""
    current.refresh_from_db(fields=["status", "deadline"])
    if current.status == EXPIRED and current.deadline:
        when = timezone.localtime(current.deadline).strftime("%H:%M")
        message = (
            f"Not saved: time was up at {when}, so this answer came too late. "
            "Your answers saved before then have been marked."
        )
    else:
        message = "Not saved: this attempt was already submitted and marked."
    review_url = reverse("quizzes:review", args=[current.pk])
    if _wants_json(request):
        body = {"saved": False, "closed": True, "message": message, "review_url": review_url}
        return JsonResponse(body, status=409)
    messages.warning(request, message)
    return redirect(review_url)


@login_required
@require_http_methods(["GET", "POST"])
def question(request, pk: int, position: int):
    current = _close_if_due(own_attempt(user=request.user, pk=pk))
    if not current.is_open:
        if request.method == "POST":
            return _refused(request, current)
        return redirect("quizzes:review", pk=pk)
    item = current.questions.filter(position=position).first()
    if item is None:
        raise Http404("No such question in this attempt.")
    data = request.POST if request.method == "POST" else None
    form = AnswerForm(data, question=item, attempt=current)
    if request.method == "POST":
        if form.is_valid():
            try:
                item = services.answer_save(
                    user=request.user, attempt=current, position=position, **form.answer()
                )
            except AttemptClosed:
                return _refused(request, current)
            except BadAnswer as exc:
                form.add_error(None, str(exc))
            else:
                if _wants_json(request):
                    # Says only that it is saved: nothing about whether it is right.
                    return JsonResponse({"saved": True, "position": position})
                if current.is_practice:
                    return redirect(reverse("quizzes:question", args=[pk, position]) + "#verdict")
                return redirect(_next_url(current, position))
        if _wants_json(request):
            problems = [e for errors in form.errors.values() for e in errors]
            body = {"saved": False, "errors": form.errors, "message": " ".join(problems)}
            return JsonResponse(body, status=400)
    return render(request, "quizzes/question.html", question_context(current, item, form))


def _next_url(current: Attempt, position: int) -> str:
    later = (
        current.questions.filter(position__gt=position, answered_at__isnull=True)
        .order_by("position")
        .values_list("position", flat=True)
        .first()
    )
    if later is None:
        return reverse("quizzes:submit", args=[current.pk])
    return reverse("quizzes:question", args=[current.pk, later])


@login_required
@require_http_methods(["GET", "POST"])
def submit(request, pk: int):
    """GET: check your answers; POST: submit. Submitting twice marks once."""
    current = _close_if_due(own_attempt(user=request.user, pk=pk))
    if request.method == "POST":
        services.attempt_submit(user=request.user, attempt=current)
        return redirect("quizzes:review", pk=pk)
    if not current.is_open:
        return redirect("quizzes:review", pk=pk)
    questions = list(current.questions.only("position", "text", "answered_at", "kind"))
    return render(
        request,
        "quizzes/check.html",
        {
            "attempt": current,
            "questions": questions,
            "unanswered": sum(1 for q in questions if not q.answered),
        },
    )


@login_required
def review(request, pk: int):
    current = _close_if_due(own_attempt(user=request.user, pk=pk))
    if current.is_open:
        return redirect("quizzes:attempt", pk=pk)
    return render(request, "quizzes/review.html", review_context(current))
