"""The dashboards' filters: module, period and team, as a plain GET form. A value that is not
one of the choices (a module that does not exist, a team outside the trainer's scope, a period
nobody offers) is reported in words and replaced by the default, never a 500."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django import forms

from .scope import Scope, Team
from .selectors import Module
from .status_sql import start_of

MONTH, WEEK = "month", "week"


@dataclass(frozen=True)
class Period:
    value: str
    label: str
    days: int
    bucket: str  # how trends are grouped over it

    def first_day(self, today: date) -> date:
        """The first day counted: today is the last of `days` days."""
        return today - timedelta(days=self.days - 1)

    def since(self, today: date) -> datetime:
        return start_of(self.first_day(today))


# The default comes first: a value the form refuses shows as the first choice, which is then
# what the page really used.
PERIODS = (
    Period("365", "Last 12 months", 365, MONTH),
    Period("90", "Last 90 days", 90, WEEK),
    Period("30", "Last 30 days", 30, WEEK),
)
DEFAULT_PERIOD = PERIODS[0]


@dataclass(frozen=True)
class Filters:
    module: Module | None = None
    period: Period = DEFAULT_PERIOD
    team: Team | None = None

    def query(self) -> dict[str, str]:
        """The filters as GET parameters, for links to the other pages and the CSV files."""
        params = {"period": self.period.value}
        if self.module is not None:
            params["module"] = str(self.module.pk)
        if self.team is not None:
            params["team"] = self.team.key
        return params


class FilterForm(forms.Form):
    module = forms.ChoiceField(
        required=False,
        error_messages={"invalid_choice": "There is no such module: choose one from the list."},
    )
    period = forms.ChoiceField(
        required=False,
        choices=[(p.value, p.label) for p in PERIODS],
        help_text="For passes over time and the rules people get wrong.",
        error_messages={"invalid_choice": "Choose one of the periods in the list."},
    )
    team = forms.ChoiceField(
        label="Borough or unit",
        required=False,
        error_messages={
            "invalid_choice": "You can only choose a borough or unit whose training you see."
        },
    )

    def __init__(self, data, *, modules: list[Module], scope: Scope):
        # Only the keys the form knows: other parameters (page=…) are left to the view.
        known = {name: data.get(name, "") for name in ("module", "period", "team")}
        super().__init__(known)
        self.modules = {str(m.pk): m for m in modules}
        self.teams = {team.key: team for team in scope.teams}
        self.fields["module"].choices = [("", "All modules")] + [
            (key, m.label) for key, m in self.modules.items()
        ]
        self.fields["team"].choices = [("", f"All: {scope.label}")] + [
            (key, f"{team.name} ({team.kind_label.lower()})") for key, team in self.teams.items()
        ]
        self.fields["period"].widget.attrs["aria-describedby"] = "period-hint"
        self.show_team = len(scope.teams) > 1

    def filters(self) -> Filters:
        """The valid choices; the default wherever a value was not valid."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        period = {p.value: p for p in PERIODS}.get(cleaned.get("period") or "", DEFAULT_PERIOD)
        return Filters(
            module=self.modules.get(cleaned.get("module") or ""),
            period=period,
            team=self.teams.get(cleaned.get("team") or ""),
        )
