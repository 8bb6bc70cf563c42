"""Detectors for the people the law keeps anonymous: a victim of a sexual offence (SOAA 1992
s.1, for life) and an under-18 in criminal proceedings (CYPA 1933 s.49, YJCEA 1999 s.45)."""

from __future__ import annotations

import re

from scenarios.suggest.detection import (
    NO,
    Detection,
    charges,
    find,
    find_all,
    q,
    says,
    sentence_at,
    sentences,
    within,
)
from scenarios.suggest.lexicon import cues, words
from scenarios.suggest.names import AGE_WORDS, civilians, years

# An age: "15-year-old", "15yo", "aged 15", "both 15", ", 15,", "Rio is 17", "boys, 14 & 15",
# and in words ("Seventeen-year-old Jordan Price").
_CHILD_AGE = re.compile(
    r"\b(\d{1,2}) ?[- ]?(?:years?|yrs?)[- ]olds?\b|\b(\d{1,2}) ?yo\b|\baged (\d{1,2})\b"
    r"|\bboth (\d{1,2})\b|, (\d{1,2}),|\bis (?:only |just )?(\d{1,2})(?= and\b| or\b| &|[,.;!])"
    r"|\b(1[0-7]) (?:&|and|or) 1[0-7]\b"
    # "Lad of 15 punched and robbed", "For those asking, he's 17, lives off Stonegrove".
    r"|\b(?:lad|boy|girl|kid|teen|child|youth|son|daughter) of (\d{1,2})\b"
    # "She's 17 now", "his niece, now 15".
    r"|\b(?:he|she)['’]s (\d{1,2})(?=[,.;!]| and\b| now\b)"
    r"|(?<=, )now (\d{1,2})(?=[,.;!)])"
    rf"|\b({'|'.join(AGE_WORDS)})[- ]years?[- ]olds?\b",
    re.IGNORECASE,
)
_ROLE_CLUE = re.compile(r"^(\w+)")  # the first word of a "Goldsmiths student" clue


def _accused(text: str, spans) -> list:
    """Named people in a sentence that arrests, charges or convicts someone."""
    accused_cues = charges(text) + find_all("arrest", "cues", text)
    found = []
    for person in civilians(text):
        start, end = sentence_at(spans, person.start)
        if within(accused_cues, start, end):
            found.append(person)
    return found


def detect_identifies_sexual_offence_victim(text: str) -> Detection:
    offence = find("sexual", "offences", text)
    if not offence:
        return NO
    spans = sentences(text)
    accused = _accused(text, spans)
    about = f"sexual offence: {q(offence.group(0))}"
    relation = find("sexual", "relations", text)
    if accused and relation:
        return Detection(
            True, True, f"{about}; names {q(accused[0].name)}; victim is {q(relation.group(0))}"
        )
    for person in civilians(text):
        # A first name alone is enough with an age beside it ("Update on Leah, 14").
        if person in accused or not (person.full or person.age is not None):
            continue
        start, end = sentence_at(spans, person.start)
        if find("sexual", "offences", text, start, end):
            return Detection(True, person.sure, f"{about}; names {q(person.name)}")
        if find("sexual", "victim", text, start, end):
            # Named beside "the victim" or "she": perhaps the victim, perhaps a witness.
            return Detection(True, False, f"{about}; names {q(person.name)}, unclear who")
    ordinary = words("places", "common")
    victim_words = cues("sexual", "victim")
    weak = None
    for clue in find_all("sexual", "clues", text):
        first = _ROLE_CLUE.match(clue.group(0))
        rest = clue.group(0)[first.end() :] if first else ""
        if (
            first
            and first.group(1)[0].isupper()
            and first.group(1) in ordinary
            and not any(word[0].isupper() for word in rest.split())
        ):
            continue  # "The student": no institution named ("Year 8 at Harris" names one)
        start, end = sentence_at(spans, clue.start())
        if not (victim_words.search(text, start, end) or start <= offence.start() < end):
            continue
        if any(start <= person.start < end for person in accused):
            weak = weak or clue  # may describe the accused, not the victim
            continue
        return Detection(True, True, f"{about}; victim clue: {q(clue.group(0))}")
    if weak:
        return Detection(True, False, f"{about}; clue {q(weak.group(0))}, unclear whose")
    return Detection(False, True, f"{about}; no detail that identifies the victim")


