"""Work meant for the job queue, written in the caller's transaction before it reaches Redis.

A row is the record that the work must happen: it commits (or rolls back) with whatever asked
for it, is handed to RQ after the commit, and is marked as it runs, so work is never lost while
Redis is down and a worker killed mid-job is noticed and the job run again."""

from django.db import models


class QueuedJob(models.Model):
    PENDING, QUEUED, STARTED, DONE, FAILED = "pending", "queued", "started", "done", "failed"
    STATE_CHOICES = [
        (PENDING, "Waiting for the queue"),
        (QUEUED, "On the queue"),
        (STARTED, "Running"),
        (DONE, "Done"),
        (FAILED, "Failed"),
    ]

    func = models.CharField(max_length=200, help_text="Dotted path of the job function.")
    kwargs = models.JSONField(default=dict, blank=True)
    queue = models.CharField(max_length=50, default="default")
    scheduled_at = models.DateTimeField(null=True, blank=True, help_text="Run no earlier.")
    state = models.CharField(max_length=10, choices=STATE_CHOICES, default=PENDING)
    attempts = models.PositiveIntegerField(default=0)
    rq_job_id = models.CharField(max_length=100, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    queued_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["state", "id"], name="outbox_state_pk")]

    def __str__(self):
        return f"{self.func} #{self.pk} ({self.state})"
