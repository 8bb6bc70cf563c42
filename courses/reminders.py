"""Reminders by email: assigned training due within the week, overdue, or a pass expiring; and
each trainer's weekly digest of their overdue people.

Each reminder goes once per record and stage, and the stage carries the date it is about
("due:2026-12-01"), so a due date moved later is reminded again for the new date. Safe when
the job runs twice, two workers run it at once, or a worker is killed mid-run: each email is
claimed (a `ReminderSent` row the unique constraint lets only one worker insert) and sent in
one transaction, so the claim commits only once the email has gone. A worker killed before that
leaves no claim, and the next run sends it; a second worker's claim waits for the first's
transaction and then finds it taken; a send that fails leaves no claim either. Call it outside
a transaction (a job, the command), so each claim commits on its own.

The stage rules are pure (`stage_of`, `digest_stage`) and take the date; `reminders_send` is
the adapter and takes the clock too.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from urllib.parse import urljoin

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from courses.models import ReminderSent, TrainingRecord
from courses.standing import DUE_SOON_WITHIN, EXPIRING, EXPIRING_WITHIN, due_soon, status_of
from organisation.selectors import people_visible_to

log = logging.getLogger(__name__)

ASSIGN = "organisation.assign_training"
DUE, OVERDUE, EXPIRING_STAGE, DIGEST = "due", "overdue", "expiring", "digest"


# --------------------------------------------------------------------------- pure core


@dataclass(frozen=True)
class RecordDates:
    due_date: date | None
    passed_at: datetime | None
    expires_at: datetime | None
    expires_on: date | None = None  # expires_at as a local date


@dataclass(frozen=True)
class Stage:
    kind: str
    day: date

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.day.isoformat()}"


def stage_of(dates: RecordDates, *, today: date) -> Stage | None:
    """What an assigned record needs reminding of today, if anything."""
    if dates.due_date is None:
        return None  # taken freely: nobody asked for it by a date
    if dates.passed_at is not None:
        status = status_of(
            today=today,
            due_date=dates.due_date,
            started=True,
            passed_at=dates.passed_at,
            expires_at=dates.expires_at,
        )
        if status == EXPIRING:
            return Stage(EXPIRING_STAGE, dates.expires_on or dates.expires_at.date())
        return None
    if dates.due_date < today:
        return Stage(OVERDUE, dates.due_date)
    if due_soon(today=today, due_date=dates.due_date, passed=False):
        return Stage(DUE, dates.due_date)
    return None


def digest_stage(today: date) -> str:
    year, week, _ = today.isocalendar()
    return f"{DIGEST}:{year}-W{week:02d}"


def day_words(day: date, *, today: date) -> str:
    """ "1 December", with the year when it is not this year's."""
    words = f"{day.day} {day:%B}"
    return words if day.year == today.year else f"{words} {day.year}"


# --------------------------------------------------------------------------- adapter


def site_url(path: str = "/") -> str:
    return urljoin(settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/", path.lstrip("/"))


def _deliver(
    *, person_id: int, record_id: int | None, stage: str, now: datetime, email: tuple
) -> bool:
    """Claim the reminder and send it, in one transaction; False if it was sent already (or
    is being sent by another worker) or could not be sent."""
    subject, body, to = email
    try:
        with transaction.atomic():
            ReminderSent.objects.create(
                person_id=person_id, record_id=record_id, stage=stage, sent_at=now
            )
            send_mail(subject, body, None, [to])
    except IntegrityError:
        return False
    except Exception:  # noqa: BLE001  no claim is kept: the next run tries again
        log.warning("Could not send %s to %s", stage, to, exc_info=True)
        return False
    return True


def _email(template: str, context: dict, to: str) -> tuple[str, str, str]:
    subject = render_to_string(f"courses/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"courses/email/{template}.txt", context)
    return " ".join(subject.split()), body, to


def _candidates(today: date):
    """Assigned records that may need a reminder: not passed and due within the week (or
    overdue), or passed and expiring; of active people with an email address. `stage_of`
    decides; this only narrows the rows read."""
    return (
        TrainingRecord.objects.filter(
            due_date__isnull=False, module__isnull=False, person__is_active=True
        )
        .exclude(person__email="")
        .filter(
            Q(passed_at__isnull=True, due_date__lte=today + DUE_SOON_WITHIN)
            | Q(
                passed_at__isnull=False,
                expires_at__gte=_midnight(today - timedelta(days=1)),
                expires_at__lt=_midnight(today + EXPIRING_WITHIN + timedelta(days=1)),
            )
        )
        .select_related("person", "module")
        .order_by("pk")
    )


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _record_reminders(*, today: date, now: datetime) -> int:
    records = list(_candidates(today))
    sent_already = set(
        ReminderSent.objects.filter(record__in=[r.pk for r in records]).values_list(
            "record_id", "stage"
        )
    )
    sent = 0
    for record in records:
        expires_on = timezone.localdate(record.expires_at) if record.expires_at else None
        dates = RecordDates(record.due_date, record.passed_at, record.expires_at, expires_on)
        stage = stage_of(dates, today=today)
        if stage is None or (record.pk, stage.key) in sent_already:
            continue
        context = {
            "person": record.person,
            "title": record.module_title,
            "stage": stage.kind,
            "day": day_words(stage.day, today=today),
            "url": site_url(record.module.get_url() or "/training/"),
        }
        email = _email("reminder", context, record.person.email)
        sent += _deliver(
            person_id=record.person_id, record_id=record.pk, stage=stage.key, now=now, email=email
        )
    return sent


def trainers():
    """Active people who assign training, with an email address: the digest's readers."""
    return (
        get_user_model()
        # Named: the sign-in throttle is a second backend, and permissions live in this one.
        .objects.with_perm(
            ASSIGN, include_superusers=False, backend="django.contrib.auth.backends.ModelBackend"
        )
        .filter(is_active=True)
        .exclude(email="")
        .order_by("pk")
    )


def overdue_for(trainer, *, today: date):
    """The overdue assigned records of the people this trainer may see."""
    return (
        TrainingRecord.objects.filter(
            person__in=people_visible_to(trainer),
            passed_at__isnull=True,
            due_date__lt=today,
        )
        .select_related("person")
        .order_by("person__last_name", "person__first_name", "person__username", "due_date")
    )


def _digests(*, today: date, now: datetime) -> int:
    stage = digest_stage(today)
    done = set(
        ReminderSent.objects.filter(record__isnull=True, stage=stage).values_list(
            "person_id", flat=True
        )
    )
    sent = 0
    for trainer in trainers():
        if trainer.pk in done:
            continue
        overdue = list(overdue_for(trainer, today=today))
        if not overdue:
            continue  # nothing to say: no email, and next week's run looks again
        rows = [
            {
                "name": r.person.get_full_name() or r.person.get_username(),
                "username": r.person.get_username(),
                "title": r.module_title,
                "day": day_words(r.due_date, today=today),
                "days": (today - r.due_date).days,
            }
            for r in overdue
        ]
        context = {
            "person": trainer,
            "rows": rows,
            "people": len({row["username"] for row in rows}),
            "url": site_url("/training/"),
        }
        email = _email("digest", context, trainer.email)
        sent += _deliver(person_id=trainer.pk, record_id=None, stage=stage, now=now, email=email)
    return sent


def reminders_send(*, today: date | None = None, now: datetime | None = None) -> dict:
    """Send today's reminders and, once a week, the trainers' digests: how many of each."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    return {
        "reminders": _record_reminders(today=today, now=now),
        "digests": _digests(today=today, now=now),
    }
