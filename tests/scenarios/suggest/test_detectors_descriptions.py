"""A suspect's ethnicity in the wordings of sets 66-77: a description that opens a sentence
("White, 30s, shaved head"), accents ("the callers had Indian accents"), what witnesses think
("two men who they think are Romanian"), an item beside the age ("Marek Nowak, 35, Polish,").
Near misses: a community post, a champion's nationality, a victim described."""

from __future__ import annotations

import pytest

from scenarios.suggest import detect_gives_ethnicity_or_nationality
from tests.scenarios.suggest.test_detectors_law import NO, UNSURE_YES, check


@pytest.mark.parametrize(
    "text, expected, quoted",
    [
        (
            "Police want to speak to this man (pic) about a robbery at the Heathway Tesco "
            "Express. White, 30s, shaved head, neck tattoo. Recognise him?",
            UNSURE_YES,
            "White, 30s",
        ),
        (
            "2 elderly residents in Whitton called by 'police officers' asking them to withdraw "
            "cash. Both said the callers had Indian accents.",
            UNSURE_YES,
            "Indian accents",
        ),
        (
            "Both victims describe two men in their 20s who they think are Romanian, one in a "
            "black North Face puffer.",
            UNSURE_YES,
            "they think are Romanian",
        ),
        (
            "Charged: Marek Nowak, 35, Polish, with 4 burglaries in Norbury.",
            (True, True),
            "'Polish'",
        ),
        (
            "wanted man Darius Popescu (Romanian, 29) was picked up in Bow last night",
            (True, True),
            "Romanian, 29",
        ),
        (
            "Phone snatches up around Mile End stn. Mostly lads on e-bikes, Algerian by the look "
            "of the CCTV",
            UNSURE_YES,
            "Algerian by the look of",
        ),
        # sets 75-77: what the suspect is believed to be; a British heritage in a suspect's
        # sentence; an appeal whose crime says the man is a suspect, not missing
        (
            "Officers are investigating an assault outside a bar on Kingsland Road. The suspect "
            "is believed to be Albanian, aged around 30.",
            (True, True),
            "believed to be Albanian",
        ),
        (
            "the man arrested in Harrow under the Terrorism Act on Sat is a 26yo British "
            "Pakistani from Rayners Lane",
            (True, True),
            "British Pakistani",
        ),
        ("Proud to support British Bangladeshi heritage month in Tower Hamlets.", NO, None),
        (
            "Reposting: have you seen this man? Asian male 20s, handbag snatch on Station Rd "
            "10/11. he was nicked on Tues",
            (True, True),
            "Asian male",
        ),
        (
            "MISSING: have you seen Amira, 15? She is Somali, 5ft 3, last seen in Tottenham.",
            (False, True),
            None,
        ),
        ("Well done to Aisha Khan, 17, British champion at the boxing club!", NO, None),
        ("Lovely chat with the Irish travellers' liaison group at the community centre.", NO, None),
        (
            "A 58-year-old Somali man was punched at the bus stop. Witnesses please call 101.",
            (False, True),
            None,
        ),
    ],
)
def test_descriptions(text, expected, quoted):
    found = check(detect_gives_ethnicity_or_nationality, text, expected)
    if quoted:
        assert quoted in found.evidence
