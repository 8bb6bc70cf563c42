"""A small bank and quizzes over it: enough for every rating, a near miss and a few rules,
quick to build for each test."""

import pytest
from django.contrib.auth import get_user_model

from organisation.factories import ProfileFactory, UserFactory
from organisation.models import Borough
from organisation.roles import OFFICER
from quizzes.factories import QuizFactory
from scenarios.factories import ScenarioTemplateFactory

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
    """Published, so its approval feeds the bank (with a real Redis, once the queue is run)."""
    return ScenarioTemplateFactory(
        key=key,
        title=key.replace("-", " ").title(),
        text=text,
        fixed_facts=facts,
        slots=slots,
        account="@MPSLewisham",
        borough=borough,
    )


@pytest.fixture
def small_bank(db, run_queued_jobs):
    lewisham = Borough.objects.get(slug="lewisham")
    templates = [publish_template(*spec, borough=lewisham) for spec in TEMPLATES]
    run_queued_jobs()  # with a real Redis the approval's generation waits in the queue
    return templates


def make_quiz(*, fixed=(), **fields):
    fixed_questions = [
        {"text": text, "choices": choices, "explanation": why} for text, choices, why in fixed
    ]
    return QuizFactory(
        **{"title": "The RAG table", "question_count": 6, "shuffle": True, **fields},
        fixed_questions=fixed_questions,
    )


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
