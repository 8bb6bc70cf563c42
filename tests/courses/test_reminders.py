"""Reminders: each item and stage emailed once (a moved date is a new stage), the clock passed
in, trainers' weekly digest once a week within their scope, and two workers at once on
PostgreSQL sending each reminder once."""

import threading
from datetime import date, datetime, timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.db import connection, connections, transaction

from courses import reminders
from courses.models import ReminderSent, TrainingRecord
from courses.reminders import (
    RecordDates,
    Stage,
    day_words,
    digest_stage,
    reminders_send,
    stage_of,
)
from organisation.factories import ProfileFactory, UserFactory
from organisation.models import Borough
from organisation.roles import OFFICER
from tests.killed_workers import WorkerKilled

TODAY = date(2026, 11, 26)  # a Thursday
NOON = datetime(2026, 11, 26, 12, 0).astimezone()


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, 0).astimezone()


# --------------------------------------------------------------------------- the pure rules


@pytest.mark.parametrize(
    ("due", "passed", "expires", "expected"),
    [
        (TODAY + timedelta(days=7), None, None, Stage("due", TODAY + timedelta(days=7))),
        (TODAY, None, None, Stage("due", TODAY)),
        (TODAY + timedelta(days=8), None, None, None),
        (TODAY - timedelta(days=1), None, None, Stage("overdue", TODAY - timedelta(days=1))),
        (None, None, None, None),  # taken freely
        (TODAY, at(TODAY), at(TODAY + timedelta(days=200)), None),  # passed, valid
        (
            TODAY,
            at(TODAY),
            at(TODAY + timedelta(days=10)),
            Stage("expiring", TODAY + timedelta(days=10)),
        ),
        (TODAY, at(TODAY), at(TODAY - timedelta(days=1)), None),  # expired already
        (None, at(TODAY), at(TODAY + timedelta(days=10)), None),
    ],
)
def test_the_stage_of_a_record(due, passed, expires, expected):
    dates = RecordDates(due, passed, expires, expires.date() if expires else None)
    assert stage_of(dates, today=TODAY) == expected


def test_stage_keys_and_words():
    assert Stage("due", date(2026, 12, 1)).key == "due:2026-12-01"
    assert digest_stage(date(2026, 11, 26)) == "digest:2026-W48"
    assert digest_stage(date(2027, 1, 1)) == "digest:2026-W53"
    assert day_words(date(2026, 12, 1), today=TODAY) == "1 December"
    assert day_words(date(2027, 1, 4), today=TODAY) == "4 January 2027"


# --------------------------------------------------------------------------- the job


def person(username, borough="lewisham", **fields):
    user = UserFactory(username=username, roles=[OFFICER], **fields)
    ProfileFactory(user=user, borough=Borough.objects.get(slug=borough))
    return user


def record(who, module, **fields):
    return TrainingRecord.objects.create(
        person=who, module=module, module_title=module.title, **fields
    )


@pytest.fixture
def rag(training):
    return training.modules["rag-table"]


def outbox_to(address):
    return [m for m in mail.outbox if address in m.to]


def test_due_soon_is_emailed_once_with_plain_specific_text(rag):
    pc = person("pc-due")
    record(pc, rag, due_date=date(2026, 12, 1))
    assert reminders_send(today=TODAY, now=NOON) == {"reminders": 1, "digests": 0}
    [message] = mail.outbox
    assert message.to == ["pc-due@example.police.uk"]
    assert "The RAG table" in message.subject
    assert (
        f"Your training “The RAG table” is due on 1 December: http://127.0.0.1:8000{rag.url}"
        in message.body
    )
    assert reminders_send(today=TODAY, now=NOON)["reminders"] == 0
    # The next day it is still due: still no second email for the same date.
    assert reminders_send(today=TODAY + timedelta(days=1))["reminders"] == 0
    assert len(mail.outbox) == 1
    assert ReminderSent.objects.get().stage == "due:2026-12-01"


