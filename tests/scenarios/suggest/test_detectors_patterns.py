"""The general patterns behind each RED-override flag, each with a positive case and a near
miss that must stay unflagged. The posts are written for these tests, in words unlike the
bench's posts."""

from __future__ import annotations

import pytest

from scenarios.suggest import (
    detect_gives_ethnicity_or_nationality,
    detect_identifies_child_in_proceedings,
    detect_identifies_sexual_offence_victim,
    detect_names_cautioned_person,
    detect_names_suspect_before_charge,
    detect_prejudicial_content,
    detect_unproven_allegation,
    detect_wanted_person_arrested,
)
from scenarios.suggest.detection import sentences
from tests.scenarios.suggest.test_detectors_law import NO, SURE_YES, UNSURE_YES, check

PREJUDICIAL = [
    # a criminal past: earlier bans, prison, licence, a history of offending
    (
        "A woman arrested for drink driving on the A20 was already disqualified from driving.",
        SURE_YES,
    ),
    ("Ali Khan, 30, charged with robbery, is out on licence for a similar offence.", SURE_YES),
    ("A man arrested over the stabbing has a history of violence.", SURE_YES),
    ("The 22-year-old, remanded in custody, was serving a suspended sentence.", SURE_YES),
    ("Man charged after a shop raid: officers say he is a career shoplifter.", SURE_YES),
    # comment that assumes guilt
    ("Among those arrested was Ray Cole, who we've been after for months.", SURE_YES),
    # evidence, while proceedings are active
    ("Kevin Lane, 36, was charged and admitted the burglary in interview.", SURE_YES),
    (
        "Marco Bell, 25, charged with theft, was caught on CCTV stuffing phones in a bag.",
        UNSURE_YES,
    ),
    # convicted, sentence still to come: active
    (
        "Dwayne Hill, 30, was found guilty and he'll be sentenced next month. He has previous "
        "convictions for theft.",
        SURE_YES,
    ),
    # near misses: the case is over, or nothing prejudicial, or no proceedings
    ("Keisha Brown, 30, was jailed for five years. She had 12 previous convictions.", NO),
    ("Police want to identify this man seen on CCTV after a theft in Brixton.", NO),
    ("Thanks to our officers who have been serving their community for 20 years.", NO),
    ("Officers were dealing with a disturbance when a man was arrested for assault.", NO),
]

ALLEGATION = [
    # pinning a crime on an identifiable household or person
    ("The family at number 9 Eliot Park are behind the burglaries, we're sure of it.", SURE_YES),
    ("Heads up: we know it's the lads at 3 Oak Mead nicking bikes.", SURE_YES),
    ("Between us, it's the couple who run the cafe on Lee High Rd.", SURE_YES),
    # stolen goods, ripping people off, letting dealers or children in
    ("The mechanic under the arches on Coldharbour Lane is stripping stolen cars.", SURE_YES),
    ("The barber at no. 40 has been taking in stolen bikes.", SURE_YES),
    ("Kebab House on Walworth Rd has been ripping customers off for years.", SURE_YES),
    ("The landlord of the Crown pub on Lordship Lane is letting under-18s drink.", SURE_YES),
    # a reply that accuses the account addressed
    ("@CornerCafeSE5 You've been letting dealers use your toilets for months.", SURE_YES),
    # near misses
    ("@brockleymum Thanks, we've looked into your complaint and spoken to the officer.", NO),
    ("Officers are dealing with an incident at the Kebab House on Rye Lane.", NO),
    ("The phone shop on Green Lanes was burgled overnight.", NO),
    ("Courier fraud: a caller claiming to be from Scotland Yard asked a man for cash.", NO),
    ("The owner of Best Wines on Brixton Hill was convicted of selling alcohol to children.", NO),
]

