"""Expansion: a template's combinations of slot values rendered, their facts merged, checked
against the RAG contract and graded by the RAG engine. Every combination when there are few
enough, otherwise a seeded sample."""

from __future__ import annotations

import itertools
import math
import random
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from scenarios.generator.results import Scenario
from scenarios.generator.spec import TemplateSpec, merge_facts
from scenarios.generator.text import compile_template
from scenarios.rules.engine import evaluate
from scenarios.rules.types import Facts, FactsError, Rulebook, Verdict
from scenarios.rules.validate import parse_facts


def as_random(rng: random.Random | int | str | None) -> random.Random:
    if isinstance(rng, random.Random):
        return rng
    if rng is None:
        raise TypeError("pass a seed or a random.Random: the generator never uses global state")
    return random.Random(rng)


def _sample_indices(rng: random.Random, total: int, count: int) -> list[int]:
    """``count`` distinct indices in range(total), sorted; never materialises the range."""
    if total <= sys.maxsize:
        chosen = rng.sample(range(total), count)
    else:
        seen: set[int] = set()
        chosen = []
        while len(chosen) < count:
            index = rng.randrange(total)
            if index not in seen:
                seen.add(index)
                chosen.append(index)
    chosen.sort()
    return chosen


def _decode(index: int, sizes: Sequence[int]) -> tuple[int, ...]:
    """The mixed-radix digits of ``index`` (the last slot varies fastest, like product())."""
    digits = []
    for size in reversed(sizes):
        index, digit = divmod(index, size)
        digits.append(digit)
    return tuple(reversed(digits))


def _combinations(sizes: Sequence[int], limit: int, rng: random.Random) -> Iterator[tuple]:
    total = math.prod(sizes)
    if total == 0 or limit <= 0:
        return iter(())
    if total <= limit:
        return itertools.product(*(range(size) for size in sizes))
    return (_decode(index, sizes) for index in _sample_indices(rng, total, limit))


class Grader:
    """Parses and grades merged facts, once per distinct set of facts."""

    __slots__ = ("rulebook", "_cache")

    def __init__(self, rulebook: Rulebook):
        self.rulebook = rulebook
        self._cache: dict[Any, tuple[Facts, Verdict] | None] = {}

    def grade(self, merged: dict[str, Any]) -> tuple[Facts, Verdict] | None:
        try:
            key = tuple(sorted(merged.items()))
            hash(key)
        except TypeError:  # unhashable or unsortable values: the contract rejects them anyway
            key = None
        if key is not None:
            cached = self._cache.get(key, False)
            if cached is not False:
                return cached
        try:
            facts = parse_facts(merged, self.rulebook)
            result = (facts, evaluate(facts, self.rulebook))
        except FactsError:
            result = None
        if key is not None:
            self._cache[key] = result
        return result


def expand_with(
    spec: TemplateSpec, rulebook: Rulebook, limit: int, rng: random.Random, grader: Grader
) -> list[Scenario]:
    """``expand`` with the grader passed in, so ``generate`` can share one across templates."""
    plan = compile_template(spec)
    sizes = [len(texts) for texts in plan.texts]
    fixed = spec.fixed_facts
    image_kind = spec.image_kind
    fact_slots = plan.fact_slots
    facts_of = plan.facts
    texts = plan.texts
    names = plan.names
    render = plan.fmt.format
    by_signature: dict[tuple[int, ...], tuple[Facts, Verdict] | None] = {}
    seen: set[tuple[str, Facts]] = set()
    scenarios: list[Scenario] = []
    for combination in _combinations(sizes, limit, rng):
        signature = tuple(combination[i] for i in fact_slots)
        graded = by_signature.get(signature, False)
        if graded is False:
            merged = merge_facts(
                fixed, (facts_of[i][combination[i]] for i in fact_slots), image_kind
            )
            graded = by_signature[signature] = grader.grade(merged)
        if graded is None:
            continue  # facts the contract rejects; validate_template reports them
        text = render(*[texts[i][c] for i, c in enumerate(combination)])
        facts, verdict = graded
        identity = (text, facts)
        if identity in seen:
            continue
        seen.add(identity)
        scenarios.append(
            Scenario(spec.key, text, facts, verdict, tuple(zip(names, combination, strict=True)))
        )
    return scenarios


def expand(
    spec: TemplateSpec,
    rulebook: Rulebook,
    *,
    limit: int = 500,
    rng: random.Random | int,
) -> list[Scenario]:
    """The template's posts, graded.

    Every combination of slot values, in a stable order (the last slot varies fastest), when
    there are at most ``limit`` of them; otherwise ``limit`` distinct combinations sampled with
    ``rng`` (kept in the same stable order). Combinations whose facts the contract rejects are
    skipped (``validate_template`` reports them) and duplicates (same text and facts) dropped,
    so the result can be shorter than ``limit``. Raises ``TemplateError`` if the text cannot
    be rendered (broken braces or an undefined slot).
    """
    return expand_with(spec, rulebook, limit, as_random(rng), Grader(rulebook))
