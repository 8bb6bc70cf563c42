"""Detectors about suspects: naming one before charge, naming someone cautioned, prejudicial
matter while proceedings are active, and a wanted appeal left up after the arrest."""

from __future__ import annotations

import re
from functools import cache

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
    without,
)
from scenarios.suggest.lexicon import cue_list
from scenarios.suggest.names import Person, find_people

# Who the arrest sentence is about: someone unnamed ("a 19-year-old man"), or a pronoun that
# points back at a name in an earlier sentence.
_ANONYMOUS = re.compile(
    r"\b(?:a|an|two|three|four|five|several|the other|another|one)\s+"
    r"(?:\d{1,2}[- ]?(?:year[- ]old|yo|yr old)\s+|older\s+|younger\s+|local\s+)?"
    r"(?:men|man|woman|women|boys?|girls?|teenagers?|people|"
    r"males?|females?|youths?|suspects?|drivers?|riders?)\b|\b\d{1,2}[- ]year[- ]old\b"
    # Someone unnamed through a tie to the person named: "her husband has been arrested".
    r"|\b(?:her|his|their)\s+(?:ex-?(?:partner|husband|wife|boyfriend|girlfriend)?|husband|wife|"
    r"partner|boyfriend|girlfriend|son|daughter|brother|sister|father|mother|dad|mum|stepfather|"
    r"stepdad|uncle|cousin|neighbour|friend|landlord|carer)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[:;]\s|\s[–—-]\s")
_PRONOUN = re.compile(r"\b(?:he|she|they|him|her|them)\b", re.IGNORECASE)
# An officer is a suspect too when the arrest is theirs: "PC Gareth Lowe, who was arrested",
# "PC Gareth Lyle, based in Sutton, has been arrested".
_ARRESTED_SELF = re.compile(
    r"[\s,]+(?:\d{1,2},?\s+)?(?:[^,.]{1,30},\s+)?(?:who\s+)?"
    r"(?:was|were|has been|had been|have been|is|is being)\s+"
    r"(?:\w+\s+){0,2}?(?:arrested|detained|held|bailed|released under investigation|cautioned|"
    r"given a)",
    re.IGNORECASE,
)


def _suspects(text: str) -> list[Person]:
    """Named civilians (a first name with an age or a place names someone too: "14-year-old
    Jayden", "Kyle from Langhedge Lane"), and officers named as the person arrested (not the
    arresting one)."""
    return [
        person
        for person in find_people(text)
        if (person.full or person.age is not None or person.placed)
        and (not person.officer or _ARRESTED_SELF.match(text, person.end))
    ]


def _linked(text, person: Person, cue_matches, spans) -> tuple[str | None, re.Match | None]:
    """How ``person`` is tied to a cue, and the cue: "same" (same sentence), "pronoun" (a
    later sentence about he/she/they), "anonymous" (the cue is about someone unnamed) or None."""
    start, end = sentence_at(spans, person.start)
    here = within(cue_matches, start, end)
    if here:
        # "missing Janet Holroyd, 52: her husband has been arrested": after a break in the
        # sentence, the arrest is of someone unnamed.
        between = text[person.end : here[0].start()]
        if _CLAUSE_BREAK.search(between) and _ANONYMOUS.search(between):
            return "anonymous", here[0]
        return "same", here[0]
    for s, e in spans:
        cues_here = within(cue_matches, s, e)
        if s <= start or not cues_here:
            continue
        head = text[s : cues_here[0].start()]
        if _ANONYMOUS.search(head):
            return "anonymous", cues_here[0]
        if _PRONOUN.search(head):
            return "pronoun", cues_here[0]
    return None, None


