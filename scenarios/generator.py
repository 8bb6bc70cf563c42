"""The scenario generator: trainer-authored templates in, graded "would you post this?" questions
and coverage-guaranteed pools out.

A template is a post with named slots ("Officers in {ward} arrested a {age}-year-old after
{offence}.") plus facts. Each slot has values; a value is text and may set facts too (the
value "a crash that left a cyclist seriously injured" sets ``topic`` road-traffic-collision and
``ksi`` true). ``expand`` renders every combination of values (or a seeded sample), checks the
merged facts against the RAG contract and grades them with the RAG engine; ``generate`` turns
the results into ``Question`` objects; ``select_pool`` picks a quiz pool that covers every
rating, topic and rule the bank reaches and includes near-miss traps (KSI vs non-KSI, 7 vs 8
days since sentencing, amber in vs out of the public domain, suspect image authorised or not).

Pure Python: this module imports only the standard library and ``scenarios.rules``. Randomness
is always passed in (a seed or a ``random.Random``); the global random state is never used.
Post text is plain text: nothing here escapes HTML, that is the template layer's job.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import random
import re
import string
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from scenarios.rules.engine import RULE_IDS, evaluate
from scenarios.rules.types import (
    ACTIONS,
    FACT_FIELDS,
    IMAGE_KINDS,
    RATINGS,
    Facts,
    FactsError,
    Reason,
    Rulebook,
    Verdict,
)
from scenarios.rules.validate import parse_facts

__all__ = [
    "NEAR_MISS_KINDS",
    "Coverage",
    "Pool",
    "Question",
    "Scenario",
    "SlotValue",
    "TemplateError",
    "TemplateSpec",
    "build_question",
    "coverage_of",
    "expand",
    "find_near_miss_pairs",
    "full_coverage_size",
    "generate",
    "near_miss_key",
    "near_miss_keys",
    "question_key",
    "select_pool",
    "validate_template",
]

SLOT_NAME_RE = re.compile(r"[a-z_][a-z0-9_]*")
IMAGE_KIND_FACTS = ("general", "suspect")  # image kinds that set the ``image`` fact

# Near-miss kinds, in the order a pool takes them.
KSI = "ksi"
SENTENCING = "sentencing"
PUBLIC_DOMAIN = "public-domain"
IMAGE_AUTHORISATION = "image-authorisation"
NEAR_MISS_KINDS = (KSI, SENTENCING, PUBLIC_DOMAIN, IMAGE_AUTHORISATION)

# How many combinations ``validate_template`` tries when looking for one with valid facts.
VALIDATE_COMBINATION_LIMIT = 5000

_FIELD_INDEX = {name: index for index, name in enumerate(FACT_FIELDS)}
_EMPTY: Mapping[str, Any] = MappingProxyType({})


# --------------------------------------------------------------------------- value objects


def _frozen_mapping(value: Any) -> Mapping:
    if isinstance(value, MappingProxyType):
        return value
    if isinstance(value, Mapping):
        return MappingProxyType(dict(value))
    return value  # not a mapping: left as given, validate_template reports it


@dataclass(frozen=True)
class SlotValue:
    """One value of a slot: the text put into the post, and the facts it sets (if any)."""

    text: str
    facts: Mapping[str, object] = field(default_factory=lambda: _EMPTY)

    def __post_init__(self):
        object.__setattr__(self, "facts", _frozen_mapping(self.facts))


def _slot_values(values: Any) -> Any:
    if isinstance(values, (str, SlotValue)):
        values = (values,)
    if not isinstance(values, Iterable):
        return values
    return tuple(SlotValue(v) if isinstance(v, str) else v for v in values)


@dataclass(frozen=True)
class TemplateSpec:
    """A scenario template as a trainer authored it.

    ``text`` names its slots in braces; ``{{`` and ``}}`` are literal braces. ``slots`` maps
    each slot name to its values (plain strings are accepted as values without facts).
    ``fixed_facts`` apply to every combination; a slot value's facts override them, later
    slots overriding earlier ones. ``image_kind`` "general" or "suspect" sets the ``image``
    fact unless the facts set it themselves.
    """

    key: str
    title: str
    text: str
    slots: Mapping[str, tuple[SlotValue, ...]] = field(default_factory=lambda: _EMPTY)
    fixed_facts: Mapping[str, object] = field(default_factory=lambda: _EMPTY)
    image_kind: str = "none"
    account: str = ""
    tags: tuple[str, ...] = ()
    difficulty: int = 1

    def __post_init__(self):
        slots = self.slots
        if isinstance(slots, Mapping):
            slots = MappingProxyType({name: _slot_values(v) for name, v in slots.items()})
        object.__setattr__(self, "slots", slots)
        object.__setattr__(self, "fixed_facts", _frozen_mapping(self.fixed_facts))
        if isinstance(self.tags, str):
            object.__setattr__(self, "tags", (self.tags,))
        elif not isinstance(self.tags, tuple):
            object.__setattr__(self, "tags", tuple(self.tags))


class TemplateError(ValueError):
    """A template whose text cannot be rendered. ``errors`` is as from ``validate_template``."""

    def __init__(self, key: str, errors: Mapping[str, list[str]]):
        self.key = key
        self.errors = {name: list(messages) for name, messages in errors.items()}
        flat = "; ".join(m for messages in self.errors.values() for m in messages)
        super().__init__(f"template {key!r}: {flat}")


@dataclass(frozen=True)
class Scenario:
    """One concrete post expanded from a template, with its facts and verdict."""

    template_key: str
    text: str
    facts: Facts
    verdict: Verdict
    slot_choices: tuple[tuple[str, int], ...]  # (slot name, index of the value) in slot order


ANSWERS = tuple((rating, ACTIONS[rating]) for rating in RATINGS)


def _facts_dict(facts: Facts) -> dict[str, Any]:
    return {name: getattr(facts, name) for name in FACT_FIELDS}


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

    @property
    def rules(self) -> tuple[str, ...]:
        return tuple(reason.rule for reason in self.reasons)

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "template": self.template_key,
            "text": self.text,
            "facts": _facts_dict(self.facts),
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


# --------------------------------------------------------------------------- template text


def _brace_problem(text: str, error: ValueError) -> str:
    """A plain-English account of the first brace ``string.Formatter`` could not read."""

    def near(index: int) -> str:
        start = max(0, index - 20)
        snippet = text[start : index + 21]
        return f'near "{"..." if start else ""}{snippet}{"..." if index + 21 < len(text) else ""}"'

    advice = "Write {{ or }} for a literal brace."
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char == "{":
            if text.startswith("{{", i):
                i += 2
                continue
            close = text.find("}", i + 1)
            nested = text.find("{", i + 1)
            if close == -1:
                return (
                    f"The text has a {{ at character {i + 1} that is never closed with }} "
                    f"({near(i)}). {advice}"
                )
            if nested != -1 and nested < close:
                return (
                    f"The text has a {{ inside another slot's braces at character "
                    f"{nested + 1} ({near(nested)}). Slots cannot be nested. {advice}"
                )
            i = close + 1
            continue
        if char == "}":
            if text.startswith("}}", i):
                i += 2
                continue
            return (
                f"The text has a }} at character {i + 1} with no {{ before it ({near(i)}). {advice}"
            )
        i += 1
    return f"The braces in the text could not be read ({error}). {advice}"


def _parse_text(text: str) -> tuple[list[tuple[str, str | None]], list[str]]:
    """Split ``text`` into (literal text, slot name or None) parts, with any problems found."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as error:
        return [], [_brace_problem(text, error)]
    parts: list[tuple[str, str | None]] = []
    errors: list[str] = []
    for literal, name, format_spec, conversion in parsed:
        if name is None:
            parts.append((literal, None))
            continue
        if name == "":
            errors.append(
                "The text has an empty pair of braces {}: put a slot name inside, such as "
                "{ward}, or write {{ and }} for literal braces."
            )
        elif not SLOT_NAME_RE.fullmatch(name):
            errors.append(
                f'"{{{name}}}" is not a valid slot name: use lowercase letters, digits and '
                "underscores, starting with a letter or underscore (for example {ward} or "
                "{victim_age})."
            )
        elif format_spec or conversion:
            extra = f"!{conversion}" if conversion else ""
            extra += f":{format_spec}" if format_spec else ""
            errors.append(
                f'The slot {{{name}}} has formatting "{extra}" after its name, which is not '
                f"allowed: write just {{{name}}}."
            )
        parts.append((literal, name))
    return parts, errors


