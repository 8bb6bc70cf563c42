"""Each person's standing with each module: assigned (by when), started, passed (until when),
and certificates that prove a pass. Kept up to date by `courses.progress_records` from the
attempts and lesson views, so dashboards count rows instead of replaying history."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread on paper


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))


class TrainingRecord(models.Model):
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="training_records"
    )
    module = models.ForeignKey(
        "courses.ModulePage", null=True, on_delete=models.SET_NULL, related_name="records"
    )
    module_title = models.CharField(max_length=255)
    # Assigned: the earliest due date of the assignments that cover it (none: taken freely).
    assignment = models.ForeignKey(
        "courses.Assignment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    due_date = models.DateField(null=True, blank=True)
    refresher_months = models.PositiveSmallIntegerField(default=12)
    started_at = models.DateTimeField(null=True, blank=True)
    passed_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    best_score = models.PositiveSmallIntegerField(null=True, blank=True)
    # A rulebook change made a rule this pass relied on grade differently: a short refresher
    # on those rules is due (rule ids).
    refresher_rules = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["module_title", "person_id"]
        constraints = [
            models.UniqueConstraint(fields=["person", "module"], name="one_record_a_module")
        ]
        indexes = [
            models.Index(fields=["module", "due_date"]),
            models.Index(fields=["module", "expires_at"]),
        ]

    def __str__(self):
        return f"{self.person} — {self.module_title}"


class Certificate(models.Model):
    """Proof of a pass, checked by anyone at its verification address."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="certificates"
    )
    module = models.ForeignKey(
        "courses.ModulePage", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    module_title = models.CharField(max_length=255)
    attempt = models.OneToOneField(
        "quizzes.Attempt", null=True, on_delete=models.SET_NULL, related_name="certificate"
    )
    code = models.CharField(max_length=12, unique=True, default=new_code)
    score = models.PositiveSmallIntegerField()
    issued_at = models.DateTimeField()
    expires_at = models.DateTimeField()

    class Meta:
        ordering = ["-issued_at"]

    def __str__(self):
        return f"{self.module_title}: {self.person} ({self.code})"
