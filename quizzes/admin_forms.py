"""The quiz editor's form: the rules to draw from are chosen from the engine's rules, and a
quiz needs at least one question."""

from __future__ import annotations

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from scenarios.rules import RULE_IDS, RULE_TITLES


class QuizForm(WagtailAdminModelForm):
    rules = forms.MultipleChoiceField(
        label="Rules",
        choices=[(rule, RULE_TITLES[rule]) for rule in RULE_IDS],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Draw only questions testing one of these rules. None ticked: any rule.",
    )

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("fixed_questions")
        fixed = 0
        if formset is not None and formset.is_valid():
            kept = [f for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
            fixed = len(kept)
        if not cleaned.get("question_count") and not fixed:
            self.add_error(
                "question_count",
                "A quiz needs questions: draw some from the bank, or write some below.",
            )
        return cleaned
