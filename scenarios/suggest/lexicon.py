"""The reference lists of ``data/``, read once and compiled into patterns.

The files ship with the package: they are data, not configuration, so reading them here does
not break the rule that configuration is passed in.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from functools import cache
from pathlib import Path
from typing import NamedTuple

DATA = Path(__file__).resolve().parent / "data"


@cache
def _toml(name: str) -> dict:
    with (DATA / name).open("rb") as file:
        return tomllib.load(file)


@cache
def words(name: str, key: str) -> frozenset[str]:
    """The list ``key`` of ``data/<name>.toml`` as a set of exact strings."""
    return frozenset(_toml(f"{name}.toml")[key])


@cache
def cue_list(section: str, key: str) -> tuple[str, ...]:
    return tuple(_toml("lexicon.toml")[section][key])


@cache
def cue_sections() -> tuple[tuple[str, str], ...]:
    """Every (section, key) of lexicon.toml that holds a cue list."""
    return tuple(
        (section, key)
        for section, table in _toml("lexicon.toml").items()
        for key, value in table.items()
        if isinstance(value, list)
    )


@cache
def cues(section: str, key: str) -> re.Pattern[str]:
    """One pattern for the list ``key`` of ``[section]`` in lexicon.toml: any of its fragments,
    case-insensitive, never starting or ending inside a word or a handle."""
    fragments = "|".join(f"(?:{fragment})" for fragment in cue_list(section, key))
    return re.compile(rf"(?<![\w@])(?:{fragments})(?!\w)", re.IGNORECASE)


@cache
def hand_written_examples() -> tuple[tuple[str, str], ...]:
    """The hand-written training posts of data/examples.json, as (text, topic) pairs."""
    with (DATA / "examples.json").open(encoding="utf-8") as file:
        by_topic = json.load(file)["examples"]
    return tuple((text, topic) for topic, texts in by_topic.items() for text in texts)


class LabelledPost(NamedTuple):
    """A hand-written draft with its topic and the flags it has, and who wrote it (the file)."""

    writer: str
    text: str
    topic: str
    flags: frozenset[str]


@cache
def labelled_posts() -> tuple[LabelledPost, ...]:
    """The drafts of data/labelled_posts/<writer>.json: each writer's own file, so that a model
    can be checked on one writer after learning from the others."""
    posts = []
    for path in sorted((DATA / "labelled_posts").glob("*.json")):
        with path.open(encoding="utf-8") as file:
            for item in json.load(file):
                posts.append(
                    LabelledPost(path.stem, item["text"], item["topic"], frozenset(item["flags"]))
                )
    return tuple(posts)


@cache
def learned_wording(flag: str) -> str:
    """What drafts with ``flag`` do, in the officer's words, for the flag model's evidence."""
    return _toml("lexicon.toml")["learned"][flag]


@cache
def word_lists_digest() -> str:
    """A digest of the word lists the detectors and the flag reader's features are built from:
    a model trained with other lists would read its features wrongly."""
    digest = hashlib.sha256()
    for name in ("lexicon.toml", "first_names.toml", "places.toml"):
        digest.update(name.encode() + b"\x1f" + (DATA / name).read_bytes() + b"\x1f")
    return digest.hexdigest()[:16]