def _named_with(
    text: str,
    cue_matches: list[re.Match],
    what: str,
    *,
    admission_charges: bool = True,
    caution_ends: bool = False,
) -> Detection:
    """A person named alongside ``cue_matches`` (arrest, caution), where no charge covers them.
    Without ``admission_charges`` "admitted it" is no charge: admitting is how a caution comes.
    With ``caution_ends`` a person cautioned in the same sentence is passed over: arrested,
    then cautioned, is a finished case (the caution flag asks about it)."""
    if not cue_matches:
        return NO
    cue = cue_matches[0]
    people = _suspects(text)
    if not people:
        return NO
    spans = sentences(text)
    charged = [
        match
        for match in charges(text)
        if admission_charges or not match.group(0).lower().startswith("admit")
    ]
    weak: tuple[Person, str] | None = None
    for person in people:
        start, end = sentence_at(spans, person.start)
        if within(charged, start, end):
            continue  # this person was charged: naming them is presumed
        if caution_ends and find("caution", "cues", text, start, end):
            continue
        link, linked_cue = _linked(text, person, cue_matches, spans)
        here = f"names a person: {q(person.name)}; {says(linked_cue or cue)}"
        if link in ("same", "pronoun"):
            if person.sure and not charged:
                return Detection(True, True, f"{here}; no charge mentioned")
            if charged:
                reason = "a charge is mentioned, not clearly of them"
            elif person.placed:
                reason = "a first name and where they live may identify them"
            else:
                reason = "may not be a name"
            return Detection(True, False, f"{here}; {reason}")
        if link is None and weak is None and not charged:
            weak = (person, f"{here}; unclear who {what}")
    if weak:
        return Detection(True, False, weak[1])
    return Detection(False, True, f"{says(cue)}; no one named is {what} without charge")


def detect_names_suspect_before_charge(text: str) -> Detection:
    arrests = find_all("arrest", "cues", text)
    # Someone already serving a sentence (recalled, absconded) goes back to prison: no new case.
    serving = arrests and find("arrest", "serving", text)
    if serving:
        here = f"{says(arrests[0])}; {q(serving.group(0))}"
        return Detection(False, True, f"{here}: back to prison, not a new case before charge")
    return _named_with(text, arrests, "arrested", caution_ends=True)


def detect_names_cautioned_person(text: str) -> Detection:
    cautions = find_all("caution", "cues", text)
    return _named_with(text, cautions, "cautioned", admission_charges=False)


# "our WANTED poster for the man who attacked ...": the appeal's own description, not a finding.
_APPEAL_FOR = re.compile(
    r"\b(?:poster|appeal|image|picture|photo|pic|CCTV|e-?fit|footage|hunt|search|looking)\s+"
    r"for\s+$",
    re.IGNORECASE,
)


def detect_prejudicial_content(text: str) -> Detection:
    """Prejudicial matter while proceedings are active. A case is over once sentenced or
    acquitted, unless a sentence is still to come ("he'll be sentenced in January"); words
    inside a prejudicial cue ("already been jailed twice") never end the case."""
    strong_all = find_all("prejudicial", "strong", text)
    weak_all = [
        match
        for match in without(find_all("prejudicial", "weak", text), strong_all)
        if not _APPEAL_FOR.search(text, max(0, match.start() - 40), match.start())
    ]
    if not strong_all and not weak_all:
        return NO
    strong = strong_all[0] if strong_all else None
    weak = weak_all[0] if weak_all else None
    pending = find_all("prejudicial", "pending", text)
    active_all = list(without(find_all("prejudicial", "active", text), strong_all))
    active = pending[0] if pending else (active_all[0] if active_all else None)
    concluded = list(without(find_all("prejudicial", "concluded", text), strong_all + pending))
    if concluded and not pending:
        cue = strong or weak
        return Detection(False, True, f"{says(cue)}; case over: {q(concluded[0].group(0))}")
    if strong and active:
        return Detection(True, True, f"{says(strong)}; proceedings active: {q(active.group(0))}")
    if strong:
        return Detection(True, False, f"{says(strong)}; no arrest or charge mentioned")
    if active:
        return Detection(True, False, f"{says(weak)}; proceedings active: {q(active.group(0))}")
    return Detection(False, True, f"{says(weak)}; no proceedings mentioned")


