"""Wordings of sets 81-92 and of the labelled drafts the detectors missed: an appeal kept up
after an arrest said in any words; a child given a community resolution or fixed penalty, or a
child a sexual offence was done to; a sexual-offence victim by a first name and an age, or by
where she works; the accused's act told as fact. Near misses beside each."""

from __future__ import annotations

import pytest

from scenarios.suggest import (
    detect_identifies_child_in_proceedings,
    detect_identifies_sexual_offence_victim,
    detect_prejudicial_content,
    detect_wanted_person_arrested,
)
from scenarios.suggest.names import find_people
from tests.scenarios.suggest.test_detectors_law import NO, SURE_YES, UNSURE_YES, check


@pytest.mark.parametrize(
    "text, expected, quoted",
    [
        # Kept up: any word of the arrest will do.
        (
            "Homicide detectives have arrested Lewis Grant, 20, at an address in Manor Park. The "
            "image of him we shared at lunchtime will stay up while we trace a second man.",
            SURE_YES,
            "have arrested",
        ),
        (
            "Leon Baptiste was arrested on Sat in Hayes after a tip-off. I'm keeping the appeal "
            "pinned for now cos we think there are more victims.",
            SURE_YES,
            "keeping the appeal pinned",
        ),
        (
            "Michael Grady was found on Southwark Park Rd this morning and is back in prison. "
            "We're keeping the appeal & photo up for now as someone helped him.",
            SURE_YES,
            "keeping the appeal & photo up",
        ),
        (
            "UPDATE: the man in the Costcutter Elm Park robbery appeal was arrested on the 27th. "
            "The appeal stays up.",
            SURE_YES,
            "The appeal stays up",
        ),
        (
            "Lots of you asking if the Deliveroo robber is still about. He was charged last week, "
            "but we're posting his CCTV pic again so other riders can check.",
            SURE_YES,
            "posting his CCTV pic again",
        ),
        (
            "Ashley Turner caught at 3am in Thamesmead. The appeal stays up until we know who "
            "helped him, so keep sharing please.",
            SURE_YES,
            "caught at 3am",
        ),
        (
            "WANTED: Jamal Osei, 22, sought over a stabbing. Worth saying he was actually picked "
            "up on Monday but RT anyway for reach.",
            SURE_YES,
            "RT anyway",
        ),
        # Near misses: the appeal taken down; the arrest denied; a missing child's appeal;
        # an appeal's own headline.
        ("Caught on CCTV: do you recognise this man? Please keep sharing.", NO, None),
        ("CAUGHT ON CAMERA - do you know this man? Please share.", NO, None),
        (
            "Sharing his pic again - he still hasn't been arrested. Call 101 if you see him.",
            NO,
            None,
        ),
        ("Sharing his pic again - no one has yet been arrested. Call 101.", NO, None),
        (
            "Following the escape: the man is back in prison. We've taken the appeal images down, "
            "thank you to everyone who shared.",
            NO,
            None,
        ),
        (
            "WANTED: do you recognise this man? No arrest has been made. Please keep sharing.",
            NO,
            None,
        ),
        (
            "Chloe (14) has been found safe and well. A man has been arrested and remains in "
            "custody. We'll leave the appeal up a bit longer so people see the update.",
            NO,
            None,
        ),
    ],
)
def test_an_appeal_kept_up_after_an_arrest_said_in_any_words(text, expected, quoted):
    found = check(detect_wanted_person_arrested, text, expected)
    if quoted:
        assert quoted in found.evidence


