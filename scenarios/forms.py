"""The draft checker's questions: plain language in, RAG contract facts out."""

import re

from django import forms

from scenarios.rules.types import Rulebook

YES_NO = [("no", "No"), ("yes", "Yes")]
IMAGE_CHOICES = [
    ("none", "No picture"),
    ("general", "A general photo (officers, a street, an event, crime prevention)"),
    ("suspect", "A picture of a suspect or defendant"),
    ("custody", "A custody photograph"),
]
# Picture kinds whose release must be authorised (a custody photo counts as a suspect image).
AUTHORISED_IMAGES = ("suspect", "custody")
OTHER_SOURCE = "other"

# Which questions apply to which topics. Each key names a form field; the test is a
# predicate on the rulebook's Topic. Questions not listed apply to every topic.
APPLIES_WHEN = {
    "in_public_domain": lambda t: t.rating == "AMBER" or t.amber_when_ksi,
    "ksi": lambda t: t.amber_when_ksi,
    "days_since_sentencing": lambda t: t.sentencing_window,
    "source": lambda t: t.checks_source,
    "other_source": lambda t: t.checks_source,
}
LEGAL_FIELDS = (
    "identifies_sexual_offence_victim",
    "identifies_child_in_proceedings",
    "names_suspect_before_charge",
    "prejudicial_content",
    "unproven_allegation",
    "names_cautioned_person",
    "wanted_person_arrested",
)


def source_slug(text: str) -> str | None:
    """An account handle or a website, as a source slug: "@Some.Group" -> "some-group"."""
    text = re.sub(r"^(https?://)?(www\.)?", "", text.strip().lstrip("@").lower())
    return re.sub(r"[^a-z0-9_]+", "-", text).strip("-")[:100] or None


