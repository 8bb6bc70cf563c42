"""A person's roles (group membership) and their borough or unit (Profile).

A form in the admin can change one person's roles or profile in several steps (Django's
`set()` removes, then adds): there the before is taken at the first step and one entry written
when Wagtail logs the edit, in the same transaction. Elsewhere (the shell, commands, the
admin's bulk "assign role") each change is written at once.
"""

from __future__ import annotations

from asgiref.local import Local
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.signals import request_finished
from django.db.models.signals import m2m_changed, post_save, pre_save
from django.dispatch import receiver
from wagtail.log_actions import get_active_log_context
from wagtail.models import ModelLogEntry

from audit.models import PROFILE_CHANGE, ROLES_CHANGE
from audit.services import acting_user, audit_record
from organisation.models import Profile

User = get_user_model()


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
    if not created or not _pending():
        return
    model = ContentType.objects.get_for_id(instance.content_type_id).model_class()
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