@pytest.mark.parametrize(
    "text, expected, quoted",
    [
        (
            "Two lads, Josh & Ollie, both 13 & from Berkeley Avenue, got a community resolution "
            "& had to apologise to the driver.",
            SURE_YES,
            "community resolution",
        ),
        (
            "Gary Pemberton, 44, of Manor Drive has been charged with sexual assault of a child "
            "under 13. The girl is his stepdaughter.",
            SURE_YES,
            "child",
        ),
        (
            "Share please: the 12 bus sexual assault. The girl is only 15 & lives just off "
            "Camberwell Rd, her family are devastated.",
            UNSURE_YES,
            "is only 15",
        ),
        (
            "Mia Lewis (15, Streatham Hill) has been found in Southend. Her so-called boyfriend "
            "Reece Gordon, 19, has been arrested on suspicion of trafficking.",
            UNSURE_YES,
            "Mia Lewis",
        ),
        (
            "Adrian POLLARD (46) jailed for 6 yrs yesterday for sexual offences against his "
            "niece, now 15, at his home in Northolt.",
            SURE_YES,
            "now 15",
        ),
        # Near misses: abused as a child, an adult now; a child given advice, no case.
        (
            "Dean Waller, 46, was jailed for 11 years for sexually assaulting his stepdaughter "
            "when she was a child. She is now 20 and feels free.",
            NO,
            None,
        ),
        ("Great chat with the Year 9s at Harris Academy about staying safe online.", NO, None),
        # A young person elsewhere in the post is not the victim.
        (
            "A teenage boy has been arrested. Jane Smith was sexually assaulted in Burgess Park "
            "on Friday.",
            NO,
            None,
        ),
        (
            "Jane Smith was sexually assaulted in Burgess Park on Friday. There are now 2 men in "
            "custody.",
            NO,
            None,
        ),
    ],
)
def test_a_child_dealt_with_out_of_court_or_harmed_by_a_sexual_offence(text, expected, quoted):
    found = check(detect_identifies_child_in_proceedings, text, expected)
    if quoted:
        assert quoted in found.evidence


@pytest.mark.parametrize(
    "text, expected, quoted",
    [
        (
            "Update on Leah, 14: she's been found safe. Sadly an older man has been arrested for "
            "sexual offences against Leah.",
            UNSURE_YES,
            "Leah",
        ),
        (
            "PC Owen Gilchrist has been charged with sexual assault. The complainant, a female "
            "sergeant based at Bexleyheath police station, is being supported.",
            SURE_YES,
            "based at Bexleyheath",
        ),
        (
            "On Friday the lady who runs the flower stall outside Richmond station was exposed "
            "to by a man who walked off towards the Quadrant.",
            SURE_YES,
            "who runs",
        ),
        # Near miss: the offence, and no detail of the victim.
        (
            "A man was exposed to by a man near Richmond station on Friday. Any info, 101.",
            NO,
            None,
        ),
    ],
)
def test_a_sexual_offence_victim_by_first_name_and_age_or_workplace(text, expected, quoted):
    found = check(detect_identifies_sexual_offence_victim, text, expected)
    if quoted:
        assert quoted in found.evidence


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Ellis Ford, 22, has been charged with dangerous driving. He was doing 70 in a 30 and "
            "he appears at Feltham Magistrates' next Thursday.",
            UNSURE_YES,
        ),
        (
            "The tenant, Mehmet Kaya, 36, was arrested at the scene, and he'd bypassed the "
            "electricity meter to power the set-up.",
            UNSURE_YES,
        ),
        # Near misses: the case is over; the victim's own pocket; no one accused.
        (
            "Her purse was in her coat pocket when it was snatched on Rye Lane. A man has been "
            "arrested.",
            NO,
        ),
        ("This won't surprise many of you, but the bridge is closed again.", NO),
        (
            "Ellis Ford, 22, was sentenced yesterday to 2 years. He was doing 70 in a 30.",
            NO,
        ),
    ],
)
def test_the_accused_act_told_as_fact_while_the_case_is_open(text, expected):
    check(detect_prejudicial_content, text, expected)


def test_an_age_in_brackets_before_a_place_but_not_a_count():
    assert [(p.name, p.age) for p in find_people("Mia Lewis (15, Streatham Hill) is safe.")] == [
        ("Mia Lewis", 15)
    ]
    found = find_people("Tom Reid (10,000 followers on TikTok) was charged with fraud.")
    assert [(p.name, p.age) for p in found] == [("Tom Reid", None)]
