"""More general patterns behind the RED-override flags (and ethnicity), found on posts written
by someone else. Each pattern has a positive case and a near miss, in words written for these
tests."""

from __future__ import annotations

import pytest

from scenarios.suggest import (
    days_since_sentencing,
    detect_gives_ethnicity_or_nationality,
    detect_identifies_child_in_proceedings,
    detect_identifies_sexual_offence_victim,
    detect_names_cautioned_person,
    detect_names_suspect_before_charge,
    detect_prejudicial_content,
    detect_unproven_allegation,
    detect_wanted_person_arrested,
    find_people,
)
from tests.scenarios.suggest.conftest import TODAY
from tests.scenarios.suggest.test_detectors_law import NO, SURE_YES, UNSURE_YES, check

PREJUDICIAL = [
    # pinning other crimes on the arrested person
    (
        "Arrested: Liam Cole, 33. If your van was broken into on Elm Rd, it's most likely him.",
        SURE_YES,
    ),
    ("A man was arrested on Elm Rd. Most likely a dropped wallet, so check your pockets.", NO),
    # already under a court's sentence or order, or done for the same thing before
    ("Ray Hunt, 40, charged with burglary, was already on a suspended sentence.", SURE_YES),
    ("Ray Hunt, 40, charged with theft, was jailed before for a similar offence.", SURE_YES),
    ("Ray Hunt, 40, was jailed for burglary. He was already on a suspended sentence.", NO),
    # "finally" about catching someone, not about arresting at last
    ("Sam Lowe, 31, has been charged. Finally caught, the Penge shed thief.", UNSURE_YES),
    ("A man, 31, was finally arrested after a long search for the Penge raider.", NO),
    # a case "solved" by an arrest
    ("Van break-ins solved! We've arrested a 28-year-old man in Downham.", UNSURE_YES),
    ("Van break-ins solved! Thanks to everyone who locked up their tools.", NO),
    # the arrest in everyday words, still active: "the thief we nicked"
    (
        "Nice photo of the thief we nicked on Rye Lane last night, awaiting a charging decision.",
        UNSURE_YES,
    ),
    ("The thief got away on a bike. Call 101 if you saw him.", NO),
    # celebrating the outcome, or saying as fact what the accused did
    ("Two men remanded over the Hayes robberies. Good riddance to them.", UNSURE_YES),
    (
        "Carl Dean, 45, charged with fraud. He conned elderly neighbours out of thousands.",
        UNSURE_YES,
    ),
    ("Carl Dean, 45, charged with fraud, will appear at Bromley MC on Monday.", NO),
    # evidence found on the accused
    (
        "Jo Platt, 29, charged with theft: officers found the missing rings in her handbag.",
        UNSURE_YES,
    ),
    ("Jo Platt, 29, jailed: officers found the missing rings in her handbag.", NO),
    # a criminal past
    ("Arrested on suspicion of GBH: Leon Fry, 28. He's no stranger to the courts.", SURE_YES),
    ("Arrested on suspicion of GBH: Leon Fry, 28, who remains in custody.", NO),
]

ALLEGATION = [
    # working a trade in stolen or illicit goods
    ("The garage on Loampit Vale is respraying stolen scooters.", SURE_YES),
    ("The garage on Loampit Vale is investigating stolen scooters.", NO),
    # exploited labour
    ("The car wash on Staines Rd is employing undocumented workers, locals say.", SURE_YES),
    ("Modern slavery can hide in plain sight at car washes. Learn the signs.", NO),
    # a crime said of a business in the sentence after it is named
    (
        "We called at the minimart on Peckham Rye. Everyone knows they're selling stolen phones.",
        UNSURE_YES,
    ),
    ("We called at the minimart on Peckham Rye. They told us phones were stolen nearby.", NO),
    # a drugs operation, or being behind local trouble
    ("The flat at 4 Eliot Vale is running a cannabis farm, says a neighbour.", SURE_YES),
    ("The pub on Tanners Hill is behind most of the fights on the street.", SURE_YES),
    ("Officers found a cannabis farm in a flat in Deptford and arrested two men.", NO),
    # calling an identifiable person or business a criminal, or a base for crime
    ("The man who runs the tyre place on Bromley Rd is a known fence.", SURE_YES),
    ("The shisha lounge on Lee High Rd is a magnet for drug dealers.", SURE_YES),
    ("The shisha lounge on Lee High Rd was targeted by a known shoplifter.", NO),
    # a topic named, not an accusation
    ("Join our talk on rogue traders at the library on Elm Rd on Thursday.", NO),
    ("Officers gave the off licence on Lee High Rd advice on underage sales.", NO),
]

