"""Sexual offences and victim clues in the wordings of sets 66-71: "indecently touched",
"upskirted", "secretly filmed women", a school year at a named school, "a PT who works there";
and a child robbed or arrested, with where they go to school or live (sets 78-80). Near misses:
the same with nothing that identifies the victim."""

from __future__ import annotations

import pytest

from scenarios.suggest import (
    detect_identifies_child_in_proceedings,
    detect_identifies_sexual_offence_victim,
)
from tests.scenarios.suggest.test_detectors_law import NO, SURE_YES, UNSURE_YES, check


@pytest.mark.parametrize(
    "text, expected, quoted",
    [
        (
            "Appeal: a 13yo girl, Year 8 at Harris Academy Tottenham, was indecently touched by a "
            "man on a 341 bus on Tues after school.",
            SURE_YES,
            "Year 8 at Harris",
        ),
        (
            "RT @BarkingPost: 'Woman upskirted on bus - the victim, a barista at the Costa in "
            "Vicarage Field, says she felt sick' ... awful.",
            SURE_YES,
            "barista at the Costa",
        ),
        (
            "Man who secretly filmed women in the changing rooms at the leisure centre got 20 "
            "months. One of the victims, a PT who works there, spotted the phone.",
            SURE_YES,
            "who works there",
        ),
        # near misses: no detail that identifies the victim
        (
            "A man secretly filmed women in the changing rooms at the leisure centre. Officers "
            "want to hear from anyone affected.",
            NO,
            None,
        ),
        ("The student was sexually assaulted on her way home. Call 101.", NO, None),
        ("A girl in Year 8 was indecently touched on a bus on Tuesday. Call 101.", NO, None),
    ],
)
def test_victim_clues(text, expected, quoted):
    found = check(detect_identifies_sexual_offence_victim, text, expected)
    if quoted:
        assert quoted in found.evidence


@pytest.mark.parametrize(
    "text, expected",
    [
        # sets 78-80: a child a crime was done to is a victim in an investigation; an age
        # told as "lad of 15" or "he's 17"
        (
            "Lad of 15 punched and robbed of his phone at the gates of Edmonton County School "
            "on Weds. He's ok, bit shook up.",
            UNSURE_YES,
        ),
        (
            "Threat level unchanged after Friday's arrest in Edgware. For those asking, he's 17, "
            "lives off Stonegrove and goes to Barnet & Southgate College.",
            UNSURE_YES,
        ),
        # nothing that identifies the child
        ("A 15-year-old boy was robbed of his phone on Rye Lane. Witnesses call 101.", NO),
        ("Well done to the Year 9 girls of Sydenham School who won the boxing final!", NO),
    ],
)
def test_a_child_harmed_or_arrested_and_identified(text, expected):
    check(detect_identifies_child_in_proceedings, text, expected)
