"""Tests of fact validation (scenarios.rules.validate): strict types, every error at once."""

from __future__ import annotations

import dataclasses
import json
from types import MappingProxyType

import pytest

from scenarios.rules import (
    FACT_FIELDS,
    FACT_LABELS,
    IMAGE_KINDS,
    IMAGE_LABELS,
    Facts,
    FactsError,
    Topic,
    initial_rulebook,
    parse_facts,
    parse_many,
)

RB = initial_rulebook()
ALL_SLUGS_TEXT = ", ".join(sorted(RB.topics))

FULL = {
    "topic": "court-result",
    "in_public_domain": True,
    "ksi": False,
    "days_since_sentencing": 7,
    "wider_interest": True,
    "breaking": False,
    "image": "suspect",
    "image_release_authorised": True,
    "identifies_sexual_offence_victim": False,
    "identifies_child_in_proceedings": False,
    "names_suspect_before_charge": False,
    "prejudicial_content": False,
    "source": "metpoliceuk",
    "unproven_allegation": False,
    "wanted_person_arrested": True,
    "names_cautioned_person": False,
    "gives_ethnicity_or_nationality": True,
}
BOOL_FIELDS = [
    "in_public_domain",
    "ksi",
    "wider_interest",
    "breaking",
    "image_release_authorised",
    "identifies_sexual_offence_victim",
    "identifies_child_in_proceedings",
    "names_suspect_before_charge",
    "prejudicial_content",
    "unproven_allegation",
    "wanted_person_arrested",
    "names_cautioned_person",
    "gives_ethnicity_or_nationality",
]


def errors_of(data, rulebook=RB):
    with pytest.raises(FactsError) as info:
        parse_facts(data, rulebook)
    assert info.value.index is None
    return info.value.errors


# --- valid facts ---------------------------------------------------------------------------------


def test_only_topic_is_required():
    assert parse_facts({"topic": "burglary"}, RB) == Facts("burglary")


def test_every_field():
    assert set(FULL) == set(FACT_FIELDS)
    assert parse_facts(FULL, RB) == Facts(**FULL)


def test_parsed_facts_are_real_facts_objects():
    facts = parse_facts(FULL, RB)
    assert type(facts) is Facts
    assert dataclasses.asdict(facts) == FULL
    assert hash(facts) == hash(Facts(**FULL))
    with pytest.raises(dataclasses.FrozenInstanceError):
        facts.ksi = True


def test_valid_from_json_text():
    data = json.loads('{"topic": "retweet", "source": null, "days_since_sentencing": null}')
    assert parse_facts(data, RB) == Facts("retweet")


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("metpoliceuk", "metpoliceuk"),
        ("@metpoliceuk", "metpoliceuk"),
        ("@some_account-1", "some_account-1"),
        ("x" * 100, "x" * 100),
        ("@" + "x" * 100, "x" * 100),
        (None, None),
    ],
)
def test_valid_sources(given, stored):
    data = {"topic": "retweet", "source": given}
    assert parse_facts(data, RB).source == stored
    assert data["source"] == given  # the caller's dict is not changed


@pytest.mark.parametrize("days", [None, 0, 7, 8, 10**6])
def test_valid_days(days):
    assert parse_facts({"topic": "court-result", "days_since_sentencing": days}, RB) == Facts(
        "court-result", days_since_sentencing=days
    )


@pytest.mark.parametrize("image", ["none", "general", "suspect"])
def test_valid_images(image):
    assert parse_facts({"topic": "burglary", "image": image}, RB).image == image


# --- errors --------------------------------------------------------------------------------------


@pytest.mark.parametrize("data", [[], [{"topic": "burglary"}], "burglary", None, 5, True])
def test_facts_must_be_an_object(data):
    errors = errors_of(data)
    assert list(errors) == ["facts"]
    assert "expected a JSON object" in errors["facts"]


def test_unknown_field_is_named_and_the_valid_fields_listed():
    errors = errors_of({"topic": "burglary", "colour": "blue"})
    assert list(errors) == ["colour"]
    assert '"colour"' in errors["colour"]
    for name in FACT_FIELDS:
        assert name in errors["colour"]


def test_unknown_topic_lists_the_valid_slugs_sorted():
    errors = errors_of({"topic": "bogus"})
    assert list(errors) == ["topic"]
    assert '"bogus"' in errors["topic"]
    assert ALL_SLUGS_TEXT in errors["topic"]


@pytest.mark.parametrize("topic", [5, None, True, ["burglary"], "Burglary", " burglary", ""])
def test_bad_topic_values(topic):
    errors = errors_of({"topic": topic})
    assert ALL_SLUGS_TEXT in errors["topic"]


def test_missing_topic():
    errors = errors_of({"ksi": True})
    assert list(errors) == ["topic"]
    assert "required" in errors["topic"]
    assert ALL_SLUGS_TEXT in errors["topic"]


@pytest.mark.parametrize("field", BOOL_FIELDS)
@pytest.mark.parametrize("value", ["yes", "true", 1, 0, None, 1.0, [], {}])
def test_booleans_must_be_real_booleans(field, value):
    errors = errors_of({"topic": "burglary", field: value})
    assert list(errors) == [field]
    assert "true or false" in errors[field]