def test_each_stage_once_then_a_moved_due_date_is_reminded_again(rag):
    pc = person("pc-late")
    row = record(pc, rag, due_date=date(2026, 12, 1))
    reminders_send(today=TODAY)
    reminders_send(today=date(2026, 12, 2))  # overdue now
    reminders_send(today=date(2026, 12, 3))
    bodies = [m.body for m in outbox_to("pc-late@example.police.uk")]
    assert len(bodies) == 2
    assert "was due on 1 December and is now overdue" in bodies[1]
    # The trainer gives more time: a new due date is a new stage.
    TrainingRecord.objects.filter(pk=row.pk).update(due_date=date(2026, 12, 8))
    reminders_send(today=date(2026, 12, 3))
    reminders_send(today=date(2026, 12, 3))
    bodies = [m.body for m in outbox_to("pc-late@example.police.uk")]
    assert len(bodies) == 3 and "is due on 8 December" in bodies[2]
    assert sorted(ReminderSent.objects.values_list("stage", flat=True)) == [
        "due:2026-12-01",
        "due:2026-12-08",
        "overdue:2026-12-01",
    ]


def test_a_pass_expiring_is_reminded_once(rag):
    pc = person("pc-expiring")
    record(
        pc,
        rag,
        due_date=date(2025, 12, 1),
        passed_at=at(date(2025, 12, 20)),
        expires_at=at(date(2026, 12, 20)),
    )
    record(  # passed and valid for months yet: nothing to say
        person("pc-fine"),
        rag,
        due_date=date(2026, 1, 1),
        passed_at=at(date(2026, 6, 1)),
        expires_at=at(date(2027, 6, 1)),
    )
    assert reminders_send(today=TODAY)["reminders"] == 1
    assert reminders_send(today=TODAY + timedelta(days=3))["reminders"] == 0
    [message] = mail.outbox
    assert "Your pass in “The RAG table” expires on 20 December" in message.body


def test_nobody_without_an_address_or_inactive_is_emailed(rag):
    record(person("pc-no-mail", email=""), rag, due_date=date(2026, 12, 1))
    record(person("pc-left", is_active=False), rag, due_date=date(2026, 12, 1))
    free = person("pc-free")
    record(free, rag)  # taken freely, no due date
    assert reminders_send(today=TODAY) == {"reminders": 0, "digests": 0}
    assert not mail.outbox and not ReminderSent.objects.exists()


def test_a_failed_send_gives_its_claim_back(rag, monkeypatch):
    record(person("pc-retry"), rag, due_date=date(2026, 12, 1))

    def broken(*args, **kwargs):
        raise ConnectionRefusedError("no mail server")

    monkeypatch.setattr(reminders, "send_mail", broken)
    assert reminders_send(today=TODAY)["reminders"] == 0
    assert not ReminderSent.objects.exists()
    monkeypatch.undo()
    assert reminders_send(today=TODAY)["reminders"] == 1


def test_a_claim_already_made_by_another_worker_sends_nothing(rag):
    pc = person("pc-claimed")
    row = record(pc, rag, due_date=date(2026, 12, 1))
    claim = {"person_id": pc.pk, "record_id": row.pk, "stage": "due:2026-12-01", "now": NOON}
    email = ("Training due", "Please take it.", pc.email)
    assert reminders._deliver(**claim, email=email)
    assert not reminders._deliver(**claim, email=email)
    assert len(mail.outbox) == 1


def test_a_worker_killed_mid_run_leaves_nothing_unsent_or_sent_twice(rag, monkeypatch, demo_users):
    for n in range(6):
        due = TODAY + timedelta(days=3 if n % 2 else -3)  # due soon, or overdue
        record(person(f"pc-{n}"), rag, due_date=due)
    real_send = reminders.send_mail
    calls = []

    def dies_at_the_fourth(*args, **kwargs):
        calls.append(args)
        if len(calls) == 4:
            raise WorkerKilled  # killed while talking to the mail server
        return real_send(*args, **kwargs)

    monkeypatch.setattr(reminders, "send_mail", dies_at_the_fourth)
    with pytest.raises(WorkerKilled):
        reminders_send(today=TODAY)
    assert len(mail.outbox) == 3 and ReminderSent.objects.count() == 3
    monkeypatch.setattr(reminders, "send_mail", real_send)

    rerun = reminders_send(today=TODAY)  # after recovery: the rest, once
    assert rerun["reminders"] == 3 and rerun["digests"] >= 1
    assert reminders_send(today=TODAY) == {"reminders": 0, "digests": 0}
    people = [m.to[0] for m in mail.outbox if "digest" not in m.subject.lower()]
    assert sorted(people) == sorted(f"pc-{n}@example.police.uk" for n in range(6))
    assert ReminderSent.objects.count() == 6 + rerun["digests"] == len(mail.outbox)


