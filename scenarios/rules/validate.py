"""Turn untrusted facts (a decoded JSON object) into ``Facts``, or say exactly what is wrong.

``parse_facts`` checks one object, ``parse_many`` one object or a list of them. Every problem
with an object is collected into one ``FactsError``: ``errors`` maps each field at fault to a
plain-English message naming what is allowed. Nothing here raises anything else for bad input.

The rules are strict on purpose, because a wrong fact gives a wrong verdict:

- the data must be a dict (a JSON object); unknown keys are errors;
- ``topic`` is required and must be a slug of the rulebook;
- booleans must be real booleans (``true``/``false``), not 0/1 or strings;
- ``days_since_sentencing`` is a whole number >= 0, or null;
- ``image`` is one of ``IMAGE_KINDS``;
- ``source`` is null or an account/site name: lowercase letters, digits, hyphens and
  underscores, up to 100 characters; a leading "@" is allowed and stripped.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from scenarios.rules.types import FACT_FIELDS, IMAGE_KINDS, Facts, FactsError, Rulebook

__all__ = ["parse_facts", "parse_many", "PerRulebookCache"]

T = TypeVar("T")


class PerRulebookCache(Generic[T]):
    """Data derived from a rulebook, computed once per rulebook object.

    ``Rulebook`` is a frozen slots dataclass whose ``topics`` is a mapping, so it can be
    neither hashed nor weakly referenced. Entries are keyed by ``id(rulebook)`` and hold a
    strong reference to the rulebook, so the id cannot be reused by another object while the
    entry lives; a hit is also checked with ``is``. At most ``maxsize`` rulebooks are kept
    (oldest evicted first). Rulebooks are treated as immutable: build a new one to change it.
    """

    __slots__ = ("_build", "_entries", "_lock", "_maxsize")

    def __init__(self, build: Callable[[Rulebook], T], maxsize: int = 16):
        self._build = build
        self._entries: dict[int, tuple[Rulebook, T]] = {}
        self._lock = threading.Lock()
        self._maxsize = maxsize

    def get(self, rulebook: Rulebook) -> T:
        entry = self._entries.get(id(rulebook))
        if entry is not None and entry[0] is rulebook:
            return entry[1]
        value = self._build(rulebook)
        with self._lock:
            entries = self._entries
            entries.pop(id(rulebook), None)
            while len(entries) >= self._maxsize:
                del entries[next(iter(entries))]
            entries[id(rulebook)] = (rulebook, value)
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)


_BOOL_FIELDS = tuple(
    name
    for name in FACT_FIELDS
    if name not in ("topic", "days_since_sentencing", "image", "source")
)
_FIELD_ORDER = {name: index for index, name in enumerate(FACT_FIELDS)}
_VALID_FIELDS_TEXT = ", ".join(FACT_FIELDS)
_IMAGES = frozenset(IMAGE_KINDS)
_IMAGES_TEXT = ", ".join(f'"{kind}"' for kind in IMAGE_KINDS)
_SOURCE_RE = re.compile(r"@?([a-z0-9_-]{1,100})")

# field name -> kind of check; anything not here is an unknown field.
_TOPIC, _BOOL, _DAYS, _IMAGE, _SOURCE = range(5)
_KINDS = dict.fromkeys(_BOOL_FIELDS, _BOOL)
_KINDS.update(topic=_TOPIC, days_since_sentencing=_DAYS, image=_IMAGE, source=_SOURCE)

_DEFAULTS = {name: Facts.__dataclass_fields__[name].default for name in FACT_FIELDS}
_DEFAULTS.pop("topic")


def _facts_builder() -> Callable[[dict], Facts]:
    """``Facts(**values)`` for checked values, without the frozen dataclass ``__init__``.

    That ``__init__`` calls ``object.__setattr__`` once per field, which is most of the cost of
    parsing; setting the slots directly is about twice as fast, and unrolled (one setter per
    field, no loop) faster still. Used only while ``Facts`` has exactly the fields below and no
    ``__post_init__``; otherwise the plain constructor is used.
    """
    expected = (
        "topic",
        "in_public_domain",
        "ksi",
        "days_since_sentencing",
        "wider_interest",
        "breaking",
        "image",
        "image_release_authorised",
        "identifies_sexual_offence_victim",
        "identifies_child_in_proceedings",
        "names_suspect_before_charge",
        "prejudicial_content",
        "source",
        "unproven_allegation",
        "wanted_person_arrested",
        "names_cautioned_person",
        "gives_ethnicity_or_nationality",
    )
    if expected != FACT_FIELDS or hasattr(Facts, "__post_init__"):
        return lambda values: Facts(**values)
    (s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12, s13, s14, s15, s16) = (
        getattr(Facts, name).__set__ for name in FACT_FIELDS
    )
    new = object.__new__
    defaults = {"topic": None, **_DEFAULTS}

    def build(values: dict) -> Facts:
        (v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15, v16) = {
            **defaults,
            **values,
        }.values()
        facts = new(Facts)
        s0(facts, v0)
        s1(facts, v1)
        s2(facts, v2)
        s3(facts, v3)
        s4(facts, v4)
        s5(facts, v5)
        s6(facts, v6)
        s7(facts, v7)
        s8(facts, v8)
        s9(facts, v9)
        s10(facts, v10)
        s11(facts, v11)
        s12(facts, v12)
        s13(facts, v13)
        s14(facts, v14)
        s15(facts, v15)
        s16(facts, v16)
        return facts

    return build


_build_facts = _facts_builder()

_MSG_BOOL = "must be true or false (a JSON boolean, not a number or a string)"
_MSG_DAYS = "must be a whole number of days, 0 or more, or null if not sentenced"
_MSG_IMAGE = f"must be one of {_IMAGES_TEXT}"
_MSG_SOURCE = (
    "must be null or an account or site name: 1 to 100 lowercase letters, digits, "
    'hyphens or underscores, optionally starting with "@" (for example "metpoliceuk")'
)


class _Choices:
    """What validation needs from one rulebook, precomputed."""

    __slots__ = ("slugs", "slugs_text", "green_sources")

    def __init__(self, rulebook: Rulebook):
        self.slugs = frozenset(rulebook.topics)
        self.slugs_text = ", ".join(sorted(self.slugs))
        self.green_sources = frozenset(rulebook.green_sources)


_choices = PerRulebookCache(_Choices)


def _text(value: Any) -> str:
    """``repr(value)``, or what it is when even that fails: an int past Python's 4,300-digit
    limit for str(), or an object whose repr raises, must still get a message, not a 500."""
    try:
        return repr(value)
    except (ValueError, RecursionError):
        if isinstance(value, int):
            return f"a number of about {value.bit_length() * 30103 // 100000 + 1} digits"
        return f"a {type(value).__name__}"


def _show(value: Any) -> str:
    """A short JSON-ish rendering of a bad value for an error message."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        text = _text(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, (list, tuple)):
        return "an array"
    return type(value).__name__


