"""From dashboard figures to charts and the sentences that describe them. The sentences are
the charts' descriptions, so a screen reader hears the gist before reaching the table."""

from __future__ import annotations

from courses.standing import LABELS, STATUSES

from .charts import Series, bars, columns, stacked_bars
from .selectors import Bucket, RuleErrors, StatusCounts

STATUS_COLOURS = {
    "not-started": "#626a6e",
    "in-progress": "#1d70b8",
    "overdue": "#c8281a",
    "passed": "#00703c",
    "expiring": "#f47738",
    "expired": "#4c2c92",
}
STATUS_SERIES = [Series(s, LABELS[s], STATUS_COLOURS[s]) for s in STATUSES]
STATUS_HEADINGS = [(s, LABELS[s]) for s in STATUSES]
RULES_IN_CHART = 10


def completion_chart(chart_id: str, title: str, rows: list[StatusCounts]):
    if not rows:
        return None
    total = sum(row.total for row in rows)
    completed = sum(row.completed for row in rows)
    percent = round(100 * completed / total) if total else 0
    description = (
        f"{len(rows)} bars, one for each of {', '.join(row.label for row in rows)}, split by "
        f"status. Across them {completed} of {total} records ({percent}%) hold a valid pass."
    )
    return stacked_bars(
        chart_id, title, description, STATUS_SERIES, [(row.label, row.ordered()) for row in rows]
    )


def trend_chart(chart_id: str, buckets: list[Bucket], weekly: bool):
    if not buckets:
        return None
    unit = "week" if weekly else "month"
    total = sum(b.passes for b in buckets)
    busiest = max(buckets, key=lambda b: b.passes)
    description = (
        f"Passes per {unit} from {buckets[0].long_label} to {buckets[-1].long_label}: "
        f"{total} in all"
        + (f"; the most in {busiest.long_label} ({busiest.passes})." if total else ".")
    )
    return columns(
        chart_id,
        f"Passes per {unit}",
        description,
        [(b.label, b.passes) for b in buckets],
    )


def rules_chart(chart_id: str, rules: list[RuleErrors]):
    judged = [rule for rule in rules if rule.enough][:RULES_IN_CHART]
    if not judged:
        return None
    worst = judged[0]
    description = (
        f"The share of answers that were wrong for the {len(judged)} rules got wrong most "
        f"(among rules with enough answers to judge). Worst: {worst.title}, "
        f"{worst.percent_wrong}% wrong of {worst.asked} answers."
    )
    return bars(
        chart_id,
        "Rules got wrong most",
        description,
        [(r.title, r.percent_wrong, f"{r.percent_wrong}%") for r in judged],
        maximum=100,
        colour="#c8281a",
    )
