"""Wording families added for a third writer's posts: slang arrests, admissions that end in a
caution, evidence said to settle guilt, trade fraud and crime pinned on a place, an unnamed
school or a first name and initial, an appeal for a named person, someone else still sought,
and a court order or a day/month date for sentencing. Each has a positive case and a near
miss, in words of our own."""

from __future__ import annotations

import pytest

from scenarios.suggest import (
    days_since_sentencing,
    detect_identifies_child_in_proceedings,
    detect_names_cautioned_person,
    detect_names_suspect_before_charge,
    detect_prejudicial_content,
    detect_unproven_allegation,
    detect_wanted_person_arrested,
)
from tests.scenarios.suggest.conftest import TODAY
from tests.scenarios.suggest.test_detectors_law import NO, SURE_YES, check

SUSPECT = [
    # slang for the arrest, with the person named
    ("Our team nabbed Gary Hollis, 30, outside the bookies on Tuesday.", SURE_YES),
    ("We've got the lad who smashed the chemist window - Ryan Doyle, 22, of Eltham.", SURE_YES),
    # near misses: nobody named; the person named was charged
    ("We've got the lad who smashed the chemist window. Enquiries continue.", NO),
    ("Officers nabbed Ryan Doyle, 22, who has since been charged with burglary.", NO),
]

CAUTION = [
    # an admission that leads to a caution is not a charge
    ("Mia Stone, 20, of Penge owned up and admitted it, and was given a simple caution.", SURE_YES),
    # near miss: nobody named
    ("A woman admitted the theft and was given a simple caution.", NO),
]

PREJUDICIAL = [
    # evidence said to settle guilt while a case is live
    ("Dean Vale is charged with the stabbing. The bodycam speaks for itself.", SURE_YES),
    ("Tina Crowe has been charged. Watch the clip and judge for yourselves.", SURE_YES),
    # near misses: an appeal's own description; a caution ends the matter
    ("Re-sharing our appeal for the man who attacked a cabbie; he was arrested Monday.", NO),
    ("Jack Reid admitted it and was given a caution for the damage.", NO),
]

ALLEGATION = [
    # trade fraud said of a named business; crime pinned on a numbered flat
    ("Steer clear of Apex Motors on Green Lanes, they're winding back the mileage.", SURE_YES),
    ("We know the dealing is coming from flat 6 on the Rowan estate.", SURE_YES),
    ("Lots of you have told us the Star Cafe on Mare St is a problem.", (True, False)),
    # near misses: a speed reading, not fraud; hearsay with nobody identifiable
    ("Van clocked at 52 in a 30 on Green Lanes, driver reported.", NO),
    ("Lots of you have told us about speeding near schools. We hear you.", NO),
]

CHILD = [
    # an unnamed school with a definite article; a first name with an initial
    ("A 15-year-old from the local arts school admitted robbery at youth court.", SURE_YES),
    ("At youth court today, a 16yo, Kayden R., was given a referral order.", SURE_YES),
    # near miss: an age and a court, nothing more
    ("A 15-year-old admitted robbery at youth court today.", NO),
]

WANTED = [
    # an appeal for a named person, then the arrest, the pic left up
    ("Thanks for sharing our appeal for Ross Perrin, now arrested. Pic stays up.", SURE_YES),
    ("RT @MPSBarnet: WANTED - Neil Orr [photo]. Officers nabbed him on Sunday. RT!", SURE_YES),
    # near misses: an appeal for witnesses; someone else still sought
    ("Thanks for sharing our appeal for witnesses; nobody has been arrested yet.", NO),
    ("A woman was arrested but we're still looking for the other man pictured. Know him?", NO),
]


@pytest.mark.parametrize(
    ("detect", "text", "expected"),
    [(detect_names_suspect_before_charge, *case) for case in SUSPECT]
    + [(detect_names_cautioned_person, *case) for case in CAUTION]
    + [(detect_prejudicial_content, *case) for case in PREJUDICIAL]
    + [(detect_unproven_allegation, *case) for case in ALLEGATION]
    + [(detect_identifies_child_in_proceedings, *case) for case in CHILD]
    + [(detect_wanted_person_arrested, *case) for case in WANTED],
)
def test_wording_family(detect, text, expected):
    check(detect, text, expected)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # an order granted is the sentence; a day/month date without a year
        ("A CBO was granted at Lavender Hill court on 17 Nov against a prolific beggar.", 3),
        ("Ann Pike was given 18 months at Harrow Crown Court on 12/11 for fraud.", 8),
        # near misses: a 24/7 line is no date; an order only applied for
        ("Call us 24/7. Tom Bale, 40, was jailed for theft.", None),
        ("We applied for a CBO against him on 12/11; the hearing is next month.", None),
    ],
)
def test_sentencing_order_and_short_date(text, days):
    assert days_since_sentencing(text, TODAY)[0] == days
