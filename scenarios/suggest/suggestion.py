"""``suggest``: from a draft post's text to proposed RAG facts, with the evidence for each and
the flags the officer should be asked about.

A suggestion never lowers caution: when a detector of a RED-override flag finds only a weak
cue, the flag is proposed as true (the cautious answer) and listed under ``ask``; so is a flag
the model's flag reader raises when the detectors did not (a wording their lists do not know).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Any, Protocol

from scenarios.suggest.dates import days_since_sentencing
from scenarios.suggest.detection import q
from scenarios.suggest.detectors import VALUE_DETECTORS, flag_detections
from scenarios.suggest.lexicon import learned_wording

# Topics whose facts include whose post or site is shared.
SOURCE_TOPICS = frozenset({"retweet", "link"})


class RanksTopics(Protocol):
    def top(
        self, text: str, k: int = 3, *, topics: Iterable[str] | None = None
    ) -> list[tuple[str, float]]: ...

    def raised_flags(self, text: str) -> Mapping[str, str]: ...


@dataclass(frozen=True)
class Suggestion:
    topics: tuple[tuple[str, float], ...]  # (slug, confidence), best first, at most 3
    facts: Mapping[str, Any] = field(default_factory=dict)
    evidence: Mapping[str, str] = field(default_factory=dict)
    ask: tuple[str, ...] = ()

    def __post_init__(self):
        object.__setattr__(self, "facts", MappingProxyType(dict(self.facts)))
        object.__setattr__(self, "evidence", MappingProxyType(dict(self.evidence)))

    def as_dict(self) -> dict:
        return {
            "topics": [
                {"topic": slug, "confidence": round(confidence, 3)}
                for slug, confidence in self.topics
            ],
            "facts": dict(self.facts),
            "evidence": dict(self.evidence),
            "ask": list(self.ask),
        }


def suggest(
    text: str, *, today: date, model: RanksTopics, topics: Iterable[str] | None = None
) -> Suggestion:
    """Propose the facts of ``text``. ``today`` dates "yesterday" and "last Friday";
    ``topics``, if given, limits the proposed topics to those slugs (the rulebook's)."""
    ranked = tuple(model.top(text, 3, topics=topics))
    facts: dict[str, Any] = {"topic": ranked[0][0]} if ranked else {}
    evidence: dict[str, str] = {}
    ask: list[str] = []
    for flag, found in flag_detections(text).items():
        if found.value is True or found.evidence or not found.sure:
            facts[flag] = bool(found.value)
        if found.evidence:
            evidence[flag] = found.evidence
        if not found.sure:
            ask.append(flag)
    for flag, sentence in model.raised_flags(text).items():
        if facts.get(flag) is True:
            continue  # the detectors' own evidence says more
        facts[flag] = True
        evidence[flag] = f"reads like drafts that {learned_wording(flag)}: {q(sentence)}"
        if flag not in ask:
            ask.append(flag)
    days, said = days_since_sentencing(text, today)
    if days is not None:
        facts["days_since_sentencing"] = days
        evidence["days_since_sentencing"] = said
    image = VALUE_DETECTORS["image"](text)
    if image.value not in (None, "none"):
        facts["image"] = image.value
        evidence["image"] = image.evidence
        if not image.sure:
            ask.append("image")
    source = VALUE_DETECTORS["source"](text)
    if source.value and facts.get("topic") in SOURCE_TOPICS:
        facts["source"] = source.value
        evidence["source"] = source.evidence
    return Suggestion(ranked, facts, evidence, tuple(ask))
