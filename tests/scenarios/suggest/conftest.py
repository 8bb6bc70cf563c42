"""Shared fixtures: the starter library expanded into (text, topic) pairs, as the question bank
would give them, and one model trained on them for the whole session (training takes seconds)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from scenarios.authoring import read_library
from scenarios.generator import expand
from scenarios.rules import initial_rulebook
from scenarios.suggest import TopicModel

LIBRARY = Path(__file__).resolve().parents[3] / "scenarios" / "starter_library"
# A Friday, so that "last Friday" and "on Friday" are a week ago and "yesterday" a Thursday.
TODAY = date(2026, 11, 20)


def quotes(evidence: str) -> list[str]:
    """The verbatim quotes in a detector's evidence: the text between single quotes, where
    the quote starts after a space or at the start and ends before ; : , or the end."""
    return re.findall(r"(?:^|(?<=\s))'(.+?)'(?=$|[;:,)]|\s)", evidence)


def assert_verbatim(evidence: str, text: str) -> None:
    for quoted in quotes(evidence):
        assert quoted in text, f"{quoted!r} is not in the text"


SITE_SEED = 20261126


@pytest.fixture(scope="session")
def bank_pairs() -> list[tuple[str, str]]:
    rulebook = initial_rulebook()
    return [
        (scenario.text, scenario.facts.topic)
        for spec in read_library(LIBRARY)
        for scenario in expand(spec, rulebook, limit=500, rng=1)
    ]


@pytest.fixture(scope="session")
def model(bank_pairs) -> TopicModel:
    # The site's own seed (scenarios.topic_model.SEED): the flag reader, most of the training
    # time, is then trained once per test run and shared with the Django tests that train.
    return TopicModel.train(bank_pairs, seed=SITE_SEED, version="test")
