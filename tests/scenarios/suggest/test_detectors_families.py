"""Wording families added for a new writer's posts: each with a positive case and a near miss
in words of our own (no test post is copied or paraphrased)."""

from __future__ import annotations

import pytest

from scenarios.suggest import (
    detect_identifies_sexual_offence_victim,
    detect_names_cautioned_person,
    detect_prejudicial_content,
    detect_unproven_allegation,
    detect_wanted_person_arrested,
)
from tests.scenarios.suggest.test_detectors_law import NO, SURE_YES, UNSURE_YES, check

CAUTION = [
    # any verb for receiving a caution, plural too
    ("Tom and Dean Pryce, of Mill Lane, got police cautions for the fight.", SURE_YES),
    ("Shoplifter Paula Grant, 41, was let off with a conditional caution.", SURE_YES),
    ("Lee Ward, 19, was dealt with by way of a community resolution.", SURE_YES),
    ("Kim Rowe of Park Rd was fined £100 on the spot for dropping litter.", SURE_YES),
    # near misses: nobody named, or a court fine
    ("Two teenagers accepted cautions after the fight at the park.", NO),
    ("Dan Cole, 33, was fined £600 by Bromley magistrates for theft.", NO),
]

PREJUDICIAL = [
    # the arrested person named by the crime, as fact
    ("A man was arrested today. He is the lad who's been burgling sheds on Elm Rd.", UNSURE_YES),
    # near misses: an appeal with no arrest; an out-of-court disposal ends the matter
    ("Do you know the lad who's been burgling sheds on Elm Rd? Call 101.", NO),
    ("Jo Bell was given a £120 fixed penalty after a doorbell camera caught her tipping.", NO),
    ("Have you seen Lee Marsh? He absconded from an open prison where he was serving a term.", NO),
]

WANTED = [
    # the appeal kept up, pinned or re-posted after the arrest
    ("Suspect arrested last night, but our CCTV appeal image stays up for witnesses.", SURE_YES),
    ("We've caught him! Here's the footage again for anyone who missed it 📷", SURE_YES),
    ("Reposting our wanted appeal: the man pictured has been arrested, keep sharing.", SURE_YES),
    # near misses: taken down; no arrest; no image or appeal at all
    ("The man in our CCTV appeal was arrested; we've deleted his photo. Thanks!", NO),
    ("Still up on our page: the CCTV appeal for the Broadway robbery. Please share.", NO),
    ("A man was arrested for burglary. Please keep sharing our door-lock advice.", NO),
]

SEXUAL = [
    # a relation with an age, a workplace by the bar, the same block
    ("Sam Dee, 40, was charged with raping his 19-year-old lodger.", SURE_YES),
    (
        "Rob Kerr was jailed for sexually assaulting a woman at the bar where she worked.",
        UNSURE_YES,
    ),
    ("A man was charged with sexual assault on a woman in the same block on Fen Road.", SURE_YES),
    # a family's own post naming the victim, where nobody has been charged
    ("Our son Owen Tate was sexually assaulted in May and no one has been charged yet.", SURE_YES),
    # near misses
    ("A man has been charged with a sexual assault in a park in Lee.", NO),
    ("Officers are offering advice to bar workers on reporting sexual assault.", NO),
]

ALLEGATION = [
    # a locatable business handling goods, a neighbour named by house number
    ("A certain scrap yard on Dock Road buys copper cable no questions asked.", SURE_YES),
    ("@lee_res The man at no. 7 is the one keying the cars, we just can't prove it.", SURE_YES),
    # a named officer said to have done wrong, under investigation
    ("Footage shows PC Adam Lyle shoving a cyclist. He is suspended pending the IOPC.", UNSURE_YES),
    # near misses: a suspicious package; an officer suspended with no act said; a finding
    ("A suspicious package near Dale Hart's shop on Rye Lane was harmless.", NO),
    ("PC Nina Ford has been suspended while a complaint is looked into.", NO),
    ("A panel found PC Ian Bow pushed a man; he was dismissed.", NO),
]


@pytest.mark.parametrize(
    ("detect", "text", "expected"),
    [(detect_names_cautioned_person, *case) for case in CAUTION]
    + [(detect_prejudicial_content, *case) for case in PREJUDICIAL]
    + [(detect_wanted_person_arrested, *case) for case in WANTED]
    + [(detect_identifies_sexual_offence_victim, *case) for case in SEXUAL]
    + [(detect_unproven_allegation, *case) for case in ALLEGATION],
)
def test_wording_family(detect, text, expected):
    check(detect, text, expected)
