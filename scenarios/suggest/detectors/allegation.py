"""Unproven allegations (Defamation Act 2013 s.1): saying an identifiable person or business
did wrong, with no charge or conviction behind it."""

from __future__ import annotations

import re
from functools import cache

from scenarios.suggest.detection import NO, Detection, find, q, says, sentence_at, sentences
from scenarios.suggest.detectors.suspects import (
    detect_names_suspect_before_charge,
    detect_prejudicial_content,
)
from scenarios.suggest.lexicon import cue_list, cues, words
from scenarios.suggest.names import find_people

_CAPITALISED = r"(?-i:[A-Z])[\w'’&-]*"
_PLACE = rf"{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,3}}"
_STREET_WORDS = (
    r"(?:Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Close|Way|Crescent|Gardens|Gdns|Drive|Dr|Grove|"
    r"Place|Pl|Terrace|Mews|Mead|Court|Ct|Walk|Row|Rise|Hill|Parade|Square|Green|Vale)"
)
# A house number: "number 62", "no. 212", "flat 3", "14 Kender St", "at 14 Ryecotes Mead".
_ADDRESS = re.compile(
    r"\b(?:(?:at |from )?(?:number|no\.?)\s+\d+[a-z]?\b|flats?\s+\d+[a-z]?\b|"
    rf"\d+[a-z]?\s+{_PLACE}\s+(?-i:{_STREET_WORDS})\b|"
    rf"(?:at|from|of|in|outside)\s+\d{{1,4}}[a-z]?\s+{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,2}})",
    re.IGNORECASE,
)
# Others a post can point at without a full name. A family or group by its surname: "the
# Harding brothers". A definite premises by its own name at a place: "the Rose & Crown on
# Uxbridge Rd", "The Plough in Leytonstone". A number plate: "LK19 XRT". A person placed at an
# address or a named block: "the bloke in 14B", "the lad from Aragon Tower" (said vaguely: asked).
_GROUP = re.compile(
    rf"\b(?:the\s+)?(?:two\s+|three\s+)?{_CAPITALISED}\s+(?-i:brothers|sisters|family|twins|"
    r"cousins|boys|lads|girls|gang|crew)\b"
)
_PREMISES = re.compile(
    rf"\b(?-i:[Tt]he)\s+((?:{_CAPITALISED}|\d+|&|and)(?:\s+(?:{_CAPITALISED}|\d+|&|and)){{0,3}})"
    rf"\s+(?:on|in|at|by|near|opposite|off)\s+(?:the\s+)?{_PLACE}"
)
_PLATE = re.compile(r"(?<![\w-])(?-i:[A-Z]{2}\d{2}\s?[A-Z]{3})(?![\w-])")
_PLACED = re.compile(
    r"\bthe\s+(?:[\w-]+\s+)?(?:man|woman|men|bloke|blokes|lad|lads|guy|guys|fella|tenants?|"
    r"neighbours?|family|couple|driver|rider|owners?|landlord|occupants?|residents?)\s+"
    rf"(?:from|in|at|of|on)\s+(?:flat\s+|no\.?\s*|number\s+)?(?:\d+[A-Za-z]?\b|{_PLACE})"
)
# A named councillor or MP is as identifiable as anyone (find_people counts them as officials).
_POLITICIAN_BEFORE = re.compile(r"(?:Cllr|Councillor|MP|Mayor)\.?\s+$")
_WEEKDAYS_MONTHS = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*$"
)
# A reply: "@TonysCafe You've been letting dealers ..." accuses the account addressed.
_REPLY = re.compile(r"^\s*(@\w+)")
_YOU = re.compile(r"\b(?:you|your|you['’](?:ve|re|d))\b", re.IGNORECASE)
_WHERE = r"(?:on|at|in|opposite|next to|near|behind|above|outside|beside|by|off)"
_LOCATED = re.compile(rf"\s{_WHERE}\s+(?:the\s+)?{_CAPITALISED}")
# A sentence that goes on about the business or person just named: "They're ...", "It's ...".
_BACK_REFERENCE = re.compile(
    r"\b(?:they|they['’](?:re|ve)|he|he['’]s|she|she['’]s|it['’]s|it|the (?:owners?|staff|"
    r"manager|landlord|people running it))\b",
    re.IGNORECASE,
)