class DraftCheckForm(forms.Form):
    draft = forms.CharField(
        label="Your draft post",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Paste it and press Continue: we suggest the answers from its words, and you "
        "check each one. It is not stored.",
    )
    topic = forms.ChoiceField(
        label="What is it about?",
        help_text="Leave it to the suggestion, or choose the topic yourself to answer the "
        "questions step by step.",
    )
    in_public_domain = forms.ChoiceField(
        label="Has it already been reported publicly?",
        help_text="By the Met's central accounts, the media or the courts.",
        choices=YES_NO,
        initial="no",
        required=False,  # an unanswered question keeps its safe default
        widget=forms.RadioSelect,
    )
    ksi = forms.ChoiceField(
        label="Was anyone killed or seriously injured?",
        help_text="Seriously injured: kept in hospital, or fractures, concussion, internal "
        "injuries, severe cuts or burns.",
        choices=YES_NO,
        initial="no",
        required=False,  # an unanswered question keeps its safe default
        widget=forms.RadioSelect,
    )
    days_since_sentencing = forms.IntegerField(
        label="How many days ago was the sentence passed?",
        help_text="Leave empty if there has been no sentence yet.",
        required=False,
        min_value=0,
        max_value=100000,
    )
    source = forms.ChoiceField(label="Whose post or website is it?", required=False)
    other_source = forms.CharField(
        label="If another account, which one?",
        required=False,
        max_length=100,
        help_text="The account's handle, for example @someaccount.",
    )
    wider_interest = forms.ChoiceField(
        label="Is it likely to interest media beyond the local papers?",
        help_text="For example the Evening Standard, BBC London, national papers or LBC.",
        choices=YES_NO,
        initial="no",
        required=False,  # an unanswered question keeps its safe default
        widget=forms.RadioSelect,
    )
    breaking = forms.ChoiceField(
        label="Is the incident still unfolding now?",
        choices=YES_NO,
        initial="no",
        required=False,  # an unanswered question keeps its safe default
        widget=forms.RadioSelect,
    )
    image = forms.ChoiceField(
        label="Does a picture go with it?",
        choices=IMAGE_CHOICES,
        initial="none",
        required=False,
        widget=forms.RadioSelect,
    )
    image_release_authorised = forms.ChoiceField(
        label="Has release of the suspect's or custody picture been authorised?",
        help_text="Authorised by the SIO or OIC, with a recorded decision that it is "
        "necessary and proportionate.",
        choices=YES_NO,
        initial="no",
        required=False,  # an unanswered question keeps its safe default
        widget=forms.RadioSelect,
    )
    gives_ethnicity_or_nationality = forms.ChoiceField(
        label="Does it give a suspect's ethnicity or nationality?",
        help_text="These are not released routinely: only in high-profile cases, through DMC.",
        choices=YES_NO,
        initial="no",
        required=False,  # an unanswered question keeps its safe default
        widget=forms.RadioSelect,
    )
    identifies_sexual_offence_victim = forms.BooleanField(
        label="Identify, or give clues to, the victim of a sexual offence",
        required=False,
    )
    identifies_child_in_proceedings = forms.BooleanField(
        label="Identify someone under 18 involved in criminal proceedings",
        required=False,
    )
    names_suspect_before_charge = forms.BooleanField(
        label="Name someone who has been arrested but not charged", required=False
    )
    prejudicial_content = forms.BooleanField(
        label="Mention previous convictions, evidence, or words implying guilt "
        "while a case is active",
        required=False,
    )
    unproven_allegation = forms.BooleanField(
        label="Say that a person or business did something wrong, with no charge or "
        "conviction behind it",
        required=False,
    )
    names_cautioned_person = forms.BooleanField(
        label="Name someone given a caution or a fixed penalty", required=False
    )
    wanted_person_arrested = forms.BooleanField(
        label="Show a wanted appeal or picture of someone who has since been arrested",
        required=False,
    )

    def __init__(self, *args, rulebook: Rulebook, likely_topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.rulebook = rulebook
        topics = sorted(rulebook.topics.values(), key=lambda t: t.name.lower())
        every = [(t.slug, t.name) for t in topics]
        likely = [
            (slug, f"{rulebook.topics[slug].name} ({confidence:.0%} sure)")
            for slug, confidence in likely_topics
            if slug in rulebook.topics
        ]
        if likely:
            # The suggestion's likeliest topics first, then the rest, each topic once.
            shown = {slug for slug, _ in likely}
            rest = [(slug, name) for slug, name in every if slug not in shown]
            self.fields["topic"].choices = [
                ("", "Choose a topic"),
                ("Likeliest from your draft", likely),
                ("Every topic", rest),
            ]
        else:
            self.fields["topic"].choices = [("", "Choose a topic")] + every
        sources = sorted(rulebook.green_sources)
        self.fields["source"].choices = (
            [("", "Not sure")]
            + [(s, s.replace("-", " ").capitalize() if "-" in s else f"@{s}") for s in sources]
            + [(OTHER_SOURCE, "Another account or website")]
        )

    def topic_object(self):
        slug = self.data.get("topic") if self.is_bound else self.initial.get("topic")
        return self.rulebook.topics.get(slug or "")

    def applies(self, name: str, topic=None) -> bool:
        topic = topic or self.topic_object()
        test = APPLIES_WHEN.get(name)
        return topic is not None and (test is None or test(topic))

    def applies_to(self, name: str) -> str:
        """Space-separated topic slugs a question applies to, for the script that hides it."""
        test = APPLIES_WHEN.get(name)
        if test is None:
            return "*"
        return " ".join(t.slug for t in self.rulebook.topics.values() if test(t))

    def question_fields(self):
        return [
            self[name]
            for name in (
                "in_public_domain",
                "ksi",
                "days_since_sentencing",
                "source",
                "other_source",
                "wider_interest",
                "breaking",
                "image",
                "image_release_authorised",
                "gives_ethnicity_or_nationality",
            )
        ]

    def legal_fields(self):
        return [self[name] for name in LEGAL_FIELDS]

    def clean(self):
        cleaned = super().clean()
        topic = self.rulebook.topics.get(cleaned.get("topic", ""))
        other = source_slug(cleaned.get("other_source", ""))
        if topic and topic.checks_source and cleaned.get("source") == OTHER_SOURCE and not other:
            self.add_error(
                "other_source", "Give the account's handle or the website, or choose one above."
            )
        return cleaned

    def facts(self) -> dict:
        """The RAG contract facts for the chosen topic; questions that don't apply are
        left out, whatever the browser sent for them."""
        data = self.cleaned_data
        topic = self.rulebook.topics[data["topic"]]
        facts = {"topic": topic.slug}
        for name in (
            "in_public_domain",
            "ksi",
            "wider_interest",
            "breaking",
            "gives_ethnicity_or_nationality",
        ):
            if self.applies(name, topic):
                facts[name] = data.get(name) == "yes"
        if self.applies("days_since_sentencing", topic):
            facts["days_since_sentencing"] = data.get("days_since_sentencing")
        if self.applies("source", topic):
            source = data.get("source") or None
            if source == OTHER_SOURCE:
                source = source_slug(data.get("other_source", ""))
            facts["source"] = source
        facts["image"] = data.get("image") or "none"
        if facts["image"] in AUTHORISED_IMAGES:
            facts["image_release_authorised"] = data.get("image_release_authorised") == "yes"
        for name in LEGAL_FIELDS:
            facts[name] = bool(data.get(name))
        return facts


YES_NO_FIELDS = (
    "in_public_domain",
    "ksi",
    "wider_interest",
    "breaking",
    "image_release_authorised",
    "gives_ethnicity_or_nationality",
)


def answers_from_facts(facts: dict, *, rulebook: Rulebook, draft: str) -> dict:
    """A suggestion's facts as the form's initial answers, for the officer to confirm."""
    answers: dict = {"draft": draft, "topic": facts.get("topic", "")}
    for name in YES_NO_FIELDS:
        answers[name] = "yes" if facts.get(name) else "no"
    for name in LEGAL_FIELDS:
        answers[name] = bool(facts.get(name))
    answers["image"] = facts.get("image") or "none"
    if facts.get("days_since_sentencing") is not None:
        answers["days_since_sentencing"] = facts["days_since_sentencing"]
    source = facts.get("source")
    if source in rulebook.green_sources:
        answers["source"] = source
    elif source:
        answers["source"] = OTHER_SOURCE
        answers["other_source"] = source
    return answers
