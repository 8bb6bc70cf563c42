"""The question bank: generated questions, the jobs that keep it, and the answers a rulebook
change altered. Questions are evidence of what was asked: they are retired, never deleted, when
their template changes, is unpublished or is deleted."""

from django.db import models
from django.utils.text import Truncator

from .rulebook import RATING_CHOICES
from .templates import ScenarioTemplate


class BankQuestion(models.Model):
    """A generated question, with the verdict and the rulebook version that graded it."""

    key = models.CharField(max_length=32, unique=True)
    template = models.ForeignKey(
        ScenarioTemplate,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
        help_text="Empty once the template has been deleted; the question is kept.",
    )
    # Kept with the question so its history survives the template's deletion.
    template_key = models.SlugField(max_length=80, db_index=True, blank=True)
    text = models.TextField()
    facts = models.JSONField()
    topic = models.SlugField(max_length=60, db_index=True)
    rating = models.CharField(max_length=5, choices=RATING_CHOICES)
    correct_answer = models.CharField(max_length=60)
    explanation = models.TextField()
    reasons = models.JSONField()
    rulebook_version = models.PositiveIntegerField(db_index=True)
    active = models.BooleanField(
        default=True, help_text="False once retired: no longer drawn into quizzes."
    )
    retired_at = models.DateTimeField(null=True, blank=True)
    retired_reason = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = "bank question"
        verbose_name_plural = "question bank"

    def __str__(self):
        return Truncator(self.text).chars(80)


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
    reason = models.TextField(
        blank=True, help_text="Why the new answer is what it is: its deciding reasons."
    )
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
