"""Which bank questions an attempt asks: the adapter from bank rows to the pure generator's
`select_pool`, which guarantees coverage (every rating, topic and rule the eligible questions
reach, with near-miss pairs side by side), seeded so an attempt can always be rebuilt."""

from __future__ import annotations

from dataclasses import dataclass

from scenarios.generator import Question, select_pool
from scenarios.generator.results import ANSWERS
from scenarios.models import BankQuestion
from scenarios.rules import FACT_FIELDS, Facts, Reason, Rulebook

from .models import Quiz


@dataclass(frozen=True)
class Candidate:
    """A bank question that may be drawn, with what the attempt will copy from it."""

    row: BankQuestion
    question: Question

    @property
    def rules(self) -> frozenset[str]:
        return frozenset(self.question.rules)


def _question(row: BankQuestion) -> Question:
    facts = Facts(**{name: row.facts[name] for name in FACT_FIELDS if name in row.facts})
    reasons = tuple(
        Reason(r["rule"], r["summary"], r["guidance_url"], row.rating, r.get("decides", True))
        for r in row.reasons
    )
    return Question(
        key=row.key,
        template_key=row.template_key,
        text=row.text,
        facts=facts,
        rating=row.rating,
        correct_answer=row.correct_answer,
        answers=ANSWERS,
        explanation=row.explanation,
        reasons=reasons,
        topic=row.topic,
        image_kind=facts.image,
        account="",
        tags=(),
        difficulty=1,
        rulebook_version=row.rulebook_version,
    )


def eligible(quiz: Quiz, rulebook: Rulebook) -> list[Candidate]:
    """Active bank questions on the quiz's topics, tags and rules, whose topic the published
    rulebook still has. One query, whatever the quiz's filters."""
    rows = BankQuestion.objects.filter(active=True).select_related(
        "template__borough", "template__image"
    )
    topics = [t.slug for t in quiz.topics.all()]
    if topics:
        rows = rows.filter(topic__in=topics)
    tags = quiz.tag_list()
    if tags:
        rows = rows.filter(template__tags__name__in=tags).distinct()
    wanted_rules = set(quiz.rules or ())
    found = []
    for row in rows.order_by("key"):
        if row.topic not in rulebook.topics:
            continue
        candidate = Candidate(row, _question(row))
        if wanted_rules and not (candidate.rules & wanted_rules):
            continue
        found.append(candidate)
    return found


def draw(
    candidates: list[Candidate],
    *,
    size: int,
    seed: int,
    rulebook: Rulebook,
    focus_rules: frozenset[str] = frozenset(),
    shuffle: bool = True,
) -> list[Candidate]:
    """A covered pool of `size`; for a retake, at least half of it on the rules missed last
    time (when the bank has them)."""
    by_key = {c.row.key: c for c in candidates}
    chosen: list[str] = []
    if focus_rules:
        focused = [c.question for c in candidates if c.rules & focus_rules]
        wanted = min(len(focused), max(1, (size + 1) // 2))
        if wanted:
            pool = select_pool(focused, size=wanted, seed=seed, rulebook=rulebook)
            chosen.extend(pool.keys)
    rest = [c.question for c in candidates if c.row.key not in set(chosen)]
    if size > len(chosen) and rest:
        pool = select_pool(rest, size=size - len(chosen), seed=seed, rulebook=rulebook)
        chosen.extend(pool.keys)
    picked = [by_key[key] for key in chosen]
    if not shuffle:
        # Every attempt asks in the same order; a shuffled one keeps the pool's seeded order,
        # which places each near-miss pair side by side.
        picked.sort(key=lambda c: c.row.key)
    return picked
