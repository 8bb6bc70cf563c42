"""A quiz: which generated questions it draws (how many, on which topics, tags or rules), the
questions written by hand, and how it is marked. Set in the admin, signed off like the guidance.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

PRACTICE = "practice"
ASSESSED = "assessed"
MODE_CHOICES = [
    (PRACTICE, "Practice: the verdict after each answer, never counted"),
    (ASSESSED, "Assessed: feedback once submitted, counted"),
]
CORRECT_MARK = "*"  # the right choice of a fixed question starts with this


class Quiz(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel
):
    title = models.CharField(max_length=160)
    mode = models.CharField(max_length=10, choices=MODE_CHOICES, default=ASSESSED)
    question_count = models.PositiveSmallIntegerField(
        "generated questions",
        default=10,
        validators=[MaxValueValidator(100)],
        help_text="How many “would you post this?” questions to draw from the bank.",
    )
    topics = ParentalManyToManyField(
        "scenarios.Topic",
        blank=True,
        related_name="+",
        help_text="Draw only questions on these topics. None: every topic.",
    )
    tags = models.CharField(
        max_length=300,
        blank=True,
        help_text="Draw only questions from templates with one of these tags, comma-separated "
        "(e.g. near-miss:sentencing, images). Empty: any.",
    )
    rules = models.JSONField(
        default=list,
        blank=True,
        help_text="Draw only questions testing one of these rules. Empty: any rule.",
    )
    pass_mark = models.PositiveSmallIntegerField(
        "pass mark (%)", default=80, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        default=0, help_text="Assessed attempts each person may make. 0: no limit."
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        "time limit (minutes)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(600)],
        help_text="Empty: no time limit. Enforced on the server.",
    )
    shuffle = models.BooleanField(
        default=True, help_text="Shuffle the order of the questions for each attempt."
    )
    ask_contact = models.BooleanField(
        "also ask who to contact",
        default=False,
        help_text="For items that are not green, also ask who to contact (DMC or the Press "
        "Bureau); scored apart from the rating.",
    )
    fail_on_dangerous = models.BooleanField(
        "one dangerous mistake fails",
        default=False,
        help_text="Fail the attempt if the officer would have posted a red item (“Go for it!”).",
    )

    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        ordering = ["title"]
        verbose_name_plural = "quizzes"

    def __str__(self):
        return self.title

    def tag_list(self) -> list[str]:
        return [tag.strip() for tag in self.tags.split(",") if tag.strip()]


def parse_choices(text: str) -> tuple[list[str], int | None]:
    """Choices one per line, the right one starting with "*": (choices, index of the right one)."""
    choices, correct = [], []
    for line in (text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith(CORRECT_MARK):
            correct.append(len(choices))
            line = line[len(CORRECT_MARK) :].strip()
        choices.append(line)
    return choices, (correct[0] if len(correct) == 1 else None)


class FixedQuestion(Orderable):
    """A multiple-choice question written by hand ("Who do you call at 2 am about a breaking
    major incident?")."""

    quiz = ParentalKey(Quiz, on_delete=models.CASCADE, related_name="fixed_questions")
    text = models.TextField("question")
    choices = models.TextField(
        help_text="One choice per line; start the right one with * (e.g. * The Press Bureau)."
    )
    explanation = models.TextField(help_text="Why the right answer is right, for the feedback.")
    guidance_url = models.CharField(
        "guidance section",
        max_length=200,
        blank=True,
        help_text="Where the guidance explains it, e.g. /guidance/roles/#press-bureau",
    )

    panels = [
        FieldPanel("text"),
        FieldPanel("choices"),
        FieldPanel("explanation"),
        FieldPanel("guidance_url"),
    ]

    def __str__(self):
        return self.text[:80]

    def clean(self):
        super().clean()
        choices, correct = parse_choices(self.choices)
        if len(choices) < 2:
            raise ValidationError({"choices": "Give at least two choices, one per line."})
        if correct is None:
            raise ValidationError(
                {"choices": "Mark exactly one choice as right by starting it with *."}
            )
        if self.guidance_url and not self.guidance_url.startswith("/guidance/"):
            raise ValidationError(
                {"guidance_url": "Link to a section of the guidance, starting /guidance/."}
            )