CHILD = [
    ("We secured a Criminal Behaviour Order against Ben Cole, 16, of Brook Road.", SURE_YES),
    ("Schoolboy Callum Reid from Erith has been charged with possession of a knife.", SURE_YES),
    (
        "A Year 10 pupil at Bishop Challoner School has been charged with carrying a knife.",
        SURE_YES,
    ),
    # near misses: an adult's order; pupils not in proceedings; an unnamed child
    ("A Criminal Behaviour Order was granted against Ben Cole, 36, of Brook Road.", NO),
    ("Year 10 pupils at Bishop Challoner School joined our officers for a knife talk.", NO),
    ("A 15-year-old boy has been charged and cannot be named for legal reasons.", NO),
]

SEXUAL = [
    ("Thinking of the woman from the flats above the chemist on Elm Rd who was raped.", SURE_YES),
    (
        "The woman raped near the common works as a receptionist at the practice on Abbeville Rd.",
        SURE_YES,
    ),
    ("A teenage girl was sexually assaulted on her way home from Bacon's College.", SURE_YES),
    ("Paul Jenkins, 52, appeared in court charged with sexually abusing his stepson.", SURE_YES),
    ("Gary Mills, 50, was charged with indecently assaulting his neighbour's daughter.", SURE_YES),
    # near misses: no detail about the victim
    ("A woman was raped in Lewisham on Friday night. Officers are supporting her.", NO),
    ("A man was arrested after exposing himself on Tooting Bec Common.", NO),
]

SUSPECT = [
    # an officer who was arrested is a suspect too
    ("PC Dan Lowe, who was arrested on suspicion of theft, has been suspended.", SURE_YES),
    ("Sergeant Paul Dunn, 45, has been arrested on suspicion of misconduct.", SURE_YES),
    # near miss: the officer made the arrest
    ("Sgt Paul Dunn arrested a 30-year-old man on suspicion of drink driving.", NO),
]

CAUTION = [
    ("Driver Tom Price was handed a £100 fine and three points for running a red light.", SURE_YES),
    ("Mark Tyler, 34, was fined £300 at Bromley Magistrates' Court for possession.", NO),
]

WANTED = [
    (
        "UPDATE: the man we were looking for over the Camberwell robbery has been arrested. "
        "[CCTV image]",
        SURE_YES,
    ),
    ("Thanks for sharing our appeal for witnesses to the stabbing. A man has been arrested.", NO),
]

ETHNICITY = [
    ("Two men were seen; they were described by a neighbour as white, in their 20s.", UNSURE_YES),
    ("Witnesses said the robber was Eastern European, in his 30s.", SURE_YES),
    ("Two men, both Black, fled in a silver Golf after the robbery.", SURE_YES),
    ("Watch out for the Lebanese man who runs the stall on Elm Rd.", UNSURE_YES),
    # near misses: the victim's nationality; a community event
    ("An elderly Chinese woman was robbed of her purse. The suspect fled.", NO),
    ("The victim, a Nigerian woman in her 50s, was pushed over. The suspect ran off.", NO),
    ("We were proud to join the Turkish community on Green Lanes for their festival.", NO),
]


@pytest.mark.parametrize(
    "detect, text, expected",
    [(detect_prejudicial_content, *case) for case in PREJUDICIAL]
    + [(detect_unproven_allegation, *case) for case in ALLEGATION]
    + [(detect_identifies_child_in_proceedings, *case) for case in CHILD]
    + [(detect_identifies_sexual_offence_victim, *case) for case in SEXUAL]
    + [(detect_names_suspect_before_charge, *case) for case in SUSPECT]
    + [(detect_names_cautioned_person, *case) for case in CAUTION]
    + [(detect_wanted_person_arrested, *case) for case in WANTED]
    + [(detect_gives_ethnicity_or_nationality, *case) for case in ETHNICITY],
)
def test_general_pattern(detect, text, expected):
    check(detect, text, expected)


def test_a_house_number_does_not_end_a_sentence():
    text = "The shop at no. 12 sells knives. Call 101."
    assert [text[s:e] for s, e in sentences(text)] == [
        "The shop at no. 12 sells knives.",
        "Call 101.",
    ]
