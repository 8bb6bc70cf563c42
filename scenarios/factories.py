"""Factories for scenario templates. The tests and the starter library share them.

Nothing here is random: keys and titles come from sequences, and a template built from a
``TemplateSpec`` is exactly what the spec says.
"""

import factory
from factory.django import DjangoModelFactory

from scenarios.authoring import format_facts, format_slot_values
from scenarios.generator import TemplateSpec
from scenarios.models import ScenarioTemplate, TemplateSlot


class TemplateSlotFactory(DjangoModelFactory):
    """One slot. ``ScenarioTemplateFactory`` builds its slots with this and saves them with
    the template; on its own it makes a slot on a new template of its own."""

    class Meta:
        model = TemplateSlot

    # Unpublished: a template with no slots yet generates nothing.
    template = factory.SubFactory(
        "scenarios.factories.ScenarioTemplateFactory", slots=(), publish=False
    )
    name = "ward"
    values = "Catford\nLee Green"
    sort_order = 0


class ScenarioTemplateFactory(DjangoModelFactory):
    """A template that generates questions, owned by the force (DMC), published.

    ``slots`` are (name, values) pairs in order, values in the admin's text format; ``tags``
    are tag names. ``publish=False`` saves it without publishing: no revision, and nothing
    for the bank. ``build()`` makes it unsaved, slots and tags included, as a preview does.
    """

    class Meta:
        model = ScenarioTemplate
        skip_postgeneration_save = True

    key = factory.Sequence(lambda n: f"template-{n}")
    title = factory.LazyAttribute(lambda t: f"Template {t.key}")
    text = "Officers in {ward} arrested a man after a burglary."
    fixed_facts = "topic: burglary"
    slots = (("ward", "Catford\nLee Green"),)
    tags = ()

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        kwargs["slots"] = [
            TemplateSlotFactory.build(template=None, name=name, values=values, sort_order=order)
            for order, (name, values) in enumerate(kwargs["slots"])
        ]
        return kwargs

    @classmethod
    def _build(cls, model_class, *args, tags=(), **kwargs):
        # A ClusterableModel takes its slots as a keyword and keeps them, and its tags, in
        # memory until it is saved: one save writes the template and its children together.
        template = model_class(*args, **kwargs)
        template.tags.set(list(tags))
        return template

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        template = cls._build(model_class, *args, **kwargs)
        template.save()
        return template

    @factory.post_generation
    def publish(self, create, extracted, **kwargs):
        # Publishing is what feeds the bank (scenarios.signals), so it is the default.
        if create and extracted is not False:
            self.save_revision().publish()
            self.refresh_from_db()  # publish() saves a copy: show its live revision here too

    @classmethod
    def spec_fields(cls, spec: TemplateSpec) -> dict:
        """The factory's arguments for the template ``spec`` describes."""
        return {
            "key": spec.key,
            "title": spec.title,
            "text": spec.text,
            "fixed_facts": format_facts(dict(spec.fixed_facts)),
            "image_kind": spec.image_kind,
            "account": spec.account,
            "difficulty": spec.difficulty,
            "slots": [(name, format_slot_values(values)) for name, values in spec.slots.items()],
            "tags": list(spec.tags),
        }

    @classmethod
    def from_spec(cls, spec: TemplateSpec, **overrides) -> ScenarioTemplate:
        """Save (and, unless ``publish=False``, publish) the template ``spec`` describes, as
        the starter library's files do. ``overrides`` are further factory arguments."""
        return cls.create(**{**cls.spec_fields(spec), **overrides})
