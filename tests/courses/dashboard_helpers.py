"""Building blocks for the dashboard, export and item-analysis tests: people in places,
training records with chosen dates, assessed answers, and a large force built in bulk."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from courses.models import Certificate, TrainingRecord
from courses.tallies import rule_tallies_add, rule_tallies_rebuild
from organisation.factories import ProfileFactory, UserFactory
from organisation.models import Borough, Profile, Unit
from organisation.roles import OFFICER
from quizzes.models import Attempt, AttemptQuestion
from quizzes.models.attempt import SCENARIO, SUBMITTED
from quizzes.models.quiz import ASSESSED
from scenarios.models import BankQuestion


def borough(slug: str) -> Borough:
    return Borough.objects.get(slug=slug)


def unit(slug: str) -> Unit:
    return Unit.objects.get(slug=slug)


def person(username: str, first: str, last: str, *, place) -> object:
    """An officer in a borough or a unit."""
    user = UserFactory(username=username, first_name=first, last_name=last, roles=[OFFICER])
    if isinstance(place, Unit):
        ProfileFactory(user=user, borough=None, unit=place)
    else:
        ProfileFactory(user=user, borough=place)
    return user


def at(day: date, hour: int = 12) -> datetime:
    """Midday in London on `day`: far from any boundary unless a test wants one."""
    return timezone.make_aware(datetime.combine(day, time(hour)))


def record(who, module, *, due=None, started=None, passed=None, expires=None) -> TrainingRecord:
    return TrainingRecord.objects.create(
        person=who,
        module=module,
        module_title=module.title,
        due_date=due,
        started_at=started,
        passed_at=passed,
        expires_at=expires,
    )


def certificate(who, module, issued: datetime) -> Certificate:
    return Certificate.objects.create(
        person=who,
        module=module,
        module_title=module.title,
        score=90,
        issued_at=issued,
        expires_at=issued + timedelta(days=365),
    )


def bank_question(template, n: int, rating: str = "GREEN") -> BankQuestion:
    return BankQuestion.objects.create(
        key=f"{template.key}-{n}",
        template=template,
        template_key=template.key,
        text=f"Question {n} from {template.key}",
        facts={"topic": "burglary"},
        topic="burglary",
        rating=rating,
        correct_answer=rating,
        explanation="Because.",
        reasons=[],
        rulebook_version=1,
    )


def answered(
    who,
    quiz,
    *,
    score: int,
    answers: list[tuple[list[str], bool]] | list[tuple[list[str], bool, object]],
    module=None,
    mode: str = ASSESSED,
    finished: datetime | None = None,
) -> Attempt:
    """A marked attempt with its answers: (rules, correct[, bank question]) each."""
    finished = finished or timezone.now()
    number = Attempt.objects.filter(user=who, quiz=quiz, mode=mode).count() + 1
    attempt = Attempt.objects.create(
        user=who,
        quiz=quiz,
        module=module,
        mode=mode,
        status=SUBMITTED,
        number=number,
        seed=number,
        rulebook_version=1,
        started_at=finished - timedelta(minutes=10),
        finished_at=finished,
        score=score,
        passed=score >= 80,
    )
    AttemptQuestion.objects.bulk_create(
        AttemptQuestion(
            attempt=attempt,
            position=position,
            kind=SCENARIO,
            bank_question=answer[2] if len(answer) > 2 else None,
            text="A post",
            rules=list(answer[0]),
            correct=answer[1],
            answer_rating="GREEN",
            answered_at=finished,
            max_points=2,
            points=2 if answer[1] else 0,
        )
        for position, answer in enumerate(answers, start=1)
    )
    rule_tallies_add(attempt_id=attempt.pk)  # as marking does
    return attempt


def bulk_force(count: int, *, place: Borough, modules, quiz, today: date, prefix="bulk") -> None:
    """`count` officers in `place` with a record for each module (a mix of every status), an
    assessed attempt of two answers, and a certificate for every other one: in bulk, a few
    statements whatever `count` is."""
    users = get_user_model().objects.bulk_create(
        get_user_model()(
            username=f"{prefix}-{i}",
            first_name=f"First{i}",
            last_name=f"Last{i:05d}",
            password="!",
        )
        for i in range(count)
    )
    officers = Group.objects.get(name=OFFICER)
    get_user_model().groups.through.objects.bulk_create(
        get_user_model().groups.through(user_id=u.pk, group_id=officers.pk) for u in users
    )
    Profile.objects.bulk_create(Profile(user_id=u.pk, borough=place) for u in users)
    records = []
    for i, user in enumerate(users):
        for j, module in enumerate(modules):
            kind = (i + j) % 5
            passed = at(today - timedelta(days=20)) if kind in (3, 4) else None
            expires = None
            if kind == 3:
                expires = at(today + timedelta(days=300))
            elif kind == 4:
                expires = at(today + timedelta(days=10))
            records.append(
                TrainingRecord(
                    person_id=user.pk,
                    module=module,
                    module_title=module.title,
                    due_date=today + timedelta(days=-3 if kind == 0 else 14),
                    started_at=at(today - timedelta(days=30)) if kind in (1, 3, 4) else None,
                    passed_at=passed,
                    expires_at=expires,
                )
            )
    TrainingRecord.objects.bulk_create(records, batch_size=2000)
    finished = at(today - timedelta(days=5))
    attempts = Attempt.objects.bulk_create(
        (
            Attempt(
                user_id=u.pk,
                quiz=quiz,
                module=modules[0],
                mode=ASSESSED,
                status=SUBMITTED,
                number=1,
                seed=1,
                rulebook_version=1,
                started_at=finished - timedelta(minutes=10),
                finished_at=finished,
                score=(i * 7) % 101,
                passed=(i * 7) % 101 >= 80,
            )
            for i, u in enumerate(users)
        ),
        batch_size=2000,
    )
    AttemptQuestion.objects.bulk_create(
        (
            AttemptQuestion(
                attempt_id=a.pk,
                position=position,
                kind=SCENARIO,
                text="A post",
                rules=[rule],
                correct=(a.pk + position) % 3 != 0,
                max_points=2,
            )
            for a in attempts
            for position, rule in ((1, "red-topic"), (2, "green-topic"))
        ),
        batch_size=2000,
    )
    rule_tallies_rebuild()  # the answers went in bulk, around the marking service
    Certificate.objects.bulk_create(
        (
            Certificate(
                person_id=u.pk,
                module=modules[0],
                module_title=modules[0].title,
                code=f"{prefix[:2].upper()}{i:08d}",
                score=90,
                issued_at=at(today - timedelta(days=(i % 300))),
                expires_at=at(today + timedelta(days=65)),
            )
            for i, u in enumerate(users)
            if i % 2 == 0
        ),
        batch_size=2000,
    )


def small_force(training, today: date):
    """The hand-built force every dashboard test counts by hand. Module A is the RAG table,
    B court and images; dates are relative to `today`.

    Lewisham: Ada (A passed; B overdue by 5 days), Ben (A in progress; B not started),
    Cat (A passed long ago, expiring in 10 days; B taken unassigned, expired yesterday).
    Croydon: Dan (A overdue by 3 days, never started), Eve (A passed yesterday).
    Greenwich: Gus (A not started). Territorial Support Group: Uma (A passed).
    """
    a, b = training.modules["rag-table"], training.modules["court-and-images"]
    t = today
    lewisham, croydon = borough("lewisham"), borough("croydon")
    ada = person("ada", "Ada", "Lewis", place=lewisham)
    ben = person("ben", "Ben", "Lamb", place=lewisham)
    cat = person("cat", "Cat", "Long", place=lewisham)
    dan = person("dan", "Dan", "Cross", place=croydon)
    eve = person("eve", "Eve", "Croft", place=croydon)
    gus = person("gus", "Gus", "Green", place=borough("greenwich"))
    uma = person("uma", "Uma", "Unwin", place=unit("territorial-support-group"))
    day = timedelta(days=1)
    record(
        ada,
        a,
        due=t + 30 * day,
        started=at(t - 20 * day),
        passed=at(t - 10 * day),
        expires=at(t + 355 * day),
    )
    record(ada, b, due=t - 5 * day, started=at(t - 20 * day))
    record(ben, a, due=t + 10 * day, started=at(t - 2 * day))
    record(ben, b, due=t + 10 * day)
    record(cat, a, due=t - 40 * day, passed=at(t - 100 * day), expires=at(t + 10 * day))
    record(cat, b, passed=at(t - 400 * day), expires=at(t - day))
    record(dan, a, due=t - 3 * day)
    record(eve, a, due=t + 5 * day, passed=at(t - day), expires=at(t + 364 * day))
    record(gus, a, due=t + 20 * day)
    record(uma, a, due=t + 20 * day, passed=at(t - 3 * day), expires=at(t + 362 * day))
    certificate(ada, a, at(t - 10 * day))
    certificate(eve, a, at(t - day))
    certificate(cat, a, at(t - 100 * day))
    certificate(cat, b, at(t - 400 * day))
    quiz = a.quiz
    answered(
        ada,
        quiz,
        module=a,
        score=90,
        answers=[
            (["amber-not-public-domain"], True),
            (["red-topic"], False),
            (["amber-not-public-domain", "wider-interest"], False),
        ],
    )
    answered(
        ben, quiz, module=a, score=40, answers=[(["red-topic"], False), (["green-topic"], True)]
    )
    answered(dan, quiz, module=a, score=20, answers=[(["green-topic"], False)])
    answered(ada, quiz, module=a, score=0, mode="practice", answers=[(["green-topic"], False)])
    answered(
        cat,
        quiz,
        module=b,
        score=50,
        finished=at(t - 200 * day),
        answers=[(["court-sentencing-window"], False)],
    )
    return SimpleNamespace(
        a=a, b=b, today=today, ada=ada, ben=ben, cat=cat, dan=dan, eve=eve, gus=gus, uma=uma
    )
