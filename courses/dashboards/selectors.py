"""What the trainer dashboards read, always within a `Scope` (see `scope.py`).

Every figure is counted by the database (GROUP BY over training records, certificates and
assessed answers), so a page costs the same few queries for ten officers or ten thousand.
Statuses come from `status_sql.status_expression`, the SQL twin of `courses.standing`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import groupby
from operator import itemgetter

from django.db.models import Count, FilteredRelation, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import TruncMonth, TruncWeek
from django.utils import timezone

from courses.models import Certificate, ModulePage, RuleTally, TrainingRecord
from courses.standing import EXPIRING, LABELS, PASSED, STATUSES
from scenarios.rules import rule_title

from .scope import BOROUGH, UNIT, Scope, Team
from .status_sql import overdue_q, start_of, status_expression

PAGE_SIZE = 50
# Fewer answers than this and an error rate says more about chance than about the rule.
ENOUGH_RULE_ANSWERS = 10
REMOVED = "A removed module"
NOT_ASSIGNED = "Not assigned"


@dataclass(frozen=True)
class Module:
    pk: int
    title: str
    live: bool = True

    @property
    def label(self) -> str:
        return self.title if self.live else f"{self.title} (not live)"


def modules() -> list[Module]:
    """Every module page, in the order of the course tree (one query)."""
    rows = ModulePage.objects.order_by("path").values_list("pk", "title", "live")
    return [Module(pk, title, live) for pk, title, live in rows]


@dataclass
class StatusCounts:
    """How many records stand at each status, for one module, team or both."""

    label: str
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    assigned: int = 0
    module_id: int | None = None  # for a module's row

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def completed(self) -> int:
        """Holding a valid pass (expiring soon still counts)."""
        return self.counts[PASSED] + self.counts[EXPIRING]

    @property
    def percent_complete(self) -> int:
        return round(100 * self.completed / self.total) if self.total else 0

    def ordered(self) -> list[int]:
        return [self.counts[status] for status in STATUSES]

    def add(self, status: str, n: int, assigned: int) -> None:
        self.counts[status] += n
        self.assigned += assigned


def records_in(scope: Scope, module: Module | None = None) -> QuerySet[TrainingRecord]:
    records = TrainingRecord.objects.filter(scope.where("person__"), module__isnull=False)
    if module is not None:
        records = records.filter(module_id=module.pk)
    return records


def _counted(records: QuerySet, today: date, *keys: str):
    """(key values…, status, n, assigned) per group, one query."""
    return (
        records.annotate(status=status_expression(today))
        .values(*keys, "status")
        .annotate(n=Count("pk"), assigned=Count("pk", filter=Q(due_date__isnull=False)))
        .order_by()
        .values_list(*keys, "status", "n", "assigned")
        .iterator()
    )


def completion_by_module(
    scope: Scope, *, today: date, all_modules: list[Module], module: Module | None = None
) -> list[StatusCounts]:
    """Per module: how many people stand at each status. Modules nobody has are left out."""
    found: dict[int, StatusCounts] = {}
    titles = {m.pk: m.title for m in all_modules}
    for module_id, status, n, assigned in _counted(records_in(scope, module), today, "module_id"):
        row = found.setdefault(
            module_id, StatusCounts(titles.get(module_id, REMOVED), module_id=module_id)
        )
        row.add(status, n, assigned)
    return [found[pk] for pk in _in_module_order(found, all_modules)]


def _in_module_order(found, all_modules: list[Module]) -> list[int]:
    """The module ids found, in the course tree's order; removed modules last."""
    order = {m.pk: i for i, m in enumerate(all_modules)}
    return sorted(found, key=lambda pk: (order.get(pk, len(order)), pk or 0))


@dataclass
class TeamCompletion:
    team: Team
    overall: StatusCounts
    by_module: list[StatusCounts]


