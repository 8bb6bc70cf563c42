"""One question's answer, as plain radio buttons: `rating` (GREEN, AMBER, RED, labelled with
the table's words), `contact` when the quiz asks it, or `choice` for a written question."""

from __future__ import annotations

from django import forms

from scenarios.rules import ACTIONS, RATINGS

from .models.attempt import FIXED

RATING_CHOICES = [(rating, ACTIONS[rating]) for rating in RATINGS]
CONTACT_CHOICES = [
    ("dmc", "DMC"),
    ("press-bureau", "DMC’s 24-hour Press Bureau"),
]


class AnswerForm(forms.Form):
    def __init__(self, *args, question, attempt, **kwargs):
        super().__init__(*args, **kwargs)
        self.question = question
        if question.kind == FIXED:
            self.fields["choice"] = forms.TypedChoiceField(
                label=question.text,
                choices=[(str(i), text) for i, text in enumerate(question.choices)],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": "Choose one of the answers."},
            )
            if question.answer_choice is not None:
                self.initial["choice"] = str(question.answer_choice)
            return
        self.fields["rating"] = forms.ChoiceField(
            label="Would you post this?",
            choices=RATING_CHOICES,
            widget=forms.RadioSelect,
            error_messages={"required": "Choose one of the three answers."},
        )
        self.initial["rating"] = question.answer_rating or None
        if attempt.settings.get("ask_contact"):
            # Asked of every post, so its presence never hints that the answer is not green.
            self.fields["contact"] = forms.ChoiceField(
                label="If you would not post it yourself, who would you contact?",
                choices=CONTACT_CHOICES,
                widget=forms.RadioSelect,
                required=False,
                help_text="Leave it if you would post it yourself.",
            )
            self.initial["contact"] = question.answer_contact or None

    def saved_label(self) -> str:
        """The saved answer in the words the officer chose it by, as quiz.js says it too."""
        question = self.question
        if not question.answered:
            return ""
        if question.kind == FIXED:
            return question.choices[question.answer_choice]
        words = [dict(RATING_CHOICES).get(question.answer_rating, question.answer_rating)]
        if question.answer_contact and "contact" in self.fields:
            words.append(dict(CONTACT_CHOICES).get(question.answer_contact, ""))
        return ", ".join(words)

    def answer(self) -> dict:
        data = self.cleaned_data
        if self.question.kind == FIXED:
            return {"choice": data["choice"]}
        return {"rating": data["rating"], "contact": data.get("contact") or None}
