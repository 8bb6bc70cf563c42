"""Who may change which scenario template.

A template belongs to a borough, a specialist unit, or the force as a whole (DMC). A borough
SPOC changes their own borough's templates, DMC Borough Support those of the boroughs it
supports, the DMC Social Media Team the units' and the force's; DMC editors, who sign templates
off, may correct any. Everyone who can author may view and copy any template. The scopes come
from `organisation.selectors`, the one place that decides who sees which borough.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from wagtail.permission_policies import ModelPermissionPolicy

from organisation.models import Borough, Unit
from organisation.selectors import boroughs_visible_to, units_visible_to

from .models import ScenarioTemplate
from .models.templates import FORCE_OWNER
from .role_permissions import FORCE_TEMPLATES

SIGN_OFF = "scenarios.publish_scenariotemplate"
FORCE = "force"
# Actions that change a template, and so depend on who owns it.
OWNED_ACTIONS = frozenset({"change", "delete", "publish", "lock", "unlock"})


@dataclass(frozen=True)
class Scope:
    """The owners whose templates one person may change."""

    everything: bool
    boroughs: frozenset[int]
    units: frozenset[int]
    force: bool

    def covers(self, template: ScenarioTemplate) -> bool:
        if self.everything:
            return True
        if template.owner_borough_id:
            return template.owner_borough_id in self.boroughs
        if template.owner_unit_id:
            return template.owner_unit_id in self.units
        return self.force

    def as_q(self) -> Q:
        if self.everything:
            return Q()
        q = Q(owner_borough__in=self.boroughs) | Q(owner_unit__in=self.units)
        if self.force:
            q |= Q(owner_borough__isnull=True, owner_unit__isnull=True)
        return q


def scope_of(user) -> Scope:
    """Computed once per request's user object: listings ask about every row."""
    cached = getattr(user, "_template_scope", None)
    if cached is not None:
        return cached
    if not getattr(user, "is_authenticated", False):
        scope = Scope(False, frozenset(), frozenset(), False)
    elif user.is_superuser or user.has_perm(SIGN_OFF):
        scope = Scope(True, frozenset(), frozenset(), True)
    else:
        scope = Scope(
            everything=False,
            boroughs=frozenset(boroughs_visible_to(user).values_list("pk", flat=True)),
            units=frozenset(units_visible_to(user).values_list("pk", flat=True)),
            force=user.has_perm(FORCE_TEMPLATES),
        )
    user._template_scope = scope
    return scope


def owner_choices(user, current: ScenarioTemplate | None = None) -> list[tuple[str, str]]:
    """The owners a person may give a template: ("force" | "borough:<pk>" | "unit:<pk>", name).
    A template's current owner stays a choice, so an editor can save it unchanged."""
    scope = scope_of(user)
    boroughs = Borough.objects.all() if scope.everything else Borough.objects.none()
    units = Unit.objects.all() if scope.everything else Unit.objects.none()
    if not scope.everything:
        boroughs = Borough.objects.filter(pk__in=scope.boroughs)
        units = Unit.objects.filter(pk__in=scope.units)
    choices = []
    if scope.force or (current is not None and current.pk and current.owner is None):
        choices.append((FORCE, FORCE_OWNER))
    choices += [(f"borough:{b.pk}", b.name) for b in boroughs.order_by("name")]
    choices += [(f"unit:{u.pk}", u.name) for u in units.order_by("name")]
    if current is not None and current.pk and owner_key(current) not in dict(choices):
        choices.append((owner_key(current), current.owner_label))
    return choices


def owner_key(template: ScenarioTemplate) -> str:
    if template.owner_borough_id:
        return f"borough:{template.owner_borough_id}"
    if template.owner_unit_id:
        return f"unit:{template.owner_unit_id}"
    return FORCE


def default_owner(user) -> str | None:
    """A new template belongs to the author's own borough, else their first borough or unit."""
    scope = scope_of(user)
    profile = getattr(user, "profile", None)
    if profile is not None and profile.borough_id in scope.boroughs:
        return f"borough:{profile.borough_id}"
    if scope.force:
        return FORCE
    choices = owner_choices(user)
    return choices[0][0] if choices else None


def set_owner(template: ScenarioTemplate, key: str) -> None:
    kind, _, pk = key.partition(":")
    template.owner_borough_id = int(pk) if kind == "borough" else None
    template.owner_unit_id = int(pk) if kind == "unit" else None


class TemplatePermissionPolicy(ModelPermissionPolicy):
    """Model permissions say what a role may do with templates at all; the owner decides
    which templates those changes may touch."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return action not in OWNED_ACTIONS or scope_of(user).covers(instance)

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        if not self.user_has_any_permission(user, actions):
            return ScenarioTemplate.objects.none()
        if any(action not in OWNED_ACTIONS for action in actions):
            return ScenarioTemplate.objects.all()
        return ScenarioTemplate.objects.filter(scope_of(user).as_q())