@dataclass(frozen=True)
class _Plan:
    """A template compiled for expansion."""

    names: tuple[str, ...]  # slot names, in slot order
    fmt: str  # the text as a positional format string: slot i is {i}
    texts: tuple[tuple[str, ...], ...]  # per slot, the value texts
    facts: tuple[tuple[Mapping[str, Any], ...], ...]  # per slot, the value facts
    fact_slots: tuple[int, ...]  # slots with at least one value that sets facts


def _compile(spec: TemplateSpec) -> _Plan:
    parts, errors = _parse_text(spec.text)
    slots = spec.slots if isinstance(spec.slots, Mapping) else {}
    names = tuple(slots)
    position = {name: index for index, name in enumerate(names)}
    undefined = []
    pieces = []
    for literal, name in parts:
        pieces.append(literal.replace("{", "{{").replace("}", "}}"))
        if name is not None:
            if name in position:
                pieces.append(f"{{{position[name]}}}")
            elif name not in undefined and SLOT_NAME_RE.fullmatch(name):
                undefined.append(name)
    errors.extend(_undefined_message(name) for name in undefined)
    if errors:
        raise TemplateError(spec.key, {"text": errors})
    values = [tuple(slots[name]) for name in names]
    texts = tuple(tuple(v.text for v in vals) for vals in values)
    facts = tuple(tuple(v.facts for v in vals) for vals in values)
    fact_slots = tuple(i for i, per_slot in enumerate(facts) if any(per_slot))
    return _Plan(names, "".join(pieces), texts, facts, fact_slots)


