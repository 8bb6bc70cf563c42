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
from django.db import connection, transaction
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
from .standing import add_months

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
        people = _people(size, rng)
        if Attempt.objects.filter(user__username__startswith=PREFIX).exists():
            return _counts()
        bank = _bank(rng)
        _assign(modules, now, rng)
        _attempts(people, modules, bank, now, size, rng)
    return _counts()


def _assign(modules: list[ModulePage], now: datetime, rng: random.Random) -> None:
    """Each borough and unit has half the modules assigned, due at some point in the year."""
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
    records = []
    for user_id, borough_id, unit_id in Profile.objects.filter(
        user__username__startswith=PREFIX
    ).values_list("user_id", "borough_id", "unit_id"):
        key = ("borough", borough_id) if borough_id else ("unit", unit_id)
        for a in by_team.get(key, []):
            records.append(
                TrainingRecord(
                    person_id=user_id,
                    module_id=a.page_id,
                    module_title=a.page_title,
                    assignment=a,
                    due_date=a.due_date,
                    refresher_months=a.refresher_months,
                )
            )
        if len(records) >= BATCH * 4:
            TrainingRecord.objects.bulk_create(records, batch_size=BATCH, ignore_conflicts=True)
            records = []
    TrainingRecord.objects.bulk_create(records, batch_size=BATCH, ignore_conflicts=True)


QUESTION_COLUMNS = (
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
)


def _insert_questions(rows: list[tuple]) -> None:
    """Answers in bulk, with each question's JSON serialised once per bank question rather
    than once per answer (millions of them): the one place this skips the ORM."""
    table = connection.ops.quote_name(AttemptQuestion._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(c) for c in QUESTION_COLUMNS)
    marks = ", ".join(["%s"] * len(QUESTION_COLUMNS))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)


def _attempts(people, modules, bank, now, size: ForceSize, rng: random.Random) -> None:
    """A year of assessed attempts on assigned modules: most pass, some need a retake, a few
    make a dangerous mistake. Records and certificates follow, as the services would do."""
    records = {
        (r.person_id, r.module_id): r
        for r in TrainingRecord.objects.filter(person_id__in=people)
        .only("pk", "person_id", "module_id", "refresher_months")
        .iterator(chunk_size=BATCH)
    }
    quiz_of = {m.pk: m.quiz_id for m in modules}
    title_of = {m.pk: m.title for m in modules}
    payload = {
        row.pk: (
            json.dumps(row.facts),
            json.dumps(_verdict_of(row)),
            json.dumps([r["rule"] for r in row.reasons if r.get("decides", True)]),
        )
        for row in bank
    }
    adapt = connection.ops.adapt_datetimefield_value
    pending: list[tuple[Attempt, list[tuple], tuple]] = []
    touched: list[TrainingRecord] = []

    def flush():
        Attempt.objects.bulk_create([p[0] for p in pending], batch_size=BATCH)
        rows, certificates = [], []
        for attempt, answers, key in pending:
            rows.extend((attempt.pk, *answer) for answer in answers)
            if attempt.passed:
                certificates.append(
                    Certificate(
                        person_id=attempt.user_id,
                        module_id=key[1],
                        module_title=title_of[key[1]],
                        attempt_id=attempt.pk,
                        score=attempt.score,
                        issued_at=attempt.finished_at,
                        expires_at=add_months(attempt.finished_at, records[key].refresher_months),
                    )
                )
        _insert_questions(rows)
        Certificate.objects.bulk_create(certificates, batch_size=BATCH)
        pending.clear()

    for (person_id, module_id), record in records.items():
        if rng.random() < 0.3:
            continue  # not started yet
        start = now - timedelta(days=rng.randint(1, size.days), minutes=rng.randint(0, 600))
        record.started_at = start
        for number in (1, 2):
            skill = rng.random()
            marks, answers = [], []
            when = adapt(start)
            for position, row in enumerate(rng.sample(bank, QUESTIONS_PER_ATTEMPT), start=1):
                truth = row.rating
                right = rng.random() < 0.55 + 0.45 * skill
                answer = truth if right else rng.choice(marking.RATINGS)
                mark = marking.mark_rating(truth, answer)
                marks.append(mark)
                facts, verdict, rules = payload[row.pk]
                answers.append(
                    (
                        position,
                        SCENARIO,
                        row.pk,
                        row.text,
                        "MPS",
                        "",
                        "",
                        facts,
                        verdict,
                        rules,
                        "[]",
                        "",
                        "",
                        answer,
                        "",
                        when,
                        mark.points,
                        marking.MAX_POINTS,
                        mark.correct,
                        mark.dangerous,
                    )
                )
            result = marking.result_of(marks, pass_mark=80, fail_on_dangerous=False)
            finished = start + timedelta(minutes=rng.randint(4, 20))
            attempt = Attempt(
                user_id=person_id,
                quiz_id=quiz_of[module_id],
                module_id=module_id,
                mode=ASSESSED,
                status=SUBMITTED,
                number=number,
                seed=rng.getrandbits(40),
                rulebook_version=1,
                settings={"title": title_of[module_id], "pass_mark": 80},
                started_at=start,
                finished_at=finished,
                points=result.points,
                max_points=result.max_points,
                score=result.score,
                dangerous_mistakes=result.dangerous_mistakes,
                passed=result.passed,
            )
            record.best_score = max(record.best_score or 0, result.score)
            if result.passed:
                record.passed_at = finished
                record.expires_at = add_months(finished, record.refresher_months)
            pending.append((attempt, answers, (person_id, module_id)))
            if result.passed or rng.random() < 0.5:
                break
            start = finished + timedelta(days=rng.randint(1, 30))
        touched.append(record)
        if len(pending) >= BATCH // 2:
            flush()
    flush()
    TrainingRecord.objects.bulk_update(
        touched, ["started_at", "passed_at", "expires_at", "best_score"], batch_size=BATCH
    )


def _counts() -> dict[str, int]:
    force = get_user_model().objects.filter(username__startswith=PREFIX)
    return {
        "officers": force.count(),
        "records": TrainingRecord.objects.filter(person__in=force).count(),
        "attempts": Attempt.objects.filter(user__in=force).count(),
        "answers": AttemptQuestion.objects.filter(attempt__user__in=force).count(),
        "certificates": Certificate.objects.filter(person__in=force).count(),
    }
