"""Wordings first met in sets 51-65 of the posts kept outside the project: evidence given
while a case is active (what witnesses say, a failed breath test, what the accused was found
with), a suspect's picture shown again after the arrest, and a victim identified by a
relation or a workplace. Each with a near miss."""

from __future__ import annotations

import pytest

from scenarios.suggest import (
    detect_identifies_child_in_proceedings,
    detect_identifies_sexual_offence_victim,
    detect_prejudicial_content,
    detect_wanted_person_arrested,
)
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
        (
            "Tomasz Nowak, 41, has been arrested for breaching his order. He was banned from "
            "the area after his drink-related convictions last year.",
            SURE_YES,
        ),
        (
            "Terry Vaughan, 52, the dead man's brother-in-law, arrested at the scene - "
            "neighbours heard them rowing.",
            UNSURE_YES,
        ),
        (
            "WANTED: Adam Cole, 33. UPDATE - nicked in Dagenham this afternoon, bag of cash "
            "under his bed.",
            UNSURE_YES,
        ),
        (
            "Graham Lowther, 44, has been charged with sexual assault on the number 1 bus. Bus "
            "CCTV caught the whole thing.",
            SURE_YES,
        ),
        (
            "Detectives have arrested Nathan Ross, 26, on suspicion of murder. Forensics have "
            "linked him to the knife found in the bushes.",
            SURE_YES,
        ),
        (
            "The driver was detained at the scene and arrested. We believe he did this "
            "deliberately and acted alone.",
            UNSURE_YES,
        ),
        (
            "Ricky Dunne was arrested last night. He's the man you all saw on CCTV punching the "
            "bus driver.",
            UNSURE_YES,
        ),
        (
            "Two men arrested on Southbury Rd. In the boot: a relay box and false plates. "
            "They'd been trying car doors all the way down.",
            UNSURE_YES,
        ),
        (
            "Mehmet Yilmaz has been arrested on suspicion of causing death by dangerous "
            "driving. The roadside test put him at twice the limit.",
            SURE_YES,
        ),
        (
            "Two boys have been arrested. One of them, Kieran Doyle, had already been warned by "
            "officers last month for carrying a knife.",
            SURE_YES,
        ),
        (
            "Eleven arrests, including Shane Kirby, 27, whose flat turned up a kilo of cannabis.",
            UNSURE_YES,
        ),
        (
            "Abdul Rahman, 40, has been arrested. We believe he left it there deliberately.",
            UNSURE_YES,
        ),
        (
            "Darius Osei, 20, has been arrested. Detectives say they have a clear motive and "
            "witnesses who saw the attack.",
            UNSURE_YES,
        ),
        ("3 arrested inc Tyrell Adams, who we reckon was running the line", UNSURE_YES),
        (
            "The man who killed Daniel Agyeman, 19 - Jamal Oduya, 22 - goes on trial at the Old "
            "Bailey on Monday.",
            UNSURE_YES,
        ),
        (
            "Two 15-year-old boys have been arrested - one was wearing the exact jacket she "
            "described.",
            UNSURE_YES,
        ),
        (
            "Harvey Doyle, 16, has been charged with GBH. He has been in trouble with us before.",
            SURE_YES,
        ),
        # Wordings the held-out writers' drafts showed the detectors missing.
        (
            "UPDATE: the 19yo we arrested yesterday has coughed to the lot in interview.",
            SURE_YES,
        ),
        (
            "A 36-year-old man has been arrested on suspicion of burglary. Let's just say he's a "
            "very familiar face to our team.",
            SURE_YES,
        ),
        (
            "The man charged over Sunday's attack has been remanded. He is already on the sex "
            "offenders register.",
            SURE_YES,
        ),
        (
            "Shane Lyle (31) bailed after Tuesday's arrest. Yes, it's the same Shane Lyle who "
            "got 2 years for nicking cars in 2022.",
            SURE_YES,
        ),
        ("The driver, 58, has been arrested - a passenger says he was on his phone.", UNSURE_YES),
        ("Police have arrested Terry Walsh after he glassed a customer on Sunday.", UNSURE_YES),
        (
            "This is the man we arrested this afternoon. If you're another of his victims call "
            "101.",
            UNSURE_YES,
        ),
        (
            "Aaliyah, 12, whose statement helped us charge the man who attacked her dad.",
            UNSURE_YES,
        ),
        # Near misses: no one in proceedings, or a victim found injured.
        ("Driver arrested on suspicion of drink driving after hitting a lamp post.", NO),
        ("A man was arrested after he was attacked outside the pub.", NO),
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
        (
            "The man in this doorbell footage was arrested yesterday. Footage below again for "
            "reference.",
            SURE_YES,
        ),
        (
            "Still getting DMs about our appeal for the Hornchurch cashpoint robber. Yes, he was "
            "arrested Tuesday. No I havent had time to take the pic down. Here it is again.",
            SURE_YES,
        ),
        (
            "People wanted on court warrants: all 6 pics below. (Mo Hussain, you can stop "
            "checking, we got you at your nan's this morning.)",
            SURE_YES,
        ),
        (
            "The still image of the driver we circulated before his arrest is still on this "
            "account while detectives appeal for footage.",
            SURE_YES,
        ),
        (
            "Remember this guy from our wanted appeal in August? [CCTV still] Ellis Ward, 30, "
            "got 3 yrs this morning for the robbery.",
            SURE_YES,
        ),
        (
            "RT'ing again for reach: ESCAPED prisoner Ryan Kelleher, 27, [pic] - he was caught "
            "last night btw.",
            SURE_YES,
        ),
        (
            "Our #WantedWednesday posters are up this week. Featured again is Dwayne Foster, who "
            "we arrested last Thursday.",
            SURE_YES,
        ),
        (
            "Cars keyed along Rostrevor Rd. We arrested a man this morning but we're leaving the "
            "Ring cam still up in case he's been at it elsewhere.",
            SURE_YES,
        ),
        ("The suspect has been arrested - details & his photo via the link 👇", SURE_YES),
        (
            "Arben Hoxha, 38, who escaped from a prison van, was recaptured in Abbey Wood last "
            "night. His picture is still below for now.",
            SURE_YES,
        ),
        # Near misses: no arrest yet; an appeal for witnesses, with no picture of anyone.
        ("Our #WantedWednesday posters are up this week: six men we still need to trace.", NO),
        ("WANTED: Raj Patel, 30. Keep sharing. We got you a new poster.", NO),
        ("Here's the CCTV image of the man we want to speak to. Call 101.", NO),
        ("A man was arrested on Tooley St. We are appealing for witnesses: call 101.", NO),
    ],
)
def test_a_suspects_picture_shown_after_the_arrest(text, expected):
    check(detect_wanted_person_arrested, text, expected)


