"""Surnames written in capitals, as a custody record has them ("Kyle BRENNAN (31)"), are read
as names: after a first name or a title, or between a capitalised word and an age. Headings
and acronyms in capitals stay words, and the name is quoted as written."""

from __future__ import annotations

import pytest

from scenarios.suggest import (
    detect_names_cautioned_person,
    detect_names_suspect_before_charge,
    find_people,
)
from tests.scenarios.suggest.test_detectors_law import NO, SURE_YES, check


@pytest.mark.parametrize(
    "text, names",
    [
        ("Please be advised that Kyle BRENNAN (31) of no fixed abode was arrested",
         ["Kyle BRENNAN"]),
        ("Sean O'BRIEN (33) and Reece CAMPBELL-JAMES (19) remain on bail",
         ["Sean O'BRIEN", "Reece CAMPBELL-JAMES"]),
        ("The man in the video, Mr Tunde BALOGUN (29), was arrested", ["Tunde BALOGUN"]),
        ("Mr MILLER was arrested on Friday", ["MILLER"]),
        # headings, acronyms and shouting are no surnames
        ("UPDATE: WANTED man arrested after ANPR hit. CCTV seized. PLEASE SHARE", []),
        ("Threat level raised from SUBSTANTIAL to SEVERE; patrols at Dalston CCTV sites", []),
    ],
)  # fmt: skip
def test_people_whose_surnames_are_in_capitals(text, names):
    assert [person.name for person in find_people(text)] == names


@pytest.mark.parametrize(
    "detect, text, expected",
    [
        (
            detect_names_suspect_before_charge,
            "Please be advised that Reece CAMPBELL-JAMES (19) of Hackney was arrested yesterday "
            "on suspicion of GBH. He has been bailed while enquiries continue.",
            SURE_YES,
        ),
        (
            detect_names_suspect_before_charge,
            "Please be advised that Abdi WARSAME (22) of Clapton has been charged with "
            "possession with intent to supply.",
            NO,
        ),
        (
            detect_names_cautioned_person,
            "Please be advised that Martin GREEN (52) accepted a conditional caution for "
            "criminal damage.",
            SURE_YES,
        ),
    ],
)
def test_the_detectors_see_a_name_in_capitals(detect, text, expected):
    found = check(detect, text, expected)
    if expected is not NO:
        assert "(" not in found.evidence.split("'")[1]  # the name as written, quoted alone
