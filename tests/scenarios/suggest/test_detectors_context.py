"""The ordinary facts: public domain, KSI, breaking, wider interest, ethnicity, the picture,
its release, the shared source; and the person-name heuristic they rely on."""

from __future__ import annotations

import pytest

from scenarios.suggest import (
    detect_breaking,
    detect_gives_ethnicity_or_nationality,
    detect_image,
    detect_image_release_authorised,
    detect_in_public_domain,
    detect_ksi,
    detect_source,
    detect_wider_interest,
    find_people,
)
from tests.scenarios.suggest.conftest import assert_verbatim


def value_of(detect, text):
    found = detect(text)
    assert_verbatim(found.evidence, text)
    return found.value


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Update on the crash, as reported by @SouthwarkNews this morning.", True),
        ("The Standard reported the charge last night.", True),
        ("Following our earlier appeal, we can now share CCTV.", True),
        ("The appeal ran in the @BrixtonBlog yesterday.", True),
        ("Op BigWing ran across London today, as @metpoliceuk announced this morning.", True),
        ("New appeal, not released anywhere else yet: did you see the robbery?", False),
        ("We have not released any details until now.", False),
        ("It's not the first time we've dealt with him, and the @EalingTimes ran it.", True),
        ("Cold callers reported in Berrylands today: don't open the door.", False),
        ("A man was arrested and released on bail.", False),
    ],
)
def test_in_public_domain(text, expected):
    assert value_of(detect_in_public_domain, text) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Pedestrian taken to hospital with broken leg after collision on A2", True),
        ("Sadly a cyclist died after a crash with a lorry on the A13.", True),
        ("A driver has life-threatening injuries after a collision on Romford Road.", True),
        ("A motorcyclist was seriously injured in a crash on the North Circular.", True),
        ("A pedestrian has fractures to both legs after being hit by a van.", True),
        ("Two cars collided on Station Rd, minor injuries only, road now open", False),
        ("The driver was treated for whiplash after the collision.", False),
        ("A cyclist has non-life-threatening injuries after a collision with a car.", False),
        # serious, but not a road collision
        ("A man suffered a broken jaw in a fight outside a pub.", False),
    ],
)
def test_ksi(text, expected):
    assert value_of(detect_ksi, text) is expected


def test_ksi_evidence_names_the_injury_and_the_collision():
    found = detect_ksi(
        "A pedestrian suffered life-changing injuries in a collision on Mare Street."
    )
    assert found.evidence == "says 'life-changing'; collision: 'pedestrian'"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Please avoid the area while officers deal with the incident.", True),
        ("This is an ongoing incident on the High Road.", True),
        ("Officers are currently at the scene on Brixton Road.", True),
        ("Right now: homes are being evacuated on Leighton Road.", True),
        ("Developing: reports of a fire at a block of flats in Poplar.", True),
        ("BREAKING: huge police presence at Westfield London.", True),
        ("UPDATE on yesterday's incident at Westfield: avoid the area and don't speculate.", False),
        ("Enquiries are ongoing after the burglary on Elm Road last week.", False),
        ("We're currently recruiting volunteer police cadets in Barnet.", False),
        ("Officers arrested a man for breaking into cars on Bellenden Road.", False),
    ],
)
def test_breaking(text, expected):
    assert value_of(detect_breaking, text) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("BBC London and the Evening Standard are asking us for interviews.", True),
        ("The trial was followed by the national papers.", True),
        ("The video has had two million views overnight.", True),
        ("Jamal Reid was sentenced at Croydon Crown Court today to 14 years.", True),
        ("The burglary at the home of a Premier League footballer is under investigation.", True),
        ("As reported in the @SuttonGuardian this morning.", False),
        ("The national threat level is now substantial.", False),
        ("Here's the standard operating procedure for custody.", False),
        ("Daniel Price was jailed for four years for burglary.", False),
    ],
)
def test_wider_interest(text, expected):
    assert value_of(detect_wider_interest, text) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Officers arrested a 27-year-old white man on suspicion of burglary.", (True, True)),
        ("We want to speak to a man of Asian appearance about the robbery.", (True, True)),
        ("A 27-year-old Portuguese national was arrested this morning.", (True, True)),
        ("A white van was seen leaving the scene.", (False, True)),
        ("The UK national threat level is now SEVERE.", (False, True)),
        ("MISSING: Grace, 82, is white, 5ft 2, with grey hair.", (False, True)),
        ("A group of Eastern European men were seen near the market.", (True, False)),
    ],
)
def test_gives_ethnicity_or_nationality(text, expected):
    found = detect_gives_ethnicity_or_nationality(text)
    assert (found.value, found.sure) == expected, found.evidence
    assert_verbatim(found.evidence, text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Thanks to everyone at tonight's street meeting 📷", "general"),
        ("MISSING: Amy, 15, last seen Brixton – family photo attached", "general"),
        ("WANTED: do you know this man? [CCTV image attached]", "suspect"),
        ("📷 CCTV stills of two suspects attached (release authorised by the OIC).", "suspect"),
        ("Burglar jailed for three years. [Custody photo attached]", "custody"),
        ("Jailed: Lee Carter, 41. Custody image attached.", "custody"),
        ("Back in custody since last night, but his pic is staying pinned for now.", "suspect"),
        ("Arrested this morning; we're leaving her photo up a few more days.", "suspect"),
        # the appeal's picture shown under an update (found in the walk: the flag said the
        # appeal was kept up while the picture question said "no picture")
        ("UPDATE: Reece Holloway nicked this morning. Original appeal & pic below", "suspect"),
        ("UPDATE: arrested yesterday. His photograph remains below for reference.", "suspect"),
        ("Arrest made. The CCTV images of him will stay pinned for a few more days.", "suspect"),
        ("He has been arrested, but we're keeping the clip up.", "suspect"),
        # the one arrested is the one in the picture (found in the walk: the appeal was kept
        # up after the arrest while the picture question said "a general photo")
        (
            "The man in this doorbell footage was arrested yesterday. Footage below again.",
            "suspect",
        ),
        (
            "The man in the doorbell clip we shared on Monday has been arrested. Clip again below.",
            "suspect",
        ),
        ("Meet the woman in this photo below: PC Jane Ash, our new ward officer.", "general"),
        ("Lovely photo below of the team at the fun run!", "general"),
        ("Officers are reviewing CCTV after the burglary.", "none"),
        ("A quiet night in Sutton.", "none"),
    ],
)
def test_image(text, expected):
    assert value_of(detect_image, text) == expected


