"""The template factories: the tests and the starter library build templates with them."""

import dataclasses

import pytest

from scenarios.authoring import read_library
from scenarios.factories import ScenarioTemplateFactory, TemplateSlotFactory
from scenarios.library_loader import STARTER_LIBRARY
from scenarios.models import BankQuestion
from scenarios.models.templates import FORCE_OWNER

pytestmark = pytest.mark.django_db


def test_a_template_built_from_a_spec_reads_back_as_that_spec():
    for spec in read_library(STARTER_LIBRARY):
        template = ScenarioTemplateFactory.build(**ScenarioTemplateFactory.spec_fields(spec))
        assert template.pk is None
        assert template.to_spec() == dataclasses.replace(spec, tags=tuple(sorted(spec.tags)))


def test_the_default_template_is_the_forces_own_published_and_feeds_the_bank(run_queued_jobs):
    template = ScenarioTemplateFactory()
    run_queued_jobs()
    assert template.owner is None and template.owner_label == FORCE_OWNER
    assert template.live and template.live_revision_id
    assert [slot.name for slot in template.slots.all()] == ["ward"]
    assert BankQuestion.objects.filter(template=template).count() == 2  # Catford, Lee Green


def test_publish_false_saves_a_template_that_feeds_nothing(run_queued_jobs):
    template = ScenarioTemplateFactory(publish=False, tags=["arrest"])
    run_queued_jobs()
    assert template.pk and not template.revisions.exists()
    assert [tag.name for tag in template.tags.all()] == ["arrest"]
    assert not BankQuestion.objects.filter(template=template).exists()


def test_a_slot_made_on_its_own_comes_with_an_unpublished_template():
    slot = TemplateSlotFactory(name="age", values="19\n20")
    assert slot.pk and slot.template.pk
    assert not slot.template.revisions.exists()
    assert list(slot.template.slots.values_list("name", flat=True)) == ["age"]
