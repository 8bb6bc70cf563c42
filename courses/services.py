"""Writes that matter in courses: lessons read, training assigned, and each person's record of
each module kept in step with their attempts, with a certificate for every pass.

Typed, keyword-only, called by views, signals and jobs alike; each is safe to repeat.
"""

from __future__ import annotations

from datetime import date, datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page

from audit.models import ASSIGNMENT_CREATE
from audit.services import assignment_state, audit_record
from courses.dashboards.figures import figures_changed
from courses.models import Assignment, Certificate, ModulePage, TrainingRecord
from courses.models.lesson_view import LessonView
from courses.standing import add_months
from organisation.selectors import (
    boroughs_visible_to,
    people_visible_to,
    sees_force,
    units_visible_to,
)
from quizzes.models import Attempt
from quizzes.models.quiz import ASSESSED

ASSIGN = "organisation.assign_training"


class UnknownLesson(LookupError):
    pass


def _now(now: datetime | None) -> datetime:
    return now or timezone.now()


def _record(person, module: ModulePage) -> TrainingRecord:
    record, _ = TrainingRecord.objects.get_or_create(
        person=person, module=module, defaults={"module_title": module.title[:255]}
    )
    return record


def lesson_view_record(
    *, user, module: Page, lesson_key: str, now: datetime | None = None
) -> LessonView:
    """One more reading of a lesson of `module` (a `ModulePage`). The titles are copied as the
    reader saw them, so the record stays meaningful after the module or the lesson changes."""
    now = _now(now)
    lesson = module.find_lesson(lesson_key)
    if lesson is None:
        raise UnknownLesson(f"“{module.title}” has no lesson {lesson_key!r}.")
    view = LessonView.objects.create(
        user=user,
        page=module,
        module_title=module.title[:255],
        lesson_key=lesson_key,
        lesson_title=lesson.plain_title()[:255],
        viewed_at=now,
    )
    TrainingRecord.objects.filter(pk=_record(user, module).pk, started_at__isnull=True).update(
        started_at=now
    )
    return view


# --------------------------------------------------------------------------- assignments


def modules_of(page: Page) -> list[ModulePage]:
    """The live modules a course or module page stands for."""
    specific = page.specific
    if isinstance(specific, ModulePage):
        return [specific]
    return list(ModulePage.objects.child_of(page).live().order_by("path"))


def _check_scope(by, *, person, borough, unit, role) -> None:
    if not by.has_perm(ASSIGN):
        raise PermissionDenied("You cannot assign training.")
    if sees_force(by):
        return
    if person is not None and not people_visible_to(by).filter(pk=person.pk).exists():
        raise ValidationError({"person": "You can only assign training to people you can see."})
    if borough is not None and not boroughs_visible_to(by).filter(pk=borough.pk).exists():
        raise ValidationError({"borough": f"You cannot assign training to {borough}."})
    if unit is not None and not units_visible_to(by).filter(pk=unit.pk).exists():
        raise ValidationError({"unit": f"You cannot assign training to {unit}."})
    if person is None and borough is None and unit is None:
        # A role on its own means the whole force: only for those who see it.
        raise ValidationError(
            {"borough": "Say which borough or unit: you cannot assign to the whole force."}
        )


def assignment_create(
    *,
    by,
    page: Page,
    due_date: date,
    person=None,
    borough=None,
    unit=None,
    role=None,
    refresher_months: int = 12,
    today: date | None = None,
    now: datetime | None = None,
) -> Assignment:
    """Assign a course or module, within what the trainer may see, and apply it at once."""
    now = _now(now)
    today = today or timezone.localdate(now)
    if due_date < today:
        raise ValidationError({"due_date": "The due date has passed: choose today or later."})
    if borough is not None and unit is not None:
        raise ValidationError({"unit": "Choose a borough or a unit, not both."})
    if not modules_of(page):
        raise ValidationError({"page": f"“{page.title}” has no live modules to assign."})
    _check_scope(by, person=person, borough=borough, unit=unit, role=role)
    with transaction.atomic():
        assignment = Assignment.objects.create(
            page=page,
            page_title=page.title[:255],
            person=person,
            borough=borough,
            unit=unit,
            role=role,
            due_date=due_date,
            refresher_months=refresher_months,
            assigned_by=by,
            created_at=now,
        )
        assignment_apply(assignment=assignment)
        audit_record(
            actor=by,
            action=ASSIGNMENT_CREATE,
            obj=assignment,
            after=assignment_state(assignment),
            summary=f"Assigned “{assignment.page_title}” to {assignment.target_label}",
        )
    return assignment