def test_an_age_said_after_a_name_is_the_persons():
    from_caution = detect_identifies_child_in_proceedings(
        "Re your complaint: the lad who egged your windows only got a caution. Ben Saunders "
        "is 17, first offence, admitted it."
    )
    assert (from_caution.value, from_caution.sure) == SURE_YES
    assert "'Ben Saunders', aged 17" in from_caution.evidence
    # A speed is no age.
    assert (
        detect_identifies_child_in_proceedings(
            "Dean Price was 70 in a 30 on Rainham Rd and has been charged."
        ).value
        is not True
    )


@pytest.mark.parametrize(
    "detect, text, expected",
    [
        (
            detect_identifies_sexual_offence_victim,
            "The man arrested over the flashing on Wandsworth Common is Gary Fenn, 45 - the "
            "jogger was his next-door neighbour.",
            SURE_YES,
        ),
        (
            detect_identifies_sexual_offence_victim,
            "Charged: Stefan Novak, 34, with sexually assaulting a 20-yr-old barista at the "
            "coffee shop opposite Balham station.",
            UNSURE_YES,
        ),
        (
            detect_identifies_sexual_offence_victim,
            "A woman was sexually assaulted near the coffee shop opposite Balham station.",
            NO,
        ),
        (
            detect_identifies_child_in_proceedings,
            "Delroy Campbell, 40, was sentenced today to 8 years for sexually assaulting two "
            "teenage girls he coached at the gymnastics club on Beckenham Rd.",
            SURE_YES,
        ),
        (
            detect_identifies_child_in_proceedings,
            "Delroy Campbell, 40, was sentenced today to 8 years for assaulting two teenage girls.",
            NO,
        ),
    ],
)
def test_a_victim_identified_by_a_relation_or_a_workplace(detect, text, expected):
    check(detect, text, expected)
