"""Fuzzing the template formats trainers write (scenarios/authoring): any text for the fixed
facts, the slot values or a whole template file is read, or refused with a ``FormatError`` that
says where; nothing else escapes. What is read is then checked by the generator, which refuses
with a ``TemplateError``."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from scenarios.authoring import (
    FormatError,
    format_template_file,
    parse_facts_text,
    parse_slot_values,
    parse_template_file,
)
from scenarios.generator import TemplateSpec, validate_template
from scenarios.rules import FACT_FIELDS, initial_rulebook
from tests.fuzz.profile import FUZZ

RB = initial_rulebook()

# Pieces the formats give meaning to, mixed with any text (unicode, NUL, line breaks).
PIECES = [
    "=>",
    ":",
    ",",
    "\n",
    "\r\n",
    "\t",
    "    ",
    "{",
    "}",
    "{{",
    "}}",
    '"',
    " ",
    "\x00",
    "\u2028",
    "text:",
    "slot ",
    "slot x:",
    "title:",
    "key:",
    "facts:",
    "difficulty:",
    "picture:",
    "tags:",
    "topic",
    "burglary",
    "true",
    "none",
    "-",
    "99999",
    "9" * 5000,
    "é",
    "\U0001f600",
    *FACT_FIELDS,
]
texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=12), max_size=25).map("".join)


def assert_clear(error: Exception) -> None:
    message = str(error)
    assert message and "Traceback" not in message


@FUZZ
@given(texts)
def test_facts_text_reads_or_says_why(text):
    try:
        facts = parse_facts_text(text)
    except FormatError as error:
        assert_clear(error)
    else:
        assert all(isinstance(name, str) and name for name in facts)


@FUZZ
@given(texts)
def test_slot_values_read_or_say_which_line(text):
    try:
        values = parse_slot_values(text)
    except FormatError as error:
        assert_clear(error)
        assert str(error).startswith("Line ")
    else:
        assert all(value.text.strip() for value in values)


header_lines = st.lists(
    st.sampled_from(["title: T", "key: k", "difficulty: 2", "picture: none", "tags: a, b"])
    | st.builds("facts: {}".format, texts)
    | texts,
    max_size=6,
)
post_lines = st.lists(texts.map(lambda t: "    " + t), min_size=0, max_size=4)
slot_blocks = st.lists(
    st.tuples(st.text(max_size=8), st.lists(texts.map(lambda t: "    " + t), max_size=4)),
    max_size=3,
)


@st.composite
def template_files(draw):
    lines = draw(header_lines)
    if draw(st.booleans()):
        lines += ["", "text:", *draw(post_lines)]
    for name, values in draw(slot_blocks):
        lines += ["", f"slot {name}:", *values]
    return "\n".join(lines)


@FUZZ
@given(template_files() | texts)
def test_template_files_read_or_say_which_line(text):
    try:
        spec = parse_template_file(text)
    except FormatError as error:
        assert_clear(error)
        assert str(error).startswith("Line ")
        return
    assert isinstance(spec, TemplateSpec)
    # What was read is for the generator to judge: every problem a message on a named field.
    problems = validate_template(spec, RB)
    for field, messages in problems.items():
        assert isinstance(field, str) and field
        assert messages and all(isinstance(m, str) and m for m in messages)
    # Writing it back either reproduces it or refuses, saying why.
    try:
        again = parse_template_file(format_template_file(spec))
    except FormatError as error:
        assert_clear(error)
    else:
        assert repr(again) == repr(spec)


def test_a_number_too_long_to_read_is_a_format_error():
    """int() of more than 4,300 digits raises a bare ValueError in Python 3.11+."""
    for text in (f"days_since_sentencing: {'9' * 5000}", f"ksi: -{'1' * 4400}"):
        try:
            parse_facts_text(text)
        except FormatError as error:
            assert "digits" in str(error) or "number" in str(error)
        else:
            raise AssertionError("accepted a 5,000-digit number")
