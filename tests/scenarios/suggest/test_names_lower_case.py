"""Posts written all in lower case still name people: a known first name and the surname after
it, or two words before an age. First names that are everyday words, words that never follow
as a surname, and posts in ordinary case are read as before; quotes stay verbatim."""

from __future__ import annotations

import pytest

from scenarios.suggest import (
    detect_names_cautioned_person,
    detect_names_suspect_before_charge,
    find_people,
)
from scenarios.suggest.names import names_anyone
from tests.scenarios.suggest.test_detectors_law import NO, SURE_YES, UNSURE_YES, check


@pytest.mark.parametrize(
    "text, names",
    [
        ("paul ingram accepted a caution for common assault on langhedge lane", ["paul ingram"]),
        ("it's kemal yilmaz, 29, of town rd. he'd been drinking all day", ["kemal yilmaz"]),
        ("both given a community resolution, jamie wright (19) and leon francis (20)",
         ["jamie wright", "leon francis"]),
        # the word after the first name is no surname
        ("darren got nicked on fore st last nite for the bike thefts, cheers all", []),
        # first names that are everyday words
        ("mark my words, someone will rob the nick if we leave it open again tonight", []),
        ("grace period on the parking fines ends friday, sorry all, no exceptions", []),
        # two words before an age that are no name
        ("somali lad from upper edmonton, 17, arrested with two stolen phones", []),
        # in a post in ordinary case, a lower-case name with an age after it; without the
        # age, a lower-case word stays a word
        ("Crash on Kingsbury Rd last night. danny o'sullivan 36, arrested, bailed.",
         ["danny o'sullivan"]),
        ("Mopeds all weekend in Stonebridge Park. we know its kaiden (14) from Hillside",
         ["kaiden"]),
        ("Busy week at the front desk: we had amy 3 times about her bike.", []),
    ],
)  # fmt: skip
def test_people_in_a_lower_case_post(text, names):
    assert [person.name for person in find_people(text)] == names


def test_ordinary_case_posts_keep_lower_case_words_as_words():
    # Only a post written all in lower case is re-read: here "paul ingram" is no name.
    text = "Officers at Edmonton Green said paul ingram is a band, not a person. Come along."
    assert find_people(text) == []


def test_a_lower_case_greeting_names_nobody():
    assert not names_anyone("hi priya, we got the bike back for u and someone is in custody")
    assert names_anyone("thanks all, priya from the cafe spotted him and called it in")


@pytest.mark.parametrize(
    "detect, text, expected",
    [
        (
            detect_names_suspect_before_charge,
            "driver who hit a cyclist on silver st has been arrested. it's kemal yilmaz, 29, "
            "of town rd",
            UNSURE_YES,  # the arrest is told in the sentence before the name: asked
        ),
        (
            detect_names_suspect_before_charge,
            "full story here, the man we've arrested, darren pike, is from the shires estate",
            SURE_YES,
        ),
        (
            detect_names_suspect_before_charge,
            "darren pike, 31, charged with 4 burglaries on the shires estate, court tmrw",
            NO,
        ),
        (
            detect_names_cautioned_person,
            "tyler ashworth, 22, got a caution today for keying 6 cars on brettenham rd",
            SURE_YES,
        ),
        (
            detect_names_cautioned_person,
            "caught a pair trying door handles on church st, both given a community resolution",
            NO,
        ),
    ],
)
def test_detectors_read_lower_case_names(detect, text, expected):
    found = check(detect, text, expected)
    if expected != NO:
        assert any(name in found.evidence for name in ("kemal yilmaz", "darren pike", "tyler"))


@pytest.mark.parametrize(
    "detect, text, expected, quoted",
    [
        (
            detect_names_suspect_before_charge,
            "Kieran from the Nightingale estate was arrested this morning after the stabbing.",
            UNSURE_YES,
            "'Kieran'",
        ),
        (
            detect_names_suspect_before_charge,
            "shout out to the lads who helped us grab the bloke nicking from the charity shop. "
            "kyle from langhedge lane, ur not as fast as u think mate. he's in custody now",
            UNSURE_YES,
            "'kyle'",
        ),
        (
            detect_names_cautioned_person,
            "The lad who threw eggs at your window, Connor from Lodge Lane, has had a community "
            "resolution and has written you an apology.",
            UNSURE_YES,
            "'Connor'",
        ),
        (
            detect_names_cautioned_person,
            "Speed checks outside Eastbrook School. Nice to see Gary from Heathway Tyres "
            "getting a ticket, practice what u preach mate",
            UNSURE_YES,
            "'Gary'",
        ),
        (
            detect_names_cautioned_person,
            "Also Mo from the chippy on Wood Lane, 3rd ticket this year, you know who you are!!",
            UNSURE_YES,
            "'Mo'",
        ),
        # A first name alone, placed nowhere, is not enough to identify anyone.
        (
            detect_names_suspect_before_charge,
            "Thanks to Priya who called us. A man was arrested at the scene.",
            NO,
            None,
        ),
    ],
)
def test_a_first_name_placed_at_a_street_is_asked(detect, text, expected, quoted):
    found = check(detect, text, expected)
    if quoted:
        assert quoted in found.evidence
        assert "where they live may identify them" in found.evidence


def test_the_arrest_as_a_possessive_noun():
    found = check(
        detect_names_suspect_before_charge,
        "The Standard has the story on last night's arrest in Stratford, including the man's "
        "name - Callum Reeves, 41, from Water Lane.",
        SURE_YES,
    )
    assert "Callum Reeves" in found.evidence


def test_has_had_a_caution_is_a_caution():
    found = check(
        detect_names_cautioned_person,
        "The lady who bought the stolen laptop, Kirsty Neal, has had a caution for handling "
        "stolen goods.",
        SURE_YES,
    )
    assert "has had a caution" in found.evidence


def test_a_first_name_placed_in_a_school_year_identifies_a_pupil():
    text = (
        "Parents asked why we searched 16yo Rayan from Yr 11 outside the gates on Tues. Yes he "
        "was arrested (now on bail)."
    )
    check(detect_names_suspect_before_charge, text, SURE_YES)
