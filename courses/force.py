"""A realistic force for load: tens of thousands of officers across the 32 boroughs and the
units, twenty modules, and a year of assignments, attempts, answers and certificates.

Rows are written in bulk, straight into the tables, but exactly as the services would leave
them (records agree with attempts, a pass has its certificate), so dashboards and exports are
measured on data shaped like a year of real use. Deterministic for a seed. Not for production
databases: the command refuses to run where demo users are not allowed.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from organisation.models import Borough, Profile, Unit
from organisation.roles import BOROUGH_SPOC, OFFICER
from quizzes import marking
from quizzes.factories import QuizFactory
from quizzes.models import Attempt, AttemptQuestion
from quizzes.models.attempt import SCENARIO, SUBMITTED
from quizzes.models.quiz import ASSESSED
from scenarios.models import BankQuestion
from scenarios.rules import PRESS_BUREAU_RULES

from .models import (
    Assignment,
    Certificate,
    CourseIndexPage,
    CoursePage,
    ModulePage,
    TrainingRecord,
)
from .models.records import CODE_ALPHABET
from .standing import add_months
from .tallies import rule_tallies_rebuild

PREFIX = "force-"  # every person this makes: easy to find, and to remove
COURSE_SLUG = "force-load-course"
QUESTIONS_PER_ATTEMPT = 8
BATCH = 5000


@dataclass(frozen=True)
class ForceSize:
    officers: int = 35_000
    modules: int = 20
    days: int = 365
    seed: int = 20160201


def _course(size: ForceSize) -> list[ModulePage]:
    index = CourseIndexPage.objects.first()
    if index is None:
        raise RuntimeError("Load the demo courses first (manage.py load_courses).")
    course = CoursePage.objects.filter(slug=COURSE_SLUG).first()
    if course is None:
        course = CoursePage(title="Force-wide refreshers", slug=COURSE_SLUG, summary="Load test.")
        index.add_child(instance=course)
        course.save_revision().publish()
    modules = list(ModulePage.objects.child_of(course).order_by("path"))
    for n in range(len(modules), size.modules):
        quiz = QuizFactory(title=f"Force module {n + 1}", question_count=QUESTIONS_PER_ATTEMPT)
        module = ModulePage(
            title=f"Force module {n + 1}",
            slug=f"force-module-{n + 1}",
            summary="Load test.",
            estimated_minutes=15,
            quiz=quiz,
            lessons="[]",
        )
        course.add_child(instance=module)
        module.save_revision().publish()
        modules.append(module)
    return modules[: size.modules]


def _people(size: ForceSize, rng: random.Random) -> list[int]:
    User = get_user_model()
    existing = User.objects.filter(username__startswith=PREFIX).count()
    boroughs = list(Borough.objects.order_by("pk"))
    units = list(Unit.objects.order_by("pk"))
    officer = Group.objects.get(name=OFFICER)
    spoc = Group.objects.get(name=BOROUGH_SPOC)
    for start in range(existing, size.officers, BATCH):
        stop = min(start + BATCH, size.officers)
        users = [
            User(
                username=f"{PREFIX}{n:06d}",
                first_name="Officer",
                last_name=f"{n:06d}",
                password="!",
                email=f"{PREFIX}{n:06d}@example.police.uk",
            )
            for n in range(start, stop)
        ]
        User.objects.bulk_create(users, batch_size=BATCH)
        users = list(User.objects.filter(username__in=[u.username for u in users]).order_by("pk"))
        profiles, memberships = [], []
        for user in users:
            n = int(user.username[len(PREFIX) :])
            # Nine in ten in a borough, the rest in the units; a SPOC for every 600 officers.
            if rng.random() < 0.9:
                profiles.append(Profile(user=user, borough=boroughs[n % len(boroughs)]))
            else:
                profiles.append(Profile(user=user, unit=units[n % len(units)]))
            group = spoc if n % 600 == 0 else officer
            memberships.append(User.groups.through(user_id=user.pk, group_id=group.pk))
        Profile.objects.bulk_create(profiles, batch_size=BATCH)
        User.groups.through.objects.bulk_create(memberships, batch_size=BATCH)
    return list(
        User.objects.filter(username__startswith=PREFIX).order_by("pk").values_list("pk", flat=True)
    )


def _bank(rng: random.Random) -> list[BankQuestion]:
    rows = list(BankQuestion.objects.filter(active=True).order_by("pk")[:600])
    if not rows:
        raise RuntimeError("The question bank is empty: run load_demo (or generate the bank).")
    return rows


def _verdict_of(row: BankQuestion) -> dict:
    # The stored answer is the rulebook's (the re-grade keeps it so); the contact is DMC's
    # unless the reasons name the Press Bureau.
    press = any(r["rule"] in PRESS_BUREAU_RULES for r in row.reasons)
    contact = "none" if row.rating == "GREEN" else ("press-bureau" if press else "dmc")
    return {
        "rating": row.rating,
        "action": row.correct_answer,
        "contact": contact,
        "reasons": row.reasons,
        "rulebook_version": row.rulebook_version,
    }


def build_force(size: ForceSize, *, now: datetime | None = None) -> dict[str, int]:
    """Build (or top up) the force. Returns counts of what now exists."""
    now = now or timezone.now()
    rng = random.Random(size.seed)
    with transaction.atomic():
        modules = _course(size)
        _people(size, rng)
        if Attempt.objects.filter(user__username__startswith=PREFIX).exists():
            return _counts()
        bank = _bank(rng)
        by_team = _assign(modules, now, rng)
        _Year(modules, bank, now, size, rng).play(by_team)
        rule_tallies_rebuild()  # the answers went in bulk, around the marking service
    return _counts()


def _assign(modules: list[ModulePage], now: datetime, rng: random.Random) -> dict:
    """Each borough and unit has half the modules assigned, due at some point in the year.
    Returns the assignments by team, (kind, id)."""
    admin = get_user_model().objects.filter(is_superuser=True).first()
    teams = [("borough", b) for b in Borough.objects.all()] + [
        ("unit", u) for u in Unit.objects.all()
    ]
    assignments = []
    for kind, team in teams:
        for module in rng.sample(modules, k=max(1, len(modules) // 2)):
            due = (now - timedelta(days=rng.randint(-90, 300))).date()
            assignments.append(
                Assignment(
                    page=module,
                    page_title=module.title,
                    due_date=due,
                    assigned_by=admin,
                    created_at=now - timedelta(days=365),
                    **{kind: team},
                )
            )
    Assignment.objects.bulk_create(assignments, batch_size=BATCH)
    by_team: dict[tuple[str, int], list[Assignment]] = {}
    for a in Assignment.objects.filter(page__in=modules):
        by_team.setdefault(
            ("borough", a.borough_id) if a.borough_id else ("unit", a.unit_id), []
        ).append(a)
    return by_team


# The columns written, in the order of each row's values.
ATTEMPT_COLUMNS = [
    "id",
    "user_id",
    "quiz_id",
    "module_id",
    "mode",
    "status",
    "number",
    "seed",
    "rulebook_version",
    "settings",
    "focus_rules",
    "started_at",
    "deadline",
    "finished_at",
    "points",
    "max_points",
    "score",
    "dangerous_mistakes",
    "contacts_right",
    "contacts_asked",
    "passed",
]
QUESTION_COLUMNS = [
    "attempt_id",
    "position",
    "kind",
    "bank_question_id",
    "text",
    "account_name",
    "account_handle",
    "image_alt",
    "facts",
    "verdict",
    "rules",
    "choices",
    "explanation",
    "guidance_url",
    "answer_rating",
    "answer_contact",
    "answered_at",
    "points",
    "max_points",
    "correct",
    "dangerous",
]
RECORD_COLUMNS = [
    "person_id",
    "module_id",
    "module_title",
    "assignment_id",
    "due_date",
    "refresher_months",
    "started_at",
    "passed_at",
    "expires_at",
    "best_score",
    "refresher_rules",
    "updated_at",
]
CERTIFICATE_COLUMNS = [
    "person_id",
    "module_id",
    "module_title",
    "attempt_id",
    "code",
    "score",
    "issued_at",
    "expires_at",
]


def _insert(model, columns: list[str], rows: list[tuple]) -> None:
    """Rows in bulk, straight into the table: a year of a force is millions of values, and
    the ORM's per-value preparation would take most of the ten minutes this may take."""
    if not rows:
        return
    quote = connection.ops.quote_name
    names = ", ".join(quote(c) for c in columns)
    marks = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {quote(model._meta.db_table)} ({names}) VALUES ({marks})", rows
        )


