"""The plain-text formats of the admin form's fields. Pure: no Django.

Facts are written ``name: value`` pairs separated by commas or new lines::

    topic: road-traffic-collision, ksi: true

Slot values are one per line; a value may set facts after ``=>``::

    a crash that left a cyclist seriously injured => topic: road-traffic-collision, ksi: true
    a minor shunt on the high street => topic: road-traffic-collision

Spaces around a value are dropped, unless the value is wrapped in double quotes with a space
just inside them: ``" and remains in custody"`` is the value with its leading space, for a slot
the text runs straight into (``last night{detail}.``). Other quotes are kept as written.
"""

from __future__ import annotations

import re

from scenarios.generator import SlotValue

ARROW = "=>"
QUOTE = '"'
_TRUE = {"true", "yes"}
_FALSE = {"false", "no"}
_NONE = {"none", "null", "-"}
_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")


class FormatError(ValueError):
    pass


def _value(raw: str):
    word = raw.strip()
    lower = word.lower()
    if lower in _TRUE:
        return True
    if lower in _FALSE:
        return False
    if lower in _NONE:
        return None
    if re.fullmatch(r"-?\d+", word):
        # Python refuses to read more than 4,300 digits (a bare ValueError): say so plainly.
        if len(word.lstrip("-")) > 100:
            raise FormatError(f"“{word[:20]}…” is too long a number (more than 100 digits).")
        return int(word)
    return word


def parse_facts_text(text: str) -> dict:
    """``"topic: burglary, ksi: no"`` -> ``{"topic": "burglary", "ksi": False}``.

    Only the shape is checked here; whether the facts are valid is the RAG contract's job."""
    facts: dict = {}
    for part in re.split(r"[,\n]", text or ""):
        if not part.strip():
            continue
        name, colon, raw = part.partition(":")
        name = name.strip()
        if not colon:
            raise FormatError(f"“{part.strip()}” needs a colon: write it as name: value.")
        if not _NAME.match(name):
            raise FormatError(f"“{name}” is not a fact name (lower-case, like in_public_domain).")
        if name in facts:
            raise FormatError(f"“{name}” is given twice.")
        facts[name] = _value(raw)
    return facts


def format_facts(facts: dict) -> str:
    def show(value):
        if value is True:
            return "true"
        if value is False:
            return "false"
        if value is None:
            return "none"
        return str(value)

    return ", ".join(f"{name}: {show(value)}" for name, value in facts.items())


def _unquote(words: str) -> str:
    # Only quotes with a space just inside them are markup: a value such as "Stay safe" (a
    # quotation, quotes and all) reads as it always did.
    if len(words) >= 2 and words.startswith(QUOTE) and words.endswith(QUOTE):
        inner = words[1:-1]
        if inner != inner.strip():
            return inner
    return words


def _quote(text: str) -> str:
    return f"{QUOTE}{text}{QUOTE}" if text != text.strip() else text


def parse_slot_values(text: str) -> list[SlotValue]:
    """One value per line, facts after ``=>``. Blank lines are skipped."""
    values = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        if not line.strip():
            continue
        words, arrow, facts = line.partition(ARROW)
        try:
            parsed = parse_facts_text(facts) if arrow else {}
        except FormatError as exc:
            raise FormatError(f"Line {number}: {exc}") from None
        if not words.strip():
            raise FormatError(f"Line {number}: the value has no words before “=>”.")
        values.append(SlotValue(_unquote(words.strip()), parsed))
    return values


def format_slot_values(values) -> str:
    lines = []
    for value in values:
        text = _quote(value.text)
        lines.append(f"{text} {ARROW} {format_facts(dict(value.facts))}" if value.facts else text)
    return "\n".join(lines)