def _next_sentence_cues(text, spans, s_end, strong):
    """Strong cues in the sentence after the one ending at ``s_end``, when a pronoun before
    the cue points back ("... the car wash on Fore St. We all know they're ...")."""
    following = [span for span in spans if span[0] >= s_end]
    if not following:
        return []
    start, end = following[0]
    found = []
    for cue in strong:
        if start <= cue.start() < end and _BACK_REFERENCE.search(text, start, cue.start() + 1):
            found.append(cue)
    return found


@cache
def _business_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(specific, vague): a named business or "the shop on X Road"; "a shop in Catford"."""
    kinds = "|".join(cue_list("allegation", "business"))
    trade = "|".join(cue_list("allegation", "trade_names"))
    where = rf"(?:\s+{_WHERE}\s+(?:the\s+)?{_PLACE})?"
    named = (
        rf"(?:(?:{_CAPITALISED}\s+){{1,3}}(?:{trade}|{kinds})\b"
        rf"|(?-i:(?=[A-Z]))(?:{trade})\s+{_CAPITALISED}(?:\s+{_CAPITALISED})?){where}"
    )
    # "the shop on Fore St" is one shop; "a shop", "one shop" or "some shops" in Welling is not.
    located = (
        rf"(?<!\ba )(?<!\ban )(?<!\bone )(?<!\bsome )(?<!\bany )(?<!\bseveral )(?<!\bmany )"
        rf"(?:{kinds})\s+{_WHERE}\s+(?:the\s+)?{_PLACE}"
    )
    brand = rf"(?-i:{_brand().pattern})(?!\w)"
    specific = re.compile(rf"(?<!\w)(?:{named}|{located}|{brand})", re.IGNORECASE)
    vague = re.compile(
        rf"(?<!\w)an?\s+(?:\w+\s+)?(?:{kinds})\s+(?:on|at|in|near)\s+{_PLACE}", re.IGNORECASE
    )
    return specific, vague


@cache
def _brand() -> re.Pattern[str]:
    return re.compile("|".join(cue_list("allegation", "chains")))


@cache
def _definite() -> re.Pattern[str]:
    kinds = "|".join(cue_list("allegation", "business"))
    return re.compile(rf"(?<!\w)the\s+(?:[\w'-]+\s+){{0,2}}?(?:{kinds})\b", re.IGNORECASE)


# A street or place named in the sentence makes "the cafe" there identifiable.
_STREET = re.compile(
    r"(?-i:[A-Z])[\w'’-]+\s+(?-i:Road|Street|Lane|Avenue|Market|Broadway|Parade|Square|Hill|Green|"
    r"Estate|Station|station|Park|Rise|Row|Walk|Way|High Street|St|Rd|Ave)\b"
)


def _names_a_place(text: str, start: int, end: int) -> bool:
    if _STREET.search(text, start, end):
        return True
    places = words("places", "areas") | words("places", "boroughs")
    return any(token in places for token in re.findall(r"[A-Z][\w'’-]+", text[start:end]))


# A capitalised first word that is no business's name: "The shop", "One shop in Welling".
_NOT_A_NAME = (
    "the", "this", "our", "we", "police", "officers", "one", "a", "an", "some", "any", "every",
    "each", "several", "many", "two", "three", "four", "all", "most",
)  # fmt: skip


def _targets(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, description, specific) of each identifiable person or business."""
    specific, vague = _business_patterns()
    organisations = words("places", "organisations")
    spans = sentences(text)
    found = []
    for match in specific.finditer(text):
        tokens = match.group(0).split()
        if any(token in organisations for token in tokens) and not _brand().fullmatch(match[0]):
            continue  # "Trading Standards on Brick Lane": an agency, not a business
        if tokens[0].lower() not in _NOT_A_NAME:
            found.append((match.start(), match.end(), f"names a business: {q(match[0])}", True))
        elif tokens[0].lower() in ("the", "this") and _LOCATED.search(match[0]):
            # "The car wash on Staines Rd": a definite business at a named place
            found.append((match.start(), match.end(), f"names a business: {q(match[0])}", True))
    for match in _definite().finditer(text):
        start, end = sentence_at(spans, match.start())
        named = _names_a_place(text, start, end)
        found.append((match.start(), match.end(), f"points to a business: {q(match[0])}", named))
    for match in vague.finditer(text):
        found.append((match.start(), match.end(), f"points to a business: {q(match[0])}", False))
    for match in _ADDRESS.finditer(text):
        found.append((match.start(), match.end(), f"gives an address: {q(match[0])}", True))
    for person in find_people(text):
        named = f"names a person: {q(person.name)}"
        if not person.officer:
            found.append((person.start, person.end, named, person.sure))
        elif _POLITICIAN_BEFORE.search(text, 0, person.start):
            found.append((person.start, person.end, named, True))
    for match in _GROUP.finditer(text):
        found.append((match.start(), match.end(), f"names a family: {q(match[0])}", True))
    for match in _premises(text):
        found.append((match.start(), match.end(), f"names a business: {q(match[0])}", True))
    for match in _PLATE.finditer(text):
        found.append((match.start(), match.end(), f"gives a number plate: {q(match[0])}", True))
    for match in _PLACED.finditer(text):
        found.append((match.start(), match.end(), f"points to someone: {q(match[0])}", False))
    return found