class _Year:
    """A year of assessed attempts on assigned modules: most pass, some need a retake, a few
    make a dangerous mistake. Each record is written once, already agreeing with its attempts,
    as the services would have left it (an update of every record afterwards costs more than
    all the inserts)."""

    def __init__(self, modules, bank, now, size: ForceSize, rng: random.Random):
        self.now, self.size, self.rng, self.bank = now, size, rng, bank
        self.quiz_of = {m.pk: m.quiz_id for m in modules}
        self.title_of = {m.pk: m.title for m in modules}
        self.settings_of = {m.pk: json.dumps({"title": m.title, "pass_mark": 80}) for m in modules}
        self.payload = {
            row.pk: (
                json.dumps(row.facts),
                json.dumps(_verdict_of(row)),
                json.dumps([r["rule"] for r in row.reasons if r.get("decides", True)]),
            )
            for row in bank
        }
        self.moment = connection.ops.adapt_datetimefield_value
        self.day = connection.ops.adapt_datefield_value
        self.next_id = (Attempt.objects.aggregate(last=Max("pk"))["last"] or 0) + 1
        self.records, self.attempts, self.answers, self.certificates = [], [], [], []

    def play(self, by_team: dict) -> None:
        people = Profile.objects.filter(user__username__startswith=PREFIX).order_by("user_id")
        for person_id, borough_id, unit_id in people.values_list(
            "user_id", "borough_id", "unit_id"
        ).iterator(chunk_size=BATCH):
            key = ("borough", borough_id) if borough_id else ("unit", unit_id)
            for assignment in by_team.get(key, []):
                self._record(person_id, assignment)
            if len(self.attempts) >= BATCH:
                self._flush()
        self._flush()
        # Attempts were numbered here: PostgreSQL's sequence must carry on after them.
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [Attempt]):
                cursor.execute(sql)

    def _record(self, person_id: int, assignment: Assignment) -> None:
        module_id, months = assignment.page_id, assignment.refresher_months
        started = passed = expires = best = None
        if self.rng.random() >= 0.3:  # three in ten have not started yet
            started = start = self.now - timedelta(
                days=self.rng.randint(1, self.size.days), minutes=self.rng.randint(0, 600)
            )
            for number in (1, 2):
                score, finished, ok = self._attempt(person_id, module_id, number, start, months)
                best = max(best or 0, score)
                if ok:
                    passed, expires = finished, add_months(finished, months)
                    break
                if self.rng.random() < 0.5:
                    break  # no retake yet
                start = finished + timedelta(days=self.rng.randint(1, 30))
        moment = self.moment
        self.records.append(
            (person_id, module_id, assignment.page_title, assignment.pk)
            + (self.day(assignment.due_date), months, moment(started), moment(passed))
            + (moment(expires), best, "[]", moment(self.now))
        )

    def _attempt(self, person_id, module_id, number, start, months):
        rng, moment = self.rng, self.moment
        attempt_id, self.next_id = self.next_id, self.next_id + 1
        skill = rng.random()
        marks = []
        when = moment(start)
        for position, row in enumerate(rng.sample(self.bank, QUESTIONS_PER_ATTEMPT), start=1):
            truth = row.rating
            right = rng.random() < 0.55 + 0.45 * skill
            answer = truth if right else rng.choice(marking.RATINGS)
            mark = marking.mark_rating(truth, answer)
            marks.append(mark)
            facts, verdict, rules = self.payload[row.pk]
            self.answers.append(
                (attempt_id, position, SCENARIO, row.pk, row.text, "MPS", "", "", facts)
                + (verdict, rules, "[]", "", "", answer, "", when, mark.points)
                + (marking.MAX_POINTS, mark.correct, mark.dangerous)
            )
        result = marking.result_of(marks, pass_mark=80, fail_on_dangerous=False)
        finished = start + timedelta(minutes=rng.randint(4, 20))
        self.attempts.append(
            (attempt_id, person_id, self.quiz_of[module_id], module_id, ASSESSED, SUBMITTED)
            + (number, rng.getrandbits(40), 1, self.settings_of[module_id], "[]", when, None)
            + (moment(finished), result.points, result.max_points, result.score)
            + (result.dangerous_mistakes, 0, 0, result.passed)
        )
        if result.passed:
            code = "".join(rng.choices(CODE_ALPHABET, k=10))
            self.certificates.append(
                (person_id, module_id, self.title_of[module_id], attempt_id, code)
                + (result.score, moment(finished), moment(add_months(finished, months)))
            )
        return result.score, finished, result.passed

    def _flush(self) -> None:
        _insert(TrainingRecord, RECORD_COLUMNS, self.records)
        _insert(Attempt, ATTEMPT_COLUMNS, self.attempts)
        _insert(AttemptQuestion, QUESTION_COLUMNS, self.answers)
        _insert(Certificate, CERTIFICATE_COLUMNS, self.certificates)
        self.records, self.attempts, self.answers, self.certificates = [], [], [], []


def _counts() -> dict[str, int]:
    force = get_user_model().objects.filter(username__startswith=PREFIX)
    return {
        "officers": force.count(),
        "records": TrainingRecord.objects.filter(person__in=force).count(),
        "attempts": Attempt.objects.filter(user__in=force).count(),
        "answers": AttemptQuestion.objects.filter(attempt__user__in=force).count(),
        "certificates": Certificate.objects.filter(person__in=force).count(),
    }
