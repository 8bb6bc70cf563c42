"""Scenario templates: "would you post this?" posts with named slots, written by trainers.

A template belongs to an owner (a borough, a specialist unit, or the force as a whole, meaning
DMC), who decides who may change it (`scenarios.ownership`). Publishing goes through DMC
sign-off (the moderation workflow); only a live, approved template feeds the question bank.
"""

from django.core.validators import RegexValidator
from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from scenarios.authoring import parse_facts_text, parse_slot_values
from scenarios.generator import TemplateSpec

DIFFICULTY_CHOICES = [(1, "1: new officers"), (2, "2: knows the table"), (3, "3: near misses")]
IMAGE_KIND_CHOICES = [
    ("none", "No picture"),
    ("general", "General photo"),
    ("suspect", "Suspect or defendant"),
    ("custody", "Custody photograph"),
]
FORCE_OWNER = "The whole force (DMC)"


class ScenarioTemplateTag(TaggedItemBase):
    content_object = ParentalKey(
        "scenarios.ScenarioTemplate", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ScenarioTemplate(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    """A "would you post this?" post with named slots, written by a trainer."""

    title = models.CharField(max_length=160)
    key = models.SlugField(
        max_length=80, unique=True, help_text="A stable name for this template, e.g. ksi-crash."
    )
    text = models.TextField(
        "draft post",
        help_text="The post as it would appear, with slots in braces: "
        "Officers in {ward} arrested a {age}-year-old after {offence}.",
    )
    fixed_facts = models.TextField(
        blank=True,
        help_text="Facts true of every version, as name: value pairs, e.g. "
        "topic: burglary, in_public_domain: true",
    )
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    image_kind = models.CharField(
        "kind of picture", max_length=10, choices=IMAGE_KIND_CHOICES, default="none"
    )
    borough = models.ForeignKey(
        "organisation.Borough",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        help_text="The borough whose account it appears to come from.",
    )
    account = models.CharField(max_length=60, blank=True, help_text="e.g. @MPSLewisham")
    tags = ClusterTaggableManager(through=ScenarioTemplateTag, blank=True)
    difficulty = models.PositiveSmallIntegerField(choices=DIFFICULTY_CHOICES, default=1)
    # Who may change it. Neither set: the force's own (DMC's) template.
    owner_borough = models.ForeignKey(
        "organisation.Borough",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="owned_templates",
    )
    owner_unit = models.ForeignKey(
        "organisation.Unit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="owned_templates",
    )

    search_fields = [
        index.SearchField("title"),
        index.SearchField("text"),
        index.SearchField("key"),
        index.AutocompleteField("title"),
    ]

    class Meta:
        ordering = ["title"]
        permissions = [
            ("author_force_templates", "Write and change the force's own (DMC) templates"),
        ]
        constraints = [
            models.CheckConstraint(
                name="template_one_owner_at_most",
                condition=models.Q(owner_borough__isnull=True) | models.Q(owner_unit__isnull=True),
            )
        ]

    def __str__(self):
        return self.title

    @property
    def owner(self):
        """The borough or unit that owns it, or None for the force's own template."""
        return self.owner_borough or self.owner_unit

    @property
    def owner_label(self) -> str:
        return str(self.owner) if self.owner else FORCE_OWNER

    def to_spec(self) -> TemplateSpec:
        """The one adapter from rows to the pure generator's input."""
        return TemplateSpec(
            key=self.key,
            title=self.title,
            text=self.text,
            slots={slot.name: tuple(parse_slot_values(slot.values)) for slot in self.slots.all()},
            fixed_facts=parse_facts_text(self.fixed_facts),
            image_kind=self.image_kind,
            account=self.account,
            tags=tuple(sorted(tag.name for tag in self.tags.all())),
            difficulty=self.difficulty,
        )

    def get_preview_template(self, request, mode_name):
        # The template computes the generated questions itself (`scenario_preview` tags).
        return "scenarios/template_preview.html"


class TemplateSlot(Orderable):
    template = ParentalKey(ScenarioTemplate, on_delete=models.CASCADE, related_name="slots")
    name = models.CharField(
        max_length=40,
        validators=[
            RegexValidator(
                r"^[a-z_][a-z0-9_]*$",
                "Lower-case letters, digits and underscores, starting with a letter.",
            )
        ],
        help_text="As written in braces in the post, e.g. ward",
    )
    values = models.TextField(
        help_text="One value per line. A value may set facts after =>, e.g. "
        "a crash that left a cyclist seriously injured => topic: road-traffic-collision, ksi: true"
    )

    panels = [FieldPanel("name"), FieldPanel("values")]

    def __str__(self):
        return self.name
