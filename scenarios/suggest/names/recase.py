"""How the name finder reads a draft whose names are not written in title case.

Some officers write every word in lower case ("darren pike from town rd got a caution"); some
write surnames in capitals, as a custody record does ("Kyle BRENNAN (31) of no fixed abode").
Such a draft is read with its names re-cased. Only letters change case and nothing moves, so
every offset stays and quotes stay verbatim.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from scenarios.suggest.lexicon import words
from scenarios.suggest.names.tokens import TOKEN, capitalised, name_sets

_LOWER_WORD = re.compile(r"(?<![@#/\w])[a-z][\w'’-]*")
# An age as a name's: "kemal yilmaz, 29, of town rd", not "11 faces shared, 8 arrested".
_AGE_NEXT = re.compile(
    r"\s*(?:,\s*(?:aged\s+)?\d{1,2}|\(\d{1,2}\))(?:\s*[,)]|\s+(?:from|of|who|is|was|has|and)\b|\.(?:\s|$)|$)"
)
_POSSESSIVE = re.compile(r"['’]")


def _lower_case(text: str) -> bool:
    """A post written in lower case: at most one capitalised word in 25 (a "Reply to" or an
    "UPDATE" apart), and long enough to tell."""
    tokens = [
        m for m in TOKEN.finditer(text) if m.start() == 0 or text[m.start() - 1] not in "@#/."
    ]
    upper = sum(capitalised(m.group()) for m in tokens)
    return len(tokens) >= 6 and upper <= 1 + len(tokens) // 25


@cache
def _not_surnames() -> frozenset[str]:
    common = {word.lower() for word in words("places", "common")}
    return words("first_names", "not_surnames") | common


def _first_names(text: str, tokens: list[re.Match[str]]):
    """Each known first name among the lower-case ``tokens`` (not one that is also an everyday
    word), as a list of its words: with the word after it unless that word is never a surname
    ("darren pike"); a possessive ends the name ("marlon's 15")."""
    first = name_sets()[0]
    everyday, stop = words("first_names", "also_words"), _not_surnames()
    for i, match in enumerate(tokens):
        token = match.group()
        base = _POSSESSIVE.split(token)[0]
        if base in everyday or base.capitalize() not in first:
            continue
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            token == base
            and following is not None
            and text[match.end() : following.start()] == " "
            and following.group() not in stop
        ):
            yield [match, following]
        else:
            yield [match]


def _capitalise(chars: list[str], words_: list[re.Match[str]]) -> None:
    for word in words_:
        chars[word.start()] = chars[word.start()].upper()


def _cased(text: str) -> str:
    """``text`` with the names of a lower-case post capitalised: its first names (see
    ``_first_names``), and two words before an age ("kemal yilmaz, 29")."""
    stop = _not_surnames()
    chars = list(text)
    tokens = list(_LOWER_WORD.finditer(text))
    for name in _first_names(text, tokens):
        _capitalise(chars, name)
    for a, b in zip(tokens, tokens[1:], strict=False):
        if (
            text[a.end() : b.start()] == " "
            and _AGE_NEXT.match(text, b.end())
            and a.group() not in stop
            and b.group() not in stop
        ):
            _capitalise(chars, [a, b])
    return "".join(chars)


# A surname in capitals: "BRENNAN", "O'BRIEN", "ASARE-MENSAH" (two letters or more).
_CAPITALS = re.compile(r"(?<![@#/\w'’-])[A-Z](?:[A-Z]|['’-](?=[A-Z]))+(?![\w'’-])")
# The word before it that makes it a surname: a first name or a title ("Kyle BRENNAN",
# "Mr MILLER", "Cllr HARTE"), title case, one space before.
_BEFORE = re.compile(r"([A-Z][a-z][\w'’-]*)\.? $")


def _title(word: str) -> str:
    """ "O'BRIEN" -> "O'Brien", "ASARE-MENSAH" -> "Asare-Mensah"; same length, only case."""
    parts = re.split(r"(['’-])", word)
    return "".join(part[:1] + part[1:].lower() if part.isalpha() else part for part in parts)


def _surnames_uncapped(text: str) -> str:
    """``text`` with surnames written in capitals re-cased: after a first name or a title,
    or between a capitalised word and an age ("Tunde BALOGUN (29)")."""
    first, _places, _hard, _soft, _ordinary, ranks, titles = name_sets()
    stop = _not_surnames()
    chars = list(text)
    for match in _CAPITALS.finditer(text):
        word = match.group()
        before = _BEFORE.search(text, max(0, match.start() - 24), match.start())
        if before is None or word.lower() in stop:
            continue
        previous = before.group(1)
        introduced = previous in first or previous in titles or previous in ranks
        if introduced or _AGE_NEXT.match(text, match.end()):
            chars[match.start() : match.end()] = _title(word)
    return "".join(chars)


# An age straight after a name, however written: "danny o'sullivan 36,", "kaiden (14)".
_BARE_AGE = re.compile(
    r"(?:\s*,\s*|\s+)(?:\(\d{1,2}\)|\d{1,2}(?![\d:.]|\s*(?:mph|%|mins?|minutes?|hours?|hrs?|"
    r"days?|weeks?|months?|years?|yrs?|am|pm|th|st|nd|rd|x)\b))(?=[\s,.;)!]|$)",
    re.IGNORECASE,
)


def _lower_names_with_age(text: str) -> str:
    """In a post in ordinary case, a name typed in lower case with an age after it: a first
    name (see ``_first_names``), with its surname ("danny o'sullivan 36") or alone ("kaiden
    (14)"). Without the age, a lower-case word stays a word."""
    chars = list(text)
    for name in _first_names(text, list(_LOWER_WORD.finditer(text))):
        if _BARE_AGE.match(text, name[-1].end()):
            _capitalise(chars, name)
    return "".join(chars)


@lru_cache(maxsize=1024)
def readable(text: str) -> str:
    """``text`` as the name finder reads it. Kept per text: every detector asks for the people
    in the same draft, one after another."""
    if _lower_case(text):
        return _cased(text)
    if _CAPITALS.search(text):
        text = _surnames_uncapped(text)
    return _lower_names_with_age(text)
