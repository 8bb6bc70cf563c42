"""The admin form's plain-text fields (scenarios/authoring/fields.py): facts and slot values.

Pure: no database. Run with
``.venv/bin/python -m pytest -p no:cacheprovider tests/scenarios/test_authoring_format.py -q``.
"""

from __future__ import annotations

import pytest

from scenarios.authoring import (
    FormatError,
    format_facts,
    format_slot_values,
    parse_facts_text,
    parse_slot_values,
)
from scenarios.generator import SlotValue

# --------------------------------------------------------------------------- facts


def test_facts_parse_into_typed_values():
    facts = parse_facts_text(
        "topic: road-traffic-collision, ksi: true, in_public_domain: no,"
        " days_since_sentencing: 8, source: none"
    )
    assert facts == {
        "topic": "road-traffic-collision",
        "ksi": True,
        "in_public_domain": False,
        "days_since_sentencing": 8,
        "source": None,
    }
    assert type(facts["days_since_sentencing"]) is int


def test_facts_may_be_separated_by_new_lines_and_padded():
    assert parse_facts_text("  topic :  burglary \n\n breaking: yes ,\n") == {
        "topic": "burglary",
        "breaking": True,
    }


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("true", True),
        ("TRUE", True),
        ("yes", True),
        ("Yes", True),
        ("false", False),
        ("False", False),
        ("no", False),
        ("NO", False),
        ("none", None),
        ("None", None),
        ("null", None),
        ("-", None),
        ("0", 0),
        ("7", 7),
        ("-3", -3),
        ("burglary", "burglary"),
        ("1.5", "1.5"),  # only whole numbers become ints
    ],
)
def test_fact_values(word, value):
    parsed = parse_facts_text(f"x: {word}")["x"]
    assert parsed == value
    assert type(parsed) is type(value)


def test_empty_facts_text_is_no_facts():
    assert parse_facts_text("") == {}
    assert parse_facts_text(None) == {}
    assert parse_facts_text("  \n , \n") == {}


@pytest.mark.parametrize(
    "facts",
    [
        {},
        {"topic": "burglary"},
        {
            "topic": "road-traffic-collision",
            "ksi": True,
            "in_public_domain": False,
            "days_since_sentencing": 8,
            "source": None,
            "image": "suspect",
            "image_release_authorised": False,
        },
        {"days_since_sentencing": 0, "wider_interest": False, "breaking": True},
    ],
)
def test_facts_round_trip(facts):
    text = format_facts(facts)
    assert parse_facts_text(text) == facts
    assert format_facts(parse_facts_text(text)) == text


def test_format_facts_writes_the_authoring_words():
    assert format_facts({"topic": "burglary", "ksi": True, "breaking": False, "source": None}) == (
        "topic: burglary, ksi: true, breaking: false, source: none"
    )


def test_a_fact_without_a_colon_is_an_error_naming_it():
    with pytest.raises(FormatError) as error:
        parse_facts_text("topic burglary")
    message = str(error.value)
    assert "“topic burglary”" in message
    assert "needs a colon" in message
    assert "name: value" in message


def test_a_missing_colon_later_in_the_list_is_also_caught():
    with pytest.raises(FormatError, match="“ksi true” needs a colon"):
        parse_facts_text("topic: burglary, ksi true")


@pytest.mark.parametrize("name", ["Topic", "in-public-domain", "2ksi", "ksi!", "in public"])
def test_a_bad_fact_name_is_an_error_naming_it(name):
    with pytest.raises(FormatError) as error:
        parse_facts_text(f"topic: burglary, {name}: true")
    message = str(error.value)
    assert f"“{name}”" in message
    assert "is not a fact name" in message


def test_an_empty_fact_name_is_an_error():
    with pytest.raises(FormatError, match="is not a fact name"):
        parse_facts_text(": burglary")


def test_a_duplicate_fact_name_is_an_error_naming_it():
    with pytest.raises(FormatError) as error:
        parse_facts_text("topic: burglary, ksi: no, topic: assault")
    assert str(error.value) == "“topic” is given twice."


def test_format_error_is_a_value_error():
    assert issubclass(FormatError, ValueError)


# --------------------------------------------------------------------------- slot values