def _not_an_object(value: Any) -> FactsError:
    return FactsError(
        {
            "facts": 'expected a JSON object of facts, such as {"topic": "burglary"}, '
            f"not {_json_type(value)}"
        }
    )


def topic_error(value: Any, rulebook: Rulebook) -> FactsError:
    """The error for a topic that is not in the rulebook (also used by the engine)."""
    return FactsError({"topic": _topic_message(value, _choices.get(rulebook))})


def _topic_message(value: Any, choices: _Choices) -> str:
    if isinstance(value, str):
        return f"unknown topic {_show(value)}; valid topics are: {choices.slugs_text}"
    return f"must be a topic slug (a string), one of: {choices.slugs_text}"


def _collect_errors(data: dict, choices: _Choices) -> dict[str, str]:
    """Every problem with ``data``, in field order (unknown fields last)."""
    errors: dict[str, str] = {}
    unknown: dict[str, str] = {}
    if "topic" not in data:
        errors["topic"] = f"is required: give one of the topic slugs: {choices.slugs_text}"
    for key, value in data.items():
        kind = _KINDS.get(key) if isinstance(key, str) else None
        if kind is None:
            name = key if isinstance(key, str) else _text(key)
            unknown[name] = f"unknown field {_show(name)}; valid fields are: {_VALID_FIELDS_TEXT}"
        elif kind == _BOOL:
            if value is not True and value is not False:
                errors[key] = f"{_MSG_BOOL}; got {_show(value)}"
        elif kind == _TOPIC:
            if type(value) is not str or value not in choices.slugs:
                errors[key] = _topic_message(value, choices)
        elif kind == _DAYS:
            if value is not None and (type(value) is not int or value < 0):
                errors[key] = f"{_MSG_DAYS}; got {_show(value)}"
        elif kind == _IMAGE:
            if type(value) is not str or value not in _IMAGES:
                errors[key] = f"{_MSG_IMAGE}; got {_show(value)}"
        elif value is not None and (type(value) is not str or not _SOURCE_RE.fullmatch(value)):
            errors[key] = f"{_MSG_SOURCE}; got {_show(value)}"
    ordered = dict(sorted(errors.items(), key=lambda item: _FIELD_ORDER[item[0]]))
    ordered.update(unknown)
    return ordered


def parse_facts(data: Any, rulebook: Rulebook) -> Facts:
    """Check one decoded JSON object against the contract and return its ``Facts``.

    Raises ``FactsError`` (with every problem found, not just the first) if it breaks it.
    """
    if not isinstance(data, dict):
        raise _not_an_object(data)
    choices = _choices.get(rulebook)
    # Fast path: one pass over the keys given (usually a handful), no allocation.
    topic = data.get("topic")
    ok = type(topic) is str and topic in choices.slugs
    if ok:
        source = None
        for key, value in data.items():
            kind = _KINDS.get(key)
            if kind == _BOOL:
                if value is True or value is False:
                    continue
            elif kind == _TOPIC:
                continue
            elif kind == _DAYS:
                if value is None or (type(value) is int and value >= 0):
                    continue
            elif kind == _IMAGE:
                if type(value) is str and value in _IMAGES:
                    continue
            elif kind == _SOURCE:
                if value is None:
                    continue
                if type(value) is str:
                    if value in choices.green_sources:
                        continue
                    match = _SOURCE_RE.fullmatch(value)
                    if match is not None:
                        source = match.group(1)
                        continue
            ok = False
            break
        if ok:
            if source is not None and source != data["source"]:
                data = {**data, "source": source}
            return _build_facts(data)
    raise FactsError(_collect_errors(data, choices))


def parse_many(data: Any, rulebook: Rulebook) -> list[Facts]:
    """One object or a list of objects -> a list of ``Facts``.

    For a list, the first bad item raises ``FactsError`` with ``index`` set to its position.
    An empty list gives an empty list.
    """
    if isinstance(data, dict):
        return [parse_facts(data, rulebook)]
    if not isinstance(data, (list, tuple)):
        raise FactsError(
            {
                "facts": "expected a JSON object of facts or an array of them, "
                f"not {_json_type(data)}"
            }
        )
    result = []
    append = result.append
    for index, item in enumerate(data):
        try:
            append(parse_facts(item, rulebook))
        except FactsError as error:
            raise FactsError(error.errors, index=index) from None
    return result