def _child_ages(text: str) -> list[re.Match[str]]:
    return [
        match
        for match in _CHILD_AGE.finditer(text)
        if years(next(group for group in match.groups() if group)) < 18
    ]


# A child a sexual offence was done to, beyond the ages and words above: "sexual assault of a
# child under 13", "his teenage stepdaughter", "a Year 5 girl".
_CHILD_VICTIM = re.compile(
    # Not "when she was a child" (an adult now) or "the children's ward".
    r"(?<!was a )(?<!were )\b(?:child(?:ren)?(?!['’]s)|under[- ]1[0-8]s?|teenage|"
    r"school ?(?:girl|boy)s?|pupils?|"
    r"(?:yr|year) ?(?:[1-9]|1[0-3]))\b",
    re.IGNORECASE,
)


def detect_identifies_child_in_proceedings(text: str) -> Detection:
    found = _child_in_proceedings(text)
    if found.value is True:
        return found
    return _sexual_victim_a_child(text) or found


def _sexual_victim_a_child(text: str) -> Detection | None:
    """An identified victim of a sexual offence who is a child: the child is a victim in an
    investigation or a prosecution, protected by both laws."""
    victim = detect_identifies_sexual_offence_victim(text)
    if victim.value is not True:
        return None
    # Said of the victim: in a sentence naming the offence or the one after it ("... abusing
    # his stepdaughter. She's 17 now"), not of a "teenage boy arrested" earlier on.
    spans = sentences(text)
    about = set()
    for offence in find_all("sexual", "offences", text):
        index = spans.index(sentence_at(spans, offence.start()))
        about.update(spans[index : index + 2])
    markers = [
        *_child_ages(text),
        *find_all("child", "words", text),
        *_CHILD_VICTIM.finditer(text),
    ]
    child = next((m for m in markers if any(a <= m.start() < b for a, b in about)), None)
    if child is None:
        return None
    return Detection(True, victim.sure, f"{victim.evidence}; under 18: {q(child.group(0))}")


def _child_in_proceedings(text: str) -> Detection:
    proceedings = find("child", "proceedings", text)
    arrest = find("arrest", "cues", text)
    # A crime against the child is under investigation too: the victim is protected as well
    # (a sexual offence most of all: "the girl is only 15 & lives just off Camberwell Rd").
    harmed = find("child", "harmed", text) or find("sexual", "offences", text)
    if not proceedings and not arrest and not harmed:
        return NO
    step = says(proceedings or arrest or harmed)
    people = civilians(text)
    for person in people:
        if person.age is not None and person.age < 18:
            sure = bool(proceedings and person.full and person.sure)
            return Detection(True, sure, f"names {q(person.name)}, aged {person.age}; {step}")
    child_word = find("child", "words", text)
    spans = sentences(text)
    for word in find_all("child", "words", text) if proceedings else ():
        # Anyone named beside "youth court" or "schoolboy", with no adult age, is likely a child.
        start, end = sentence_at(spans, word.start())
        named = [
            person
            for person in people
            if person.full and person.age is None and start <= person.start < end
        ]
        if named:
            return Detection(True, named[0].sure, f"names {q(named[0].name)}; {says(word)}")
    children = _child_ages(text) or ([child_word] if child_word else [])
    if not children:
        return NO
    child = f"under 18: {q(children[0].group(0))}"
    identifier = find("child", "identifiers", text)
    if identifier:
        # Identified but only arrested so far: ask, as a charge may follow.
        return Detection(True, bool(proceedings), f"{child}; {says(identifier)}; {step}")
    if not proceedings:
        return Detection(False, True, f"{child}; not in proceedings")
    return Detection(False, True, f"{child}; {step}; no identifying detail")
