"""Publishing: pages, templates and quizzes (Wagtail's `published`/`unpublished`), a
template's deletion, each rulebook version, and the answers a re-grade changed."""

from __future__ import annotations

from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver
from wagtail.signals import published, unpublished

from audit.models import (
    ANSWERS_REGRADE,
    DELETE_CONTENT,
    PUBLISH,
    RULEBOOK_PUBLISH,
    UNPUBLISH,
    AuditEntry,
)
from audit.services import acting_user, audit_record
from scenarios.jobs import bank_regraded
from scenarios.models import AnswerChange, RulebookVersion

# Rulebook entries are published as snippets too, but what counts is the version they make.
RULEBOOK_ENTRIES = {"scenarios.topic", "scenarios.greensource", "scenarios.ruleparameters"}
QUESTIONS_LISTED = 1000  # a re-grade entry names at most this many questions


def _last_state(obj) -> dict | None:
    """What the previous publish or unpublish of this object left, as its entry says."""
    last = (
        AuditEntry.objects.filter(
            object_type=obj._meta.label_lower,
            object_id=str(obj.pk),
            action__in=(PUBLISH, UNPUBLISH),
        )
        .order_by("-at", "-pk")
        .values_list("after", flat=True)
        .first()
    )
    return last


def _recorded_kind(sender, instance) -> bool:
    if sender._meta.label_lower in RULEBOOK_ENTRIES:
        return False
    return getattr(instance, "alias_of_id", None) is None  # an alias follows its original


@receiver(published)
def content_published(sender, instance, revision=None, **kwargs):
    if not _recorded_kind(sender, instance):
        return
    audit_record(
        actor=acting_user(),
        action=PUBLISH,
        obj=instance,
        before=_last_state(instance),
        after={"live": True, "title": str(instance), "revision": getattr(revision, "pk", None)},
        summary=f"Published {instance._meta.verbose_name} “{instance}”",
    )


@receiver(unpublished)
def content_unpublished(sender, instance, **kwargs):
    if not _recorded_kind(sender, instance):
        return
    audit_record(
        actor=acting_user(),
        action=UNPUBLISH,
        obj=instance,
        before=_last_state(instance),
        after={"live": False, "title": str(instance)},
        summary=f"Unpublished {instance._meta.verbose_name} “{instance}”",
    )


@receiver(pre_delete, sender="scenarios.ScenarioTemplate")
def template_deleted(sender, instance, **kwargs):
    # Deleting a template retires its questions: the last step of its life, recorded.
    audit_record(
        actor=acting_user(),
        action=DELETE_CONTENT,
        obj=instance,
        before=_last_state(instance),
        after=None,
        summary=f"Deleted scenario template “{instance}”",
    )


@receiver(post_save, sender="scenarios.RulebookVersion")
def rulebook_version_made(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    previous = (
        sender.objects.filter(number__lt=instance.number)
        .order_by("-number")
        .values("number", "note")
        .first()
    )
    audit_record(
        actor=acting_user(default=instance.published_by),
        action=RULEBOOK_PUBLISH,
        obj=instance,
        before=previous,
        after={"number": instance.number, "note": instance.note},
        summary=f"Rulebook version {instance.number}: {instance.note}",
    )


@receiver(bank_regraded)
def answers_regraded(sender, version, **kwargs):
    """The answers a new rulebook version changed, once the re-grade has finished (it commits
    in chunks; this names what all of them committed). One entry per version, however often
    the job is run again."""
    from_label = "scenarios.rulebookversion"
    # Named by the version's id, as its publish entry is; the number is in the summary.
    version_id = RulebookVersion.objects.filter(number=version).values_list("pk", flat=True).first()
    if AuditEntry.objects.filter(
        action=ANSWERS_REGRADE, object_type=from_label, object_id=str(version_id)
    ).exists():
        return
    changes = list(
        AnswerChange.objects.filter(to_version=version)
        .order_by("question_id")
        .values_list("question_id", "old_rating", "new_rating", "from_version")
    )
    if not changes:
        return
    counts: dict[str, int] = {}
    for _, old, new, _ in changes:
        counts[f"{old} → {new}"] = counts.get(f"{old} → {new}", 0) + 1
    listed = changes[:QUESTIONS_LISTED]
    audit_record(
        actor=None,
        action=ANSWERS_REGRADE,
        object_type=from_label,
        object_id=version_id,
        object_repr=f"Rulebook version {version}",
        before={"answers": {str(q): old for q, old, _, _ in listed}},
        after={
            "answers": {str(q): new for q, _, new, _ in listed},
            "changed": len(changes),
            "by_change": counts,
        },
        summary=f"The re-grade for rulebook version {version} changed {len(changes)} answers",
    )
