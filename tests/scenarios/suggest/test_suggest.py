"""suggest(): its output shape, evidence, caution on weak cues, and speed."""

from __future__ import annotations

import ast
import contextlib
import sys
import time
from pathlib import Path

from scenarios.rules import FACT_FIELDS, IMAGE_KINDS, initial_rulebook, parse_facts
from scenarios.suggest import (
    RED_OVERRIDE_FLAGS,
    Suggestion,
    TopicModel,
    hand_written_examples,
    suggest,
)
from tests.scenarios.suggest.conftest import TODAY, assert_verbatim

PACKAGE = Path(__file__).resolve().parents[3] / "scenarios" / "suggest"


def test_as_dict_has_exactly_the_contract_keys(model):
    text = "John Smith, 32, of Ash Rd arrested – he's a known burglar"
    result = suggest(text, today=TODAY, model=model).as_dict()
    assert set(result) == {"topics", "facts", "evidence", "ask"}
    assert 1 <= len(result["topics"]) <= 3
    for item in result["topics"]:
        assert set(item) == {"topic", "confidence"}
        assert item["confidence"] == round(item["confidence"], 3)
    assert result["facts"]["topic"] == result["topics"][0]["topic"]
    assert result["facts"]["names_suspect_before_charge"] is True
    assert result["facts"]["prejudicial_content"] is True
    assert isinstance(result["ask"], list)


def test_only_detected_or_non_default_facts_are_given(model):
    result = suggest(
        "Thanks to everyone who came to our street meeting 📷", today=TODAY, model=model
    )
    assert dict(result.facts) == {"topic": "community-meeting", "image": "general"}
    assert result.ask == ()


def test_every_evidence_quotes_the_text(model):
    text = (
        "Lee Carter, 41, was sentenced at Wood Green Crown Court yesterday to 14 years, as "
        "reported by the Evening Standard. [Custody image attached: release authorised by the OIC]"
    )
    result = suggest(text, today=TODAY, model=model)
    assert result.facts["days_since_sentencing"] == 1
    assert result.facts["image"] == "custody"
    assert result.facts["image_release_authorised"] is True
    assert result.facts["in_public_domain"] is True
    assert result.facts["wider_interest"] is True
    assert set(result.evidence) <= set(result.facts)
    for evidence in result.evidence.values():
        assert_verbatim(evidence, text)


def test_a_weak_cue_sets_the_cautious_value_and_asks(model):
    text = "Zbigniew Wozniak was arrested in Acton on suspicion of theft."
    result = suggest(text, today=TODAY, model=model)
    assert result.facts["names_suspect_before_charge"] is True
    assert "names_suspect_before_charge" in result.ask
    for flag in result.ask:
        if flag in RED_OVERRIDE_FLAGS:
            assert result.facts[flag] is True


def test_a_sure_negative_near_miss_is_shown_with_its_evidence(model):
    result = suggest(
        "Two cars collided on Station Rd, minor injuries only", today=TODAY, model=model
    )
    assert result.facts["ksi"] is False
    assert "minor injuries" in result.evidence["ksi"]


def test_source_is_given_for_retweets_and_links(model):
    result = suggest(
        "RT @haringeycouncil: Free bike marking on Saturday.", today=TODAY, model=model
    )
    assert result.facts["topic"] == "retweet"
    assert result.facts["source"] == "local-council"
    other = suggest(
        "Burglary on Elm Road. Advice: met.police.uk/burglary", today=TODAY, model=model
    )
    if other.facts["topic"] not in ("retweet", "link"):
        assert "source" not in other.facts


def test_topics_limits_the_suggestion_to_the_rulebook(model):
    result = suggest(
        "RT @metpoliceuk: hello", today=TODAY, model=model, topics={"link", "burglary"}
    )
    assert {item["topic"] for item in result.as_dict()["topics"]} == {"link", "burglary"}


def test_suggestion_is_immutable():
    suggestion = Suggestion((("burglary", 0.9),), {"topic": "burglary"}, {}, ())
    with contextlib.suppress(TypeError):
        suggestion.facts["ksi"] = True  # type: ignore[index]
    assert "ksi" not in suggestion.facts