@pytest.mark.parametrize("days", ["3", True, False, -1, 2.5, 7.0, [7]])
def test_bad_days_since_sentencing(days):
    errors = errors_of({"topic": "court-result", "days_since_sentencing": days})
    assert list(errors) == ["days_since_sentencing"]
    assert "whole number of days, 0 or more, or null" in errors["days_since_sentencing"]


@pytest.mark.parametrize("image", ["photo", "SUSPECT", "", None, 1, True])
def test_bad_image(image):
    errors = errors_of({"topic": "burglary", "image": image})
    assert list(errors) == ["image"]
    assert '"none", "general", "suspect"' in errors["image"]


@pytest.mark.parametrize(
    "source",
    ["", "@", "MetPoliceUK", "a b", "x" * 101, "@@metpoliceuk", "café", 5, True, ["metpoliceuk"]],
)
def test_bad_source(source):
    errors = errors_of({"topic": "retweet", "source": source})
    assert list(errors) == ["source"]
    assert "lowercase letters, digits" in errors["source"]


def test_trailing_newline_is_not_a_valid_source():
    assert "source" in errors_of({"topic": "retweet", "source": "metpoliceuk\n"})


def test_multiple_errors_at_once_in_field_order():
    errors = errors_of(
        {
            "zzz": 1,
            "source": "NOT OK",
            "image": "selfie",
            "ksi": "yes",
            "days_since_sentencing": -3,
            "topic": "nope",
            "breaking": 0,
        }
    )
    assert list(errors) == [
        "topic",
        "ksi",
        "days_since_sentencing",
        "breaking",
        "image",
        "source",
        "zzz",
    ]


def test_error_message_has_no_stack_trace_and_names_fields():
    with pytest.raises(FactsError) as info:
        parse_facts({"topic": "burglary", "ksi": "yes"}, RB)
    text = str(info.value)
    assert text.startswith("ksi: must be true or false")
    assert "Traceback" not in text
    assert isinstance(info.value, ValueError)


def test_long_bad_values_are_shortened_in_messages():
    errors = errors_of({"topic": "burglary", "ksi": "y" * 1000})
    assert len(errors["ksi"]) < 200


def test_non_string_keys_are_unknown_fields():
    errors = errors_of({"topic": "burglary", 3: True})
    assert list(errors) == ["3"]


def test_topics_come_from_the_rulebook_given():
    topics = {"only-topic": Topic("only-topic", "Only", "GREEN", "/guidance/rag/#green")}
    rb = dataclasses.replace(RB, topics=MappingProxyType(topics))
    assert parse_facts({"topic": "only-topic"}, rb) == Facts("only-topic")
    errors = errors_of({"topic": "burglary"}, rb)
    assert "valid topics are: only-topic" in errors["topic"]
    assert parse_facts({"topic": "burglary"}, RB) == Facts("burglary")


# --- parse_many ----------------------------------------------------------------------------------


def test_parse_many_one_object():
    assert parse_many({"topic": "burglary"}, RB) == [Facts("burglary")]


def test_parse_many_empty_list():
    assert parse_many([], RB) == []


def test_parse_many_list():
    data = [{"topic": "burglary"}, {"topic": "asbo", "in_public_domain": True}]
    assert parse_many(data, RB) == [Facts("burglary"), Facts("asbo", in_public_domain=True)]


def test_parse_many_reports_the_index_of_the_first_bad_item():
    data = [{"topic": "burglary"}, {"topic": "asbo"}, {"topic": "asbo", "ksi": 1}, {"x": 1}]
    with pytest.raises(FactsError) as info:
        parse_many(data, RB)
    assert info.value.index == 2
    assert list(info.value.errors) == ["ksi"]
    assert str(info.value).startswith("item 2: ksi:")


def test_parse_many_non_object_item():
    with pytest.raises(FactsError) as info:
        parse_many([{"topic": "burglary"}, "burglary"], RB)
    assert info.value.index == 1
    assert "expected a JSON object" in info.value.errors["facts"]


@pytest.mark.parametrize("data", ["burglary", None, 3])
def test_parse_many_needs_an_object_or_an_array(data):
    with pytest.raises(FactsError) as info:
        parse_many(data, RB)
    assert info.value.index is None
    assert "array" in info.value.errors["facts"]


# --- plain-English labels for trainer screens ---------------------------------------------------


def test_every_fact_but_the_topic_has_a_label():
    assert set(FACT_LABELS) == set(FACT_FIELDS) - {"topic"}
    assert all(label.strip() and label[0].isupper() for label in FACT_LABELS.values())
    assert len(set(FACT_LABELS.values())) == len(FACT_LABELS)


def test_fact_labels_read_as_trainers_see_them():
    assert FACT_LABELS["in_public_domain"] == "Already in the public domain"
    assert FACT_LABELS["ksi"] == "Someone killed or seriously injured (KSI)"
    assert FACT_LABELS["source"] == "Whose post or site it shares"


def test_every_image_kind_has_a_label():
    assert list(IMAGE_LABELS) == list(IMAGE_KINDS)
    assert IMAGE_LABELS == {
        "none": "No picture",
        "general": "A general photo",
        "suspect": "A picture of a suspect or defendant",
        "custody": "A custody photograph",
    }


def test_every_rule_has_a_title_in_plain_words():
    from scenarios.rules import RULE_IDS, RULE_TITLES

    assert set(RULE_TITLES) == set(RULE_IDS)
    assert all(title[0].isupper() and "-" not in title.split()[0] for title in RULE_TITLES.values())