def test_slot_values_without_facts():
    values = parse_slot_values("Lewisham\nCatford\n  Deptford  ")
    assert values == [SlotValue("Lewisham"), SlotValue("Catford"), SlotValue("Deptford")]
    assert all(dict(value.facts) == {} for value in values)


def test_slot_values_with_facts():
    values = parse_slot_values(
        "a crash that left a cyclist seriously injured"
        " => topic: road-traffic-collision, ksi: true\n"
        "a minor shunt on the high street => topic: road-traffic-collision\n"
        "a burglary on Rushey Green"
    )
    assert [value.text for value in values] == [
        "a crash that left a cyclist seriously injured",
        "a minor shunt on the high street",
        "a burglary on Rushey Green",
    ]
    assert [dict(value.facts) for value in values] == [
        {"topic": "road-traffic-collision", "ksi": True},
        {"topic": "road-traffic-collision"},
        {},
    ]


def test_slot_value_facts_may_be_empty_after_the_arrow():
    assert parse_slot_values("a shed => ") == [SlotValue("a shed")]


def test_blank_lines_are_skipped():
    values = parse_slot_values("\n  \nLewisham\n\n\t\nCatford\n\n")
    assert [value.text for value in values] == ["Lewisham", "Catford"]


def test_no_text_is_no_values():
    assert parse_slot_values("") == []
    assert parse_slot_values(None) == []
    assert parse_slot_values("\n \n") == []


def test_a_line_with_only_facts_is_an_error_naming_the_line():
    with pytest.raises(FormatError) as error:
        parse_slot_values("Lewisham\n\n=> topic: x\nCatford")
    message = str(error.value)
    assert message.startswith("Line 3: ")  # counts the blank line it skipped
    assert "no words before “=>”" in message


def test_a_line_with_only_spaces_before_the_arrow_is_an_error():
    with pytest.raises(FormatError, match=r"^Line 1: the value has no words before “=>”\.$"):
        parse_slot_values("   => topic: burglary")


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("Lewisham\na burglary => topic burglary", 2, "“topic burglary” needs a colon"),
        ("a => topic: burglary\nb => Topic: burglary", 2, "“Topic” is not a fact name"),
        ("a => topic: burglary, topic: assault", 1, "“topic” is given twice"),
        ("a\n\n\nb\nc => ksi: true, ksi: false", 5, "“ksi” is given twice"),
    ],
)
def test_bad_facts_in_a_value_name_the_line(text, line, fragment):
    with pytest.raises(FormatError) as error:
        parse_slot_values(text)
    message = str(error.value)
    assert message.startswith(f"Line {line}: ")
    assert fragment in message


def test_slot_values_round_trip():
    values = [
        SlotValue("Catford"),
        SlotValue("a crash", {"topic": "road-traffic-collision", "ksi": True}),
        SlotValue("an old case", {"topic": "court-result", "days_since_sentencing": 8}),
        SlotValue("Lewisham"),
    ]
    text = format_slot_values(values)
    assert parse_slot_values(text) == values
    assert format_slot_values(parse_slot_values(text)) == text


# --------------------------------------------------------------------------- spaces at the edges


def test_a_quoted_value_keeps_the_space_just_inside_its_quotes():
    values = parse_slot_values(
        '" and remains in custody"\n'
        '  " (the Met announces it tomorrow)" => in_public_domain: false\n'
        '"trailing space "'
    )
    assert values == [
        SlotValue(" and remains in custody"),
        SlotValue(" (the Met announces it tomorrow)", {"in_public_domain": False}),
        SlotValue("trailing space "),
    ]


@pytest.mark.parametrize(
    "line", ['"Stay safe this weekend"', '"Stay safe," said the PC', '"', '""']
)
def test_other_quotes_are_kept_as_written(line):
    assert parse_slot_values(line) == [SlotValue(line)]


def test_values_with_spaces_at_the_edges_round_trip_in_quotes():
    values = [
        SlotValue(" and remains in custody"),
        SlotValue(", as @metpoliceuk announced", {"in_public_domain": True}),
        SlotValue(" It launches next Monday: you heard it here first!", {"wider_interest": True}),
        SlotValue('"Stay safe"'),
    ]
    text = format_slot_values(values)
    assert text.splitlines()[0] == '" and remains in custody"'
    assert text.splitlines()[3] == '"Stay safe"'
    assert parse_slot_values(text) == values
