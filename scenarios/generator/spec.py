"""What a trainer authors: a template (``TemplateSpec``) and its slot values (``SlotValue``),
and the error raised when a template's text cannot be rendered."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

IMAGE_KIND_FACTS = ("general", "suspect", "custody")  # image kinds that set the ``image`` fact

EMPTY: Mapping[str, Any] = MappingProxyType({})


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
    facts: Mapping[str, object] = field(default_factory=lambda: EMPTY)

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
    slots: Mapping[str, tuple[SlotValue, ...]] = field(default_factory=lambda: EMPTY)
    fixed_facts: Mapping[str, object] = field(default_factory=lambda: EMPTY)
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


def merge_facts(fixed: Mapping, parts: Iterable[Mapping], image_kind: str) -> dict[str, Any]:
    """The facts of one combination, by the rules of ``TemplateSpec``."""
    merged = dict(fixed)
    for facts in parts:
        merged.update(facts)
    if image_kind in IMAGE_KIND_FACTS and "image" not in merged:
        merged["image"] = image_kind
    return merged