def _premises(text: str) -> list[re.Match[str]]:
    """A premises by its own name at a place ("the Rose & Crown on Uxbridge Rd"): a name that
    is no place, agency or date."""
    places = words("places", "areas") | words("places", "boroughs")
    organisations = words("places", "organisations")
    found = []
    for match in _PREMISES.finditer(text):
        tokens = match.group(1).split()
        after_and = {tokens[i] for i in range(1, len(tokens)) if tokens[i - 1] in ("&", "and")}
        if any(t in organisations and t not in after_and for t in tokens):
            continue  # "the Met in Lewisham", "the Safer Neighbourhoods team"
        if all(t in places or t in ("&", "and") or t.isdigit() for t in tokens):
            continue  # only place names: a place, not a premises
        if _STREET.search(match.group(1) + " ") or _WEEKDAYS_MONTHS.match(tokens[-1]):
            continue
        found.append(match)
    return found


def _addressed(text: str, strong: list[re.Match[str]]) -> list[tuple[int, int, str, bool]]:
    """In a reply, "you" said to do wrong is the account addressed (strong cues only)."""
    reply = _REPLY.match(text)
    if not reply or not strong:
        return []
    spans = sentences(text)
    found = []
    for match in _YOU.finditer(text):
        start, end = sentence_at(spans, match.start())
        if any(start <= cue.start() < end for cue in strong):
            found.append((match.start(), match.end(), f"is addressed to {q(reply[1])}", True))
    return found


@cache
def _topic_before() -> re.Pattern[str]:
    words_ = "|".join(cue_list("allegation", "topic"))
    return re.compile(rf"(?<!\w)(?:{words_})\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?$", re.I)


def _accusing(text: str, cue: re.Match[str]) -> bool:
    """Not a topic: "advice on underage sales", "tackling scams" name a crime, accuse no one."""
    return not _topic_before().search(text, max(0, cue.start() - 40), cue.start())


# What the officer is said to have done, right after the name: "PC Ray Dunn pushing a man".
_OFFICER_ACT = re.compile(
    r"(?:\s*,[^,.]{0,40},)?\s+(?:was\s+|is\s+|has\s+been\s+|been\s+)?(?:seen\s+|filmed\s+|"
    r"caught\s+|allegedly\s+)?(?:push|punch|hit|kick|slap|shov|assault|steal|stole|threaten|"
    r"abus|harass|strik|struck|drag|throw|threw|spit|spat|grab|chok|insult|swear|swore|"
    r"mock|taunt|stamp|elbow|knee|headbutt|pepper|spray|taser|tasing|bully|bullie|lie|lying|"
    r"lied|fak|falsif|leak|sext|touch|grop)\w*",
    re.IGNORECASE,
)


# Or a complaint about them, just before the name: "the complaints about PC Gareth Malone".
_COMPLAINED_OF = re.compile(
    r"complain\w*\s+(?:about|against|over)\s+(?:(?:the\s+)?(?:PC|PCSO|PS|Sgt|DC|DS|Insp|"
    r"Inspector|Sergeant|Constable|Officer)\.?\s+)?$",
    re.IGNORECASE,
)


