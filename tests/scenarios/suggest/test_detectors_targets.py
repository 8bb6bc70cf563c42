"""Who an allegation can be about, beyond a full name or a business's own name: a family by its
surname, a pub or shop by its name at a place, a number plate, a councillor, someone placed at
an address or a named block (said vaguely, so asked). Each with a near miss."""

from __future__ import annotations

import pytest

from scenarios.suggest import detect_unproven_allegation
from tests.scenarios.suggest.test_detectors_law import NO, SURE_YES, UNSURE_YES, check


@pytest.mark.parametrize(
    "text, expected, target",
    [
        (
            "Residents tell us it's the Harding brothers from Oaklands Rd doing it.",
            SURE_YES,
            "the Harding brothers",
        ),
        (
            "Residents tell us the Rose & Crown on Uxbridge Rd is behind the drug dealing.",
            SURE_YES,
            "the Rose & Crown on Uxbridge Rd",
        ),
        (
            "Looks like the Uber driver in the blue Prius LK19 XRT was dealing from his car.",
            SURE_YES,
            "LK19 XRT",
        ),
        (
            "Cllr Raymond Ashby has been fiddling his expenses, residents say.",
            SURE_YES,
            "Raymond Ashby",
        ),
        ("The Chronicle's reporter Jack Mills made the quotes up.", SURE_YES, "Jack Mills"),
        (
            "Locals keep telling us it's the lad from Aragon Tower with the red moped.",
            UNSURE_YES,
            "the lad from Aragon Tower",
        ),
        (
            "2 failed test purchases: Best Food & Wine on North St and the Londis on Billet Rd.",
            SURE_YES,
            "Best Food",
        ),
        # Near misses: nothing wrong said; an agency, not a business; no one identifiable.
        ("One shop in Welling has failed 3 test purchases. We won't name it yet.", NO, None),
        ("Thanks to the Rose & Crown on Uxbridge Rd for hosting our ward panel.", NO, None),
        ("Residents tell us the Met in Lewisham is behind the drug dealing.", NO, None),
        (
            "Reports of dealing near the station. Residents tell us it's the lads on bikes.",
            NO,
            None,
        ),
        ("Cllr Raymond Ashby chaired the ward panel; residents raised drug dealing.", NO, None),
    ],
)
def test_who_an_allegation_is_about(text, expected, target):
    found = check(detect_unproven_allegation, text, expected)
    if target:
        assert f"'{target}'" in found.evidence
