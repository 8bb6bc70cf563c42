"""Every dashboard table as a CSV file, streamed row by row as the database yields them, so a
force-wide file of every officer never sits in memory. Same scope and filters as the page.

Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a formula,
so such text is written with a leading apostrophe: a name is never a formula.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator

from django.http import StreamingHttpResponse

from audit.services import audit_export
from courses.standing import LABELS, STATUSES

from .params import Dashboard, passes_trend
from .selectors import (
    NOT_ASSIGNED,
    StatusCounts,
    completion_by_module,
    completion_by_team,
    overdue_records,
    people_status_rows,
    rule_errors,
)

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
COUNT_HEADINGS = ["People", "Assigned"] + [LABELS[s] for s in STATUSES] + ["Complete (%)"]


def guarded(value) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class _Echo:
    """A file whose write hands the line back, for csv.writer to feed a stream."""

    def write(self, value: str) -> str:
        return value


def csv_response(filename: str, header: list[str], rows: Iterable[list]) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def lines() -> Iterator[str]:
        yield writer.writerow(header)
        for row in rows:
            yield writer.writerow([guarded(value) for value in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _counts(row: StatusCounts) -> list:
    return [row.total, row.assigned, *row.ordered(), row.percent_complete]


def modules_table(d: Dashboard) -> tuple[list[str], Iterable[list]]:
    rows = completion_by_module(
        d.scope, today=d.today, all_modules=d.modules, module=d.filters.module
    )
    return ["Module", *COUNT_HEADINGS], ([row.label, *_counts(row)] for row in rows)


def teams_table(d: Dashboard) -> tuple[list[str], Iterable[list]]:
    teams = completion_by_team(
        d.scope, today=d.today, all_modules=d.modules, module=d.filters.module
    )
    # A team's row counts records (a person once per module), not people.
    header = ["Borough or unit", "Kind", "Records", *COUNT_HEADINGS[1:]]
    return header, ([t.team.name, t.team.kind_label, *_counts(t.overall)] for t in teams)


def team_modules_table(d: Dashboard) -> tuple[list[str], Iterable[list]]:
    teams = completion_by_team(
        d.scope, today=d.today, all_modules=d.modules, module=d.filters.module
    )
    header = ["Borough or unit", "Module", *COUNT_HEADINGS]
    return header, ([t.team.name, row.label, *_counts(row)] for t in teams for row in t.by_module)


def people_table(d: Dashboard) -> tuple[list[str], Iterable[list]]:
    shown = d.shown_modules
    header = ["Name", "Username", "Borough or unit", *[m.title for m in shown]]
    rows = people_status_rows(d.scope, today=d.today, shown=shown)
    return header, (
        [name, username, team, *[LABELS[s] if s else NOT_ASSIGNED for s in statuses]]
        for name, username, team, statuses in rows
    )


def overdue_table(d: Dashboard) -> tuple[list[str], Iterable[list]]:
    records = overdue_records(d.scope, today=d.today, module=d.filters.module)
    header = ["Name", "Username", "Borough or unit", "Module", "Due date", "Days overdue"]

    def rows():
        for record in records.iterator(chunk_size=2000):
            person, profile = record.person, record.person.profile
            team = profile.borough or profile.unit
            yield [
                person.get_full_name() or person.get_username(),
                person.get_username(),
                team.name if team else "",
                record.module.title if record.module else record.module_title,
                record.due_date.isoformat(),
                (d.today - record.due_date).days,
            ]

    return header, rows()


def trends_table(d: Dashboard) -> tuple[list[str], Iterable[list]]:
    weekly, buckets = passes_trend(d)
    header = ["Week starting" if weekly else "Month starting", "Period", "Passes"]
    return header, ([b.start.isoformat(), b.long_label, b.passes] for b in buckets)


def rules_table(d: Dashboard) -> tuple[list[str], Iterable[list]]:
    rules = rule_errors(d.scope, since=d.filters.period.since(d.today), module=d.filters.module)
    header = ["Rule id", "Rule", "Answers", "Wrong", "Wrong (%)", "Enough answers to judge"]
    return header, (
        [r.rule, r.title, r.asked, r.wrong, r.percent_wrong, "yes" if r.enough else "no"]
        for r in rules
    )


# Address slug -> (what the file is called, what makes it).
TABLES: dict[str, tuple[str, Callable[[Dashboard], tuple[list[str], Iterable[list]]]]] = {
    "modules": ("completion-by-module", modules_table),
    "teams": ("completion-by-team", teams_table),
    "team-modules": ("completion-by-team-and-module", team_modules_table),
    "people": ("completion-by-person", people_table),
    "overdue": ("overdue", overdue_table),
    "trends": ("passes-over-time", trends_table),
    "rules": ("rules-got-wrong", rules_table),
}


def export(d: Dashboard, table: str, *, by=None) -> StreamingHttpResponse:
    """The table as CSV; each download is an audit entry naming the table and the filters."""
    name, make = TABLES[table]
    header, rows = make(d)
    audit_export(actor=by, table=name, filters=d.filters.query(), rows_of=d.scope.label)
    return csv_response(f"{name}-{d.scope.slug}-{d.today.isoformat()}.csv", header, rows)