def _officer_accused(text: str) -> Detection | None:
    """A named officer said to be suspended or investigated, with no finding yet: the post
    says they did wrong. Asked, not asserted: the officer may be named as a witness."""
    officers = [
        p
        for p in find_people(text)
        if p.officer
        and p.full
        and p.sure
        and (
            _OFFICER_ACT.match(text, p.end)
            or _COMPLAINED_OF.search(text, max(0, p.start - 60), p.start)
        )
    ]
    misconduct = find("allegation", "misconduct", text)
    if not officers or not misconduct or find("allegation", "finding", text):
        return None
    if find("conviction", "cues", text) or find("charge", "cues", text):
        return None
    named = f"names an officer: {q(officers[0].name)}; {says(misconduct)}"
    return Detection(True, False, f"{named}; no finding, charge or conviction mentioned")


# What an arrest was for, just before the cue: "arrested on suspicion of handling stolen".
_REPORTED = re.compile(
    r"\b(?:suspicion of|(?:arrested|nicked|held|detained) (?:for|over)|in connection with)\s+"
    r"(?:[\w'’-]+\s+){0,4}$",
    re.IGNORECASE,
)


def detect_unproven_allegation(text: str) -> Detection:
    found = _allegation(text)
    if found.value is True:
        return found
    return _said_of_the_arrested(text) or found


def _said_of_the_arrested(text: str) -> Detection | None:
    """Someone named after an arrest, not charged, and said or implied to have done it
    ("Kyle Brennan, 29, nicked ... he's done this loads of times"): prejudicial content, and an
    allegation too, as no charge or conviction backs it. Asked: both readings are heuristics."""
    named = detect_names_suspect_before_charge(text)
    if named.value is not True:
        return None
    guilt = detect_prejudicial_content(text)
    if guilt.value is not True:
        return None
    implied = guilt.evidence.split("; ")[0]
    return Detection(True, False, f"{named.evidence}; and {implied}")


def _allegation(text: str) -> Detection:
    officer = _officer_accused(text)
    if officer:
        return officer
    strong = [m for m in cues("allegation", "strong").finditer(text) if _accusing(text, m)]
    weak = list(cues("allegation", "weak").finditer(text))
    if not strong and not weak:
        return NO
    targets = _targets(text) + _addressed(text, strong)
    if not targets:
        cue = (strong or weak)[0]
        return Detection(False, True, f"{says(cue)}; no identifiable person or business")
    backed = find("conviction", "cues", text) or find("charge", "cues", text)
    spans = sentences(text)
    best: tuple[int, str, re.Match[str]] | None = None  # strength (2 sure, 1 unsure), evidence, cue
    for start, _end, described, specific in targets:
        s_start, s_end = sentence_at(spans, start)
        said = [m for m in strong if s_start <= m.start() < s_end]
        hinted = [m for m in weak if s_start <= m.start() < s_end]
        if said:
            strength, cue = (2 if specific else 1), said[0]
        elif hinted:
            strength, cue = 1, hinted[0]
        elif later := _next_sentence_cues(text, spans, s_end, strong):
            strength, cue = 1, later[0]
        else:
            continue
        evidence = f"{described}; {'then ' if not (said or hinted) else ''}{says(cue)}"
        if best is None or strength > best[0]:
            best = (strength, evidence, cue)
    if best is None:
        return Detection(False, True, f"{says((strong or weak)[0])}; not said of anyone named")
    strength, evidence, cue = best
    if backed:
        return Detection(False, True, f"{evidence}; backed by {q(backed.group(0))}")
    # A caution or a fixed penalty is a finished case, the wrong admitted or accepted.
    disposal = find("caution", "cues", text)
    if disposal:
        return Detection(False, True, f"{evidence}; backed by {q(disposal.group(0))}")
    # An arrest backs nothing (only a charge or a conviction does, as the media law page
    # says), but the arrest's own words only report the suspicion: "arrested on suspicion of
    # handling stolen phones" says what he is suspected of, not that he did it.
    arrest = find("arrest", "cues", text)
    if arrest and _REPORTED.search(text, max(0, cue.start() - 60), cue.start()):
        return Detection(False, True, f"{evidence}: the suspicion the arrest was for")
    if arrest:
        return Detection(True, False, f"{evidence}; arrested, not charged")
    return Detection(True, strength == 2, f"{evidence}; no charge or conviction mentioned")