def assignment_apply(*, assignment: Assignment, people=None) -> int:
    """Give everyone the assignment covers (or only `people` among them) their records, due by
    the earliest date any of their assignments asks. Idempotent; a few queries per module."""
    if assignment.page is None:
        return 0
    transaction.on_commit(figures_changed)  # trainers' kept figures no longer hold
    covered = get_user_model().objects.filter(assignment.people_q())
    if people is not None:
        covered = covered.filter(pk__in=[p.pk for p in people])
    person_ids = list(covered.values_list("pk", flat=True).distinct())
    touched = 0
    for module in modules_of(assignment.page):
        existing = {
            r.person_id: r
            for r in TrainingRecord.objects.filter(module=module, person_id__in=person_ids)
        }
        new, changed = [], []
        for person_id in person_ids:
            record = existing.get(person_id)
            if record is None:
                new.append(
                    TrainingRecord(
                        person_id=person_id,
                        module=module,
                        module_title=module.title[:255],
                        assignment=assignment,
                        due_date=assignment.due_date,
                        refresher_months=assignment.refresher_months,
                    )
                )
            elif record.due_date is None or assignment.due_date < record.due_date:
                record.due_date = assignment.due_date
                record.assignment = assignment
                record.refresher_months = assignment.refresher_months
                changed.append(record)
        TrainingRecord.objects.bulk_create(new, batch_size=2000, ignore_conflicts=True)
        TrainingRecord.objects.bulk_update(
            changed, ["due_date", "assignment", "refresher_months"], batch_size=2000
        )
        touched += len(new) + len(changed)
    return touched


def person_assignments_apply(*, person) -> int:
    """Someone joined a borough, unit or role: the assignments that now cover them apply."""
    profile = getattr(person, "profile", None)
    if profile is None:
        return 0
    q = Q(person=person)
    team = Q(borough__isnull=True, unit__isnull=True)
    if profile.borough_id:
        team |= Q(borough_id=profile.borough_id)
    if profile.unit_id:
        team |= Q(unit_id=profile.unit_id)
    roles = list(person.groups.values_list("pk", flat=True))
    q |= team & (Q(role__isnull=True) | Q(role__in=roles)) & Q(person__isnull=True)
    touched = 0
    for assignment in Assignment.objects.filter(q).select_related("page"):
        if get_user_model().objects.filter(assignment.people_q(), pk=person.pk).exists():
            touched += assignment_apply(assignment=assignment, people=[person])
    return touched


# --------------------------------------------------------------------------- attempts


def record_attempt_started(*, attempt_id: int) -> None:
    attempt = Attempt.objects.select_related("module").filter(pk=attempt_id).first()
    if attempt is None or attempt.module_id is None or attempt.mode != ASSESSED:
        return
    module = ModulePage.objects.filter(pk=attempt.module_id).first()
    if module is None:
        return
    TrainingRecord.objects.filter(
        pk=_record(attempt.user, module).pk, started_at__isnull=True
    ).update(started_at=attempt.started_at)


def record_attempt_graded(*, attempt_id: int) -> Certificate | None:
    """A marked assessed attempt taken from a module: its record follows, and a pass earns a
    certificate, valid for the record's refresher interval."""
    attempt = Attempt.objects.filter(pk=attempt_id).first()
    if attempt is None or attempt.module_id is None or attempt.mode != ASSESSED:
        return None
    module = ModulePage.objects.filter(pk=attempt.module_id).first()
    if module is None:
        return None
    record = _record(attempt.user, module)
    record.started_at = record.started_at or attempt.started_at
    if attempt.score is not None:
        record.best_score = max(record.best_score or 0, attempt.score)
    certificate = None
    if attempt.passed:
        expires = add_months(attempt.finished_at, record.refresher_months)
        certificate, _ = Certificate.objects.get_or_create(
            attempt=attempt,
            defaults={
                "person": attempt.user,
                "module": module,
                "module_title": module.title[:255],
                "score": attempt.score or 0,
                "issued_at": attempt.finished_at,
                "expires_at": expires,
            },
        )
        if record.passed_at is None or attempt.finished_at >= record.passed_at:
            record.passed_at = attempt.finished_at
            record.expires_at = expires
            record.refresher_rules = []
    record.save()
    return certificate
