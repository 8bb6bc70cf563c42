"""The greedy state behind ``select_pool``: which questions are chosen, grouped into units that
must stay together (near-miss pairs sit next to each other), and what they cover so far."""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence

from scenarios.generator.results import Question


class Selection:
    """The greedy state of ``select_pool``: chosen questions grouped into units (a single
    question, or a chain of near-miss pairs that must stay adjacent)."""

    def __init__(self, size: int):
        self.size = size
        self.chosen: dict[str, Question] = {}
        self.units: dict[int, list[Question]] = {}
        self.unit_of: dict[str, int] = {}
        self.next_unit = 0
        self.pairs: list[tuple[str, str, str]] = []
        self.pair_kinds: dict[str, int] = {}
        self.ratings: set[str] = set()
        self.topics: set[str] = set()
        self.rules: set[str] = set()

    @property
    def room(self) -> int:
        return self.size - len(self.chosen)

    def gain(self, question: Question) -> int:
        if question.key in self.chosen:
            return 0
        score = (question.rating not in self.ratings) + (question.topic not in self.topics)
        return score + sum(1 for reason in question.reasons if reason.rule not in self.rules)

    def _take(self, question: Question) -> None:
        self.chosen[question.key] = question
        self.ratings.add(question.rating)
        self.topics.add(question.topic)
        self.rules.update(reason.rule for reason in question.reasons)

    def _new_unit(self, members: list[Question]) -> int:
        unit = self.next_unit
        self.next_unit += 1
        self.units[unit] = members
        for question in members:
            self.unit_of[question.key] = unit
        return unit

    def add_single(self, question: Question | None) -> None:
        if question is not None and question.key not in self.chosen:
            self._take(question)
            self._new_unit([question])

    def pair_cost(self, a: Question, b: Question) -> int | None:
        """How many new questions the pair needs, or None if it cannot be kept adjacent."""
        unit_a = self.unit_of.get(a.key)
        unit_b = self.unit_of.get(b.key)
        if unit_a is not None and unit_a == unit_b:
            return None
        for question, unit in ((a, unit_a), (b, unit_b)):
            if unit is not None:
                members = self.units[unit]
                if members[0] is not question and members[-1] is not question:
                    return None  # inside a chain: both neighbours taken
        return (unit_a is None) + (unit_b is None)

    def add_pair(self, kind: str, a: Question, b: Question) -> None:
        for question in (a, b):
            if question.key not in self.chosen:
                self._take(question)
                self._new_unit([question])
        unit_a = self.unit_of[a.key]
        unit_b = self.unit_of[b.key]
        left = self.units.pop(unit_a)
        right = self.units.pop(unit_b)
        if left[-1] is not a:
            left.reverse()
        if right[0] is not b:
            right.reverse()
        self._new_unit(left + right)
        self.pairs.append((kind, a.key, b.key))
        self.pair_kinds[kind] = self.pair_kinds.get(kind, 0) + 1

    def best(self, candidates: Iterable[Question]) -> Question | None:
        best, best_gain = None, -1
        for question in candidates:
            if question.key in self.chosen:
                continue
            score = self.gain(question)
            if score > best_gain:
                best, best_gain = question, score
        return best

    def best_pair(
        self, pairs: Sequence[tuple[Question, Question]], ratings_needed: Sequence[str]
    ) -> tuple[Question, Question] | None:
        """The cheapest pair that fits, leaving room for the ratings still missing."""
        best, best_score = None, None
        for a, b in pairs:
            cost = self.pair_cost(a, b)
            if cost is None or cost > self.room:
                continue
            still_missing = sum(
                1
                for rating in ratings_needed
                if rating not in self.ratings and rating != a.rating and rating != b.rating
            )
            if cost + still_missing > self.room:
                continue
            new_ratings = (
                sum(1 for rating in ratings_needed if rating not in self.ratings) - still_missing
            )
            score = (cost - new_ratings, -(self.gain(a) + self.gain(b)))
            if best_score is None or score < best_score:
                best, best_score = (a, b), score
        return best

    def ordered(self, rng: random.Random) -> list[Question]:
        units = [self.units[unit] for unit in sorted(self.units)]
        rng.shuffle(units)
        result: list[Question] = []
        for members in units:
            result.extend(reversed(members) if rng.random() < 0.5 else members)
        return result
