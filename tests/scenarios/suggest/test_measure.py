"""measure(): accuracy, per-flag recall and precision, and timing, with everything passed in."""

from __future__ import annotations

from datetime import date
from itertools import count

from scenarios.suggest import Suggestion, measure, suggest
from tests.scenarios.suggest.conftest import TODAY

POSTS = [
    {
        "text": "first",
        "today": "2026-11-20",
        "topic": "burglary",
        "flags": ["names_suspect_before_charge"],
        "days_since_sentencing": None,
    },
    {
        "text": "second",
        "today": date(2026, 11, 20),
        "topic": "court-result",
        "flags": [],
        "days_since_sentencing": 3,
    },
    {
        "text": "third",
        "today": "2026-11-20",
        "topic": "appeal",
        "flags": ["in_public_domain"],
        "days_since_sentencing": None,
    },
]

ANSWERS = {
    "first": Suggestion(
        (("burglary", 0.8), ("assault", 0.1)),
        {"topic": "burglary", "names_suspect_before_charge": True, "ksi": True},
    ),
    "second": Suggestion(
        (("charge-details", 0.5), ("court-result", 0.4)),
        {"topic": "charge-details", "days_since_sentencing": 3},
    ),
    "third": {  # a plain dict is accepted too
        "topics": [{"topic": "wanted-suspect", "confidence": 0.9}],
        "facts": {"topic": "wanted-suspect", "in_public_domain": False},
        "evidence": {},
        "ask": [],
    },
}


def fake_clock(step_ms: float):
    ticks = count()
    return lambda: next(ticks) * step_ms / 1000.0


def test_measure_counts_topics_flags_days_and_time():
    seen_today = []

    def suggest_fn(text, today):
        seen_today.append(today)
        return ANSWERS[text]

    result = measure(POSTS, suggest_fn, fake_clock(2.0))
    assert result["posts"] == 3
    assert result["topic_top1"] == round(1 / 3, 4)
    assert result["topic_top3"] == round(2 / 3, 4)
    flags = result["flags"]
    assert flags["names_suspect_before_charge"] == {
        "recall": 1.0,
        "precision": 1.0,
        "support": 1,
        "predicted": 1,
    }
    assert flags["ksi"]["precision"] == 0.0 and flags["ksi"]["recall"] is None
    assert flags["in_public_domain"]["recall"] == 0.0
    assert flags["breaking"] == {"recall": None, "precision": None, "support": 0, "predicted": 0}
    assert result["days_since_sentencing_accuracy"] == 1.0
    assert result["days_since_sentencing_dated_accuracy"] == 1.0
    assert result["ms_p50"] == 2.0 and result["ms_p95"] == 2.0
    assert [miss["topic"] for miss in result["topic_misses"]] == ["court-result", "appeal"]
    assert seen_today == [TODAY, TODAY, TODAY]


def test_measure_of_nothing():
    result = measure([], lambda text, today: None, fake_clock(1.0))
    assert result["posts"] == 0 and result["topic_top1"] is None and result["ms_p95"] is None


def test_measure_with_the_real_suggester(model):
    posts = [
        {
            "text": "Local man Dave Green cautioned for criminal damage at a bus shelter",
            "today": "2026-11-20",
            "topic": "criminal-damage",
            "flags": ["names_cautioned_person"],
            "days_since_sentencing": None,
        }
    ]
    result = measure(
        posts, lambda text, today: suggest(text, today=today, model=model), count().__next__
    )
    assert result["flags"]["names_cautioned_person"]["recall"] == 1.0
    assert result["days_since_sentencing_accuracy"] == 1.0