def completion_by_team(
    scope: Scope, *, today: date, all_modules: list[Module], module: Module | None = None
) -> list[TeamCompletion]:
    """Every team in scope (empty ones too, so a borough that has not started shows), with
    its totals and its modules, from one query."""
    titles = {m.pk: m.title for m in all_modules}
    teams = {team: TeamCompletion(team, StatusCounts(team.name), []) for team in scope.teams}
    per_module: dict[tuple[Team, int], StatusCounts] = {}
    keys = ("person__profile__borough_id", "person__profile__unit_id", "module_id")
    for borough_id, unit_id, module_id, status, n, assigned in _counted(
        records_in(scope, module), today, *keys
    ):
        team = scope.team_of(borough_id, unit_id)
        if team is None:
            continue
        teams[team].overall.add(status, n, assigned)
        row = per_module.get((team, module_id))
        if row is None:
            row = per_module[(team, module_id)] = StatusCounts(
                titles.get(module_id, REMOVED), module_id=module_id
            )
        row.add(status, n, assigned)
    for team, completion in teams.items():
        mine = {pk: row for (owner, pk), row in per_module.items() if owner == team}
        completion.by_module = [mine[pk] for pk in _in_module_order(mine, all_modules)]
    return list(teams.values())


def modules_across(teams: list[TeamCompletion], all_modules: list[Module]) -> list[StatusCounts]:
    """Completion by module summed over the teams: what `completion_by_module` counts, without
    reading every record a second time (the force's overview reads each record once)."""
    found: dict[int, StatusCounts] = {}
    for completion in teams:
        for row in completion.by_module:
            total = found.setdefault(
                row.module_id, StatusCounts(row.label, module_id=row.module_id)
            )
            for status, n in row.counts.items():
                total.counts[status] += n
            total.assigned += row.assigned
    return [found[pk] for pk in _in_module_order(found, all_modules)]


# --------------------------------------------------------------------------- people


@dataclass(frozen=True)
class PersonRow:
    person: object
    team: str
    statuses: list[str | None]  # one per module shown; None: no record (not assigned)

    @property
    def name(self) -> str:
        return self.person.get_full_name() or self.person.get_username()

    @property
    def cells(self) -> list[tuple[str, str]]:
        """(status, words) per module; no record means the module was never assigned."""
        return [(s or "none", LABELS[s] if s else NOT_ASSIGNED) for s in self.statuses]


def people_with_statuses(scope: Scope, *, today: date, shown: list[Module]) -> QuerySet:
    """The people in scope, each with their status for every module shown: one query for a
    page of them, however many people and modules (one subquery per module)."""
    people = scope.people.select_related("profile__borough", "profile__unit").order_by(
        "last_name", "first_name", "username", "pk"
    )
    for module in shown:
        status = (
            TrainingRecord.objects.filter(person=OuterRef("pk"), module_id=module.pk)
            .annotate(status=status_expression(today))
            .values("status")[:1]
        )
        people = people.annotate(**{f"status_{module.pk}": Subquery(status)})
    return people


def people_status_rows(scope: Scope, *, today: date, shown: list[Module]) -> Iterator[tuple]:
    """(name, username, team, [status or None per module shown]) for everyone in scope, in the
    people page's order, from one query streamed as the database yields it: each person's
    records joined on, instead of one subquery per person and module (for a file of the
    whole force)."""
    wanted = [m.pk for m in shown]
    rows = (
        scope.people.annotate(
            record=FilteredRelation(
                "training_records", condition=Q(training_records__module_id__in=wanted)
            )
        )
        .annotate(status=status_expression(today, prefix="record__"))
        .order_by("last_name", "first_name", "username", "pk")
        .values_list(
            "pk",
            "first_name",
            "last_name",
            "username",
            "profile__borough__name",
            "profile__unit__name",
            "record__module_id",
            "status",
        )
        .iterator(chunk_size=5000)
    )
    column = {pk: i for i, pk in enumerate(wanted)}
    for _, group in groupby(rows, key=itemgetter(0)):
        group = list(group)
        _, first, last, username, borough, unit, _, _ = group[0]
        statuses: list[str | None] = [None] * len(wanted)
        for *_, module_id, status in group:
            if module_id is not None:
                statuses[column[module_id]] = status
        name = f"{first} {last}".strip() or username
        yield name, username, borough or unit or "", statuses