def test_a_cue_that_says_both_is_quoted_once():
    found = detect_image("Arrested this morning; we're keeping his photo up a few more days.")
    assert found.evidence == "says 'keeping his photo'"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("[CCTV image attached: release authorised by the SIO]", True),
        ("Image released with the approval of the OIC... approved for release.", True),
        ("[CCTV image attached: release not yet authorised]", False),
        ("[Custody image attached: no release decision recorded yet]", False),
        ("[CCTV image attached]", False),
    ],
)
def test_image_release_authorised(text, expected):
    assert value_of(detect_image_release_authorised, text) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("RT @metpoliceuk: Heading out tonight? Plan your journey home.", "metpoliceuk"),
        ("RT @metpolicevents: Road closures for the marathon.", "metpolicevents"),
        ("RT @haringeycouncil: Free bike marking on Saturday.", "local-council"),
        ("RT @TottenhamHaleResidents: Thanks to all who came!", "community-group"),
        ("RT @MPSRTPC: Check your tyres.", "mpsrtpc"),
        ("RT @SE15Talk: Great turnout at the litter pick.", "se15talk"),
        ("Advice on keeping your home safe: met.police.uk/advice", "mps-website"),
        ("Report it here: https://www.met.police.uk/ro/report", "mps-website"),
        ("Lock it or lose it: sutton.gov.uk/community-safety", "local-council"),
        ("Join your local scheme: ourwatch.org.uk", "partner-website"),
        ("Worth a read: suttonstreetcrime.wordpress.com", "suttonstreetcrime"),
        ("A quiet night in Sutton.", None),
    ],
)
def test_source(text, expected):
    assert value_of(detect_source, text) == expected


@pytest.mark.parametrize(
    "text, names",
    [
        ("John Smith, 32, of Ash Road was arrested.", ["John Smith"]),
        ("Tom Reid, 22, was charged on Stanley Park Road in Wood Green.", ["Tom Reid"]),
        ("Local man Dave Green was cautioned.", ["Dave Green"]),
        ("Oluwaseun Adeyemi, 19, was charged.", ["Oluwaseun Adeyemi"]),
        ("Grzegorz Brzeczyszczykiewicz, 28, was jailed.", ["Grzegorz Brzeczyszczykiewicz"]),
        ("Officers from #Lewisham Safer Neighbourhoods Team were at Inner London Crown Court.", []),
        ("Great work by the Bow East ward team at Kentish Town and Forest Gate.", []),
        ("Kebab King on High Street is open late.", []),
        # a time after a place is no age: "Hanger Lane, 01:20" is not someone aged 1
        ("Collision at Hanger Lane, 01:20. Nobody hurt.", []),
        # a nickname in quotes belongs to the name, and is quoted with it
        ("Among those held is Kwame 'K-Dot' Asante, 24.", ["Kwame 'K-Dot' Asante"]),
        ('Thanks to "Big" Mike Doyle for the tea.', ["Mike Doyle"]),
        # a trade or a school in the run makes it a business, not a person
        ("The owner of Kwik Fix Motors was arrested near Elmcroft High.", []),
    ],
)
def test_find_people(text, names):
    assert [person.name for person in find_people(text)] == names


def test_people_have_ages_ranks_and_certainty():
    text = "PC Dan Hughes met Amy, 15, and Zbigniew Wozniak at the station. Mr Patel, 79, too."
    people = {person.name: person for person in find_people(text)}
    assert people["Dan Hughes"].officer
    assert people["Amy"].age == 15 and not people["Amy"].full
    assert not people["Zbigniew Wozniak"].sure  # name-like: no known first name, age or title
    assert people["Patel"].age == 79 and people["Patel"].full