def test_a_suggestion_is_fast(model):
    text = (
        "UPDATE: Tom Reid, 22, of Carshalton, who was arrested yesterday on suspicion of "
        "burglary on Stanley Park Road, has been released on bail. The @SuttonGuardian ran the "
        "story this morning. [CCTV image attached: release authorised by the SIO]"
    )
    suggest(text, today=TODAY, model=model)  # warm up
    times = []
    for _ in range(40):
        started = time.perf_counter()
        suggest(text, today=TODAY, model=model)
        times.append(time.perf_counter() - started)
    times.sort()
    # The median, not the p95 of the goal: make bench measures the p95 over many drafts on a
    # quiet machine, while here other tests share the CPU and a few slow runs are scheduling.
    assert times[len(times) // 2] < 0.050


def test_the_package_imports_nothing_from_django():
    """Parsed, not imported: every module of scenarios/suggest, every import statement."""
    # scipy: the sparse matrices scikit-learn itself returns.
    allowed = {"sklearn", "numpy", "scipy", "joblib", "scenarios"}
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 10
    for path in modules:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                assert node.level == 0, f"{path.name}: use absolute imports"
                names = [node.module or ""]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                assert top != "django" and top != "wagtail", f"{path.name} imports {name}"
                if top == "scenarios":
                    assert name.startswith("scenarios.suggest"), f"{path.name} imports {name}"
                else:
                    assert top in allowed or top in sys.stdlib_module_names, f"{path}: {name}"


def test_suggested_facts_keep_the_rag_contract(model, bank_pairs):
    """What suggest proposes, the engine accepts: the facts it knows today are valid, and a
    field it does not know yet (contract v2 arriving) is the only thing ever left out."""
    rulebook = initial_rulebook()
    texts = [text for text, _ in bank_pairs[::5]] + [text for text, _ in hand_written_examples()]
    for text in texts:
        facts = dict(suggest(text, today=TODAY, model=model).facts)
        known = {name: value for name, value in facts.items() if name in FACT_FIELDS}
        if known.get("image") not in IMAGE_KINDS:
            known.pop("image", None)
        parse_facts(known, rulebook)


def test_the_first_suggestion_after_loading_is_fast(model, tmp_path):
    path = tmp_path / "topic.model"
    model.save(path)
    loaded = TopicModel.load(path)
    started = time.perf_counter()
    suggest("Jane Doe, 28, was jailed yesterday. RT @SE15Talk 📷", today=TODAY, model=loaded)
    assert time.perf_counter() - started < 0.050


class _Reader:
    """A model whose flag reader raises what it is told to, quoting the given sentence."""

    def __init__(self, raised):
        self._raised = raised

    def top(self, text, k=3, *, topics=None):
        return [("burglary", 1.0)]

    def raised_flags(self, text):
        return dict(self._raised)


def test_a_flag_the_reader_raises_is_asked_pre_set_with_its_sentence():
    text = "Shed broken into on Elm Rd. We all know who it was, don't we Gary."
    sentence = "We all know who it was, don't we Gary."
    result = suggest(text, today=TODAY, model=_Reader({"unproven_allegation": sentence}))
    assert result.facts["unproven_allegation"] is True
    assert "unproven_allegation" in result.ask
    assert result.evidence["unproven_allegation"] == (
        "reads like drafts that accuse someone of wrongdoing with no charge or conviction "
        f"behind it: '{sentence}'"
    )
    assert_verbatim(result.evidence["unproven_allegation"], text)


def test_the_reader_never_replaces_the_detectors_own_evidence():
    text = "John Smith, 32, of Ash Road was arrested yesterday for burglary."
    alone = suggest(text, today=TODAY, model=_Reader({}))
    assert alone.facts["names_suspect_before_charge"] is True
    read = suggest(
        text, today=TODAY, model=_Reader({"names_suspect_before_charge": "John Smith, 32"})
    )
    assert (
        read.evidence["names_suspect_before_charge"]
        == (alone.evidence["names_suspect_before_charge"])
    )
    assert read.ask == alone.ask


def test_the_trained_reader_asks_about_a_wording_the_detectors_miss(model):
    text = (
        "Cheers for all the RTs! Marcus has been in custody since last night, but the wanted pic "
        "is staying where it is for now."
    )
    result = suggest(text, today=TODAY, model=model)
    assert result.facts["wanted_person_arrested"] is True
    assert "wanted_person_arrested" in result.ask
    assert result.evidence["wanted_person_arrested"].startswith("reads like drafts that keep")
    assert_verbatim(result.evidence["wanted_person_arrested"], text)
