"""A small bank and quizzes over it: enough for every rating, a near miss and a few rules,
quick to build for each test."""

import pytest
from django.contrib.auth import get_user_model

from organisation.factories import ProfileFactory, UserFactory
from organisation.models import Borough
from organisation.roles import OFFICER
from quizzes.models import FixedQuestion, Quiz
from scenarios.models import ScenarioTemplate, TemplateSlot

TEMPLATES = [
    (
        "burglary-appeal",
        "Officers in {ward} arrested a man after a burglary {detail}.",
        "topic: burglary",
        [
            ("ward", "Catford\nLee Green\nBrockley\nDeptford"),
            (
                "detail",
                "on Rushey Green\nand name him as John Reid => names_suspect_before_charge: true",
            ),
        ],
    ),
    (
        "court-window",
        "Court: a Lewisham man was jailed for {years} years, sentenced {when}.",
        "topic: court-result, in_public_domain: true",
        [
            ("years", "3\n5\n7"),
            (
                "when",
                "7 days ago => days_since_sentencing: 7\n8 days ago => days_since_sentencing: 8",
            ),
        ],
    ),
    (
        "terror-level",
        "The threat level in {place} has {change}.",
        "topic: terror-threat-level",
        [("place", "London\nLewisham"), ("change", "risen\nfallen")],
    ),
]


def publish_template(key, text, facts, slots, borough=None):
    template = ScenarioTemplate(
        key=key,
        title=key.replace("-", " ").title(),
        text=text,
        fixed_facts=facts,
        account="@MPSLewisham",
        borough=borough,
    )
    template.slots = [
        TemplateSlot(name=name, values=values, sort_order=i)
        for i, (name, values) in enumerate(slots)
    ]
    template.save()
    template.save_revision().publish()  # approval feeds the bank
    return template


@pytest.fixture
def small_bank(db, run_queued_jobs):
    lewisham = Borough.objects.get(slug="lewisham")
    templates = [publish_template(*spec, borough=lewisham) for spec in TEMPLATES]
    run_queued_jobs()  # with a real Redis the approval's generation waits in the queue
    return templates


def make_quiz(*, fixed=(), **fields) -> Quiz:
    quiz = Quiz(**{"title": "The RAG table", "question_count": 6, "shuffle": True, **fields})
    quiz.fixed_questions = [
        FixedQuestion(text=text, choices=choices, explanation=why, sort_order=i)
        for i, (text, choices, why) in enumerate(fixed)
    ]
    quiz.save()
    quiz.save_revision().publish()
    return quiz


@pytest.fixture
def quiz(small_bank):
    return make_quiz()


@pytest.fixture
def officer(db):
    user = UserFactory(username="pc-jones", roles=[OFFICER])
    ProfileFactory(user=user, borough=Borough.objects.get(slug="lewisham"))
    return user


@pytest.fixture
def other_officer(db):
    user = UserFactory(username="pc-smith", roles=[OFFICER])
    ProfileFactory(user=user, borough=Borough.objects.get(slug="croydon"))
    return get_user_model().objects.get(pk=user.pk)
