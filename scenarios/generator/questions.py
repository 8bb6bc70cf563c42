"""Questions: each graded scenario becomes a "would you post this?" question with a stable key
and the feedback a learner reads; ``generate`` does it for a whole list of templates."""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterable

from scenarios.generator.expansion import Grader, as_random, expand_with
from scenarios.generator.results import ANSWERS, Question, Scenario, facts_dict
from scenarios.generator.spec import TemplateSpec
from scenarios.rules.types import ACTIONS, Facts, Rulebook, Verdict


def explanation_of(verdict: Verdict) -> str:
    """The feedback a learner reads: the action, then why, one reason at a time."""
    parts = [verdict.action.rstrip(".!") + ("!" if verdict.action.endswith("!") else ".")]
    for reason in verdict.reasons:
        summary = reason.summary.strip()
        if summary and summary[-1] not in ".!?":
            summary += "."
        parts.append(summary)
    return " ".join(part for part in parts if part)


def _facts_json(facts: Facts) -> str:
    return json.dumps(facts_dict(facts), sort_keys=True, separators=(",", ":"))


def question_key(template_key: str, text: str, facts: Facts) -> str:
    """A stable 16-hex-digit key: the same template, text and facts always give the same key."""
    payload = "\x1f".join((template_key, text, _facts_json(facts)))
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()[:16]


class _QuestionMemo:
    """Per-call caches for building many questions: facts JSON and explanations."""

    __slots__ = ("facts_json", "explanations")

    def __init__(self):
        self.facts_json: dict[Facts, str] = {}
        self.explanations: dict[int, tuple[Verdict, str]] = {}

    def build(self, scenario: Scenario, spec: TemplateSpec, version: int | None) -> Question:
        facts = scenario.facts
        verdict = scenario.verdict
        facts_json = self.facts_json.get(facts)
        if facts_json is None:
            facts_json = self.facts_json[facts] = _facts_json(facts)
        cached = self.explanations.get(id(verdict))
        if cached is None or cached[0] is not verdict:
            cached = self.explanations[id(verdict)] = (verdict, explanation_of(verdict))
        # The same payload as question_key, built from the cached JSON.
        payload = "\x1f".join((scenario.template_key, scenario.text, facts_json))
        rating = verdict.rating
        return Question(
            key=hashlib.sha1(payload.encode("utf-8")).hexdigest()[:16],
            template_key=scenario.template_key,
            text=scenario.text,
            facts=facts,
            rating=rating,
            correct_answer=ACTIONS[rating],
            answers=ANSWERS,
            explanation=cached[1],
            reasons=verdict.reasons,
            topic=facts.topic,
            image_kind=facts.image,
            account=spec.account,
            tags=spec.tags,
            difficulty=spec.difficulty,
            rulebook_version=verdict.rulebook_version if version is None else version,
            contact=verdict.contact,
            slot_choices=scenario.slot_choices,
        )


def build_question(
    scenario: Scenario, spec: TemplateSpec, rulebook: Rulebook | None = None
) -> Question:
    """The question for one scenario of ``spec``. The rulebook version is the verdict's unless
    a rulebook is given."""
    return _QuestionMemo().build(scenario, spec, None if rulebook is None else rulebook.version)


def generate(
    specs: Iterable[TemplateSpec],
    rulebook: Rulebook,
    *,
    per_template_limit: int = 500,
    rng: random.Random | int,
) -> list[Question]:
    """Expand, grade and build the questions of every template, dropping duplicate keys.

    Each template samples with its own generator, seeded from ``rng`` and the template key, so
    adding or reordering templates does not change another template's sample.
    """
    base = as_random(rng).getrandbits(64)
    grader = Grader(rulebook)
    memo = _QuestionMemo()
    questions: list[Question] = []
    seen: set[str] = set()
    for spec in specs:
        template_rng = random.Random(f"{base}:{spec.key}")
        for scenario in expand_with(spec, rulebook, per_template_limit, template_rng, grader):
            question = memo.build(scenario, spec, rulebook.version)
            if question.key not in seen:
                seen.add(question.key)
                questions.append(question)
    return questions
