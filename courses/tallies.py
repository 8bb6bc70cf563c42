"""Keeping `RuleTally` in step with the answers: each assessed attempt adds its answers when it
is marked (in the marking transaction), and `rule_tallies_rebuild` counts them all again for
rows written in bulk (the force builder, tests) or after a repair."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

from django.db import connection, transaction
from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from organisation.models import Profile
from quizzes.models import Attempt, AttemptQuestion
from quizzes.models.quiz import ASSESSED

from .models.tallies import NONE, RuleTally

Key = tuple[date, int, int, int, str]  # day, borough, unit, module, rule


def tally(rows: Iterable[tuple[date, int, int, int, list[str], int, int]]) -> Counter:
    """(day, borough, unit, module, rules, asked, wrong) → per key: asked and wrong, each
    answer counted once for every rule it tested. Returns Counter[(key, "asked"|"wrong")]."""
    counts: Counter = Counter()
    for day, borough, unit, module, rules, asked, wrong in rows:
        for rule in set(rules or ()):
            key = (day, borough, unit, module, rule)
            counts[key, "asked"] += asked
            counts[key, "wrong"] += wrong
    return counts


def _keys(counts: Counter) -> list[tuple[Key, int, int]]:
    keys = sorted({key for key, _ in counts})  # one order for every writer: no deadlocks
    return [(key, counts[key, "asked"], counts[key, "wrong"]) for key in keys]


def rule_tallies_add(*, attempt_id: int) -> int:
    """Add a marked attempt's answers (assessed attempts only). Returns the keys touched."""
    attempt = (
        Attempt.objects.filter(pk=attempt_id, mode=ASSESSED)
        .values("user_id", "module_id", "finished_at")
        .first()
    )
    if attempt is None or attempt["finished_at"] is None:
        return 0
    place = Profile.objects.filter(user_id=attempt["user_id"]).values("borough_id", "unit_id")
    place = place.first() or {}
    day = timezone.localdate(attempt["finished_at"])
    borough, unit = place.get("borough_id") or NONE, place.get("unit_id") or NONE
    module = attempt["module_id"] or NONE
    answers = AttemptQuestion.objects.filter(attempt_id=attempt_id, correct__isnull=False)
    counts = tally(
        (day, borough, unit, module, rules, 1, 0 if correct else 1)
        for rules, correct in answers.values_list("rules", "correct")
    )
    rows = _keys(counts)
    if rows:
        _upsert(rows)
    return len(rows)


def _upsert(rows: list[tuple[Key, int, int]]) -> None:
    # ON CONFLICT … DO UPDATE adds to a row another marking wrote meanwhile: the same SQL on
    # PostgreSQL and SQLite, and the ORM has no increment-on-conflict.
    table = connection.ops.quote_name(RuleTally._meta.db_table)
    adapt = connection.ops.adapt_datefield_value
    values = ", ".join(["(%s, %s, %s, %s, %s, %s, %s)"] * len(rows))
    params = [
        part
        for (day, borough, unit, module, rule), asked, wrong in rows
        for part in (adapt(day), borough, unit, module, rule, asked, wrong)
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (day, borough, unit, module, rule, asked, wrong) "
            f"VALUES {values} ON CONFLICT (day, borough, unit, module, rule) DO UPDATE SET "
            f"asked = {table}.asked + excluded.asked, wrong = {table}.wrong + excluded.wrong",
            params,
        )


@transaction.atomic
def rule_tallies_rebuild(answer_model=AttemptQuestion, tally_model=RuleTally) -> int:
    """Count every marked answer of every assessed attempt again: one grouped query (by day,
    place, module and list of rules, of which there are few), whatever the number of answers.
    Returns the rows written. Takes the models so the migration can pass its historical ones."""
    grouped = (
        answer_model.objects.filter(
            attempt__mode=ASSESSED, attempt__finished_at__isnull=False, correct__isnull=False
        )
        .annotate(day=TruncDate("attempt__finished_at"))
        .values(
            "day",
            "attempt__user__profile__borough_id",
            "attempt__user__profile__unit_id",
            "attempt__module_id",
            "rules",
        )
        .annotate(asked=Count("pk"), wrong=Count("pk", filter=Q(correct=False)))
        .order_by()
        .values_list(
            "day",
            "attempt__user__profile__borough_id",
            "attempt__user__profile__unit_id",
            "attempt__module_id",
            "rules",
            "asked",
            "wrong",
        )
        .iterator(chunk_size=5000)
    )
    counts = tally(
        (day, borough or NONE, unit or NONE, module or NONE, rules, asked, wrong)
        for day, borough, unit, module, rules, asked, wrong in grouped
    )
    rows = _keys(counts)
    tally_model.objects.all().delete()
    tally_model.objects.bulk_create(
        (
            tally_model(
                day=day, borough=borough, unit=unit, module=module, rule=rule, asked=a, wrong=w
            )
            for (day, borough, unit, module, rule), a, w in rows
        ),
        batch_size=5000,
    )
    return len(rows)
