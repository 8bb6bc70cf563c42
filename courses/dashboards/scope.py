"""Whose training a trainer's dashboard covers: the people, boroughs and units that
`organisation.selectors` lets them see, narrowed to one team when they pick one. Nothing here
widens a scope: a team outside it is refused by the filter form before it gets here, and the
people are always those the selectors allow."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils.text import slugify

from organisation.selectors import (
    SEES_FORCE,
    SEES_OWN_BOROUGH,
    SEES_SUPPORTED_BOROUGHS,
    SEES_UNITS,
    people_visible_where,
    sees_force,
    teams_visible_to,
)

TRAINER_PERMISSIONS = (SEES_OWN_BOROUGH, SEES_SUPPORTED_BOROUGHS, SEES_UNITS, SEES_FORCE)
BOROUGH, UNIT = "borough", "unit"


def is_trainer(user) -> bool:
    """Sees other people's training: SPOCs, DMC Borough Support, the Social Media Team (and
    administrators). Officers, the Press Bureau and editors do not."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or any(user.has_perm(perm) for perm in TRAINER_PERMISSIONS)


@dataclass(frozen=True)
class Team:
    kind: str  # BOROUGH or UNIT
    pk: int
    slug: str
    name: str

    @property
    def key(self) -> str:
        """Its value in the team filter: borough and unit slugs may coincide."""
        return f"{self.kind}-{self.slug}"

    @property
    def kind_label(self) -> str:
        return "Borough" if self.kind == BOROUGH else "Unit"

    def people_q(self, prefix: str = "") -> Q:
        return Q(**{f"{prefix}profile__{self.kind}_id": self.pk})


@dataclass(frozen=True)
class Scope:
    label: str
    # The people, as `people_visible_to` (and the team) allow: a condition on the users a
    # given lookup prefix leads to ("" for users themselves, "person__" from a record).
    where: Callable[[str], Q]
    teams: tuple[Team, ...]
    force: bool = False
    team: Team | None = None  # the one team picked in the filter

    @property
    def people(self) -> QuerySet:
        return get_user_model().objects.filter(self.where(""))

    @property
    def slug(self) -> str:
        """For file names: the team, the borough, or "force"."""
        return slugify(self.label)[:60] or "scope"

    def narrowed_to(self, team: Team | None) -> Scope:
        if team is None:
            return self
        if team not in self.teams:
            raise ValueError("That team is not in this scope.")
        return Scope(
            label=team.name,
            where=lambda prefix: self.where(prefix) & team.people_q(prefix),
            teams=(team,),
            force=False,
            team=team,
        )

    def team_of(self, borough_id: int | None, unit_id: int | None) -> Team | None:
        for team in self.teams:
            if (team.kind == BOROUGH and team.pk == borough_id) or (
                team.kind == UNIT and team.pk == unit_id
            ):
                return team
        return None


def _label(teams: tuple[Team, ...], force: bool) -> str:
    if force:
        return "Whole force"
    names = [team.name for team in teams]
    if not names:
        return "Nobody"
    if len(names) == 1:
        return names[0]
    if len(names) <= 4:
        return ", ".join(names[:-1]) + " and " + names[-1]
    return f"{len(names)} boroughs and units"


def scope_of(user) -> Scope:
    """The trainer's whole scope. Three or four queries whatever the size of the force."""
    boroughs, units = teams_visible_to(user)
    teams = tuple(
        [Team(BOROUGH, b.pk, b.slug, b.name) for b in boroughs.order_by("name")]
        + [Team(UNIT, u.pk, u.slug, u.name) for u in units.order_by("name")]
    )
    force = sees_force(user)
    return Scope(
        label=_label(teams, force),
        where=partial(people_visible_where, user),
        teams=teams,
        force=force,
    )
