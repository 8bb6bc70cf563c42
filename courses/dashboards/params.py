"""What every dashboard page and export starts from: who is asking (their scope), the filters
they chose (checked against that scope), and today's date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone
from django.utils.http import urlencode

from .filters import MONTH, FilterForm, Filters, Period
from .scope import Scope, scope_of
from .selectors import Bucket, Module, modules, passes_over_time


@dataclass(frozen=True)
class Dashboard:
    scope: Scope  # narrowed to the chosen team, if any
    whole: Scope  # everything the trainer sees, for the team choices
    form: FilterForm
    filters: Filters
    modules: list[Module]  # every module, in course order
    today: date

    @property
    def shown_modules(self) -> list[Module]:
        return [self.filters.module] if self.filters.module else self.modules

    @property
    def query(self) -> str:
        return urlencode(self.filters.query())

    @property
    def errors(self) -> list[str]:
        return [message for messages in self.form.errors.values() for message in messages]


def dashboard_for(request, today: date | None = None) -> Dashboard:
    today = today or timezone.localdate()
    whole = scope_of(request.user)
    all_modules = modules()
    form = FilterForm(request.GET, modules=all_modules, scope=whole)
    filters = form.filters()
    return Dashboard(
        scope=whole.narrowed_to(filters.team),
        whole=whole,
        form=form,
        filters=filters,
        modules=all_modules,
        today=today,
    )


# --------------------------------------------------------------------------- trend buckets


def _month_back(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def trend_buckets(period: Period, today: date) -> list[tuple[date, str, str]]:
    """(first day, short label, long label) of each month or week shown, oldest first: the
    12 months up to this one, or the weeks (from Monday) that the period's days fall in."""
    if period.bucket == MONTH:
        starts = [_month_back(today, back) for back in range(11, -1, -1)]
        return [(d, f"{d:%b}", f"{d:%B %Y}") for d in starts]
    first = period.first_day(today)
    monday = first - timedelta(days=first.weekday())
    starts = []
    while monday <= today:
        starts.append(monday)
        monday += timedelta(days=7)
    return [(d, f"{d.day} {d:%b}", f"Week of {d.day} {d:%B %Y}") for d in starts]


def passes_trend(d: Dashboard) -> tuple[bool, list[Bucket]]:
    """Whether the trend is by week (else by month), and its buckets, for the page and its CSV."""
    weekly = d.filters.period.bucket != MONTH
    buckets = passes_over_time(
        d.scope,
        buckets=trend_buckets(d.filters.period, d.today),
        weekly=weekly,
        module=d.filters.module,
    )
    return weekly, buckets