def _undefined_message(name: str) -> str:
    return (
        f'The text uses the slot {{{name}}}, but there is no slot named "{name}": add it to '
        "the slots or fix the name in the text."
    )


# --------------------------------------------------------------------------- validation


def _quote_value(text: Any) -> str:
    text = str(text)
    return f'"{text}"' if len(text) <= 50 else f'"{text[:47]}..."'


def _merge(fixed: Mapping, parts: Iterable[Mapping], image_kind: str) -> dict[str, Any]:
    merged = dict(fixed)
    for facts in parts:
        merged.update(facts)
    if image_kind in IMAGE_KIND_FACTS and "image" not in merged:
        merged["image"] = image_kind
    return merged


def _sentence(message: str) -> str:
    message = message.strip()
    return message if message.endswith((".", "!", "?")) else message + "."


def _facts_errors(data: dict, rulebook: Rulebook) -> dict[str, str]:
    try:
        parse_facts(data, rulebook)
    except FactsError as error:
        return error.errors
    return {}


def validate_template(spec: TemplateSpec, rulebook: Rulebook) -> dict[str, list[str]]:
    """Every problem with a template, as field name -> plain-English messages.

    Field names are "text", "slots", "slots.<name>", "fixed_facts" and "image_kind". An
    empty dict means the template is valid: its text renders and at least one combination of
    slot values gives facts the RAG contract accepts.
    """
    errors: dict[str, list[str]] = {}

    def add(name: str, message: str) -> None:
        messages = errors.setdefault(name, [])
        if message not in messages:
            messages.append(message)

    # The text and its slots.
    parts, text_errors = _parse_text(spec.text if isinstance(spec.text, str) else "")
    if not isinstance(spec.text, str) or not spec.text.strip():
        add("text", "The text is empty: write the post, with slots in braces such as {ward}.")
    for message in text_errors:
        add("text", message)

    slots: Mapping[str, Any] = spec.slots if isinstance(spec.slots, Mapping) else {}
    if not isinstance(spec.slots, Mapping):
        add("slots", "The slots must map each slot name to its list of values.")
    used = [name for _, name in parts if name is not None and SLOT_NAME_RE.fullmatch(name)]
    if not text_errors:
        for name in dict.fromkeys(used):
            if name not in slots:
                add("text", _undefined_message(name))
    for name in slots:
        if not isinstance(name, str) or not SLOT_NAME_RE.fullmatch(name):
            add(
                f"slots.{name}",
                f'"{name}" is not a valid slot name: use lowercase letters, digits and '
                "underscores, starting with a letter or underscore.",
            )
        elif not text_errors and name not in used:
            add(
                f"slots.{name}",
                f'The slot "{name}" is defined but the text never uses it: put {{{name}}} in '
                "the text or remove the slot.",
            )

    # Slot values.
    values: dict[str, tuple] = {}
    for name, slot_values in slots.items():
        key = f"slots.{name}"
        if not isinstance(slot_values, tuple) or not all(
            isinstance(v, SlotValue) for v in slot_values
        ):
            add(key, f'The slot "{name}" must have a list of values (text, and optional facts).')
            continue
        if not slot_values:
            add(key, f'The slot "{name}" has no values: give it at least one.')
        for number, value in enumerate(slot_values, start=1):
            if not isinstance(value.text, str) or not value.text.strip():
                add(key, f'Value {number} of slot "{name}" is blank: every value needs some text.')
            if not isinstance(value.facts, Mapping):
                add(
                    key, f'The facts of value {number} of slot "{name}" must be field: value pairs.'
                )
        values[name] = tuple(v for v in slot_values if isinstance(v.facts, Mapping))

    # The image kind.
    image_kind = spec.image_kind
    if image_kind not in IMAGE_KINDS:
        add(
            "image_kind",
            f"The image kind {_quote_value(image_kind)} is not one of "
            + ", ".join(f'"{kind}"' for kind in IMAGE_KINDS)
            + ".",
        )
        image_kind = "none"

    # Facts: the fixed facts, then each slot value's facts merged with them.
    fixed = spec.fixed_facts
    if not isinstance(fixed, Mapping):
        add("fixed_facts", "The fixed facts must be field: value pairs, such as topic: burglary.")
        fixed = {}
    topic_sources = [
        v.facts["topic"] for vals in values.values() for v in vals if "topic" in v.facts
    ]
    if "topic" in fixed:
        topic_sources.insert(0, fixed["topic"])
    known_topics = [t for t in topic_sources if isinstance(t, str) and t in rulebook.topics]
    stand_in = known_topics[0] if known_topics else next(iter(rulebook.topics), None)

    def check(data: dict) -> tuple[dict[str, str], bool]:
        borrowed = "topic" not in data and stand_in is not None
        if borrowed:
            data = {**data, "topic": stand_in}
        found = _facts_errors(data, rulebook)
        if borrowed:
            found.pop("topic", None)
        return found, borrowed

    fixed_errors, _ = check(_merge(fixed, (), image_kind))
    for field_name, message in fixed_errors.items():
        add("fixed_facts", _sentence(f'Fixed fact "{field_name}": {message}'))
    for name, slot_values in values.items():
        for number, value in enumerate(slot_values, start=1):
            if not value.facts:
                continue
            found, _ = check(_merge(fixed, (value.facts,), image_kind))
            for field_name, message in found.items():
                if fixed_errors.get(field_name) == message and field_name not in value.facts:
                    continue  # already reported against the fixed facts
                add(
                    f"slots.{name}",
                    _sentence(
                        f'Value {number} of slot "{name}" ({_quote_value(value.text)}) sets facts '
                        f'the rulebook rejects: "{field_name}" {message}'
                    ),
                )

    # Can the template produce valid facts at all?
    if not topic_sources:
        add(
            "fixed_facts",
            'No topic is set: set "topic" in the fixed facts or in the facts of a slot\'s '
            "values. Valid topics are: " + ", ".join(sorted(rulebook.topics)) + ".",
        )
        return errors
    slot_list = list(values.items())
    if slot_list and "topic" not in fixed and all(vals for _, vals in slot_list):
        # A combination has no topic when every slot picks a value that sets none.
        topicless = [
            next((v for v in vals if "topic" not in v.facts), None) for _, vals in slot_list
        ]
        if all(v is not None for v in topicless):
            picks = ", ".join(
                f"{{{name}}} is {_quote_value(v.text)}"
                for (name, _), v in zip(slot_list, topicless, strict=True)
            )
            add(
                "slots",
                f'Some combinations set no topic (for example when {picks}): set "topic" in '
                "the fixed facts, or in every value of one slot.",
            )
    if slot_list and not all(vals for _, vals in slot_list):
        return errors  # a slot without values: already reported, nothing to combine
    fact_values = [
        list(
            {json.dumps(dict(v.facts), sort_keys=True, default=str): v.facts for v in vals}.values()
        )
        for _, vals in slot_list
    ]
    fact_values = [vals for vals in fact_values if any(vals)] or [[_EMPTY]]
    total = math.prod(len(vals) for _, vals in slot_list)
    for tried, combination in enumerate(itertools.product(*fact_values), start=1):
        if not _facts_errors(_merge(fixed, combination, image_kind), rulebook):
            break
        if tried >= VALIDATE_COMBINATION_LIMIT:
            add(
                "slots" if slot_list else "fixed_facts",
                f"None of the first {tried:,} combinations of slot values gives facts the "
                "rulebook accepts: see the other messages, and fix the facts.",
            )
            break
    else:
        what = (
            f"None of the {total:,} combinations of slot values gives"
            if slot_list and total > 1
            else "The template does not give"
        )
        add(
            "slots" if slot_list else "fixed_facts",
            f"{what} facts the rulebook accepts, so it cannot produce any question: see the "
            "other messages, and fix the facts.",
        )
    return errors


