"""A template's text: reading its braces and slot names, explaining broken braces in plain
English, and compiling it into a plan for fast rendering."""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from scenarios.generator.spec import TemplateError, TemplateSpec

SLOT_NAME_RE = re.compile(r"[a-z_][a-z0-9_]*")


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


def parse_text(text: str) -> tuple[list[tuple[str, str | None]], list[str]]:
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


def undefined_message(name: str) -> str:
    return (
        f'The text uses the slot {{{name}}}, but there is no slot named "{name}": add it to '
        "the slots or fix the name in the text."
    )


@dataclass(frozen=True)
class Plan:
    """A template compiled for expansion."""

    names: tuple[str, ...]  # slot names, in slot order
    fmt: str  # the text as a positional format string: slot i is {i}
    texts: tuple[tuple[str, ...], ...]  # per slot, the value texts
    facts: tuple[tuple[Mapping[str, Any], ...], ...]  # per slot, the value facts
    fact_slots: tuple[int, ...]  # slots with at least one value that sets facts


def compile_template(spec: TemplateSpec) -> Plan:
    """The template as a ``Plan``; raises ``TemplateError`` if its text cannot be rendered."""
    parts, errors = parse_text(spec.text)
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
    errors.extend(undefined_message(name) for name in undefined)
    if errors:
        raise TemplateError(spec.key, {"text": errors})
    values = [tuple(slots[name]) for name in names]
    texts = tuple(tuple(v.text for v in vals) for vals in values)
    facts = tuple(tuple(v.facts for v in vals) for vals in values)
    fact_slots = tuple(i for i, per_slot in enumerate(facts) if any(per_slot))
    return Plan(names, "".join(pieces), texts, facts, fact_slots)
