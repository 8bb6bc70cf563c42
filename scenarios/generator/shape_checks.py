"""The first half of ``validate_template``: is the template well formed? Its text, its slot
names, its slot values, its image kind and the shape of its fixed facts. Whether the facts are
ones the rulebook accepts is ``fact_checks``' job."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scenarios.generator.messages import Errors, add_error, quote_value
from scenarios.generator.spec import SlotValue, TemplateSpec
from scenarios.generator.text import SLOT_NAME_RE, parse_text, undefined_message
from scenarios.rules.types import IMAGE_KINDS

TextParts = list[tuple[str, str | None]]


def check_text(spec: TemplateSpec, errors: Errors) -> tuple[TextParts, bool]:
    """The text's parts, and whether its braces and slot names could all be read."""
    parts, text_errors = parse_text(spec.text if isinstance(spec.text, str) else "")
    if not isinstance(spec.text, str) or not spec.text.strip():
        add_error(
            errors,
            "text",
            "The text is empty: write the post, with slots in braces such as {ward}.",
        )
    for message in text_errors:
        add_error(errors, "text", message)
    return parts, not text_errors


def check_slot_names(
    spec: TemplateSpec, parts: TextParts, text_readable: bool, errors: Errors
) -> Mapping[str, Any]:
    """The slots, with every slot the text uses defined and every slot defined used.

    Use is only judged when the text could be read: a broken brace would otherwise report
    slots as unused that the trainer did write."""
    slots: Mapping[str, Any] = spec.slots if isinstance(spec.slots, Mapping) else {}
    if not isinstance(spec.slots, Mapping):
        add_error(errors, "slots", "The slots must map each slot name to its list of values.")
    used = [name for _, name in parts if name is not None and SLOT_NAME_RE.fullmatch(name)]
    if text_readable:
        for name in dict.fromkeys(used):
            if name not in slots:
                add_error(errors, "text", undefined_message(name))
    for name in slots:
        if not isinstance(name, str) or not SLOT_NAME_RE.fullmatch(name):
            add_error(
                errors,
                f"slots.{name}",
                f'"{name}" is not a valid slot name: use lowercase letters, digits and '
                "underscores, starting with a letter or underscore.",
            )
        elif text_readable and name not in used:
            add_error(
                errors,
                f"slots.{name}",
                f'The slot "{name}" is defined but the text never uses it: put {{{name}}} in '
                "the text or remove the slot.",
            )
    return slots


def check_slot_values(slots: Mapping[str, Any], errors: Errors) -> dict[str, tuple]:
    """Each well-formed slot's values whose facts are a mapping (the others are reported)."""
    values: dict[str, tuple] = {}
    for name, slot_values in slots.items():
        key = f"slots.{name}"
        if not isinstance(slot_values, tuple) or not all(
            isinstance(v, SlotValue) for v in slot_values
        ):
            add_error(
                errors,
                key,
                f'The slot "{name}" must have a list of values (text, and optional facts).',
            )
            continue
        if not slot_values:
            add_error(errors, key, f'The slot "{name}" has no values: give it at least one.')
        for number, value in enumerate(slot_values, start=1):
            if not isinstance(value.text, str) or not value.text.strip():
                add_error(
                    errors,
                    key,
                    f'Value {number} of slot "{name}" is blank: every value needs some text.',
                )
            if not isinstance(value.facts, Mapping):
                add_error(
                    errors,
                    key,
                    f'The facts of value {number} of slot "{name}" must be field: value pairs.',
                )
        values[name] = tuple(v for v in slot_values if isinstance(v.facts, Mapping))
    return values


def check_image_kind(image_kind: Any, errors: Errors) -> str:
    """The image kind, or "none" in its place when it is not one the rulebook knows."""
    if image_kind in IMAGE_KINDS:
        return image_kind
    add_error(
        errors,
        "image_kind",
        f"The image kind {quote_value(image_kind)} is not one of "
        + ", ".join(f'"{kind}"' for kind in IMAGE_KINDS)
        + ".",
    )
    return "none"


def check_fixed_facts_shape(fixed: Any, errors: Errors) -> Mapping:
    """The fixed facts, or no facts in their place when they are not a mapping."""
    if isinstance(fixed, Mapping):
        return fixed
    add_error(
        errors,
        "fixed_facts",
        "The fixed facts must be field: value pairs, such as topic: burglary.",
    )
    return {}