WANTED = [
    (
        "Do you know this man? [CCTV still] He was picked up on Friday, thanks for sharing.",
        SURE_YES,
    ),
    (
        "Have you seen her? WANTED for fraud in Ealing (arrested 20/11, shared for the record)",
        SURE_YES,
    ),
    ("Have you seen this man? He was caught on CCTV taking a bike from Lee station.", NO),
]

CHILD = [
    # an age written short, and a workplace or a hint readers will know them
    (
        "A 16 yr old is charged with robbery. He has a Saturday job at the Catford Morrisons.",
        SURE_YES,
    ),
    ("A 16 yr old has been charged with robbery and will appear at youth court.", NO),
    ("A 15yo has been charged. Some of you will know him from the football club.", SURE_YES),
    # a first name with an age: a compound first name counts too
    ("Rosie-May, 14, gave evidence at the youth court trial and is now missing.", UNSURE_YES),
    ("Rosie-May, 14, is missing from Catford. Please call 101 if you see her.", NO),
]

ETHNICITY = [
    # an item of a description list beside a height or build
    ("Prisoner on the run from HMP Wandsworth: 5ft 9, Black, with short dreadlocks.", SURE_YES),
    ("Suspect described as 6ft, slim build, wearing a black, grey and red jacket.", NO),
    # nationalities as nouns, in a sentence about suspects
    ("Two Lithuanians were arrested over the catalytic converter thefts.", SURE_YES),
    ("We joined Nigerians and Ghanaians in Peckham to celebrate Black History Month.", NO),
]

SUSPECT = [
    # questioned as a suspect, in other words than "arrested"
    ("Nadia Cole, 35, is helping police with their enquiries after the Erith fire.", SURE_YES),
    ("A 35-year-old woman is helping police with their enquiries after the Erith fire.", NO),
    ("Officers searched the flat of Ross Hale in Penge and took him into custody.", SURE_YES),
    ("PC Ross Hale took a drunk driver into custody on the A21 last night.", NO),
]

SEXUAL = [
    # a workplace role at a named place
    ("A barmaid at the Black Horse in Sidcup was sexually assaulted after closing.", SURE_YES),
    ("A woman was sexually assaulted in Sidcup after closing time. Call 101.", NO),
]

CAUTION = [
    # an offender label before a name whose surname is also a street word
    ("Shoplifter Tina Cross, 40, was given a community resolution.", SURE_YES),
    ("A shoplifter from Kings Cross was given a community resolution.", NO),
]


@pytest.mark.parametrize(
    "detect, text, expected",
    [(detect_prejudicial_content, *case) for case in PREJUDICIAL]
    + [(detect_unproven_allegation, *case) for case in ALLEGATION]
    + [(detect_wanted_person_arrested, *case) for case in WANTED]
    + [(detect_identifies_child_in_proceedings, *case) for case in CHILD]
    + [(detect_gives_ethnicity_or_nationality, *case) for case in ETHNICITY]
    + [(detect_names_suspect_before_charge, *case) for case in SUSPECT]
    + [(detect_identifies_sexual_offence_victim, *case) for case in SEXUAL]
    + [(detect_names_cautioned_person, *case) for case in CAUTION],
)
def test_general_pattern(detect, text, expected):
    check(detect, text, expected)


def test_a_compound_first_name_with_an_age_is_a_person():
    assert [p.name for p in find_people("Rosie-May, 14, from Lee.")] == ["Rosie-May"]
    assert find_people("Open-Day, 14 stalls and a raffle.") == []


@pytest.mark.parametrize(
    "text, days",
    [
        # a verdict and the sentence at one hearing: the verdict's date is the sentence's
        ("The owner of a Lee cafe was convicted on 18 Nov of food fraud and fined £900.", 2),
        ("A driver was convicted on 18 Nov of speeding. He was fined £900 last Friday.", 7),
        # "he'll be sentenced": sentence still to come
        ("Found guilty today of robbery. He'll be sentenced on 15 January.", None),
    ],
)
def test_sentencing_dates(text, days):
    assert days_since_sentencing(text, TODAY)[0] == days
