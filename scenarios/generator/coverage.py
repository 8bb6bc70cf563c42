"""Coverage: what a list of questions (a pool, or the whole bank) covers of the ratings, topics,
rules and near-miss kinds, and what it misses."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from scenarios.generator.near_miss import NEAR_MISS_KINDS, find_near_miss_pairs
from scenarios.generator.results import Question
from scenarios.rules.engine import RULE_IDS
from scenarios.rules.types import RATINGS, Rulebook


@dataclass(frozen=True)
class Coverage:
    """What a list of questions covers, and what it misses.

    ``missing_*`` are relative to a reference (for a pool, the bank it came from) or, without
    one, to the rulebook: every rating, topic and rule id, and every near-miss kind.
    """

    total: int
    ratings: Mapping[str, int]
    topics: Mapping[str, int]
    rules: Mapping[str, int]
    near_miss_pairs: Mapping[str, int]
    missing_ratings: tuple[str, ...] = ()
    missing_topics: tuple[str, ...] = ()
    missing_rules: tuple[str, ...] = ()
    missing_pairs: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        return not (
            self.missing_ratings or self.missing_topics or self.missing_rules or self.missing_pairs
        )

    def as_dict(self) -> dict:
        return {
            "total": self.total,
            "ratings": dict(self.ratings),
            "topics": dict(self.topics),
            "rules": dict(self.rules),
            "near_miss_pairs": dict(self.near_miss_pairs),
            "missing_ratings": list(self.missing_ratings),
            "missing_topics": list(self.missing_topics),
            "missing_rules": list(self.missing_rules),
            "missing_pairs": list(self.missing_pairs),
            "complete": self.complete,
        }


def present(counts: Mapping[str, int]) -> list[str]:
    return [name for name, count in counts.items() if count]


def coverage_of(
    questions: Sequence[Question],
    rulebook: Rulebook | None = None,
    *,
    reference: Coverage | None = None,
) -> Coverage:
    """Count the ratings, topics, rules and near-miss pairs of ``questions`` (any list, a pool
    or the whole bank). Missing items are those ``reference`` has and these questions lack;
    without a reference, those the rulebook has (topics and rule ids only if it is given)."""
    questions = list(questions)
    ratings = dict.fromkeys(RATINGS, 0)
    topics: dict[str, int] = {}
    rules: dict[str, int] = {}
    for question in questions:
        ratings[question.rating] = ratings.get(question.rating, 0) + 1
        topics[question.topic] = topics.get(question.topic, 0) + 1
        for reason in question.reasons:
            rules[reason.rule] = rules.get(reason.rule, 0) + 1
    pairs = dict.fromkeys(NEAR_MISS_KINDS, 0)
    for kind, _, _ in find_near_miss_pairs(questions, rulebook):
        pairs[kind] += 1
    if rulebook is not None:
        topic_order = {slug: i for i, slug in enumerate(rulebook.topics)}
        topics = dict(sorted(topics.items(), key=lambda kv: (topic_order.get(kv[0], 1e9), kv[0])))
    else:
        topics = dict(sorted(topics.items()))
    rule_order = {rule: i for i, rule in enumerate(RULE_IDS)}
    rules = dict(sorted(rules.items(), key=lambda kv: (rule_order.get(kv[0], 1e9), kv[0])))
    if reference is not None:
        want_ratings = present(reference.ratings)
        want_topics = present(reference.topics)
        want_rules = present(reference.rules)
        want_pairs = present(reference.near_miss_pairs)
    else:
        want_ratings = list(RATINGS)
        want_topics = list(rulebook.topics) if rulebook is not None else []
        want_rules = list(RULE_IDS) if rulebook is not None else []
        want_pairs = list(NEAR_MISS_KINDS)
    return Coverage(
        total=len(questions),
        ratings=ratings,
        topics=topics,
        rules=rules,
        near_miss_pairs=pairs,
        missing_ratings=tuple(r for r in want_ratings if not ratings.get(r)),
        missing_topics=tuple(t for t in want_topics if not topics.get(t)),
        missing_rules=tuple(r for r in want_rules if not rules.get(r)),
        missing_pairs=tuple(k for k in want_pairs if not pairs.get(k)),
    )
