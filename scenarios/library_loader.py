"""Loads the starter library of templates into the admin, idempotently.

The library is data: one template file per template in ``scenarios/starter_library/`` (see its
README.md). A template is created when missing and never touched again: from then on it belongs
to the trainers, who may have edited it."""

from pathlib import Path

from django.db import transaction

from scenarios.authoring import read_library
from scenarios.factories import ScenarioTemplateFactory
from scenarios.models import ScenarioTemplate
from scenarios.topic_model import training_held

STARTER_LIBRARY = Path(__file__).parent / "starter_library"


def load_starter_library() -> dict[str, int]:
    # Each template published generates its questions; the topic model trains once, after.
    with training_held():
        return _load()


@transaction.atomic
def _load() -> dict[str, int]:
    counts = {"created": 0, "kept": 0}
    existing = set(ScenarioTemplate.objects.values_list("key", flat=True))
    for spec in read_library(STARTER_LIBRARY):
        if spec.key in existing:
            counts["kept"] += 1
            continue
        # The tests build templates with the same factory. No owner: the force's (DMC's) own.
        ScenarioTemplateFactory.from_spec(spec, owner_borough=None, owner_unit=None, publish=True)
        counts["created"] += 1
    return counts
