"""Entries that follow model signals, so the apps that make the changes need not know about
the audit log: publishing (Wagtail's `published`/`unpublished`), rulebook versions, people's
roles and borough or unit, assignments changed or removed, answers a re-grade changed.

Each entry is written inside the signal, so in the transaction of the change it records.

Who acted: inside the admin, Wagtail's log context names the person. A form in the admin can
change one person's roles or profile in several steps (Django's `set()` removes, then adds);
there the before is taken at the first step and the one entry written when Wagtail logs the
edit, in the same transaction. Elsewhere (the shell, commands, bulk actions) each change is
written at once.
"""

from __future__ import annotations

from asgiref.local import Local
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.signals import request_finished
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from wagtail.log_actions import get_active_log_context
from wagtail.models import ModelLogEntry
from wagtail.signals import published, unpublished

from organisation.models import Profile
from scenarios.jobs import bank_regraded
from scenarios.models import AnswerChange

from .models import (
    ANSWERS_REGRADE,
    ASSIGNMENT_CHANGE,
    ASSIGNMENT_DELETE,
    DELETE_CONTENT,
    PROFILE_CHANGE,
    PUBLISH,
    ROLES_CHANGE,
    RULEBOOK_PUBLISH,
    UNPUBLISH,
    AuditEntry,
)
from .services import acting_user, assignment_state, audit_record

User = get_user_model()

# Rulebook entries are published as snippets too, but what counts is the version they make.
RULEBOOK_ENTRIES = {"scenarios.topic", "scenarios.greensource", "scenarios.ruleparameters"}
ASSIGNMENT = "courses.Assignment"
QUESTIONS_LISTED = 1000  # a re-grade entry names at most this many questions


# --------------------------------------------------------------------------- publishing


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
    if AuditEntry.objects.filter(
        action=ANSWERS_REGRADE, object_type=from_label, object_id=str(version)
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
        object_id=version,
        object_repr=f"Rulebook version {version}",
        before={"answers": {str(q): old for q, old, _, _ in listed}},
        after={
            "answers": {str(q): new for q, _, new, _ in listed},
            "changed": len(changes),
            "by_change": counts,
        },
        summary=f"The re-grade for rulebook version {version} changed {len(changes)} answers",
    )


# --------------------------------------------------------------------------- assignments


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


# --------------------------------------------------------------------------- people


class _Tracked:
    """A kind of change to a person recorded with its before and after state."""

    def __init__(self, label: str, action: str, what: str):
        self.label, self.action, self.what = label, action, what

    def state(self, pk) -> object:
        raise NotImplementedError

    def name(self, pk) -> str:
        raise NotImplementedError


class _Roles(_Tracked):
    def state(self, pk):
        return sorted(Group.objects.filter(user__pk=pk).values_list("name", flat=True))

    def name(self, pk):
        return User.objects.filter(pk=pk).values_list(User.USERNAME_FIELD, flat=True).first()


class _Profile(_Tracked):
    def state(self, pk):
        from_db = (
            Profile.objects.filter(pk=pk).values("user_id", "borough__name", "unit__name").first()
        )
        if from_db is None:
            return None
        boroughs = Profile.supported_boroughs.through.objects.filter(profile_id=pk)
        return {
            "borough": from_db["borough__name"],
            "unit": from_db["unit__name"],
            "supported_boroughs": sorted(boroughs.values_list("borough__name", flat=True)),
        }

    def name(self, pk):
        return (
            Profile.objects.filter(pk=pk)
            .values_list(f"user__{User.USERNAME_FIELD}", flat=True)
            .first()
        )


ROLES = _Roles(User._meta.label_lower, ROLES_CHANGE, "roles")
PROFILES = _Profile("organisation.profile", PROFILE_CHANGE, "borough or unit")
_NOT_YET = object()  # a profile being created has no before

_local = Local()


def _pending() -> dict:
    if not hasattr(_local, "pending"):
        _local.pending = {}
    return _local.pending


def _begin(tracked: _Tracked, pk, before=_NOT_YET) -> None:
    key = (tracked.label, str(pk))
    if key not in _pending():
        _pending()[key] = (tracked, tracked.state(pk) if before is _NOT_YET else before)


def _write(tracked: _Tracked, pk, before) -> None:
    after = tracked.state(pk)
    if before == after:
        return
    name = tracked.name(pk) or str(pk)
    audit_record(
        actor=acting_user(),
        action=tracked.action,
        object_type=tracked.label,
        object_id=pk,
        object_repr=name,
        before=before,
        after=after,
        summary=f"Changed the {tracked.what} of {name}",
    )


def _finish(tracked: _Tracked, pk, *, defer: bool) -> None:
    """Write the change now, or leave it for Wagtail's log entry of the admin's edit."""
    if defer and get_active_log_context().user is not None:
        return
    found = _pending().pop((tracked.label, str(pk)), None)
    if found is not None:
        _write(tracked, pk, found[1])


@receiver(m2m_changed, sender=User.groups.through)
def roles_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if reverse:
        # From a group's side (the admin's bulk "assign role"): each person at once.
        ids = sorted(pk_set) if pk_set is not None else None
        if ids is None:
            ids = list(instance.user_set.values_list("pk", flat=True))
    else:
        ids = [instance.pk]
    if action.startswith("pre_"):
        for pk in ids:
            _begin(ROLES, pk)
    else:
        for pk in ids:
            _finish(ROLES, pk, defer=not reverse)


@receiver(pre_save, sender=Profile)
def profile_before(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if instance.pk is None or instance._state.adding:
        instance._audit_new = True
        return
    _begin(PROFILES, instance.pk)


@receiver(post_save, sender=Profile)
def profile_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    if created:
        _begin(PROFILES, instance.pk, before=None)
    _finish(PROFILES, instance.pk, defer=True)


@receiver(m2m_changed, sender=Profile.supported_boroughs.through)
def supported_boroughs_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if reverse:
        ids = (
            sorted(pk_set)
            if pk_set is not None
            else list(instance.supporters.values_list("pk", flat=True))
        )
    else:
        ids = [instance.pk]
    if action.startswith("pre_"):
        for pk in ids:
            _begin(PROFILES, pk)
    else:
        for pk in ids:
            _finish(PROFILES, pk, defer=not reverse)


@receiver(post_save, sender=ModelLogEntry)
def admin_edit_logged(sender, instance, created, **kwargs):
    """The admin logged its edit of a person or profile: in the same transaction, the changes
    its form made become one entry each."""
    if not created:
        return
    model = instance.content_type.model_class()
    if model is None:
        return
    key = (model._meta.label_lower, str(instance.object_id))
    found = _pending().pop(key, None)
    if found is not None:
        _write(found[0], instance.object_id, found[1])


@receiver(request_finished)
def leftovers_written(sender, **kwargs):
    # A change the admin made without logging an edit: recorded all the same, if late.
    pending = _pending()
    while pending:
        (label, pk), (tracked, before) = pending.popitem()
        _write(tracked, pk, before)
