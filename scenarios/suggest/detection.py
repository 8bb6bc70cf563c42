"""What a detector returns, and the small text helpers the detectors share."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from scenarios.suggest.lexicon import cue_list, cues


@dataclass(frozen=True, slots=True)
class Detection:
    """One detector's answer.

    ``value`` is a bool for a flag, a string for ``image`` and ``source`` (None: nothing found).
    When ``sure`` is False the detector found only a weak cue and ``value`` is already the
    cautious answer, for the officer to confirm. ``evidence`` quotes the text verbatim, in
    single quotes, with a few words of explanation between the quotes.
    """

    value: bool | str | None
    sure: bool = True
    evidence: str = ""


NO = Detection(False)


def q(text: str) -> str:
    """A verbatim quote for evidence, with runs of white space kept as they are."""
    return f"'{text.strip()}'"


def says(match: re.Match[str]) -> str:
    return f"says {q(match.group(0))}"


# A sentence ends at . ! ? or a line break, before white space, except after "no." (a house
# number) and a title ("Mr."). Other abbreviations such as "St." split a sentence in two,
# which only makes a cue's reach shorter. Posts often end a sentence with an emoji instead of
# a full stop ("... on Sat night 💔 A 17-year-old ..."): an emoji before a capital ends one too.
_SENTENCE_END = re.compile(
    r"(?<=[.!?])(?<!\b[Nn]o\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bMrs\.)(?<!\bDr\.)\s+|\n+"
    r"|(?<=[\u2600-\u27bf\ufe0f\U0001f300-\U0001faff])\s+(?=[A-Z])"
)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``."""
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans or [(0, len(text))]


def sentence_at(spans: list[tuple[int, int]], position: int) -> tuple[int, int]:
    for start, end in spans:
        if start <= position < end:
            return start, end
    return spans[-1]


def find(section: str, key: str, text: str, start: int = 0, end: int | None = None):
    """The first match of a cue list in ``text[start:end]``, or None."""
    return cues(section, key).search(text, start, len(text) if end is None else end)


def find_all(section: str, key: str, text: str) -> list[re.Match[str]]:
    return list(cues(section, key).finditer(text))


def without(matches: list[re.Match[str]], masks: list[re.Match[str]]) -> Iterator[re.Match]:
    """The matches that overlap none of the ``masks`` (cues cancelled by a wider phrase)."""
    for match in matches:
        if not any(m.start() < match.end() and match.start() < m.end() for m in masks):
            yield match


@cache
def _negated_charge() -> re.Pattern[str]:
    words = "|".join(cue_list("charge", "negations"))
    return re.compile(rf"(?<!\w)(?:{words})\s+$", re.IGNORECASE)


def charges(text: str) -> list[re.Match[str]]:
    """Cues that someone was charged or went to court; "has not been charged" is not one."""
    negated = _negated_charge()
    return [
        match
        for match in find_all("charge", "cues", text)
        if not (
            "charge" in match.group(0).lower()
            and negated.search(text, max(0, match.start() - 16), match.start())
        )
    ]


def within(matches: list[re.Match[str]], start: int, end: int) -> list[re.Match[str]]:
    return [match for match in matches if start <= match.start() < end]
