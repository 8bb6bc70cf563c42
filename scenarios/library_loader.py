"""Loads the starter library of templates into the admin, idempotently.

The library is data: one template file per template in ``scenarios/starter_library/`` (see its
README.md). A template is created when missing and never touched again: from then on it belongs
to the trainers, who may have edited it."""

from pathlib import Path

from django.db import transaction

from scenarios.authoring import format_facts, format_slot_values, read_library
from scenarios.models import ScenarioTemplate, TemplateSlot

STARTER_LIBRARY = Path(__file__).parent / "starter_library"


@transaction.atomic
def load_starter_library() -> dict[str, int]:
    counts = {"created": 0, "kept": 0}
    existing = set(ScenarioTemplate.objects.values_list("key", flat=True))
    for spec in read_library(STARTER_LIBRARY):
        if spec.key in existing:
            counts["kept"] += 1
            continue
        template = ScenarioTemplate(
            key=spec.key,
            title=spec.title,
            text=spec.text,
            fixed_facts=format_facts(dict(spec.fixed_facts)),
            image_kind=spec.image_kind,
            account=spec.account,
            difficulty=spec.difficulty,
        )
        template.slots = [
            TemplateSlot(name=name, values=format_slot_values(values), sort_order=order)
            for order, (name, values) in enumerate(spec.slots.items())
        ]
        template.tags.set(list(spec.tags))
        template.save()
        template.save_revision().publish()
        counts["created"] += 1
    return counts
