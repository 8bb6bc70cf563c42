"""The template file: one scenario template as a plain-text file. Pure: no Django.

A file is a few header lines, then the post, then one block per slot::

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

The fields are written exactly as in the admin form: ``facts`` as ``name: value`` pairs
(``parse_facts_text``) and each slot's values one per line, with facts after ``=>``
(``parse_slot_values``). ``picture`` is the kind of picture: none, general, suspect or custody.
``title``, ``key`` and ``text`` are required; the other headers default to no account,
difficulty 1, no tags, no picture and no facts.

The one rule that matters: **the lines of the post and of slot values are indented by four
spaces** (or a tab), and only those lines are. The ``text:`` and ``slot name:`` lines and the
headers start at the left margin, and a block ends at the next line that does. So no line of a
post can ever be read as a header or a new slot, whatever it says ("slot machines stolen:" is
safe), and a line someone forgot to indent is an error naming it rather than a post that
silently lost its end. Blank lines inside the post are kept; blank lines before and after it
are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields

from scenarios.authoring.fields import (
    FormatError,
    format_facts,
    format_slot_values,
    parse_facts_text,
    parse_slot_values,
)
from scenarios.generator import SlotValue, TemplateSpec

INDENT = "    "
HEADERS = ("title", "key", "account", "difficulty", "tags", "picture", "facts")
_REQUIRED = ("title", "key")
_INDENTS = (INDENT, "\t")
_WHOLE_NUMBER = re.compile(r"-?\d+")
_INDENT_ADVICE = "the lines of the post and of slot values are indented by four spaces"


def _error(number: int, message: str) -> FormatError:
    return FormatError(f"Line {number}: {message}")


@dataclass
class _Block:
    """A ``text:`` or ``slot name:`` block: its opening line and its lines, unindented."""

    name: str | None  # the slot's name; None for the text
    line: int
    lines: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return "“text:”" if self.name is None else f"the slot “{self.name}”"


@dataclass
class _File:
    """A file split into headers (name -> line number, value) and blocks."""

    headers: dict[str, tuple[int, str]] = field(default_factory=dict)
    blocks: list[_Block] = field(default_factory=list)
    end: int = 1  # the last line, where missing things are reported


def _open_block(line: str, number: int, blocks: list[_Block]) -> _Block | None:
    """The block ``line`` opens, or None when it is a header line."""
    opening = line.rstrip()
    if opening.startswith("text:"):
        if opening != "text:":
            raise _error(number, f"write the post on the lines below “text:”: {_INDENT_ADVICE}.")
        block = _Block(None, number)
    elif opening.startswith("slot "):
        name = opening.removeprefix("slot ").removesuffix(":").strip()
        if not opening.endswith(":") or not name:
            raise _error(
                number, f"a slot starts with a line “slot name:”, and {_INDENT_ADVICE} below it."
            )
        block = _Block(name, number)
    else:
        return None
    earlier = next((b for b in blocks if b.name == block.name), None)
    if earlier is not None:
        raise _error(number, f"{block.label} is given twice (first on line {earlier.line}).")
    blocks.append(block)
    return block


def _add_header(line: str, number: int, headers: dict[str, tuple[int, str]]) -> None:
    name, colon, value = line.partition(":")
    name = name.strip()
    if not colon:
        raise _error(
            number,
            f"“{line.strip()}” is not a header (name: value) or a “text:” or “slot name:” "
            f"line; {_INDENT_ADVICE}.",
        )
    if name not in HEADERS:
        raise _error(
            number,
            f"“{name}” is not a header: the headers are {', '.join(HEADERS)}; {_INDENT_ADVICE}.",
        )
    if name in headers:
        raise _error(number, f"“{name}” is given twice (first on line {headers[name][0]}).")
    headers[name] = (number, value.strip())


def _split(text: str) -> _File:
    lines = text.splitlines()
    found = _File(end=max(len(lines), 1))
    block: _Block | None = None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            if block is not None:
                block.lines.append("")
        elif line.startswith(_INDENTS):
            if block is None:
                raise _error(number, "this line is indented, but no “text:” or slot line is open.")
            block.lines.append(line.removeprefix(INDENT) if line[0] == " " else line[1:])
        elif line[0].isspace():
            raise _error(number, f"this line is not indented enough: {_INDENT_ADVICE}.")
        else:
            block = _open_block(line, number, found.blocks)
            if block is None:
                _add_header(line, number, found.headers)
    return found


def _post_text(file: _File) -> str:
    block = next((b for b in file.blocks if b.name is None), None)
    if block is None:
        raise _error(file.end, f"the file ends without a “text:” line; {_INDENT_ADVICE}.")
    lines = list(block.lines)
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    if not lines:
        raise _error(block.line, f"the post below “text:” is empty; {_INDENT_ADVICE}.")
    return "\n".join(lines)


def _slot_values(block: _Block) -> tuple[SlotValue, ...]:
    # Blank lines in front make parse_slot_values' own "Line N:" the line of the file.
    values = parse_slot_values("\n" * block.line + "\n".join(block.lines))
    if not values:
        raise _error(block.line, f"{block.label} has no values; {_INDENT_ADVICE}.")
    return tuple(values)


def _header(file: _File, name: str, default: str = "") -> str:
    if name in file.headers:
        return file.headers[name][1]
    if name in _REQUIRED:
        raise _error(file.end, f"the file ends without a “{name}:” line.")
    return default


def _required(file: _File, name: str) -> str:
    value = _header(file, name)
    if not value:
        raise _error(file.headers[name][0], f"the {name} is empty.")
    return value


def _difficulty(file: _File) -> int:
    value = _header(file, "difficulty", "1")
    if not _WHOLE_NUMBER.fullmatch(value):
        number = file.headers["difficulty"][0]
        raise _error(number, f"the difficulty is a whole number (1, 2 or 3), not “{value}”.")
    return int(value)


def _facts(file: _File) -> dict:
    try:
        return parse_facts_text(_header(file, "facts"))
    except FormatError as exc:
        raise _error(file.headers["facts"][0], str(exc)) from None


def parse_template_file(text: str) -> TemplateSpec:
    """The template a file describes; ``FormatError`` names the line of the first problem.

    Only the shape is checked here; whether the template works is ``validate_template``'s job.
    """
    file = _split(text)
    title = _required(file, "title")
    key = _required(file, "key")
    return TemplateSpec(
        key=key,
        title=title,
        text=_post_text(file),
        slots={b.name: _slot_values(b) for b in file.blocks if b.name is not None},
        fixed_facts=_facts(file),
        image_kind=_header(file, "picture", "none"),
        account=_header(file, "account"),
        tags=tuple(tag.strip() for tag in _header(file, "tags").split(",") if tag.strip()),
        difficulty=_difficulty(file),
    )


def _changed_field(spec: TemplateSpec, back: TemplateSpec) -> str:
    # repr, not ==: True and 1, "7" and 7, or the same slots in another order all differ.
    for name in (item.name for item in fields(TemplateSpec)):
        if repr(getattr(spec, name)) != repr(getattr(back, name)):
            return name
    return ""


def format_template_file(spec: TemplateSpec) -> str:
    """The file for ``spec``; ``parse_template_file`` reads it back as an equal template.

    Raises ``FormatError`` for a template the format cannot hold unchanged (a slot value with
    "=>" in it, a fact value with a comma, a post starting or ending with a blank line...).
    """
    lines = [
        f"title: {spec.title}",
        f"key: {spec.key}",
        f"account: {spec.account}",
        f"difficulty: {spec.difficulty}",
        f"tags: {', '.join(spec.tags)}",
        f"picture: {spec.image_kind}",
        f"facts: {format_facts(dict(spec.fixed_facts))}",
    ]
    lines = [line.rstrip() for line in lines]  # "account:", not "account: " when empty
    lines += ["", "text:"]
    lines += [INDENT + line if line.strip() else "" for line in spec.text.split("\n")]
    for name, values in spec.slots.items():
        lines += ["", f"slot {name}:"]
        lines += [INDENT + line for line in format_slot_values(values).split("\n")]
    text = "\n".join(lines) + "\n"
    problem = f"The template “{spec.key}” cannot be written as a template file"
    try:
        back = parse_template_file(text)
    except FormatError as exc:
        raise FormatError(f"{problem}: it would not read back. {exc}") from None
    changed = _changed_field(spec, back)
    if changed:
        raise FormatError(f"{problem} without changing its {changed}.")
    return text
