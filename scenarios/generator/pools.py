"""Pools: the questions of one quiz, picked from the bank deterministically for a seed so that
they cover every rating, topic and rule the bank reaches and include near-miss traps."""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass

from scenarios.generator.coverage import Coverage, coverage_of, present
from scenarios.generator.near_miss import (
    NEAR_MISS_KINDS,
    Group,
    near_miss_groups,
    pairs_in_groups,
)
from scenarios.generator.results import Question
from scenarios.generator.selection import Selection
from scenarios.rules.types import RATINGS, Rulebook


@dataclass(frozen=True)
class Pool:
    """A quiz pool: its questions in order (near-miss pairs adjacent), and what it covers."""

    questions: tuple[Question, ...]
    coverage: Coverage
    pairs: tuple[tuple[str, str, str], ...]  # (kind, key of a, key of b), adjacent in order
    seed: int | str
    size: int  # the size asked for; len(questions) is less if the bank is smaller

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(question.key for question in self.questions)

    def as_dict(self) -> dict:
        return {
            "seed": self.seed,
            "size": self.size,
            "questions": [question.as_dict() for question in self.questions],
            "pairs": [{"kind": kind, "a": a, "b": b} for kind, a, b in self.pairs],
            "coverage": self.coverage.as_dict(),
        }


@dataclass(frozen=True)
class PreparedBank:
    """A bank made ready for many pools: its questions deduplicated and sorted, what it covers
    and its near-miss groups found once. A quiz start draws from one of these rather than
    working them out again from every question for each officer."""

    questions: tuple[Question, ...]
    coverage: Coverage
    groups: tuple[Group, ...]
    rulebook: Rulebook


def prepare_bank(questions: Iterable[Question], rulebook: Rulebook) -> PreparedBank:
    bank = _unique_by_key(questions)
    return PreparedBank(
        questions=tuple(bank),
        coverage=coverage_of(bank, rulebook),
        groups=tuple(near_miss_groups(bank, rulebook)),
        rulebook=rulebook,
    )


def _groups_in(order: list[Question], groups: tuple[Group, ...]) -> list[Group]:
    """The bank's groups as `near_miss_groups(order)` would find them: each side in the
    seeded order, and the groups in the order of their first member (one question's groups
    in the order of the kinds)."""
    position = {question.key: index for index, question in enumerate(order)}

    def at(question: Question) -> int:
        return position[question.key]

    seeded = [(kind, sorted(side0, key=at), sorted(side1, key=at)) for kind, side0, side1 in groups]
    kind_index = {kind: index for index, kind in enumerate(NEAR_MISS_KINDS)}
    seeded.sort(key=lambda g: (min(at(g[1][0]), at(g[2][0])), kind_index[g[0]]))
    return seeded


def _unique_by_key(questions: Iterable[Question]) -> list[Question]:
    unique: dict[str, Question] = {}
    for question in questions:
        unique.setdefault(question.key, question)
    return [unique[key] for key in sorted(unique)]


def full_coverage_size(questions: Iterable[Question], rulebook: Rulebook) -> int:
    """A pool size at which ``select_pool`` is sure to cover everything the bank covers: three
    ratings, two questions per near-miss kind, one per topic and one per rule (at most the
    number of distinct questions)."""
    bank = _unique_by_key(questions)
    cov = coverage_of(bank, rulebook)
    need = (
        len(present(cov.ratings))
        + 2 * len(present(cov.near_miss_pairs))
        + len(present(cov.topics))
        + len(present(cov.rules))
    )
    return min(len(bank), need)


def select_pool(
    questions: Iterable[Question] | PreparedBank, *, size: int, seed: int | str, rulebook: Rulebook
) -> Pool:
    """Pick ``size`` questions from the bank for a quiz, deterministically for a seed.

    When the bank makes it possible the pool has every rating, a near-miss pair of every kind
    the bank has (both members, adjacent), every topic the bank reaches and every rule that
    fires in the bank. Greedy, in priority order: ratings are reserved room first, then one pair
    per kind, then the missing ratings, topics and rules, then more pairs (up to a third of the
    pool), then random questions. If ``size`` is too small, the coverage reports what is
    missing. The result depends only on the seed and the set of questions (not their order),
    and is the same from a `PreparedBank` of them (prepared with this rulebook).
    """
    prepared = (
        questions if isinstance(questions, PreparedBank) else prepare_bank(questions, rulebook)
    )
    if prepared.rulebook.version != rulebook.version:
        raise ValueError("The bank was prepared with another version of the rulebook.")
    rng = random.Random(seed)
    bank = list(prepared.questions)
    size = max(0, int(size))
    bank_coverage = prepared.coverage
    order = list(bank)
    rng.shuffle(order)
    pairs_by_kind: dict[str, list[tuple[Question, Question]]] = {k: [] for k in NEAR_MISS_KINDS}
    for kind, a, b in pairs_in_groups(_groups_in(order, prepared.groups)):
        pairs_by_kind[kind].append((a, b))
    by_rating: dict[str, list[Question]] = {}
    by_topic: dict[str, list[Question]] = {}
    by_rule: dict[str, list[Question]] = {}
    for question in order:
        by_rating.setdefault(question.rating, []).append(question)
        by_topic.setdefault(question.topic, []).append(question)
        for rule in dict.fromkeys(question.rules):
            by_rule.setdefault(rule, []).append(question)

    pick = Selection(min(size, len(bank)))
    ratings_needed = [r for r in RATINGS if by_rating.get(r)]

    # 1. One near-miss pair per kind, leaving room for the ratings.
    for kind in NEAR_MISS_KINDS:
        pair = pick.best_pair(pairs_by_kind[kind], ratings_needed)
        if pair is not None:
            pick.add_pair(kind, *pair)
    # 2. Ratings, topics, rules.
    for rating in ratings_needed:
        if rating not in pick.ratings and pick.room > 0:
            pick.add_single(pick.best(by_rating[rating]))
    for topic in by_topic:
        if topic not in pick.topics and pick.room > 0:
            pick.add_single(pick.best(by_topic[topic]))
    for rule in present(bank_coverage.rules):
        if rule not in pick.rules and pick.room > 0:
            pick.add_single(pick.best(by_rule[rule]))
    # 3. More pairs, round robin over the kinds, up to a third of the pool.
    cursors = dict.fromkeys(NEAR_MISS_KINDS, 0)
    budget = pick.size // 3
    while pick.room > 0:
        paired = sum(len(members) for members in pick.units.values() if len(members) > 1)
        if paired >= budget:
            break
        added = False
        for kind in NEAR_MISS_KINDS:
            candidates = pairs_by_kind[kind]
            while cursors[kind] < len(candidates):
                a, b = candidates[cursors[kind]]
                cursors[kind] += 1
                cost = pick.pair_cost(a, b)
                if cost is not None and cost <= pick.room:
                    pick.add_pair(kind, a, b)
                    added = True
                    break
        if not added:
            break
    # 4. Fill with the rest, in the seeded order.
    for question in order:
        if pick.room <= 0:
            break
        pick.add_single(question)

    chosen = tuple(pick.ordered(rng))
    return Pool(
        questions=chosen,
        coverage=coverage_of(chosen, rulebook, reference=bank_coverage),
        pairs=tuple(pick.pairs),
        seed=seed,
        size=size,
    )
