"""People named in a post: a simple, pure heuristic.

A run of capitalised words is a person's name when its first word is a known first name
(data/first_names.toml), or when an age or a title goes with it ("Dale Prior, 32,",
"Mr Okafor"). A run that is none of these but contains no place, street, organisation or
ordinary word is "name-like": the detectors treat it as a possible name and ask, rather than
guess. Places (data/places.toml) are never names: "Stanley Park Road", "Wood Green".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from scenarios.suggest.lexicon import cue_list, words
from scenarios.suggest.names.recase import readable
from scenarios.suggest.names.tokens import TOKEN, capitalised, greetings, name_sets

# An age after a name: "Tom Reid, 22," or "(22)"; not a time or a number ("Hanger Lane, 01:20").
_AGE_AFTER = re.compile(
    # "(15)", and "(15, Streatham Hill)".
    r"\s*(?:,\s*(?:aged\s+)?(\d{1,2})\b(?![:.]\d)|\((\d{1,2})(?:\)|,(?!\d))|,?\s+aged\s+(\d{1,2})\b"
    # "Ben Saunders is 17, first offence": not "is 17 minutes late" or "was 70 in a 30".
    r"|\s+(?:is|was)\s+(\d{1,2})\b(?![:.]\d|\s*(?:mph|%|minutes?|mins?|hours?|hrs?|days?|weeks?|"
    r"months?|in\b|times?|miles?|metres?|feet|ft|th|st|nd|rd|am|pm|pounds?|kg)))"
)
# Ages in words, as posts write a child's: "Seventeen-year-old Jordan Price".
AGE_WORDS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}  # fmt: skip
_AGE_BEFORE = re.compile(
    r"\b(\d{1,2}) ?[- ]?(?:years?|yrs?)[- ]old\s+$|\b(\d{1,2}) ?yo\s+$"
    rf"|\b({'|'.join(AGE_WORDS)})[- ]years?[- ]old\s+$",
    re.IGNORECASE,
)
# A lowercase place word straight after a run makes it a place named after someone: "the Keir
# Hardie estate", "the Robert Clack school".
_PLACE_AFTER = re.compile(
    r"\s+(?:estate|estates|school|academy|college|park|station|house|centre|center|ward|tower|"
    r"block|flats|gardens|road|street|lane|avenue|hospital|library|leisure centre)\b"
)
_AGETOKEN = re.compile(rf"(?:{'|'.join(AGE_WORDS)})-years?-old", re.IGNORECASE)
_RANK_BEFORE = re.compile(r"([A-Za-z]+)\.?\s+$")
_MAX_NAME_WORDS = 3
# Where a first name alone is placed, which makes it identify someone: "Kyle from Langhedge
# Lane", "Kieran of the Nightingale estate", "Dev at no. 14", "Mo from the chippy on Wood Lane",
# "Rayan from Yr 11".
_PLACED = re.compile(
    r",?\s+(?:from|of|at|on|in)\s+(?:the\s+)?(?:(?:no\.?|number|flat)\s*\d+\b"
    # or in a school year: "Rayan from Yr 11".
    r"|(?:yr|year)\s?\d{1,2}\b"
    r"|(?:[\w'’-]+\s+){1,4}?(?:rd|road|st|street|lane|ln|ave|avenue|close|way|grove|gardens|"
    r"gdns|court|crescent|drive|place|square|terrace|hill|estate|tower|house|block|flats|rise|"
    r"walk|mews)\b"
    # or at their work: "Gary from Heathway Tyres", "Mo from the chippy".
    r"|(?:[\w'’-]+\s+)?(?:chippy|chip shop|barbers?|barber's|cafe|café|caff|garage|pub|takeaway|"
    r"offy|off[- ]licen[cs]e|salon|gym|tyres|motors|kebab shop|corner shop|newsagents?|bookies|"
    r"launderette)\b)",
    re.IGNORECASE,
)
# A nickname in quotes between a first name and a surname: " 'K-Dot' ", ' "Big Mike" '.
_NICKNAME = re.compile(r" ['‘\"“][\w .&-]{1,16}['’\"”] ")


@dataclass(frozen=True, slots=True)
class Person:
    name: str  # verbatim from the text
    start: int
    end: int
    age: int | None = None
    sure: bool = True  # False: only name-like (no known first name, age or title)
    officer: bool = False  # a rank or role comes first: an officer or official, not a suspect
    full: bool = True  # first and last name, or a title and surname; False: "Amy, 15"
    placed: bool = False  # a first name placed at a street or work: "Kyle from Langhedge Lane"


@cache
def _trade() -> re.Pattern[str]:
    """A word that makes a capitalised run a business or a school, not a person: "Dunmore
    Plumbing", "Kwik Fix Motors", "Elmcroft High"."""
    fragments = (
        *cue_list("allegation", "trade_names"),
        *cue_list("allegation", "business"),
        *words("places", "business_words"),
    )
    return re.compile("|".join(f"(?:{fragment})" for fragment in fragments), re.IGNORECASE)


