"""Item analysis: how well each question (a scenario template, a rule, a bank question) tells
officers who know the guidance from officers who do not. Pure: plain answers in, figures out.

- Facility: the share of answers that were right.
- Discrimination: facility among the strongest 27% of the attempts that asked it (by the
  attempt's score) minus facility among the weakest 27% (Kelley's groups). Near zero: the
  question does not separate them; below zero: the weak do better than the strong.
- Flag: strong officers mostly get it wrong (facility in the top group under 50%), with
  enough answers to judge. That is the sign of a wrongly graded or badly worded template.

Attempts with equal scores at a group's edge are taken in attempt order, so the figures are
the same every time they are computed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

GROUP_SHARE = 0.27
ENOUGH_ANSWERS = 20  # fewer, and a figure is mostly chance
ENOUGH_IN_GROUP = 5  # answers in each of the top and bottom groups
FLAG_BELOW = 0.5


@dataclass(frozen=True)
class Answer:
    attempt: int
    score: int  # the attempt's score, per cent
    correct: bool


@dataclass(frozen=True)
class Group:
    answers: int = 0
    right: int = 0

    @property
    def facility(self) -> float | None:
        return self.right / self.answers if self.answers else None


@dataclass(frozen=True)
class ItemStats:
    overall: Group
    attempts: int
    top: Group
    bottom: Group

    @property
    def answers(self) -> int:
        return self.overall.answers

    @property
    def facility(self) -> float | None:
        return self.overall.facility

    @property
    def discrimination(self) -> float | None:
        if self.top.facility is None or self.bottom.facility is None:
            return None
        return self.top.facility - self.bottom.facility

    @property
    def enough(self) -> bool:
        return (
            self.answers >= ENOUGH_ANSWERS
            and self.top.answers >= ENOUGH_IN_GROUP
            and self.bottom.answers >= ENOUGH_IN_GROUP
        )

    @property
    def flagged(self) -> bool:
        """Strong officers mostly get it wrong: check its grading and its wording."""
        return self.enough and self.top.facility is not None and self.top.facility < FLAG_BELOW

    @property
    def reversed(self) -> bool:
        """Weak officers do better than strong ones."""
        return self.enough and self.discrimination is not None and self.discrimination < 0


def group_size(attempts: int) -> int:
    """How many attempts make the top (and the bottom) group: 27%, at least one when there are
    two attempts or more, and never so many that the groups overlap."""
    if attempts < 2:
        return 0
    return min(max(1, round(GROUP_SHARE * attempts)), attempts // 2)


def _group(attempts: list[tuple[int, int]]) -> Group:
    return Group(sum(asked for asked, _ in attempts), sum(right for _, right in attempts))


def item_stats(answers: Iterable[Answer]) -> ItemStats:
    """The figures for one item from every answer to it. An attempt that asked the item more
    than once counts once in the ranking, with all its answers."""
    per_attempt: dict[int, list[int]] = {}  # attempt -> [score, asked, right]
    for answer in answers:
        entry = per_attempt.setdefault(answer.attempt, [answer.score, 0, 0])
        entry[1] += 1
        entry[2] += int(answer.correct)
    ranked = sorted(per_attempt.items(), key=lambda item: (-item[1][0], item[0]))
    rows = [(asked, right) for _, (_, asked, right) in ranked]
    size = group_size(len(rows))
    return ItemStats(
        overall=_group(rows),
        attempts=len(rows),
        top=_group(rows[:size]),
        bottom=_group(rows[len(rows) - size :] if size else []),
    )


def analyse(keyed_answers: Iterable[tuple[Hashable, Answer]]) -> dict[Hashable, ItemStats]:
    """Figures for every item at once: `keyed_answers` are (item, answer) pairs, an answer
    appearing once for each item it belongs to (each rule a question tested)."""
    grouped: dict[Hashable, list[Answer]] = defaultdict(list)
    for key, answer in keyed_answers:
        grouped[key].append(answer)
    return {key: item_stats(answers) for key, answers in grouped.items()}


def judgement(stats: ItemStats) -> str:
    """In words, for the admin table."""
    if not stats.enough:
        return "Too few answers to judge"
    if stats.flagged:
        return "Check it: strong officers mostly get it wrong"
    if stats.reversed:
        return "Check it: weaker officers do better than strong ones"
    return "No concern"


def sort_key(stats: ItemStats) -> tuple:
    """Flagged first, then what is judged from the hardest, then the too-few by answers."""
    if not stats.enough:
        return (2, -stats.answers)
    return (0 if stats.flagged or stats.reversed else 1, stats.facility or 0.0)
