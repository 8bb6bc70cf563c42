"""How many days ago a post says someone was sentenced, relative to a date passed in.

A sentencing verb ("sentenced", "jailed", "given a community order") takes the date in its
own sentence, or in the sentence before or after when that one is about the court. Forms:
"19 November", "19th Nov 2026", "Thursday 19 November", "November 19", "19/11/2026",
"19.11.26", "19-11-2026", "19/11", "19.11", "the 3rd (of this month)", "Weds 12th", "today",
"yesterday", "last Friday", "on Monday", "Tuesday last week", "three days ago", "a week ago
today", "a fortnight ago". A date without a year is the most recent one not after ``today``;
a weekday is the most recent one before ``today`` ("her Saturday job" names no day). When
several dates qualify the latest wins: sentence is the last step of a case, after arrest,
charge and conviction.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from scenarios.suggest.detection import find_all, q, sentence_at, sentences, within, without

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAYS = {
    name: number
    for number, names in enumerate(
        (
            ("monday", "mon"),
            ("tuesday", "tues", "tue"),
            ("wednesday", "weds", "wed"),
            ("thursday", "thurs", "thur", "thu"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        )
    )
    for name in names
}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "a couple of": 2, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
}  # fmt: skip
_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}

_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?:\.(?!\s*$))?)"
)
# Short weekday names only with a capital: "sat" and "sun" are also words.
_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|(?-i:Mon|Tues?|Weds?|Thu(?:rs?)?|Fri|Sat|Sun)\b\.?)"
)
_NUMBER = "|".join(sorted((re.escape(word) for word in _NUMBERS), key=len, reverse=True))
_DATE = re.compile(
    rf"""(?<![\w/.-])(?:
      (?:on\s+)?(?:(?:{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+
          (?P<m1>{_MONTH})(?:,?\s+(?P<y1>\d{{4}}))?
    | (?:on\s+)?(?:(?:{_WEEKDAY}),?\s+)?(?-i:(?=[A-Z]))(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})
          (?:st|nd|rd|th)?(?:,?\s+(?P<y2>\d{{4}}))?
    | (?P<d3>\d{{1,2}})(?P<sep>[/.-])(?P<m3>\d{{1,2}})(?P=sep)(?P<y3>\d{{4}}|\d{{2}})(?![\d/.-]\d)
    | (?<![£$])(?P<d4>\d{{1,2}})(?:/(?P<m4>\d{{1,2}})|\.(?P<m5>0[1-9]|1[0-2]))(?![\d/-]|\.\d)
    | (?:on\s+)?the\s+(?P<d5>\d{{1,2}})(?:st|nd|rd|th)(?:\s+of\s+(?:this|the)\s+month)?
    | (?:on\s+)?(?:{_WEEKDAY}),?\s+(?P<d6>\d{{1,2}})(?:st|nd|rd|th)
    | (?:on\s+)?(?P<wdl>{_WEEKDAY})(?:,?\s+(?:of\s+)?last\s+week)
    | last\s+week\s+on\s+(?P<wdl2>{_WEEKDAY})
    | (?P<n>\d{{1,2}}|{_NUMBER})\s+(?P<unit>day|week|fortnight)s?\s+ago(?:\s+today)?
    | (?P<today>today|this\s+(?:morning|afternoon|evening)|earlier\s+today|tonight)
    | (?P<yesterday>yesterday|last\s+night)
    | (?<!\bher\s)(?<!\bhis\s)(?<!\btheir\s)(?<!\bmy\s)(?<!\bour\s)(?<!\byour\s)(?<!\ba\s)
      (?:(?P<last>last|on|this\s+past)\s+)?(?P<wd>{_WEEKDAY})
    )(?!\w)""",
    re.IGNORECASE | re.VERBOSE,
)


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def _resolve(match: re.Match[str], today: date) -> date | None:
    """The calendar date ``match`` names, seen from ``today``; None if impossible or future."""
    g = match.groupdict()
    try:
        if g["d5"] or g["d6"]:  # "the 3rd", "Weds 12th": this month, or the last if to come
            day = int(g["d5"] or g["d6"])
            found = today.replace(day=day) if day <= today.day else None
            if found is None:
                last_month = today.replace(day=1) - timedelta(days=1)
                found = last_month.replace(day=day)
            return found
        if g["d1"] or g["d2"] or g["d3"] or g["d4"]:
            day = int(g["d1"] or g["d2"] or g["d3"] or g["d4"])
            number = g["m3"] or g["m4"] or g["m5"]
            month = int(number) if number else _MONTHS[(g["m1"] or g["m2"]).lower().rstrip(".")]
            year_text = g["y1"] or g["y2"] or g["y3"]
            if year_text:
                found = date(_year(year_text), month, day)
                return found if found <= today else None
            found = date(today.year, month, day)
            return found if found <= today else date(today.year - 1, month, day)
    except ValueError:
        return None  # 31 June, 29 February in a common year, month 13
    if g["n"]:
        count = int(g["n"]) if g["n"].isdigit() else _NUMBERS[g["n"].lower()]
        return today - timedelta(days=count * _UNIT_DAYS[g["unit"].lower()])
    if g["today"]:
        return today
    if g["yesterday"]:
        return today - timedelta(days=1)
    if g["wdl"] or g["wdl2"]:  # "Tuesday last week": in the calendar week before this one
        weekday = _WEEKDAYS[(g["wdl"] or g["wdl2"]).lower().rstrip(".")]
        return today - timedelta(days=today.weekday() + 7 - weekday)
    weekday = _WEEKDAYS[g["wd"].lower().rstrip(".")]
    back = (today.weekday() - weekday - 1) % 7 + 1
    if back == 1 and g["last"] and g["last"].lower() == "last":
        back = 8  # nobody calls yesterday "last Thursday": it is the week before's
    return today - timedelta(days=back)


def _precision(match: re.Match[str]) -> int:
    """How exactly a form names a day: 0 "three days ago", "19/11/2026", "yesterday";
    1 "19 November" (year guessed); 2 "last Thursday" (week guessed)."""
    g = match.groupdict()
    if (g["wd"] or g["wdl"] or g["wdl2"]) and not (g["d1"] or g["d2"]):
        return 2
    if (g["d1"] or g["d2"] or g["d4"] or g["d5"] or g["d6"]) and not (g["y1"] or g["y2"]):
        return 1
    return 0


_APPOSITION = re.compile(r"[\s,(–-]{0,4}")


def _last_cue_before(position: int, cues: list[re.Match[str]]) -> re.Match[str] | None:
    before = [cue for cue in cues if cue.end() <= position]
    return before[-1] if before else None


def _relative(match: re.Match[str]) -> bool:
    g = match.groupdict()
    return not (g["d1"] or g["d2"] or g["d3"] or g["d4"] or g["d5"] or g["d6"])


def _dates_in(text, start, end, today, sentencing, process, offence):
    """(date, match) for each date in text[start:end] that belongs to a sentencing verb: the
    nearest verb before it is not another step of the case ("arrested on 3 May") nor, for a
    calendar date, the offence ("for burgling a home on 3 May")."""
    found = []
    verbs = sorted(
        within(sentencing, start, end) + within(process, start, end) + within(offence, start, end),
        key=lambda m: m.start(),
    )
    for match in _DATE.finditer(text, start, end):
        previous = _last_cue_before(match.start(), verbs)
        if (
            previous is not None
            and previous not in sentencing
            and (previous in process or not _relative(match))
        ):
            continue
        resolved = _resolve(match, today)
        if resolved is not None:
            found.append((resolved, match))
    return found


_AND = re.compile(r"\b(?:and|&)\b")


def _same_hearing(text, start, cue, today, verdicts, verbs):
    """(date, match) of a verdict dated earlier in the sentence and joined to the sentencing
    verb by "and": "convicted on 20 Nov of fraud and fined £600" (one hearing)."""
    found = []
    for match in _DATE.finditer(text, start, cue.start()):
        previous = _last_cue_before(match.start(), verbs)
        if previous and previous.span() in verdicts and _AND.search(text, match.end(), cue.start()):
            resolved = _resolve(match, today)
            if resolved is not None:
                found.append((resolved, match))
    return found


def days_since_sentencing(text: str, today: date) -> tuple[int | None, str]:
    """(days since the sentencing the post reports, evidence), or (None, "") if none is dated."""
    future = find_all("sentencing", "future", text)
    sentencing = list(without(find_all("sentencing", "cues", text), future))
    if not sentencing:
        return None, ""
    process = list(without(find_all("sentencing", "process", text), sentencing))
    offence = list(without(find_all("sentencing", "offence", text), sentencing))
    courts = find_all("sentencing", "court", text)
    spans = sentences(text)
    best: tuple[date, re.Match[str], re.Match[str]] | None = None
    found_all: list[tuple[date, re.Match[str], re.Match[str]]] = []
    for cue in sentencing:
        start, end = sentence_at(spans, cue.start())
        found = _dates_in(text, start, end, today, sentencing, process, offence)
        if not found:
            index = spans.index((start, end))
            for s, e in spans[max(0, index - 1) : index] + spans[index + 1 : index + 2]:
                if within(courts, s, e):
                    found += _dates_in(text, s, e, today, sentencing, process, offence)
        if not found:
            verdict_cues = within(find_all("sentencing", "verdict", text), start, cue.start())
            verdicts = {match.span() for match in verdict_cues}
            verbs = sorted(within(process + offence, start, cue.start()), key=lambda m: m.start())
            found = _same_hearing(text, start, cue, today, verdicts, verbs) if verdicts else []
        for resolved, match in found:
            found_all.append((resolved, match, cue))
            if best is None or resolved > best[0]:
                best = (resolved, match, cue)
    if best is None:
        return None, f"says {q(sentencing[0].group(0))}; no date given"
    # "last Thursday, five days ago": one day named twice; the more exact form decides.
    for candidate in found_all:
        first, second = sorted((candidate[1], best[1]), key=lambda m: m.start())
        adjacent = _APPOSITION.fullmatch(text, first.end(), second.start())
        if adjacent and _precision(candidate[1]) < _precision(best[1]):
            best = candidate
    resolved, match, cue = best
    return (today - resolved).days, f"says {q(cue.group(0))}; date {q(match.group(0))}"
