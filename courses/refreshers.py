"""Refreshers after a rule change: when a re-grade of the bank finishes, officers whose pass
relied on questions about a rule that now grades differently owe a short quiz on that rule.

Which rules "now grade differently": the rules that decided the questions whose answer changed
in that version (`AnswerChange.to_version`), both before (graded again with the version the
answer changed from) and after. Shortening the sentencing window makes 7-day court results RED
by `court-sentencing-window`; flipping burglary from green to red changes what `green-topic`
and `red-topic` say about burglary. A topic rule is matched with its topic, so a burglary flip
refreshes those tested on burglary, not everyone tested on any green topic.

Whose pass relied on them: a training record that is passed and not expired, whose person
passed an assessed attempt on that module graded by an older rulebook, asking at least one
question whose deciding rules include one of them. A pass earned under the new version already
reflects the change, and so does a refresher passed since: neither is marked again. That keeps
marking stateless and idempotent: running it twice, or after someone did the refresher, adds
nothing.

The refresher itself is a generated quiz per rule, made and published on demand, found again
by its title ("Refresher: <rule title>") with `rules == [rule]`; passing it (assessed) clears the
rule from every record of that person.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from courses.models import TrainingRecord
from organisation.selectors import people_visible_to
from quizzes.models import Attempt, AttemptQuestion, Quiz
from quizzes.models.attempt import EXPIRED, SUBMITTED
from quizzes.models.quiz import ASSESSED
from scenarios.models import AnswerChange, RulebookVersion
from scenarios.rulebook import rulebook_from_snapshot
from scenarios.rules import FactsError, evaluate, parse_facts, rule_title

TITLE_PREFIX = "Refresher: "
REFRESHER_QUESTIONS = 5
REFRESHER_PASS_MARK = 80
FINISHED = (SUBMITTED, EXPIRED)


# --------------------------------------------------------------------------- pure core


@dataclass(frozen=True)
class PassEvidence:
    """A passed, unexpired record, and the deciding rules its passing attempts asked about."""

    record_id: int
    person_id: int
    rules: frozenset[str]
    has: tuple[str, ...] = ()  # refresher rules already on the record


# Rules that say what a topic's row is: they changed for one topic, not for all.
TOPIC_RULES = frozenset(
    {"green-topic", "amber-public-domain", "amber-not-public-domain", "red-topic", "not-covered"}
)
Change = tuple[str, str | None]  # (rule, topic for a topic rule, else None)


def changed_rules(verdicts: Iterable[tuple[list[dict], str]]) -> frozenset[Change]:
    """What changed, from the deciding reasons of each changed question's verdicts (old and
    new), each with the question's topic."""
    return frozenset(
        (reason["rule"], topic if reason["rule"] in TOPIC_RULES else None)
        for reasons, topic in verdicts
        for reason in reasons
        if reason.get("decides", True) and reason.get("rule")
    )


def hits(changed: frozenset[Change], rules: Iterable[str], topic: str | None) -> set[str]:
    """The changed rules among those one question tested."""
    return {rule for rule in rules if (rule, None) in changed or (rule, topic) in changed}


def plain(changed: frozenset[Change]) -> frozenset[str]:
    return frozenset(rule for rule, _ in changed)


def refreshers_to_add(
    passes: Iterable[PassEvidence],
    changed: frozenset[str],
    done: frozenset[tuple[int, str]] = frozenset(),
) -> dict[int, list[str]]:
    """Record id -> its refresher rules with the new ones appended (sorted), for the records
    that gain any. `done` holds (person id, rule) refreshers already passed since the change."""
    result = {}
    for evidence in passes:
        new = sorted(
            rule
            for rule in evidence.rules & changed
            if rule not in evidence.has and (evidence.person_id, rule) not in done
        )
        if new:
            result[evidence.record_id] = [*evidence.has, *new]
    return result


def refresher_title(rule: str) -> str:
    return f"{TITLE_PREFIX}{rule_title(rule)}"[:160]


# --------------------------------------------------------------------------- adapter


def rules_changed_in(version: int) -> frozenset[Change]:
    rows = AnswerChange.objects.filter(to_version=version).values_list(
        "from_version", "question__facts", "question__reasons", "question__topic"
    )
    snapshots = {}
    verdicts = []
    for from_version, facts, reasons, topic in rows.iterator(chunk_size=2000):
        verdicts.append((reasons, topic))
        if from_version not in snapshots:
            old = RulebookVersion.objects.filter(number=from_version).first()
            snapshots[from_version] = (
                rulebook_from_snapshot(old.number, old.snapshot) if old else None
            )
        rulebook = snapshots[from_version]
        if rulebook is None:
            continue
        try:
            before = evaluate(parse_facts(facts, rulebook), rulebook)
        except FactsError:
            continue
        verdicts.append(([r.as_dict() for r in before.reasons], topic))
    return changed_rules(verdicts)


