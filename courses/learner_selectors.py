"""Reads for the learner's pages (where to land, "My training", certificates and their public
check) and for the assigning page, each for the person asking.

The clock is passed in (`today`): views read it once, so the tests can fix it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Exists, F, Func, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.db.models.lookups import IsNull
from django.urls import reverse
from django.utils import timezone

from courses import standing
from courses.models import Assignment, Certificate, ModulePage, TrainingRecord
from organisation import roles
from organisation.selectors import may_see_person, people_visible_to, sees_force, teams_visible_to
from quizzes.models import Attempt
from quizzes.models.attempt import IN_PROGRESS
from quizzes.models.quiz import ASSESSED
from scenarios.rules import rule_title

# The trainers' dashboard is built beside this (courses/dashboards); its path is agreed.
DASHBOARD_PATH = "/training/dashboard/"


# --------------------------------------------------------------------------- landing


def landing_url(user) -> str:
    """Where a person lands after signing in: the page their role works from. The role is the
    one the header shows (`role_of`: the most senior), so the two always agree."""
    role = roles.role_of(user)
    if role in roles.TRAINERS:
        return DASHBOARD_PATH
    if role == roles.EDITOR:
        return reverse("wagtailadmin_home")
    if role == roles.PRESS_BUREAU:
        return reverse("draft_checker")
    return reverse("courses:my_training")


# --------------------------------------------------------------------------- my training

# What needs doing first comes first.
URGENCY = (
    standing.OVERDUE,
    standing.EXPIRED,
    standing.IN_PROGRESS,
    standing.NOT_STARTED,
    standing.EXPIRING,
    standing.PASSED,
)


def short_date(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def days_words(days: int) -> str:
    return "1 day" if days == 1 else f"{days} days"


def due_words(*, today: date, due_date: date) -> str:
    days = (due_date - today).days
    if days == 0:
        return "due today"
    if days == 1:
        return "due tomorrow"
    if days > 0:
        return f"due in {days_words(days)}"
    return f"overdue by {days_words(-days)}"


@dataclass(frozen=True)
class ModuleRow:
    record: TrainingRecord
    status: str
    when: str
    refresher_titles: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return standing.LABELS[self.status]

    @property
    def module(self) -> ModulePage | None:
        return self.record.module

    @property
    def title(self) -> str:
        return self.module.title if self.module is not None else self.record.module_title

    @property
    def link(self) -> bool:
        # An unpublished or deleted module has no page to go to: its title stays as text.
        return self.module is not None and self.module.live


def module_row(record: TrainingRecord, *, today: date) -> ModuleRow:
    # Local times, so "valid until" and the status agree with the date a Londoner sees.
    passed_at = timezone.localtime(record.passed_at) if record.passed_at else None
    expires_at = timezone.localtime(record.expires_at) if record.expires_at else None
    status = standing.status_of(
        today=today,
        due_date=record.due_date,
        started=record.started_at is not None,
        passed_at=passed_at,
        expires_at=expires_at,
    )
    if status == standing.EXPIRED:
        when = f"expired on {short_date(expires_at.date())}"
    elif status == standing.EXPIRING:
        when = f"expiring soon: valid until {short_date(expires_at.date())}"
    elif status == standing.PASSED:
        when = (
            f"valid until {short_date(expires_at.date())}"
            if expires_at
            else f"passed on {short_date(passed_at.date())}"
        )
    elif record.due_date is not None:
        when = f"{due_words(today=today, due_date=record.due_date)} ({short_date(record.due_date)})"
    else:
        when = "no due date"
    titles = tuple(rule_title(rule) for rule in record.refresher_rules or ()) if passed_at else ()
    return ModuleRow(record=record, status=status, when=when, refresher_titles=titles)


@dataclass(frozen=True)
class CertificateRow:
    certificate: Certificate
    valid: bool

    @property
    def code(self) -> str:
        return grouped_code(self.certificate.code)


@dataclass
class MyTraining:
    assigned: list[ModuleRow] = field(default_factory=list)
    unassigned: list[ModuleRow] = field(default_factory=list)
    certificates: list[CertificateRow] = field(default_factory=list)
    feedback: list[Attempt] = field(default_factory=list)

    @property
    def refreshers(self) -> list[ModuleRow]:
        return [row for row in self.assigned + self.unassigned if row.refresher_titles]

    @property
    def is_empty(self) -> bool:
        return not (self.assigned or self.unassigned or self.certificates or self.feedback)


def my_training(user, *, today: date) -> MyTraining:
    """The person's own modules, certificates and feedback: three queries however many
    modules (records with their pages, certificates, finished assessed attempts)."""
    mine = MyTraining()
    if not user.is_authenticated:
        return mine
    records = TrainingRecord.objects.filter(person=user).select_related("module")
    rows = sorted(
        (module_row(record, today=today) for record in records),
        key=lambda row: (
            URGENCY.index(row.status),
            row.record.due_date or date.max,
            row.title.casefold(),
        ),
    )
    # Assigned: a due date is set only by an assignment (taken freely: none).
    mine.assigned = [row for row in rows if row.record.due_date is not None]
    mine.unassigned = [row for row in rows if row.record.due_date is None]
    mine.certificates = [
        CertificateRow(c, valid=timezone.localdate(c.expires_at) >= today)
        for c in Certificate.objects.filter(person=user)
    ]
    mine.feedback = list(
        Attempt.objects.filter(user=user, mode=ASSESSED)
        .exclude(status=IN_PROGRESS)
        .select_related("module")
        .order_by("-finished_at", "-pk")
    )
    return mine


# --------------------------------------------------------------------------- certificates

CODE_CHARACTERS = re.compile(r"^[A-Z0-9]{1,12}$")


def normalise_code(raw: str) -> str:
    """A code as typed or read off paper: any case, with spaces or hyphens anywhere."""
    return re.sub(r"[\s\-‐‑–—]", "", raw or "").upper()


def is_code_shaped(code: str) -> bool:
    return bool(CODE_CHARACTERS.match(code))


def grouped_code(code: str) -> str:
    """ABCDE-FGHJK: easier to read out and copy than ten letters in a row."""
    return "-".join(code[i : i + 5] for i in range(0, len(code), 5))


def certificate_by_code(raw: str) -> Certificate | None:
    code = normalise_code(raw)
    if not is_code_shaped(code):
        return None
    return Certificate.objects.select_related("person").filter(code=code).first()


def certificate_for(viewer, raw: str) -> Certificate | None:
    """The certificate if `viewer` may see it (the holder, or a trainer who sees the holder);
    otherwise None, exactly as if there were no such code."""
    certificate = certificate_by_code(raw)
    if certificate is None or not viewer.is_authenticated:
        return None
    if not may_see_person(viewer, certificate.person):
        return None
    return certificate


def holder_name(person) -> str:
    return person.get_full_name() or person.get_username()


def certificate_valid(certificate: Certificate, *, today: date) -> bool:
    """Valid through the whole of its expiry day, in London time."""
    return timezone.localdate(certificate.expires_at) >= today


# --------------------------------------------------------------------------- assignments


def assignments_visible_to(user, *, today: date) -> QuerySet[Assignment]:
    """The assignments made for the trainer's scope (their boroughs, units and people, or the
    force), newest first, each with `covered` (people it reaches now) and `passed` (of those,
    people with a current pass of every live module it stands for). One query."""
    if not user.has_perm("organisation.assign_training"):
        return Assignment.objects.none()
    assignments = Assignment.objects.all()
    if not sees_force(user):
        boroughs, units = teams_visible_to(user)
        assignments = assignments.filter(
            Q(borough__in=boroughs)
            | Q(unit__in=units)
            | Q(person__in=people_visible_to(user), borough__isnull=True, unit__isnull=True)
        )
    covered = _covered_people()
    modules = _assigned_modules()
    # A course left with no live modules has nobody "passed", rather than everybody.
    passed = covered.filter(Exists(modules)).exclude(
        Exists(modules.exclude(Exists(_current_pass(today=today))))
    )
    return (
        assignments.select_related("page", "person", "borough", "unit", "role", "assigned_by")
        .annotate(covered=_count(covered), passed=_count(passed))
        .order_by("-created_at", "-pk")
    )


def _count(people: QuerySet) -> Coalesce:
    counted = people.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _covered_people() -> QuerySet:
    """`Assignment.people_q` as a subquery on the outer assignment, so every row of the list is
    counted in the one query (an unset target means "anyone")."""
    user_model = get_user_model()
    in_role = user_model.groups.through.objects.filter(
        user_id=OuterRef("pk"), group_id=OuterRef(OuterRef("role_id"))
    )
    return (
        user_model.objects.filter(is_active=True, profile__isnull=False)
        .filter(IsNull(OuterRef("person_id"), True) | Q(pk=OuterRef("person_id")))
        .filter(
            IsNull(OuterRef("borough_id"), True) | Q(profile__borough_id=OuterRef("borough_id"))
        )
        .filter(IsNull(OuterRef("unit_id"), True) | Q(profile__unit_id=OuterRef("unit_id")))
        .filter(IsNull(OuterRef("role_id"), True) | Exists(in_role))
    )


def _assigned_modules() -> QuerySet:
    """For one person (the outer query) and one assignment (the one outside that): the live
    modules the assignment stands for, the module itself or the course's children."""
    return ModulePage.objects.live().filter(
        Q(pk=OuterRef(OuterRef("page_id")))
        | Q(
            path__startswith=OuterRef(OuterRef("page__path")),
            depth=OuterRef(OuterRef("page__depth")) + 1,
        )
    )


def _current_pass(*, today: date) -> QuerySet:
    """Inside `_assigned_modules`: that person's unexpired pass of that module."""
    return TrainingRecord.objects.filter(
        person_id=OuterRef(OuterRef("pk")), module_id=OuterRef("pk"), passed_at__isnull=False
    ).filter(Q(expires_at__isnull=True) | Q(expires_at__date__gte=today))


def people_covered(assignment: Assignment) -> int:
    return get_user_model().objects.filter(assignment.people_q()).distinct().count()