# --------------------------------------------------------------------------- expansion


def _as_random(rng: random.Random | int | str | None) -> random.Random:
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


class _Grader:
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


def _expand(
    spec: TemplateSpec, rulebook: Rulebook, limit: int, rng: random.Random, grader: _Grader
) -> list[Scenario]:
    plan = _compile(spec)
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
            merged = _merge(fixed, (facts_of[i][combination[i]] for i in fact_slots), image_kind)
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
    return _expand(spec, rulebook, limit, _as_random(rng), _Grader(rulebook))


# --------------------------------------------------------------------------- questions


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
    return json.dumps(_facts_dict(facts), sort_keys=True, separators=(",", ":"))


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
    base = _as_random(rng).getrandbits(64)
    grader = _Grader(rulebook)
    memo = _QuestionMemo()
    questions: list[Question] = []
    seen: set[str] = set()
    for spec in specs:
        template_rng = random.Random(f"{base}:{spec.key}")
        for scenario in _expand(spec, rulebook, per_template_limit, template_rng, grader):
            question = memo.build(scenario, spec, rulebook.version)
            if question.key not in seen:
                seen.add(question.key)
                questions.append(question)
    return questions


# --------------------------------------------------------------------------- near misses


def near_miss_keys(
    question: Question, *, sentencing_window_days: int = 7
) -> list[tuple[str, tuple, int]]:
    """The near-miss groups a question can pair in: (kind, base, side) for each kind.

    Two questions pair up when they share kind and base (same template, and facts equal except
    for the kind's field) and sit on opposite sides:

    - "ksi": side 0 not KSI, side 1 KSI;
    - "sentencing": side 0 exactly the window (7 days), side 1 one day more (8);
    - "public-domain": side 0 in the public domain, side 1 not;
    - "image-authorisation" (suspect images only): side 0 authorised, side 1 not.

    Only pairs whose ratings differ are traps; ``find_near_miss_pairs`` checks that.
    """
    facts = question.facts
    values = [getattr(facts, name) for name in FACT_FIELDS]
    template = question.template_key

    def base(field_name: str) -> tuple:
        varied = list(values)
        varied[_FIELD_INDEX[field_name]] = None
        return (template, tuple(varied))

    keys = [(KSI, base("ksi"), 1 if facts.ksi else 0)]
    days = facts.days_since_sentencing
    if days is not None and (days == sentencing_window_days or days == sentencing_window_days + 1):
        keys.append((SENTENCING, base("days_since_sentencing"), days - sentencing_window_days))
    keys.append((PUBLIC_DOMAIN, base("in_public_domain"), 0 if facts.in_public_domain else 1))
    if facts.image == "suspect":
        side = 0 if facts.image_release_authorised else 1
        keys.append((IMAGE_AUTHORISATION, base("image_release_authorised"), side))
    return keys