# A picture named in what is kept up ("keeping the clip up", "kept the stills on our page"):
# the appeal's own picture, whatever the appeal was called. Or the appeal itself ("keeping the
# appeal pinned"), unless it was for someone missing ("found safe ... leave the appeal up").
_PICTURE = re.compile(
    r"\b(?:images?|photos?|photograph|pictures?|pics?|clips?|stills?|CCTV|footage|e-?fits?|"
    r"mugshot|face)\b",
    re.IGNORECASE,
)
_APPEAL = re.compile(r"\b(?:appeal|poster|wanted post)\b", re.IGNORECASE)


# An arrest denied or still to come: "No arrest has been made", "not yet been arrested".
_NO_ARREST = re.compile(
    r"(?:\b(?:no|not|never|nobody|no one|any|yet to be|before)|n['’]t)\s+(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)


def _arrest_said(text: str) -> re.Match[str] | None:
    for cue in find_all("arrest", "cues", text):
        if not _NO_ARREST.search(text, max(0, cue.start() - 30), cue.start()):
            return cue
    return None


def detect_wanted_person_arrested(text: str) -> Detection:
    """A wanted or CCTV appeal still shown after the arrest: left up, pinned or re-posted."""
    kept = find("wanted", "kept", text)
    shown = kept and (
        _PICTURE.search(kept.group(0))
        or (None if find("ethnicity", "missing", text) else _APPEAL.search(kept.group(0)))
        or find("image", "attached", text)
        or find("image", "suspect", text)
    )
    appeal = find("wanted", "appeal", text) or shown
    if not appeal:
        return NO
    # Kept up, any word of the arrest will do ("Homicide detectives have arrested Lewis Grant
    # ... the image will stay up"); without that, only the wanted list's own arrest wordings,
    # as "No arrest has been made" or "the man arrested" may sit beside an appeal still open.
    arrested = find("wanted", "arrested", text) or (
        kept and (find("wanted", "convicted", text) or _arrest_said(text))
    )
    if not arrested:
        return Detection(False, True, f"{says(appeal)}; no arrest mentioned")
    removed = find("wanted", "removed", text)
    if removed:
        return Detection(False, True, f"{says(appeal)}; {says(arrested)}; {says(removed)}")
    if kept:
        return Detection(True, True, f"{says(appeal)}; {says(arrested)}; kept up: {q(kept[0])}")
    still = find("wanted", "still", text)
    other = still and find("wanted", "other", text)
    if other:
        here = f"{says(arrested)}; but {says(still)} {q(other.group(0))}"
        return Detection(False, True, f"{says(appeal)}; {here}: someone else")
    if still:
        return Detection(True, False, f"{says(appeal)}; {says(arrested)}; but {says(still)}")
    return Detection(True, True, f"{says(appeal)}; {says(arrested)}; appeal not taken down")


_SUBJECTS = (
    r"man|woman|men|women|male|female|suspects?|robbers?|attackers?|thief|thieves|burglars?|"
    r"driver|rider|offenders?|gunman|assailant|mugger|culprits?"
)


@cache
def _ethnic_person() -> re.Pattern[str]:
    """An ethnicity or nationality right before a word for a person ("a white man"), or said
    of someone ("described by a neighbour as white", "they were Albanian")."""
    adjectives = "|".join(cue_list("ethnicity", "adjectives"))
    persons = "|".join(cue_list("ethnicity", "persons"))
    build = "|".join(cue_list("ethnicity", "build"))
    return re.compile(
        # An item of a description list beside a height, build or age: "6ft, white, slim".
        rf"(?<!\w)(?:{build}),\s+(?:{adjectives})(?=\s*[,.;)]|\s+(?:and|with)\b)"
        rf"|(?:(?<=[,:(])\s*|(?<=\bis\s)|(?<=\bwas\s)|(?<=[.!?]\s)|^)(?:{adjectives}),\s+"
        rf"(?:{build})(?!\w)|"
        rf"(?<!\w)(?:{adjectives})(?:[\s-]+(?:young|older|middle-aged|tall|short|slim|stocky|"
        rf"heavy|heavily built|teenage|adult|elderly|\d{{1,2}}[- ]year[- ]old))?\s+(?:{persons})"
        r"(?!\w)"
        rf"|\bdescribed\s+(?:[\w'-]+\s+){{0,5}}?as\s+(?:being\s+)?(?:an?\s+)?(?:{adjectives})(?!\w)"
        rf"|\b(?:he|she|they|both|all|each|the\s+(?:[\w-]+\s+)?(?:{_SUBJECTS}))\s+"
        rf"(?:is|was|were|are)\s+(?:(?:believed|thought|said|understood|known)\s+to\s+be\s+)?"
        rf"(?:{adjectives})(?=\s*[,.;]|\s+and\b)"
        rf"|\b(?:both|all)\s+(?:{adjectives})(?=\s*[,.;]|\s+and\b)"
        # An item beside a name's age: "Marek Nowak, 35, Polish, with ...", "(Romanian, 29)";
        # a guess from the footage: "Algerian by the look of the CCTV".
        rf"|(?<=\d,\s)(?:{adjectives})(?=,)|(?<=\()(?:{adjectives}),\s*\d{{1,2}}(?=\))"
        rf"|(?<!\w)(?:{adjectives})\s+by the look of"
        # What someone thinks they are: "two men in their 20s who they think are Romanian".
        rf"|\b(?:they|we|residents|witnesses|victims?|neighbours)\s+(?:think|thought|believe|"
        rf"believed|reckon|say|said)\s+(?:they\s+|he\s+|she\s+)?(?:are|is|was|were)\s+"
        rf"(?:{adjectives})(?!\w)",
        re.IGNORECASE,
    )


# The person described is the one hurt or robbed: "a Portuguese man was punched".
_VICTIM_AFTER = re.compile(
    r"\s*(?:,\s*\d{1,2},?\s*)?(?:who\s+)?(?:was|were|has been|had been|have been)\s+(?:\w+\s+)?"
    r"(?:punched|robbed|attacked|assaulted|stabbed|hit|injured|threatened|targeted|mugged|"
    r"abused|killed|kicked|beaten|hurt|knocked|shot|slashed|harassed|followed|bitten|spat)",
    re.IGNORECASE,
)
_VICTIM_BEFORE = re.compile(r"\bvictims?,?\s+(?:was\s+|is\s+)?(?:an?\s+)?$", re.IGNORECASE)


def _about_victim(text: str, found: re.Match[str]) -> bool:
    before = text[max(0, found.start() - 24) : found.start()]
    return bool(_VICTIM_AFTER.match(text, found.end()) or _VICTIM_BEFORE.search(before))


def detect_gives_ethnicity_or_nationality(text: str) -> Detection:
    spans = sentences(text)
    nouns = [
        noun
        for noun in find_all("ethnicity", "nouns", text)
        if find("ethnicity", "suspect", text, *sentence_at(spans, noun.start()))
    ]
    matches = [*_ethnic_person().finditer(text), *find_all("ethnicity", "phrases", text), *nouns]
    if not matches:
        return NO
    described = [m for m in matches if not _about_victim(text, m)]
    if not described:
        here = f"says {q(matches[0].group(0))}"
        return Detection(False, True, f"{here}: the victim, not a suspect")
    found = min(described, key=lambda m: m.start())
    start, end = sentence_at(spans, found.start())
    here = f"says {q(found.group(0))}"
    if find("ethnicity", "suspect", text, start, end):
        return Detection(True, True, f"{here}, about a suspect")
    if find("ethnicity", "suspect", text):
        return Detection(True, False, f"{here}; a suspect is mentioned elsewhere")
    if find("ethnicity", "missing", text):
        return Detection(False, True, f"{here}: a missing person, not a suspect")
    return Detection(True, False, f"{here}; unclear whether a suspect")
