"""The template file format (scenarios/authoring/template_file.py) and reading a directory of
template files (scenarios/authoring/library.py).

Pure: no database. Run with
``.venv/bin/python -m pytest -p no:cacheprovider tests/scenarios/test_template_file.py -q``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scenarios.authoring import (
    FormatError,
    format_template_file,
    parse_template_file,
    read_library,
)
from scenarios.generator import SlotValue, TemplateSpec

LIBRARY = Path(__file__).resolve().parents[2] / "scenarios" / "starter_library"
STARTER = read_library(LIBRARY)

EXAMPLE = """\
title: KSI crash on the high road
key: ksi-crash
account: @MPSLewisham
difficulty: 3
tags: collisions, near-miss:ksi, amber, red
picture: none
facts: topic: road-traffic-collision, in_public_domain: true

text:
    Officers in {ward} are at the scene of {crash}.
    Please avoid the area.

slot ward:
    Catford
    Lee Green

slot crash:
    a crash that left a cyclist seriously injured => ksi: true
    a minor shunt on the high street
"""

EXAMPLE_SPEC = TemplateSpec(
    key="ksi-crash",
    title="KSI crash on the high road",
    text="Officers in {ward} are at the scene of {crash}.\nPlease avoid the area.",
    slots={
        "ward": ("Catford", "Lee Green"),
        "crash": (
            SlotValue("a crash that left a cyclist seriously injured", {"ksi": True}),
            "a minor shunt on the high street",
        ),
    },
    fixed_facts={"topic": "road-traffic-collision", "in_public_domain": True},
    image_kind="none",
    account="@MPSLewisham",
    tags=("collisions", "near-miss:ksi", "amber", "red"),
    difficulty=3,
)


def minimal(text: str = "    Officers in {ward} made an arrest.", slots: str = "") -> str:
    return f"title: T\nkey: k\n\ntext:\n{text}\n{slots}"


# --------------------------------------------------------------------------- reading


def test_the_example_reads_as_its_template():
    assert parse_template_file(EXAMPLE) == EXAMPLE_SPEC
    assert list(parse_template_file(EXAMPLE).slots) == ["ward", "crash"]


def test_the_example_is_what_format_writes():
    assert format_template_file(EXAMPLE_SPEC) == EXAMPLE


def test_only_title_key_and_text_are_required():
    spec = parse_template_file("title: A title\nkey: a-key\ntext:\n    Just a post.\n")
    assert spec == TemplateSpec(key="a-key", title="A title", text="Just a post.")
    assert (spec.account, spec.tags, spec.image_kind, spec.difficulty) == ("", (), "none", 1)
    assert dict(spec.fixed_facts) == {} and dict(spec.slots) == {}


def test_headers_may_come_in_any_order_and_empty_ones_mean_nothing():
    spec = parse_template_file(
        "key: k\naccount:\ntags:\nfacts:\npicture: suspect\ntitle: Wanted: a man\n"
        "text:\n    Have you seen him?\n"
    )
    assert (spec.key, spec.title, spec.account, spec.tags) == ("k", "Wanted: a man", "", ())
    assert spec.image_kind == "suspect"


def test_post_lines_that_look_like_headers_or_slots_stay_in_the_post():
    text = (
        "slot machines stolen:\n"
        "title: not a header\n"
        "text:\n"
        "\n"
        "  two leading spaces kept\n"
        "#Lewisham {ward}"
    )
    body = "\n".join("    " + line if line else "" for line in text.split("\n"))
    spec = parse_template_file(minimal(body, "slot ward:\n    Catford\n"))
    assert spec.text == text
    assert list(spec.slots) == ["ward"]


def test_blank_lines_around_the_post_are_dropped_and_tabs_indent():
    spec = parse_template_file(
        "title: T\nkey: k\ntext:\n\n\n\tFirst line\n\n\tsecond line\n\n\nslot a:\n\tx\n"
    )
    assert spec.text == "First line\n\nsecond line"
    assert spec.slots["a"] == (SlotValue("x"),)


def test_windows_line_endings_are_read():
    assert parse_template_file(EXAMPLE.replace("\n", "\r\n")) == EXAMPLE_SPEC


def test_a_quoted_slot_value_keeps_its_leading_space():
    spec = parse_template_file(
        minimal("    Arrested last night{detail}.", 'slot detail:\n    " and remains in custody"\n')
    )
    assert spec.slots["detail"] == (SlotValue(" and remains in custody"),)


# --------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("spec", STARTER, ids=lambda spec: spec.key)
def test_every_starter_template_round_trips(spec):
    text = format_template_file(spec)
    back = parse_template_file(text)
    assert back == spec
    assert repr(back) == repr(spec)  # same types and slot order, not just equal
    assert format_template_file(back) == text


@pytest.mark.parametrize("spec", STARTER, ids=lambda spec: spec.key)
def test_every_starter_file_is_as_format_writes_it(spec):
    assert (LIBRARY / f"{spec.key}.txt").read_text(encoding="utf-8") == format_template_file(spec)


@pytest.mark.parametrize(
    ("spec", "fragment"),
    [
        (TemplateSpec("k", "T", "\nstarts with a blank line"), "without changing its text."),
        (TemplateSpec("k", "T", "{a}", slots={"a": ("two\nlines",)}), "changing its slots."),
        (TemplateSpec("k", "T", "x", tags=("a, b",)), "without changing its tags."),
        (TemplateSpec("k", "T", "x", fixed_facts={"topic": "true"}), "its fixed_facts."),
        (TemplateSpec("k", " T", "x"), "without changing its title."),
        (
            TemplateSpec("k", "T", "{a}", slots={"a": ("one => two",)}),
            "it would not read back. Line 13: “two” needs a colon",
        ),
    ],
)
def test_a_template_the_format_cannot_hold_is_refused_not_changed(spec, fragment):
    with pytest.raises(FormatError) as error:
        format_template_file(spec)
    assert str(error.value).startswith("The template “k” cannot be written as a template file")
    assert fragment in str(error.value)


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("title: T\nkey: k\ncolour: red\ntext:\n    x\n", 3, "“colour” is not a header"),
        ("title: T\nkey: k\ntext:\nOfficers attended\n", 4, "“Officers attended” is not a header"),
        ("title: T\nkey: k\ntext:\nOfficers: attended\n", 4, "“Officers” is not a header"),
        ("title: T\nkey: k\n\n", 3, "ends without a “text:” line"),
        ("title: T\ntext:\n    x\n", 3, "ends without a “key:” line"),
        ("key: k\ntext:\n    x\n", 3, "ends without a “title:” line"),
        ("", 1, "ends without a “title:” line"),
        ("title: T\nkey:\ntext:\n    x\n", 2, "the key is empty"),
        (
            "title: T\nkey: k\ntitle: U\ntext:\n    x\n",
            3,
            "“title” is given twice (first on line 1)",
        ),
        ("title: T\nkey: k\ntext:\n    x\ntext:\n    y\n", 5, "“text:” is given twice"),
        ("title: T\nkey: k\ntext: x\n", 3, "write the post on the lines below “text:”"),
        ("title: T\nkey: k\ntext:\n\nslot a:\n    x\n", 3, "the post below “text:” is empty"),
        (minimal(slots="slot ward:\n    a\n\nslot ward:\n    b\n"), 9, "“ward” is given twice"),
        (minimal(slots="slot ward:\n\n"), 6, "the slot “ward” has no values"),
        (minimal(slots="slot ward:\nslot b:\n    x\n"), 6, "the slot “ward” has no values"),
        (minimal(slots="slot ward\n    a\n"), 6, "a slot starts with a line “slot name:”"),
        (minimal(slots="slot :\n    a\n"), 6, "a slot starts with a line “slot name:”"),
        (minimal(slots="slot ward: Catford\n"), 6, "a slot starts with a line “slot name:”"),
        ("title: T\n    indented\nkey: k\n", 2, "this line is indented, but no"),
        (minimal("  only two spaces"), 5, "not indented enough"),
        (minimal(slots="slot ward:\n    a\n    b => topic burglary\n"), 8, "needs a colon"),
        (minimal(slots="slot ward:\n    a\n\n    => ksi: true\n"), 9, "no words before “=>”"),
        ("title: T\nkey: k\nfacts: ksi true\ntext:\n    x\n", 3, "“ksi true” needs a colon"),
        ("title: T\nkey: k\ndifficulty: hard\ntext:\n    x\n", 3, "not “hard”"),
    ],
)
def test_each_format_error_names_its_line(text, line, fragment):
    with pytest.raises(FormatError) as error:
        parse_template_file(text)
    message = str(error.value)
    assert message.startswith(f"Line {line}: "), message
    assert fragment in message, message


def test_the_only_shape_checked_is_the_files():
    """Whether the template works is validate_template's job: bad names and kinds still read."""
    spec = parse_template_file(minimal("    {Ward}", "slot Ward:\n    x\n") + "picture: photo\n")
    assert list(spec.slots) == ["Ward"]
    assert spec.image_kind == "photo"


