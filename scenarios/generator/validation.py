"""``validate_template``: every problem with a template, as plain-English messages by field.

The checks run in a fixed order (text, slots, slot values, image kind, facts) so the messages
come out in the same order every time; ``shape_checks`` and ``fact_checks`` hold them.
"""

from __future__ import annotations

from scenarios.generator.fact_checks import check_facts
from scenarios.generator.messages import Errors
from scenarios.generator.shape_checks import (
    check_fixed_facts_shape,
    check_image_kind,
    check_slot_names,
    check_slot_values,
    check_text,
)
from scenarios.generator.spec import TemplateSpec
from scenarios.rules.types import Rulebook


def validate_template(spec: TemplateSpec, rulebook: Rulebook) -> dict[str, list[str]]:
    """Every problem with a template, as field name -> plain-English messages.

    Field names are "text", "slots", "slots.<name>", "fixed_facts" and "image_kind". An
    empty dict means the template is valid: its text renders and at least one combination of
    slot values gives facts the RAG contract accepts.
    """
    errors: Errors = {}
    parts, text_readable = check_text(spec, errors)
    slots = check_slot_names(spec, parts, text_readable, errors)
    values = check_slot_values(slots, errors)
    image_kind = check_image_kind(spec.image_kind, errors)
    fixed = check_fixed_facts_shape(spec.fixed_facts, errors)
    check_facts(fixed, values, image_kind, rulebook, errors)
    return errors