def _runs(text: str) -> list[list[re.Match[str]]]:
    """Runs of capitalised words separated by single spaces, or by a nickname in quotes
    ("Jaswant 'JD' Dhillon"), not inside handles or hashtags."""
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    nicknames = [(m.start(), m.end()) for m in _NICKNAME.finditer(text)]
    for match in TOKEN.finditer(text):
        start = match.start()
        if any(s < start < e for s, e in nicknames):
            continue  # the nickname's own words: the run goes on after it
        ok = capitalised(match.group()) and (start == 0 or text[start - 1] not in "@#/.")
        gap = text[current[-1].end() : start] if current else ""
        if ok and current and (gap == " " or _NICKNAME.fullmatch(gap)):
            current.append(match)
            continue
        if current:
            runs.append(current)
        current = [match] if ok else []
    if current:
        runs.append(current)
    return runs


def _age(text: str, start: int, end: int) -> int | None:
    after = _AGE_AFTER.match(text, end)
    if after:
        return int(next(group for group in after.groups() if group))
    before = _AGE_BEFORE.search(text, max(0, start - 24), start)
    if before is None:
        return None
    return years(before.group(1) or before.group(2) or before.group(3))


def years(age: str) -> int:
    """An age as written: "17" or "seventeen"."""
    return int(age) if age.isdigit() else AGE_WORDS[age.lower()]


def _person(text: str, run: list[re.Match[str]]) -> Person | None:
    first, places, hard, soft, ordinary, ranks, titles = name_sets()
    tokens = [m.group() for m in run]
    if tokens[0] in greetings():
        return None  # the one the reply is to
    officer = title = False
    before = _RANK_BEFORE.search(text, max(0, run[0].start() - 12), run[0].start())
    if before and before.group(1) in ranks:
        officer = True
    while tokens and _AGETOKEN.fullmatch(tokens[0]):
        tokens.pop(0)  # "Seventeen-year-old Jordan Price": the age, not a name
        run = run[1:]
    while tokens and (tokens[0] in ordinary or tokens[0] in ranks or tokens[0] in titles):
        officer = officer or tokens[0] in ranks
        title = title or tokens[0] in titles
        tokens.pop(0)
        run = run[1:]
    if not tokens:
        return None
    tokens, run = tokens[:_MAX_NAME_WORDS], run[:_MAX_NAME_WORDS]
    # With an age straight after, two words are a person even when the surname is also a
    # place word: "Tamsin Ward, 40," (a street has no age).
    if any(token in hard for token in tokens) and not (
        len(tokens) == 2 and _AGE_AFTER.match(text, run[-1].end())
    ):
        return None  # "Mandy Cross, 40," is a person; "Kings Cross" is a place
    phrase = " ".join(tokens)
    if phrase in places or any(
        f"{a} {b}" in places for a, b in zip(tokens, tokens[1:], strict=False)
    ):
        return None
    start, end = run[0].start(), run[-1].end()
    if _PLACE_AFTER.match(text, end):
        return None
    age = _age(text, start, end)
    known = tokens[0] in first or any(part in first for part in tokens[0].split("-"))
    if len(tokens) == 1:
        # A first name alone is a person only with an age ("Amy, 15"); a surname with a title.
        if title and tokens[0] not in ordinary:
            return Person(text[start:end], start, end, age, True, officer, True)
        if known and age is not None:
            return Person(text[start:end], start, end, age, True, officer, False)
        if known and _PLACED.match(text, end):
            return Person(text[start:end], start, end, None, False, officer, False, placed=True)
        return None
    if known:
        if tokens[-1] in places and tokens[0] in places:
            return None
        return Person(text[start:end], start, end, age, True, officer)
    if tokens[0] in places or (tokens[-1] in soft and age is None):
        return None  # "Mandy Cross, 40," is a person; "Cross" alone would make a street
    if age is not None or title:
        return Person(text[start:end], start, end, age, True, officer)
    if any(token in ordinary or token in places or token in soft for token in tokens):
        return None
    if any(_trade().fullmatch(token.strip("'’")) for token in tokens):
        return None
    return Person(text[start:end], start, end, age, False, officer)


def find_people(text: str) -> list[Person]:
    """The people named in ``text``, in order: known names, and name-like runs (sure=False)."""
    source = readable(text)
    found = []
    for run in _runs(source):
        person = _person(source, run)
        if person is not None:
            # The name as written, not as re-cased.
            found.append(
                person if source is text else replace(person, name=text[person.start : person.end])
            )
    return found


# Other ways a post names someone: a nickname in quotes ("'Shady'"), an account mentioned in
# the text (not the reply's addressee at the start).
_QUOTED = re.compile(r"['‘\"“](?-i:[A-Z])[\w .&-]{1,16}['’\"”]")
_HANDLE_INSIDE = re.compile(r"(?<=\s)@\w+")


def names_anyone(text: str) -> bool:
    """Whether ``text`` names anyone at all: a person ``find_people`` finds (officers too), a
    first name on its own ("it's Kieran from Nightingale block"), but not a reply's greeting
    ("Hi Priya"), a nickname in quotes, or an account. A flag about naming someone needs one."""
    if find_people(text) or _QUOTED.search(text) or _HANDLE_INSIDE.search(text):
        return True
    first = name_sets()[0]
    previous = ""
    for match in TOKEN.finditer(readable(text)):
        token = match.group()
        if token in first and capitalised(token) and previous.capitalize() not in greetings():
            return True
        previous = token
    return False


def civilians(text: str) -> list[Person]:
    """People named in ``text`` who are not officers or officials."""
    return [person for person in find_people(text) if not person.officer]
