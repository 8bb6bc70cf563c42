"""Wordings first met in sets 51-53 of the posts kept outside the project: evidence given
while a case is active (what witnesses say, a failed breath test, what the accused was found
with), and a suspect's picture shown again after the arrest. Each with a near miss."""

from __future__ import annotations

import pytest

from scenarios.suggest import detect_prejudicial_content, detect_wanted_person_arrested
from tests.scenarios.suggest.test_detectors_law import NO, SURE_YES, UNSURE_YES, check


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Driver Harvey Cole, 23, arrested on suspicion of dangerous driving. Witnesses say "
            "he was doing 70 in a 40.",
            UNSURE_YES,
        ),
        (
            "The driver who hit 5 people has been arrested. Eyewitnesses say it was deliberate.",
            UNSURE_YES,
        ),
        (
            "PC Daniel Hale has been arrested on suspicion of misconduct in public office. "
            "Colleagues say he'd been taking cash from dealers.",
            UNSURE_YES,
        ),
        (
            "Mohammed Rafiq, 27, of Hounslow, failed a roadside breath test and remains in "
            "custody.",
            UNSURE_YES,
        ),
        (
            "Two boys have been arrested. The older boy was found with a knife when officers "
            "stopped him on Allenby Road.",
            UNSURE_YES,
        ),
        (
            "Officers arrested four men at the Treaty Centre with £3,000 of stolen perfume in "
            "their bags.",
            UNSURE_YES,
        ),
        (
            "Two 17-year-olds have been charged with robbery. Both were clearly identified from "
            "the victim's own phone footage.",
            UNSURE_YES,
        ),
        (
            "Pictured: the man we believe stole the collection box. He was arrested this morning.",
            UNSURE_YES,
        ),
        # Near misses: no one in proceedings, or a victim found injured.
        (
            "Were you on Mare St? Witnesses say a man in a grey hoodie ran off. Call 101.",
            NO,
        ),
        ("A man was found with stab wounds on Mare St. Call 101 with information.", NO),
    ],
)
def test_evidence_given_while_a_case_is_active(text, expected):
    check(detect_prejudicial_content, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Charged: Connor Walsh, 30, with robbery at the Tesco Express. Here again is the "
            "CCTV image of Walsh from our appeal.",
            SURE_YES,
        ),
        (
            "Detectives are continuing to share this image of a suspect. A man matching his "
            "description was arrested on Friday.",
            SURE_YES,
        ),
        (
            "Daniel Price, 34, arrested & in custody - here's the CCTV of him from our appeal "
            "one more time 👇",
            SURE_YES,
        ),
        (
            "The man trying her door at 3am was arrested yesterday, but here's the clip again "
            "for anyone who missed it 👇",
            SURE_YES,
        ),
        (
            "A woman was assaulted on Bethnal Green Rd. A man has now been arrested - CCTV "
            "image of him below.",
            SURE_YES,
        ),
        (
            "Still appealing re the Harlesden robbery: image of the suspect below. (A 24yo man "
            "has been arrested & bailed.)",
            SURE_YES,
        ),
        # Near misses: no arrest yet; an appeal for witnesses, with no picture of anyone.
        ("Here's the CCTV image of the man we want to speak to. Call 101.", NO),
        ("A man was arrested on Tooley St. We are appealing for witnesses: call 101.", NO),
    ],
)
def test_a_suspects_picture_shown_after_the_arrest(text, expected):
    check(detect_wanted_person_arrested, text, expected)
