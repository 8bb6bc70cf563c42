"""Forms of the learner's and trainers' pages: checking a certificate code, assigning training.

Every choice a trainer is offered comes from the organisation selectors, so nobody outside
their scope is ever listed, and a forged choice is refused like any unknown one."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page

from courses.learner_selectors import is_code_shaped, normalise_code
from courses.models import CoursePage, ModulePage
from courses.models.assignments import DEFAULT_REFRESHER_MONTHS
from organisation.models import Borough, Unit
from organisation.roles import ROLES
from organisation.selectors import people_visible_to, sees_force, teams_visible_to

PERSON, BOROUGH, UNIT, FORCE = "person", "borough", "unit", "force"


class VerifyForm(forms.Form):
    code = forms.CharField(
        label="Certificate code",
        max_length=40,
        help_text="Ten letters and numbers, printed on the certificate, like ABCDE-FGHJK.",
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def clean_code(self) -> str:
        code = normalise_code(self.cleaned_data["code"])
        if not code:
            raise forms.ValidationError("Enter the code printed on the certificate.")
        if not is_code_shaped(code):
            raise forms.ValidationError(
                "A certificate code has only letters and numbers, like ABCDE-FGHJK."
            )
        return code


class PageChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, page) -> str:
        if page.specific_class is CoursePage:
            return f"Course: {page.title} (every module)"
        return f"— Module: {page.title}"


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, person) -> str:
        name = f"{person.last_name}, {person.first_name}".strip(", ") or person.get_username()
        return f"{name} ({person.get_username()}, {person.profile.home})"


class AssignmentForm(forms.Form):
    """What to assign, to whom, by when. The radio buttons say who; only the list that goes
    with the chosen answer is read, so the page works without JavaScript."""

    page = PageChoiceField(
        label="Training",
        queryset=Page.objects.none(),
        empty_label="Choose a course or a module",
        help_text="A course assigns every one of its modules.",
    )
    target = forms.ChoiceField(label="Who", widget=forms.RadioSelect)
    person = PersonChoiceField(
        label="Person",
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label="Choose",
    )
    borough = forms.ModelChoiceField(
        label="Borough", queryset=Borough.objects.none(), required=False, empty_label="Choose"
    )
    unit = forms.ModelChoiceField(
        label="Unit", queryset=Unit.objects.none(), required=False, empty_label="Choose"
    )
    role = forms.ModelChoiceField(
        label="Only people with this role (optional)",
        queryset=Group.objects.none(),
        required=False,
        empty_label="Everyone in it",
        help_text="For a borough, a unit or the whole force.",
    )
    due_date = forms.DateField(
        label="Due date",
        input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d %m %Y"],
        help_text="The last day to pass by (day/month/year).",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    refresher_months = forms.IntegerField(
        label="Refresher interval (months)",
        min_value=1,
        max_value=60,
        initial=DEFAULT_REFRESHER_MONTHS,
        help_text="A pass is valid this long; then a refresher is due.",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        boroughs, units = teams_visible_to(user)
        people = people_visible_to(user).select_related("profile__borough", "profile__unit")
        self.fields["page"].queryset = (
            Page.objects.live().type(CoursePage, ModulePage).order_by("path")
        )
        self.fields["person"].queryset = people.order_by("last_name", "first_name", "username")
        self.fields["borough"].queryset = boroughs
        self.fields["unit"].queryset = units
        self.fields["role"].queryset = Group.objects.filter(name__in=ROLES).order_by("name")
        targets = [(PERSON, "One person")]
        if boroughs.exists():
            targets.append((BOROUGH, "Everyone in a borough"))
        if units.exists():
            targets.append((UNIT, "Everyone in a unit"))
        if sees_force(user):
            targets.append((FORCE, "Everyone with a role, across the whole force"))
        self.fields["target"].choices = targets
        self.offers = {value for value, _ in targets}
        if len(targets) == 1:
            self.fields["target"].initial = PERSON

    def clean(self):
        cleaned = super().clean()
        target = cleaned.get("target")
        if target is None:
            return cleaned
        # Only the list that goes with the answer to "Who" counts; the others are ignored.
        for name in (PERSON, BOROUGH, UNIT):
            if name != target:
                cleaned[name] = None
        messages = {
            PERSON: "Choose the person.",
            BOROUGH: "Choose the borough.",
            UNIT: "Choose the unit.",
        }
        if target in messages and cleaned.get(target) is None and target not in self.errors:
            self.add_error(target, messages[target])
        if target == PERSON and cleaned.get("role") is not None:
            self.add_error("role", "Leave the role empty when you assign to one person.")
        if target == FORCE and cleaned.get("role") is None:
            self.add_error("role", "Choose a role: the whole force is assigned one role at a time.")
        return cleaned

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "page": data["page"],
            "person": data["person"],
            "borough": data["borough"],
            "unit": data["unit"],
            "role": data["role"],
            "due_date": data["due_date"],
            "refresher_months": data["refresher_months"],
        }