# The name the design brief uses; one question can sit in several groups, hence a list.
near_miss_key = near_miss_keys


def _pair_up(side0: list[Question], side1: list[Question]) -> list[tuple[Question, Question]]:
    """Disjoint pairs across the two sides, preferring pairs whose other slot choices match."""
    index: dict[tuple, list[int]] = {}
    for j, question in enumerate(side1):
        choices = question.slot_choices
        for i in range(len(choices)):
            index.setdefault((i, choices[:i] + choices[i + 1 :]), []).append(j)
    cursor: dict[tuple, int] = {}
    used = [False] * len(side1)
    pairs = []
    rest0 = []
    for question in side0:
        choices = question.slot_choices
        match = None
        for i in range(len(choices)):
            key = (i, choices[:i] + choices[i + 1 :])
            candidates = index.get(key)
            if not candidates:
                continue
            position = cursor.get(key, 0)
            while position < len(candidates) and used[candidates[position]]:
                position += 1
            cursor[key] = position
            if position < len(candidates):
                match = candidates[position]
                break
        if match is None:
            rest0.append(question)
        else:
            used[match] = True
            pairs.append((question, side1[match]))
    rest1 = [question for j, question in enumerate(side1) if not used[j]]
    pairs.extend(zip(rest0, rest1, strict=False))
    return pairs


