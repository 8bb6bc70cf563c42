"""The rulebook DMC owns: topics, green-listed sources and the special rules' parameters.

Each is a snippet with drafts, revisions and the moderation workflow. The row holds the
published values (drafts live in revisions), and every publish freezes the whole live
rulebook into a numbered RulebookVersion: the engine only ever reads that snapshot.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from scenarios.forms import ScenarioTemplateForm
from scenarios.rules.types import AMBER, GREEN, RED

RATING_CHOICES = [(GREEN, "Green: go for it"), (AMBER, "Amber: ask DMC"), (RED, "Red: do not post")]


class RulebookEntry(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    class Meta:
        abstract = True


class Topic(RulebookEntry, index.Indexed):
    slug = models.SlugField(
        max_length=60, unique=True, help_text="The name draft checks and scenarios use."
    )
    name = models.CharField(max_length=160, help_text="As the RAG table shows it.")
    rating = models.CharField(max_length=5, choices=RATING_CHOICES)
    guidance_url = models.CharField(
        "guidance section",
        max_length=200,
        help_text="Where the guidance explains this row, e.g. /guidance/rag/#amber",
    )
    amber_when_ksi = models.BooleanField(
        "amber when someone is killed or seriously injured", default=False
    )
    sentencing_window = models.BooleanField(
        "one-week court rule applies",
        default=False,
        help_text="Not released once the sentencing window has passed.",
    )
    checks_source = models.BooleanField(
        "green only from a green-listed source",
        default=False,
        help_text="For retweets and links.",
    )
    press_bureau = models.BooleanField(
        "always goes to the Press Bureau",
        default=False,
        help_text="Major or critical incidents.",
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("rating"),
        FieldPanel("guidance_url"),
        MultiFieldPanel(
            [
                FieldPanel("amber_when_ksi"),
                FieldPanel("sentencing_window"),
                FieldPanel("checks_source"),
                FieldPanel("press_bureau"),
            ],
            heading="Special rules",
        ),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self):
        return f"{self.name} ({self.get_rating_display()})"

    def clean(self):
        super().clean()
        if self.guidance_url and not self.guidance_url.startswith("/guidance/"):
            raise ValidationError(
                {"guidance_url": "Link to a section of the guidance, starting /guidance/."}
            )


class GreenSource(RulebookEntry, index.Indexed):
    """An account or website whose content may be retweeted or linked without asking DMC."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=160)

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "green-listed source"

    def __str__(self):
        return self.name


class RuleParameters(RulebookEntry):
    """The numbers behind the special rules. There is one set."""

    sentencing_window_days = models.PositiveSmallIntegerField(
        default=7,
        validators=[MinValueValidator(0), MaxValueValidator(365)],
        help_text="Court results are not released more than this many days after sentencing.",
    )

    panels = [FieldPanel("sentencing_window_days")]

    class Meta:
        verbose_name = "rule parameters"
        verbose_name_plural = "rule parameters"

    def __str__(self):
        return "Rule parameters"

    def clean(self):
        super().clean()
        if RuleParameters.objects.exclude(pk=self.pk).exists():
            raise ValidationError("There is only one set of rule parameters: edit it instead.")


class RulebookVersion(models.Model):
    """A published rulebook, frozen. Numbers only go up."""

    number = models.PositiveIntegerField(unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    note = models.CharField(max_length=300, blank=True)
    snapshot = models.JSONField()

    class Meta:
        ordering = ["-number"]
        get_latest_by = "number"

    def __str__(self):
        return f"Rulebook version {self.number}"


# --------------------------------------------------------------------------- scenario templates

DIFFICULTY_CHOICES = [(1, "1: new officers"), (2, "2: knows the table"), (3, "3: near misses")]
IMAGE_KIND_CHOICES = [
    ("none", "No picture"),
    ("general", "General photo"),
    ("suspect", "Suspect or defendant"),
]


class ScenarioTemplateTag(TaggedItemBase):
    content_object = ParentalKey(
        "scenarios.ScenarioTemplate", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ScenarioTemplate(
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

    panels = [
        FieldPanel("title"),
        FieldPanel("key"),
        FieldPanel("text"),
        InlinePanel("slots", heading="Slots", label="Slot"),
        FieldPanel("fixed_facts"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_kind")], heading="Picture"),
        MultiFieldPanel([FieldPanel("borough"), FieldPanel("account")], heading="Account"),
        FieldPanel("tags"),
        FieldPanel("difficulty"),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("text")]
    base_form_class = ScenarioTemplateForm

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    def to_spec(self):
        """The one adapter from rows to the pure generator's input."""
        from scenarios.authoring import parse_facts_text, parse_slot_values
        from scenarios.generator import TemplateSpec

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
        return "scenarios/template_preview.html"

    def get_preview_context(self, request, mode_name):
        from scenarios.preview import preview_questions

        context = super().get_preview_context(request, mode_name)
        context.update(preview_questions(self))
        return context


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


# --------------------------------------------------------------------------- the question bank


class BankQuestion(models.Model):
    """A generated question, with the verdict and the rulebook version that graded it."""

    key = models.CharField(max_length=32, unique=True)
    template = models.ForeignKey(
        ScenarioTemplate, on_delete=models.CASCADE, related_name="questions"
    )
    text = models.TextField()
    facts = models.JSONField()
    topic = models.SlugField(max_length=60, db_index=True)
    rating = models.CharField(max_length=5, choices=RATING_CHOICES)
    correct_answer = models.CharField(max_length=60)
    explanation = models.TextField()
    reasons = models.JSONField()
    rulebook_version = models.PositiveIntegerField(db_index=True)
    active = models.BooleanField(
        default=True, help_text="False once its template no longer produces it."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = "bank question"

    def __str__(self):
        return self.text[:80]


class JobRun(models.Model):
    """One run of a bank job, with its progress, for the admin."""

    GENERATE = "generate"
    REGRADE = "regrade"
    KIND_CHOICES = [(GENERATE, "Generate the bank"), (REGRADE, "Re-grade the bank")]
    QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
    STATUS_CHOICES = [(s, s.capitalize()) for s in (QUEUED, RUNNING, DONE, FAILED)]

    kind = models.CharField(max_length=10, choices=KIND_CHOICES)
    status = models.CharField(max_length=10, choices=STATUS_CHOICES, default=QUEUED)
    rulebook_version = models.PositiveIntegerField(null=True, blank=True)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    changed = models.PositiveIntegerField(default=0)
    message = models.TextField(blank=True)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-pk"]
        verbose_name = "bank job"

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk} ({self.status})"

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


class AnswerChange(models.Model):
    """A bank question whose correct answer changed when a new rulebook was published."""

    question = models.ForeignKey(BankQuestion, on_delete=models.CASCADE, related_name="changes")
    from_version = models.PositiveIntegerField()
    to_version = models.PositiveIntegerField()
    old_rating = models.CharField(max_length=5, choices=RATING_CHOICES)
    new_rating = models.CharField(max_length=5, choices=RATING_CHOICES)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-to_version", "question_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["question", "to_version"], name="one_change_per_question_per_version"
            )
        ]

    def __str__(self):
        return f"{self.question}: {self.old_rating} → {self.new_rating} (v{self.to_version})"