def _asked(version: int, changed: frozenset[Change]) -> dict[tuple[int, int], set[str]]:
    """(person id, module id) -> the changed rules their passing assessed attempts, graded by
    an older version, asked about."""
    questions = AttemptQuestion.objects.filter(
        attempt__mode=ASSESSED,
        attempt__passed=True,
        attempt__status__in=FINISHED,
        attempt__module__isnull=False,
        attempt__rulebook_version__lt=version,
    )
    if connection.features.supports_json_field_contains:
        # PostgreSQL filters the JSON in the database; SQLite cannot, so Python does below.
        any_rule = Q()
        for rule in plain(changed):
            any_rule |= Q(rules__contains=[rule])
        questions = questions.filter(any_rule)
    found: dict[tuple[int, int], set[str]] = {}
    rows = questions.values_list("attempt__user_id", "attempt__module_id", "rules", "facts")
    for person_id, module_id, rules, facts in rows.iterator(chunk_size=2000):
        hit = hits(changed, rules or (), (facts or {}).get("topic"))
        if hit:
            found.setdefault((person_id, module_id), set()).update(hit)
    return found


def _refreshers_done(version: int, changed: frozenset[str]) -> frozenset[tuple[int, str]]:
    titles = {refresher_title(rule): rule for rule in changed}
    rows = Attempt.objects.filter(
        quiz__title__in=list(titles),
        mode=ASSESSED,
        passed=True,
        rulebook_version__gte=version,
    ).values_list("user_id", "quiz__title", "quiz__rules")
    return frozenset(
        (user_id, titles[title]) for user_id, title, rules in rows if rules == [titles[title]]
    )


def refreshers_mark(*, version: int, now: datetime | None = None) -> int:
    """Mark the passes that relied on a rule the version changed; how many records gained a
    refresher. Idempotent."""
    now = now or timezone.now()
    changed = rules_changed_in(version)
    if not changed:
        return 0
    asked = _asked(version, changed)
    if not asked:
        return 0
    # A pass under the new version (or newer) already reflects the change.
    renewed = set(
        Attempt.objects.filter(
            mode=ASSESSED,
            passed=True,
            module__isnull=False,
            rulebook_version__gte=version,
            user_id__in={person for person, _ in asked},
        ).values_list("user_id", "module_id")
    )
    done = _refreshers_done(version, plain(changed))
    people = {person for person, _ in asked}
    with transaction.atomic():
        records = {
            r.pk: r
            for r in TrainingRecord.objects.select_for_update()
            .filter(person_id__in=people, passed_at__isnull=False, module__isnull=False)
            .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
        }
        passes = [
            PassEvidence(r.pk, r.person_id, frozenset(asked[key]), tuple(r.refresher_rules or ()))
            for r in records.values()
            if (key := (r.person_id, r.module_id)) in asked and key not in renewed
        ]
        updates = refreshers_to_add(passes, plain(changed), done)
        for pk, rules in updates.items():
            records[pk].refresher_rules = rules
        TrainingRecord.objects.bulk_update([records[pk] for pk in updates], ["refresher_rules"])
    return len(updates)


def refresher_rule_of(quiz: Quiz) -> str | None:
    """The rule a refresher quiz is about; None for any other quiz."""
    rules = quiz.rules or []
    if len(rules) == 1 and quiz.title == refresher_title(rules[0]):
        return rules[0]
    return None


def refresher_quiz_get(*, rule: str) -> Quiz:
    """The refresher quiz on `rule`, made and published the first time anyone needs it."""
    title = refresher_title(rule)
    for quiz in Quiz.objects.filter(title=title).order_by("pk"):
        if refresher_rule_of(quiz) == rule:
            return quiz
    quiz = Quiz(
        title=title,
        mode=ASSESSED,
        rules=[rule],
        question_count=REFRESHER_QUESTIONS,
        pass_mark=REFRESHER_PASS_MARK,
    )
    quiz.save()
    quiz.save_revision().publish()
    quiz.refresh_from_db()
    return quiz


def refresher_clear(*, attempt_id: int) -> int:
    """A passed assessed refresher clears its rule from the person's records (called inside
    the grading transaction). How many records it cleared."""
    attempt = Attempt.objects.select_related("quiz").filter(pk=attempt_id).first()
    if attempt is None or attempt.mode != ASSESSED or not attempt.passed:
        return 0
    rule = refresher_rule_of(attempt.quiz)
    if rule is None:
        return 0
    records = [
        record
        for record in TrainingRecord.objects.select_for_update().filter(person_id=attempt.user_id)
        if rule in (record.refresher_rules or ())
    ]
    for record in records:
        record.refresher_rules = [r for r in record.refresher_rules if r != rule]
    TrainingRecord.objects.bulk_update(records, ["refresher_rules"])
    return len(records)


# --------------------------------------------------------------------------- reads


@dataclass(frozen=True)
class DueRefresher:
    rule: str
    title: str
    modules: tuple[str, ...]


def refreshers_of(user) -> list[DueRefresher]:
    """The refreshers a person owes, one per rule, with the modules that asked for it."""
    modules: dict[str, list[str]] = {}
    rows = (
        _with_rules(TrainingRecord.objects.filter(person=user))
        .order_by("module_title")
        .values_list("module_title", "refresher_rules")
    )
    for module_title, rules in rows:
        for rule in rules:
            modules.setdefault(rule, []).append(module_title)
    return [
        DueRefresher(rule, rule_title(rule), tuple(titles))
        for rule, titles in sorted(modules.items(), key=lambda kv: rule_title(kv[0]))
    ]


def _with_rules(records):
    return records.exclude(refresher_rules=[])


def refreshers_due_for(user):
    """Training records of the people this person may see that owe a refresher."""
    return (
        _with_rules(TrainingRecord.objects.filter(person__in=people_visible_to(user)))
        .select_related("person", "person__profile__borough", "person__profile__unit")
        .order_by("person__last_name", "person__first_name", "person__username", "module_title")
    )
