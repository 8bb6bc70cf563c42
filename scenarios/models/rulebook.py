"""The rulebook DMC owns: topics, green-listed sources and the special rules' parameters.

Each is a snippet with drafts, revisions and the moderation workflow. The row holds the
published values (drafts live in revisions), and every publish freezes the whole live
rulebook into a numbered RulebookVersion: the engine only ever reads that snapshot.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

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
        help_text="The section of the guidance that explains this row.",
    )
    amber_when_ksi = models.BooleanField(
        "amber when someone is killed or seriously injured", default=False
    )
    sentencing_window = models.BooleanField(
        "court sentencing window applies",
        default=False,
        help_text="Not released once the sentencing window (a rule parameter) has passed.",
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
    custody_image_last_resort = models.BooleanField(
        "a custody photo only as a last resort",
        default=False,
        help_text="Missing people: a custody photo is red; a family photo comes first. On "
        "other topics a custody photo counts as a suspect image.",
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
                FieldPanel("custody_image_last_resort"),
            ],
            heading="Special rules",
        ),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("slug"),
        index.AutocompleteField("name"),
    ]

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
    search_fields = [
        index.SearchField("name"),
        index.SearchField("slug"),
        index.AutocompleteField("name"),
    ]

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
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who wrote the change that was published.",
    )
    note = models.CharField(max_length=300, blank=True)
    snapshot = models.JSONField()

    class Meta:
        ordering = ["-number"]
        get_latest_by = "number"
        verbose_name = "published version"

    def __str__(self):
        return f"Rulebook version {self.number}"
