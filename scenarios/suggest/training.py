"""The training set: bank texts (templated and repetitive) plus hand-written posts.

Texts expanded from one template differ only in their slot values, so hundreds of them teach
the model little more than a dozen do, and would drown the hand-written posts, which read
like real ones. Exact duplicates go first; then the texts of each topic are grouped by word
overlap (a stand-in for "same template", which the caller need not know) and each group is cut
to a seeded sample.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from scenarios.suggest.features import normalise

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class TrainingSet:
    texts: tuple[str, ...]
    topics: tuple[str, ...]
    weights: tuple[float, ...]
    bank_count: int
    hand_written_count: int


def _key(text: str) -> str:
    return " ".join(_WORD.findall(normalise(text)))


def _groups(texts: list[str], similarity: float) -> list[list[str]]:
    """Greedy grouping by Jaccard overlap of word sets with each group's first text."""
    groups: list[tuple[set[str], list[str]]] = []
    for text in texts:
        bag = set(_WORD.findall(normalise(text)))
        for first, members in groups:
            if len(bag & first) >= similarity * len(bag | first):
                members.append(text)
                break
        else:
            groups.append((bag, [text]))
    return [members for _, members in groups]


def training_set(
    bank: Iterable[tuple[str, str]],
    hand_written: Sequence[tuple[str, str]],
    *,
    seed: int,
    per_group: int = 10,
    similarity: float = 0.5,
    hand_written_weight: float = 2.0,
) -> TrainingSet:
    seen: set[str] = set()
    texts, topics, weights = [], [], []
    for text, topic in hand_written:
        key = _key(text)
        if key not in seen:
            seen.add(key)
            texts.append(text)
            topics.append(topic)
            weights.append(hand_written_weight)
    hand_count = len(texts)
    by_topic: dict[str, list[str]] = {}
    for text, topic in bank:
        key = _key(text)
        if key and key not in seen:
            seen.add(key)
            by_topic.setdefault(topic, []).append(text)
    rng = random.Random(seed)
    for topic in sorted(by_topic):
        for group in _groups(by_topic[topic], similarity):
            chosen = group if len(group) <= per_group else rng.sample(group, per_group)
            texts.extend(chosen)
            topics.extend([topic] * len(chosen))
            weights.extend([1.0] * len(chosen))
    return TrainingSet(
        tuple(texts), tuple(topics), tuple(weights), len(texts) - hand_count, hand_count
    )
