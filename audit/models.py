"""One audit entry per change that matters: who, when, what, and the before and after.

Entries are evidence: once written, nothing in the application changes or removes them. The
model refuses it (`save` of an existing row, `delete`, and the queryset's `update`/`delete`);
the admin offers only the list and the inspect view.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

PUBLISH = "publish"
UNPUBLISH = "unpublish"
DELETE_CONTENT = "content.delete"
RULEBOOK_PUBLISH = "rulebook.publish"
ROLES_CHANGE = "roles.change"
PROFILE_CHANGE = "profile.change"
ASSIGNMENT_CREATE = "assignment.create"
ASSIGNMENT_CHANGE = "assignment.change"
ASSIGNMENT_DELETE = "assignment.delete"
ANSWERS_REGRADE = "answers.regrade"
TOKEN_CREATE = "token.create"
TOKEN_REVOKE = "token.revoke"
EXPORT = "export.download"

ACTION_CHOICES = [
    (PUBLISH, "Published"),
    (UNPUBLISH, "Unpublished"),
    (DELETE_CONTENT, "Deleted"),
    (RULEBOOK_PUBLISH, "Rulebook version published"),
    (ROLES_CHANGE, "Roles changed"),
    (PROFILE_CHANGE, "Borough or unit changed"),
    (ASSIGNMENT_CREATE, "Training assigned"),
    (ASSIGNMENT_CHANGE, "Assignment changed"),
    (ASSIGNMENT_DELETE, "Assignment removed"),
    (ANSWERS_REGRADE, "Answers changed by a re-grade"),
    (TOKEN_CREATE, "API token created"),
    (TOKEN_REVOKE, "API token revoked"),
    (EXPORT, "Data exported"),
]


class AuditEntryChanged(Exception):
    """Raised on any attempt to change or remove an audit entry."""


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AuditEntryChanged("Audit entries cannot be changed.")

    def delete(self):
        raise AuditEntryChanged("Audit entries cannot be deleted.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AuditEntryChanged("Audit entries cannot be changed.")


class AuditEntry(models.Model):
    at = models.DateTimeField("when", default=timezone.now, db_index=True)
    # SET_NULL (Django's own cascade, not this model's queryset): removing a person keeps
    # what they did; `actor_name` still says who.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="who",
    )
    actor_name = models.CharField(
        "who (as recorded)", max_length=150, blank=True, help_text="Empty: the system did it."
    )
    action = models.CharField(max_length=40, choices=ACTION_CHOICES, db_index=True)
    object_type = models.CharField(max_length=100, blank=True, help_text="app_label.model")
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField("object", max_length=255, blank=True)
    summary = models.CharField(max_length=300, blank=True)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)

    objects = AuditQuerySet.as_manager()

    # Wagtail would index the actor link on every write (five more queries each): the log
    # is read by its own filters, never through "usage" of a person.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = "audit entry"
        verbose_name_plural = "audit entries"
        # Seen, never added, changed or deleted by hand.
        default_permissions = ("view",)
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object")]

    def __str__(self):
        who = self.actor_name or "system"
        return f"{self.get_action_display()}: {self.object_repr or self.summary} by {who}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AuditEntryChanged("Audit entries cannot be changed.")
        # Always an INSERT: a new object given an existing row's pk must not overwrite it.
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditEntryChanged("Audit entries cannot be deleted.")