def person_rows(people, shown: list[Module]) -> list[PersonRow]:
    return [person_row(person, shown) for person in people]


def person_row(person, shown: list[Module]) -> PersonRow:
    profile = person.profile
    team = profile.borough or profile.unit
    return PersonRow(
        person=person,
        team=team.name if team else "",
        statuses=[getattr(person, f"status_{m.pk}") for m in shown],
    )


def overdue_records(scope: Scope, *, today: date, module: Module | None = None) -> QuerySet:
    """Assigned, past the due date, not passed: the longest overdue first."""
    return (
        records_in(scope, module)
        .annotate(status=status_expression(today))
        .filter(overdue_q(today))
        .select_related("person__profile__borough", "person__profile__unit", "module")
        .order_by("due_date", "person__last_name", "person__first_name", "person_id", "pk")
    )


def _teams_q(scope: Scope) -> Q:
    """The tallies of the scope's teams (all of them, and no team, for the force)."""
    if scope.force and scope.team is None:
        return Q()
    boroughs = [team.pk for team in scope.teams if team.kind == BOROUGH]
    units = [team.pk for team in scope.teams if team.kind == UNIT]
    return Q(borough__in=boroughs) | Q(unit__in=units)


# --------------------------------------------------------------------------- trends, rules


@dataclass(frozen=True)
class Bucket:
    start: date
    label: str  # short, under the chart's bars
    long_label: str
    passes: int


def passes_over_time(
    scope: Scope, *, buckets: list[tuple[date, str, str]], weekly: bool, module=None
) -> list[Bucket]:
    """Certificates issued (every pass, refreshers included) in each bucket, empty ones too.
    `buckets` are (first day, labels) of the weeks or months to show, oldest first."""
    since = start_of(buckets[0][0])
    certificates = Certificate.objects.filter(scope.where("person__"), issued_at__gte=since)
    if module is not None:
        certificates = certificates.filter(module_id=module.pk)
    trunc = TruncWeek if weekly else TruncMonth
    counted = {
        start.date() if isinstance(start, datetime) else start: n
        for start, n in certificates.annotate(bucket=trunc("issued_at"))
        .values("bucket")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("bucket", "n")
        .iterator()
    }
    return [Bucket(start, short, long, counted.get(start, 0)) for start, short, long in buckets]


@dataclass(frozen=True)
class RuleErrors:
    rule: str
    asked: int
    wrong: int

    @property
    def title(self) -> str:
        return rule_title(self.rule)

    @property
    def percent_wrong(self) -> int:
        return round(100 * self.wrong / self.asked) if self.asked else 0

    @property
    def enough(self) -> bool:
        return self.asked >= ENOUGH_RULE_ANSWERS


def rule_errors(
    scope: Scope, *, since: datetime | None, module: Module | None = None
) -> list[RuleErrors]:
    """Per rule: marked answers in assessed attempts that tested it, and how many were wrong;
    the highest share wrong first. Read from the tallies kept as answers are marked (by the
    borough or unit the person was in when they answered), so a force's year of answers costs
    a few hundred rows, not millions."""
    tallies = RuleTally.objects.filter(_teams_q(scope))
    if since is not None:
        tallies = tallies.filter(day__gte=timezone.localtime(since).date())
    if module is not None:
        tallies = tallies.filter(module=module.pk)
    found = [
        RuleErrors(rule, asked, wrong)
        for rule, asked, wrong in tallies.values("rule")
        .annotate(n=Sum("asked"), w=Sum("wrong"))
        .order_by()
        .values_list("rule", "n", "w")
        if asked
    ]
    return sorted(found, key=lambda r: (-r.wrong / r.asked, -r.asked, r.rule))