def test_trainers_get_a_weekly_digest_of_their_overdue_people(rag, demo_users):
    record(person("pc-lewisham"), rag, due_date=date(2026, 11, 20))
    record(person("pc-croydon", "croydon"), rag, due_date=date(2026, 11, 21))
    record(person("pc-on-time"), rag, due_date=date(2026, 12, 20))
    counts = reminders_send(today=TODAY)
    digests = {m.to[0].split("@")[0]: m for m in mail.outbox if "digest" in m.subject.lower()}
    # SPOCs see their own borough, Borough Support the boroughs they support, the Social
    # Media Team the force; officers, the Press Bureau and editors assign nobody.
    assert set(digests) == {"spoc", "spoc-2", "borough-support", "social-media-team"}
    assert counts["digests"] == 4
    assert "(pc-lewisham)" in digests["spoc"].body
    assert "(pc-croydon)" not in digests["spoc"].body
    assert "(pc-croydon)" in digests["spoc-2"].body
    assert "(pc-lewisham)" not in digests["spoc-2"].body
    assert "(pc-lewisham)" in digests["social-media-team"].body
    assert "(pc-croydon)" in digests["social-media-team"].body
    assert "“The RAG table”, due on 20 November, 6 days overdue" in digests["spoc"].body
    assert "pc-on-time" not in "".join(m.body for m in digests.values())

    # The same ISO week: no second digest, even on another day.
    assert reminders_send(today=TODAY + timedelta(days=2))["digests"] == 0
    # Next week (Monday 30 November): again.
    assert reminders_send(today=date(2026, 11, 30))["digests"] == 4


def test_the_command_runs_the_job_and_takes_a_date(rag):
    record(person("pc-command"), rag, due_date=date(2026, 12, 1))
    out = StringIO()
    call_command("send_reminders", "--today", "2026-11-26", stdout=out)
    assert "Reminders sent: 1" in out.getvalue()
    out = StringIO()
    call_command("send_reminders", "--today", "2026-11-26", stdout=out)
    assert "Reminders sent: 0" in out.getvalue()
    assert len(mail.outbox) == 1


def test_the_daily_schedule_is_rqs_cron_configuration():
    from rq import cron

    from courses import jobs

    scheduler = cron.CronScheduler(connection=None)
    scheduler.load_config_from_file("courses.jobs")
    scheduled = {job.name: job for job in scheduler.get_jobs()}
    assert set(scheduled) == {"courses-reminders-daily", "quizzes-expire-due"}
    daily = scheduled["courses-reminders-daily"]
    assert (daily.func, daily.cron, daily.queue_name) == (
        jobs.reminders_daily,
        "0 7 * * *",
        "default",
    )
    sweep = scheduled["quizzes-expire-due"]
    assert (sweep.func, sweep.interval) == (jobs.expire_due_attempts, 300)


# --------------------------------------------------------------------------- two workers


@pytest.mark.real_services
@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_each_reminder_once(migrated_data):
    assert connection.vendor == "postgresql", "the real-services run uses PostgreSQL"
    from courses.loader import load_courses
    from courses.models import ModulePage
    from home.loader import load_guidance
    from organisation.demo import create_demo_users

    with transaction.atomic():
        load_guidance()
        create_demo_users()
        load_courses()
    module = ModulePage.objects.get(source_key__endswith="/rag-table")
    for n in range(30):
        due = TODAY + timedelta(days=3 if n % 2 else -3)  # due soon, or overdue
        borough = "croydon" if n % 4 == 0 else "lewisham"  # overdue in both boroughs
        record(person(f"pc-{n}", borough), module, due_date=due)

    start = threading.Barrier(4)
    errors = []

    def work():
        try:
            start.wait()
            reminders_send(today=TODAY)
        except Exception as exc:  # noqa: BLE001  collected and asserted below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    people = [m for m in mail.outbox if "digest" not in m.subject.lower()]
    assert len(people) == 30
    assert len({m.to[0] for m in people}) == 30
    digests = [m.to[0] for m in mail.outbox if "digest" in m.subject.lower()]
    assert len(digests) == len(set(digests)) == 4
    assert ReminderSent.objects.count() == 34
    assert get_user_model().objects.filter(username__startswith="pc-").count() == 30
