"""Refreshers after a rule change (an officer's own, and who owes them for trainers), and
learning records as xAPI statements (one's own, and a trainer's streamed export).

Trainers are the people who may assign training; what they see goes through the selectors,
like every other view."""

from __future__ import annotations

import json
from datetime import datetime, time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.views.decorators.http import require_GET, require_POST

from audit.services import audit_export
from organisation.selectors import people_visible_to
from quizzes.errors import QuizError
from quizzes.services import attempt_start
from scenarios.rules import rule_title

from .refreshers import (
    REFRESHER_PASS_MARK,
    REFRESHER_QUESTIONS,
    refresher_quiz_get,
    refreshers_due_for,
    refreshers_of,
)
from .xapi import statements_of

ASSIGN = "organisation.assign_training"


def _trainer(user) -> None:
    if not user.has_perm(ASSIGN):
        raise PermissionDenied("Only trainers see other people's training.")


# --------------------------------------------------------------------------- refreshers


@login_required
@require_GET
def my_refreshers(request):
    context = {
        "refreshers": refreshers_of(request.user),
        "questions": REFRESHER_QUESTIONS,
        "pass_mark": REFRESHER_PASS_MARK,
    }
    return render(request, "courses/refreshers/mine.html", context)


@login_required
@require_POST
def refresher_start(request, rule: str):
    """Start (or resume) the refresher on a rule the person owes; the quiz is made the first
    time anyone needs it."""
    if rule not in {due.rule for due in refreshers_of(request.user)}:
        raise Http404("You have no refresher due on this rule.")
    quiz = refresher_quiz_get(rule=rule)
    try:
        attempt = attempt_start(user=request.user, quiz=quiz)
    except QuizError as exc:
        messages.error(request, str(exc))
        return redirect("courses:refreshers")
    return redirect("quizzes:attempt", pk=attempt.pk)


@login_required
@require_GET
def people_refreshers(request):
    _trainer(request.user)
    people: dict[int, dict] = {}
    for record in refreshers_due_for(request.user):
        entry = people.setdefault(
            record.person_id, {"person": record.person, "team": _team(record.person), "due": []}
        )
        titles = ", ".join(rule_title(rule) for rule in record.refresher_rules)
        entry["due"].append({"module": record.module_title, "rules": titles})
    return render(request, "courses/refreshers/people.html", {"people": list(people.values())})


def _team(person) -> str:
    profile = getattr(person, "profile", None)
    if profile is None:
        return ""
    return str(profile.borough or profile.unit or "")


# --------------------------------------------------------------------------- xAPI


def _site() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def _moment(text: str | None, name: str) -> datetime | None:
    """A date (its midnight, local time) or a date and time; naive means local time."""
    if not text:
        return None
    try:
        moment = parse_datetime(text)
        if moment is None:
            day = parse_date(text)
            moment = datetime.combine(day, time.min) if day else None
    except ValueError:
        moment = None
    if moment is None:
        raise ValueError(f"{name}: give a date (2026-11-01) or a date and time (ISO 8601).")
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def _window(request) -> tuple[datetime | None, datetime | None]:
    return _moment(request.GET.get("since"), "since"), _moment(request.GET.get("until"), "until")


@login_required
@require_GET
def my_statements(request):
    """The signed-in person's own learning records, as an xAPI StatementResult."""
    try:
        since, until = _window(request)
    except ValueError as exc:
        return JsonResponse({"error": str(exc)}, status=400)
    me = get_user_model().objects.filter(pk=request.user.pk)
    statements = list(statements_of(me, site=_site(), since=since, until=until))
    return JsonResponse({"statements": statements, "more": ""})


@login_required
@require_GET
def statements_export(request):
    """The statements of everyone the trainer may see, one JSON object a line, streamed."""
    _trainer(request.user)
    try:
        since, until = _window(request)
    except ValueError as exc:
        return JsonResponse({"error": str(exc)}, status=400)
    audit_export(
        actor=request.user,
        table="xapi-statements",
        filters={"since": request.GET.get("since"), "until": request.GET.get("until")},
    )
    statements = statements_of(
        people_visible_to(request.user), site=_site(), since=since, until=until
    )
    response = StreamingHttpResponse(
        (json.dumps(statement) + "\n" for statement in statements),
        content_type="application/x-ndjson",
    )
    response["Content-Disposition"] = 'attachment; filename="xapi-statements.jsonl"'
    return response
