"""An assignment changed or removed (its creation is recorded by `assignment_create`, which
knows who assigned it). A lazy sender: the audit app imports nothing from courses."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from audit.models import ASSIGNMENT_CHANGE, ASSIGNMENT_DELETE
from audit.services import acting_user, assignment_state, audit_record

ASSIGNMENT = "courses.Assignment"


@receiver(pre_save, sender=ASSIGNMENT)
def assignment_before(sender, instance, raw=False, **kwargs):
    if raw or instance._state.adding or instance.pk is None:
        return
    old = sender.objects.filter(pk=instance.pk).first()
    instance._audit_before = assignment_state(old) if old else None


@receiver(post_save, sender=ASSIGNMENT)
def assignment_changed(sender, instance, created, raw=False, **kwargs):
    # A new assignment is recorded by `assignment_create`, which knows who assigned it.
    if created or raw:
        return
    before = getattr(instance, "_audit_before", None)
    after = assignment_state(instance)
    if before == after:
        return
    audit_record(
        actor=acting_user(),
        action=ASSIGNMENT_CHANGE,
        obj=instance,
        before=before,
        after=after,
        summary=f"Changed assignment: {instance.page_title}",
    )


@receiver(post_delete, sender=ASSIGNMENT)
def assignment_removed(sender, instance, **kwargs):
    audit_record(
        actor=acting_user(),
        action=ASSIGNMENT_DELETE,
        obj=instance,
        object_repr=f"{instance.page_title} (assignment {instance.pk})",
        before=assignment_state(instance),
        after=None,
        summary=f"Removed assignment: {instance.page_title}",
    )
