"""`courses.standing.status_of`, computed by the database, so dashboards count statuses with
GROUP BY instead of loading every record. It must agree with the pure function on every
boundary (tests/courses/test_dashboards.py checks each one).

Dates are London's, as "My training" reads them (`status_of` given `localtime(expires_at)`):
a pass expires on the London date of `expires_at`, so the SQL compares with London midnights.
The comparisons are ranges on the column, not a function of it, so the indexes serve them.
"""

from __future__ import annotations

from datetime import date, datetime, time

from django.db.models import Case, CharField, Q, Value, When
from django.utils import timezone

from courses.standing import (
    EXPIRED,
    EXPIRING,
    EXPIRING_WITHIN,
    IN_PROGRESS,
    NOT_STARTED,
    OVERDUE,
    PASSED,
)


def start_of(day: date) -> datetime:
    """Midnight in London (the current time zone) at the start of `day`: periods and trends
    count London days."""
    return timezone.make_aware(datetime.combine(day, time.min))


def overdue_q(today: date) -> Q:
    """Where `status_expression` says overdue, as a plain condition: the planner estimates
    it (and may use an index), which it cannot do for a CASE."""
    return Q(passed_at__isnull=True, due_date__lt=today)


def status_expression(today: date, prefix: str = "") -> Case:
    """The status of each training record on `today`, as `status_of` would say. `prefix`
    leads to the record from another model (such as "record__" through a relation)."""

    def q(**lookups) -> Q:
        return Q(**{prefix + key: value for key, value in lookups.items()})

    passed = q(passed_at__isnull=False)
    return Case(
        # Same order as status_of: a pass outranks a due date.
        When(passed & q(expires_at__lt=start_of(today)), then=Value(EXPIRED)),
        When(passed & q(expires_at__lt=start_of(today + EXPIRING_WITHIN)), then=Value(EXPIRING)),
        When(passed, then=Value(PASSED)),
        # A NULL due date compares as unknown, so it never counts as overdue.
        When(q(due_date__lt=today), then=Value(OVERDUE)),
        When(q(started_at__isnull=False), then=Value(IN_PROGRESS)),
        default=Value(NOT_STARTED),
        output_field=CharField(),
    )