# --------------------------------------------------------------------------- a directory


def write(directory: Path, name: str, text: str) -> None:
    (directory / name).write_text(text, encoding="utf-8")


def test_read_library_reads_txt_files_in_file_name_order(tmp_path):
    for key in ("b-second", "a-first", "c-third"):
        write(tmp_path, f"{key}.txt", f"title: {key}\nkey: {key}\ntext:\n    Post {key}\n")
    write(tmp_path, "README.md", "Not a template.")
    write(tmp_path, "notes.text", "Not a template either.")
    specs = read_library(tmp_path)
    assert isinstance(specs, tuple)
    assert [spec.key for spec in specs] == ["a-first", "b-second", "c-third"]


def test_an_empty_directory_is_an_empty_library(tmp_path):
    assert read_library(tmp_path) == ()


def test_a_malformed_file_is_named_with_its_line(tmp_path):
    write(tmp_path, "a-good.txt", "title: A\nkey: a-good\ntext:\n    Fine.\n")
    write(tmp_path, "b-bad.txt", "title: B\nkey: b-bad\ncolour: red\ntext:\n    x\n")
    with pytest.raises(FormatError) as error:
        read_library(tmp_path)
    assert str(error.value).startswith("b-bad.txt: Line 3: “colour” is not a header")


def test_a_file_must_be_named_after_its_key(tmp_path):
    write(tmp_path, "copy.txt", "title: A\nkey: a-key\ntext:\n    Fine.\n")
    with pytest.raises(FormatError) as error:
        read_library(tmp_path)
    assert str(error.value) == (
        "copy.txt: the key is “a-key”, so the file must be called a-key.txt."
    )


def test_the_starter_library_reads_and_has_unique_keys():
    keys = [spec.key for spec in STARTER]
    assert len(keys) == len(set(keys)) >= 44
