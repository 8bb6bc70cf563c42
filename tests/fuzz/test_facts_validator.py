"""Fuzzing the facts validator: whatever a caller hands it, ``parse_facts`` and ``parse_many``
return ``Facts`` or raise ``FactsError`` with a message per field at fault; nothing else escapes."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from scenarios.rules import (
    FACT_FIELDS,
    Facts,
    FactsError,
    initial_rulebook,
    parse_facts,
    parse_many,
)
from tests.fuzz.profile import FUZZ

RB = initial_rulebook()

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
)
json_values = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(), children, max_size=5)
    ),
    max_leaves=20,
)
# Keys a decoded JSON object never has but a Python caller may pass.
odd_keys = st.integers() | st.booleans() | st.none() | st.tuples(st.integers()) | st.floats()
keys = st.sampled_from(FACT_FIELDS) | st.text(max_size=20) | odd_keys
# Values on the edges: huge ints (past str()'s digit limit), NaN, nested containers.
edge_values = (
    json_values
    | st.just(10**5000)
    | st.just(-(10**5000))
    | st.just(math.nan)
    | st.just(float("inf"))
    | st.sampled_from(sorted(RB.topics))
    | st.binary(max_size=10)
    | st.tuples(st.integers())
)
fact_dicts = st.dictionaries(keys, edge_values, max_size=8)


def assert_clear(error: FactsError) -> None:
    assert error.errors, "a refusal names at least one field"
    for field, message in error.errors.items():
        assert isinstance(field, str)  # "" when the key given was "": the message quotes it
        assert isinstance(message, str) and message
        assert "Traceback" not in message
        assert len(message) < 2000, "a message shows a bad value cut short, not whole"
    str(error)  # the exception's own text renders too


def check_one(data) -> None:
    try:
        facts = parse_facts(data, RB)
    except FactsError as error:
        assert_clear(error)
        assert error.index is None
    else:
        assert isinstance(facts, Facts)
        assert facts.topic in RB.topics


@FUZZ
@given(fact_dicts)
def test_any_dict_gives_facts_or_a_clear_error(data):
    check_one(data)


@FUZZ
@given(edge_values)
def test_any_value_gives_facts_or_a_clear_error(data):
    check_one(data)


@FUZZ
@given(st.dictionaries(st.sampled_from(FACT_FIELDS), edge_values, max_size=13))
def test_known_fields_with_any_values(data):
    data = {"topic": "burglary", **data}
    try:
        facts = parse_facts(data, RB)
    except FactsError as error:
        assert_clear(error)
        # Every field named is one that was given (or topic), and none is named without cause.
        assert set(error.errors) <= set(data)
    else:
        assert isinstance(facts, Facts)


@FUZZ
@given(st.lists(fact_dicts | edge_values, max_size=6) | edge_values)
def test_many_gives_a_list_or_names_the_item(data):
    try:
        result = parse_many(data, RB)
    except FactsError as error:
        assert_clear(error)
        if isinstance(data, list) and error.index is not None:
            assert 0 <= error.index < len(data)
    else:
        assert all(isinstance(facts, Facts) for facts in result)


def test_a_huge_number_is_named_not_raised():
    """str() of an int over 4,300 digits raises ValueError in Python 3.11+."""
    for data in (
        {"topic": "burglary", "days_since_sentencing": -(10**5000)},
        {"topic": "burglary", "ksi": -(10**5000)},
        {"topic": 10**5000},
        {10**5000: True, "topic": "burglary"},
    ):
        try:
            parse_facts(data, RB)
        except FactsError as error:
            assert_clear(error)
        else:
            raise AssertionError(f"accepted {list(data)}")


def test_a_value_that_contains_itself_is_named_not_raised():
    loop: list = []
    loop.append(loop)
    try:
        parse_facts({"topic": "burglary", "source": loop}, RB)
    except FactsError as error:
        assert_clear(error)
        assert "source" in error.errors
