"""Where a person stands with a module, from the dates of their training record. Pure: the
clock is passed in (`today`, `now`), nothing here reads it.

    not started → in progress → passed → expiring soon → expired
                ↘ overdue (assigned, past its due date, not passed)

A pass is valid until it expires (its refresher interval, 12 months unless the assignment says
otherwise); within 30 days of that it is "expiring soon". A module assigned and not passed by
its due date is overdue, started or not.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

NOT_STARTED = "not-started"
IN_PROGRESS = "in-progress"
PASSED = "passed"
OVERDUE = "overdue"
EXPIRING = "expiring"
EXPIRED = "expired"
STATUSES = (NOT_STARTED, IN_PROGRESS, OVERDUE, PASSED, EXPIRING, EXPIRED)
LABELS = {
    NOT_STARTED: "Not started",
    IN_PROGRESS: "In progress",
    PASSED: "Passed",
    OVERDUE: "Overdue",
    EXPIRING: "Expiring soon",
    EXPIRED: "Expired",
}
EXPIRING_WITHIN = timedelta(days=30)
DUE_SOON_WITHIN = timedelta(days=7)


def add_months(moment: datetime, months: int) -> datetime:
    """The same day `months` later (the last day of the month when it has no such day)."""
    month = moment.month - 1 + months
    year, month = moment.year + month // 12, month % 12 + 1
    days_in_month = [
        31,
        29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28,
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ][month - 1]
    return moment.replace(year=year, month=month, day=min(moment.day, days_in_month))


def status_of(
    *,
    today: date,
    due_date: date | None,
    started: bool,
    passed_at: datetime | None,
    expires_at: datetime | None,
) -> str:
    if passed_at is not None:
        if expires_at is not None:
            if expires_at.date() < today:
                return EXPIRED
            if expires_at.date() < today + EXPIRING_WITHIN:
                return EXPIRING
        return PASSED
    if due_date is not None and due_date < today:
        return OVERDUE
    return IN_PROGRESS if started else NOT_STARTED


def due_soon(*, today: date, due_date: date | None, passed: bool) -> bool:
    """Assigned, not passed, and due within the week (reminders say so)."""
    return not passed and due_date is not None and today <= due_date <= today + DUE_SOON_WITHIN
