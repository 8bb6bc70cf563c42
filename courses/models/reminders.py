"""Reminders already sent, so none is sent twice: one row per training record and stage (the
date the stage is about is part of it), and one per trainer and week for the digest.

A row is written (claimed) before its email goes out: whoever inserts it sends, and a second
worker running at the same time fails on the unique constraint and sends nothing."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class ReminderSent(models.Model):
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # Empty for a trainer's weekly digest, which is about many records.
    record = models.ForeignKey(
        "courses.TrainingRecord",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    stage = models.CharField(
        max_length=40,
        help_text="What it was about, with its date: due:2026-12-01, overdue:2026-12-01, "
        "expiring:2027-03-04, digest:2026-W49.",
    )
    sent_at = models.DateTimeField()

    class Meta:
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["record", "stage"], name="one_reminder_a_stage"),
            models.UniqueConstraint(
                fields=["person", "stage"],
                condition=Q(record__isnull=True),
                name="one_digest_a_week",
            ),
        ]

    def __str__(self):
        return f"{self.stage} to {self.person} ({self.sent_at:%d %b %Y})"