def _window(rulebook: Rulebook | None) -> int:
    return 7 if rulebook is None else rulebook.sentencing_window_days


def find_near_miss_pairs(
    questions: Iterable[Question], rulebook: Rulebook | None = None
) -> list[tuple[str, Question, Question]]:
    """Near-miss pairs in ``questions``: (kind, a, b) where a and b come from the same template,
    their facts differ only in the kind's field, and their ratings differ. Within a kind the
    pairs are disjoint. Grouping is by dictionary, so this is linear in the number of questions.
    """
    window = _window(rulebook)
    groups: dict[tuple[str, tuple], tuple[list[Question], list[Question]]] = {}
    for question in questions:
        for kind, base, side in near_miss_keys(question, sentencing_window_days=window):
            group = groups.get((kind, base))
            if group is None:
                group = groups[(kind, base)] = ([], [])
            group[side].append(question)
    by_kind: dict[str, list[tuple[str, Question, Question]]] = {k: [] for k in NEAR_MISS_KINDS}
    for (kind, _), (side0, side1) in groups.items():
        if side0 and side1:
            by_kind[kind].extend(
                (kind, a, b) for a, b in _pair_up(side0, side1) if a.rating != b.rating
            )
    return [pair for kind in NEAR_MISS_KINDS for pair in by_kind[kind]]


# --------------------------------------------------------------------------- coverage


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


def _present(counts: Mapping[str, int]) -> list[str]:
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
        want_ratings = _present(reference.ratings)
        want_topics = _present(reference.topics)
        want_rules = _present(reference.rules)
        want_pairs = _present(reference.near_miss_pairs)
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


# --------------------------------------------------------------------------- pools


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
        len(_present(cov.ratings))
        + 2 * len(_present(cov.near_miss_pairs))
        + len(_present(cov.topics))
        + len(_present(cov.rules))
    )
    return min(len(bank), need)


class _Selection:
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


def select_pool(
    questions: Iterable[Question], *, size: int, seed: int | str, rulebook: Rulebook
) -> Pool:
    """Pick ``size`` questions from the bank for a quiz, deterministically for a seed.

    When the bank makes it possible the pool has every rating, a near-miss pair of every kind
    the bank has (both members, adjacent), every topic the bank reaches and every rule that
    fires in the bank. Greedy, in priority order: ratings are reserved room first, then one pair
    per kind, then the missing ratings, topics and rules, then more pairs (up to a third of the
    pool), then random questions. If ``size`` is too small, the coverage reports what is
    missing. The result depends only on the seed and the set of questions (not their order).
    """
    rng = random.Random(seed)
    bank = _unique_by_key(questions)
    size = max(0, int(size))
    bank_coverage = coverage_of(bank, rulebook)
    order = list(bank)
    rng.shuffle(order)
    pairs_by_kind: dict[str, list[tuple[Question, Question]]] = {k: [] for k in NEAR_MISS_KINDS}
    for kind, a, b in find_near_miss_pairs(order, rulebook):
        pairs_by_kind[kind].append((a, b))
    by_rating: dict[str, list[Question]] = {}
    by_topic: dict[str, list[Question]] = {}
    by_rule: dict[str, list[Question]] = {}
    for question in order:
        by_rating.setdefault(question.rating, []).append(question)
        by_topic.setdefault(question.topic, []).append(question)
        for rule in dict.fromkeys(question.rules):
            by_rule.setdefault(rule, []).append(question)

    pick = _Selection(min(size, len(bank)))
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
    for rule in _present(bank_coverage.rules):
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
