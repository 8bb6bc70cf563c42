"""Attempts: evidence of what an officer was asked and what they answered.

Each question is copied as it was asked (text, account, picture, facts, verdict, rulebook
version), so no later edit to a template, the bank or the rulebook changes what someone was
asked or how they were graded. Nothing here is deleted by a trainer's edit: the links back to
the bank, the quiz and the module page are kept loose (SET_NULL / PROTECT).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from .quiz import MODE_CHOICES, PRACTICE, Quiz

IN_PROGRESS = "in_progress"
SUBMITTED = "submitted"
EXPIRED = "expired"
STATUS_CHOICES = [
    (IN_PROGRESS, "In progress"),
    (SUBMITTED, "Submitted"),
    (EXPIRED, "Closed when its time ran out"),
]

SCENARIO = "scenario"
FIXED = "fixed"
KIND_CHOICES = [(SCENARIO, "Would you post this?"), (FIXED, "Multiple choice")]


class Attempt(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="attempts"
    )
    quiz = models.ForeignKey(Quiz, on_delete=models.PROTECT, related_name="attempts")
    # The module page it was taken from, for progress; any page, so quizzes need no courses.
    module = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    mode = models.CharField(max_length=10, choices=MODE_CHOICES)
    status = models.CharField(max_length=12, choices=STATUS_CHOICES, default=IN_PROGRESS)
    number = models.PositiveSmallIntegerField(help_text="This person's nth attempt at the quiz.")
    seed = models.BigIntegerField(help_text="The seed of its question pool.")
    rulebook_version = models.PositiveIntegerField()
    # The quiz's marking as it was when the attempt started: later edits do not regrade it.
    settings = models.JSONField(default=dict)
    focus_rules = models.JSONField(
        default=list, blank=True, help_text="Rules this retake asks more about."
    )
    started_at = models.DateTimeField()
    deadline = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    points = models.PositiveIntegerField(default=0)
    max_points = models.PositiveIntegerField(default=0)
    score = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Per cent.")
    dangerous_mistakes = models.PositiveSmallIntegerField(default=0)
    contacts_right = models.PositiveSmallIntegerField(default=0)
    contacts_asked = models.PositiveSmallIntegerField(default=0)
    passed = models.BooleanField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        constraints = [
            # At most one unfinished attempt per person and quiz: starting again resumes it.
            models.UniqueConstraint(
                fields=["user", "quiz", "mode"],
                condition=Q(status=IN_PROGRESS),
                name="one_open_attempt_per_quiz_and_mode",
            ),
            models.UniqueConstraint(
                fields=["user", "quiz", "mode", "number"], name="attempt_numbers_unique"
            ),
        ]
        indexes = [models.Index(fields=["status", "deadline"])]

    def __str__(self):
        return f"{self.user} — {self.quiz} #{self.number} ({self.get_status_display()})"

    @property
    def is_open(self) -> bool:
        return self.status == IN_PROGRESS

    @property
    def is_practice(self) -> bool:
        return self.mode == PRACTICE


class AttemptQuestion(models.Model):
    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=10, choices=KIND_CHOICES)
    # Where it came from; kept loose so the question survives its source.
    bank_question = models.ForeignKey(
        "scenarios.BankQuestion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The question as asked.
    text = models.TextField()
    account_name = models.CharField(max_length=120, blank=True)
    account_handle = models.CharField(max_length=60, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    image_alt = models.CharField(max_length=400, blank=True)
    facts = models.JSONField(default=dict, blank=True)
    verdict = models.JSONField(
        default=dict, blank=True, help_text="rating, action, contact and reasons, as graded."
    )
    rules = models.JSONField(default=list, blank=True, help_text="The rules it tested.")
    choices = models.JSONField(default=list, blank=True)
    correct_choice = models.PositiveSmallIntegerField(null=True, blank=True)
    explanation = models.TextField(blank=True)
    guidance_url = models.CharField(max_length=200, blank=True)
    # The answer.
    answer_rating = models.CharField(max_length=5, blank=True)
    answer_contact = models.CharField(max_length=20, blank=True)
    answer_choice = models.PositiveSmallIntegerField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    # The grade.
    points = models.PositiveSmallIntegerField(null=True, blank=True)
    max_points = models.PositiveSmallIntegerField(default=0)
    correct = models.BooleanField(null=True, blank=True)
    contact_correct = models.BooleanField(null=True, blank=True)
    dangerous = models.BooleanField(default=False)

    class Meta:
        ordering = ["attempt", "position"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "position"], name="one_question_a_place")
        ]

    def __str__(self):
        return f"{self.attempt_id}/{self.position}: {self.text[:60]}"

    @property
    def answered(self) -> bool:
        return self.answered_at is not None

    @property
    def rating(self) -> str:
        return self.verdict.get("rating", "")
