"""Who may see and manage which boroughs and units, decided once.

Every view, form, job and export that depends on who is asking goes through these, so a
borough SPOC never sees another borough. Scopes follow the permissions the roles carry (see
`roles.py`), not group names, so a new role only needs the right permissions.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from .models import Borough, Profile, Unit

SEES_OWN_BOROUGH = "organisation.view_own_borough"
SEES_SUPPORTED_BOROUGHS = "organisation.view_supported_boroughs"
SEES_UNITS = "organisation.view_units"
SEES_FORCE = "organisation.view_force"


def profile_of(user) -> Profile | None:
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.profile
    except Profile.DoesNotExist:
        return None


def boroughs_visible_to(user) -> QuerySet[Borough]:
    """The boroughs whose people and training this person may see."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Borough.objects.none()
    if user.is_superuser:
        return Borough.objects.all()
    profile = profile_of(user)
    if profile is None:
        return Borough.objects.none()
    pks: set[int] = set()
    if user.has_perm(SEES_OWN_BOROUGH) and profile.borough_id:
        pks.add(profile.borough_id)
    if user.has_perm(SEES_SUPPORTED_BOROUGHS):
        pks.update(profile.supported_boroughs.values_list("pk", flat=True))
    return Borough.objects.filter(pk__in=pks)


def units_visible_to(user) -> QuerySet[Unit]:
    """The specialist units whose people and training this person may see."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Unit.objects.none()
    if user.is_superuser or user.has_perm(SEES_UNITS):
        return Unit.objects.all()
    return Unit.objects.none()


def sees_force(user) -> bool:
    """Sees the whole force: every borough and unit, and the force's totals."""
    return bool(getattr(user, "is_authenticated", False)) and (
        user.is_superuser or user.has_perm(SEES_FORCE)
    )


def people_visible_to(user) -> QuerySet:
    """The people (users with a profile) whose training this person may see: their borough's,
    the boroughs they support, the units, or everyone, as their role allows. Never another
    borough's people for a SPOC; nobody for an officer (they see only their own records)."""
    return get_user_model().objects.filter(people_visible_where(user))


def people_visible_where(user, prefix: str = "") -> Q:
    """`people_visible_to` as a condition on users, or on the users `prefix` leads to (such as
    "person__" from a training record): a join the database plans far better over a large
    table than "person IN (a subquery)"."""
    people = Q(**{f"{prefix}is_active": True, f"{prefix}profile__isnull": False})
    if sees_force(user):
        return people
    boroughs = list(boroughs_visible_to(user).values_list("pk", flat=True))
    units = list(units_visible_to(user).values_list("pk", flat=True))
    if not boroughs and not units:
        return Q(**{f"{prefix}pk__in": []})
    return people & (
        Q(**{f"{prefix}profile__borough__in": boroughs})
        | Q(**{f"{prefix}profile__unit__in": units})
    )


def teams_visible_to(user) -> tuple[QuerySet[Borough], QuerySet[Unit]]:
    """The boroughs and units whose totals this person may see."""
    if sees_force(user):
        return Borough.objects.all(), Unit.objects.all()
    return boroughs_visible_to(user), units_visible_to(user)


def may_see_person(viewer, person) -> bool:
    return viewer.pk == person.pk or people_visible_to(viewer).filter(pk=person.pk).exists()
