"""What the generator produces: a ``Scenario`` (one graded post of a template) and the
``Question`` built from it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from scenarios.rules.types import (
    ACTIONS,
    FACT_FIELDS,
    RATINGS,
    V2_FACT_FIELDS,
    Facts,
    Reason,
    Verdict,
)


@dataclass(frozen=True)
class Scenario:
    """One concrete post expanded from a template, with its facts and verdict."""

    template_key: str
    text: str
    facts: Facts
    verdict: Verdict
    slot_choices: tuple[tuple[str, int], ...]  # (slot name, index of the value) in slot order


ANSWERS = tuple((rating, ACTIONS[rating]) for rating in RATINGS)


_V2 = frozenset(V2_FACT_FIELDS)


def facts_dict(facts: Facts) -> dict[str, Any]:
    """Every fact, except a contract v2 fact left at its default: so a question's stored
    facts and its key stay what they were before contract v2."""
    return {
        name: value for name in FACT_FIELDS if (value := getattr(facts, name)) or name not in _V2
    }


@dataclass(frozen=True)
class Question:
    """A graded "would you post this?" question."""

    key: str
    template_key: str
    text: str
    facts: Facts
    rating: str
    correct_answer: str
    answers: tuple[tuple[str, str], ...]
    explanation: str
    reasons: tuple[Reason, ...]
    topic: str
    image_kind: str
    account: str
    tags: tuple[str, ...]
    difficulty: int
    rulebook_version: int
    contact: str = ""
    slot_choices: tuple[tuple[str, int], ...] = ()

    @cached_property  # read for every question of the bank each time a pool is drawn
    def rules(self) -> tuple[str, ...]:
        return tuple(reason.rule for reason in self.reasons)

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "template": self.template_key,
            "text": self.text,
            "facts": facts_dict(self.facts),
            "topic": self.topic,
            "image_kind": self.image_kind,
            "account": self.account,
            "rating": self.rating,
            "correct_answer": self.correct_answer,
            "answers": [{"rating": rating, "action": action} for rating, action in self.answers],
            "contact": self.contact,
            "explanation": self.explanation,
            "reasons": [reason.as_dict() for reason in self.reasons],
            "rulebook_version": self.rulebook_version,
            "tags": list(self.tags),
            "difficulty": self.difficulty,
            "slot_choices": [[name, index] for name, index in self.slot_choices],
        }
