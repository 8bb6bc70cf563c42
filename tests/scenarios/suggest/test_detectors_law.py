"""The RED-override detectors: each with positive, negative and near-miss cases. A weak cue
gives sure=False with the cautious value (True), so the officer is asked."""

from __future__ import annotations

import pytest

from scenarios.suggest import (
    Detection,
    detect_identifies_child_in_proceedings,
    detect_identifies_sexual_offence_victim,
    detect_names_cautioned_person,
    detect_names_suspect_before_charge,
    detect_prejudicial_content,
    detect_unproven_allegation,
    detect_wanted_person_arrested,
)
from tests.scenarios.suggest.conftest import assert_verbatim

SURE_YES, UNSURE_YES, NO = (True, True), (True, False), (False, True)


def check(detect, text: str, expected: tuple[bool, bool]) -> Detection:
    found = detect(text)
    assert (found.value, found.sure) == expected, found.evidence
    assert_verbatim(found.evidence, text)
    if found.value:
        assert found.evidence
    return found


@pytest.mark.parametrize(
    "text, expected",
    [
        ("John Smith, 32, of Ash Rd arrested – he's a known burglar", SURE_YES),
        ("Officers arrested Kwame Mensah in Peckham last night on suspicion of robbery.", SURE_YES),
        (
            "Dale Prior, 41, of Erith. He was arrested this morning and remains in custody.",
            SURE_YES,
        ),
        ("Priya Patel was released under investigation after her arrest for fraud.", SURE_YES),
        ("Zbigniew Wozniak was arrested in Acton on suspicion of theft.", UNSURE_YES),
        # charged: naming is presumed, so not before charge
        (
            "Jane Doe, 28, of Peckham charged with assault; appears at Camberwell Green MC 5 June",
            NO,
        ),
        ("Tom Reid, 22, was arrested on Monday and has since been charged with burglary.", NO),
        ("A 32-year-old man from Lewisham was arrested on suspicion of burglary in Catford.", NO),
        ("Thanks to PC Dan Hughes, who arrested a 19-year-old man in Brixton last night.", NO),
        # a name, and an arrest of someone unnamed
        ("Sarah Hunt, 72, was robbed on Elm Road. A 19-year-old man has been arrested.", NO),
        # "the arrest of", a nickname in quotes, and a charge that did not happen
        ("We'll update on the arrest of Paul Grey (Hillside Rd) at the ward panel.", SURE_YES),
        ("A raid on Lady Margaret Rd led to the arrest of Jaswant 'JD' Dhillon, 22.", SURE_YES),
        ("His girlfriend Stacey Vine, 24, was also arrested but wasn't charged.", SURE_YES),
        ("Stacey Vine, 24, was arrested on Monday. She was not charged.", SURE_YES),
        # a first name with an age names someone; arrested then cautioned is a caution
        ("14-year-old Jayden from the Love Lane estate was arrested last night.", SURE_YES),
        ("Chloe Bennett, 23, was arrested and given a conditional caution.", NO),
        # an emoji ends a sentence: the arrest is of someone else, not the victim named
        ("Mehmet Arslan, 24, was stabbed on Sat night 💔 A 17-year-old has been arrested.", NO),
        ("Bike nicked from outside Dalston Junction is back 🚲 Ms Okafor is over the moon.", NO),
        # the arrest is of someone tied to the person named, or returns a prisoner to prison
        ("Missing Janet Holroyd, 52, from Morden: her husband has been arrested.", NO),
        ("Chloe (17) is safe. She was exploited by an older man, a 34yo man is arrested.", NO),
        ("Anthony Greer, who was wanted on recall to prison, has been arrested.", NO),
        ("Lee Parr, 36, who absconded from HMP Ford, was arrested in Hounslow.", NO),
        ("The owner of Sunrise Minicabs on Essex Rd has been arrested.", NO),
        # a surname that is also a place word, with an age; an officer named as the one arrested
        ("Tamsin Ward, 40, of Lind Rd, was arrested and is in custody.", SURE_YES),
        ("PC Gareth Lyle, based in Sutton, has been arrested and suspended.", SURE_YES),
        ("#BigWing results: 9 arrests incl Tremaine Fox off our wanted list.", UNSURE_YES),
        ("Picked up last night! RT @MPSCroydon: WANTED Jermaine Lowe, 27.", UNSURE_YES),
        (
            "Pinned though he was picked up in Dartford last night. WANTED: Dean Fuller, 38",
            UNSURE_YES,
        ),
        ("Bike marking with Sam Reid, 30, today: most nicked bikes never get back to owners.", NO),
        # a court order "alongside his sentence": past charge; "he's nicked" only if he breaches
        (
            "Lee Farnham, 44, was handed a 2 yr Criminal Behaviour Order alongside his sentence. "
            "Breach it & he's nicked.",
            NO,
        ),
        # a charge is mentioned, but of the named person? unclear: ask
        (
            "Leah Grant, 41, was arrested yesterday. Another man has been charged with burglary.",
            UNSURE_YES,
        ),
    ],
)
def test_names_suspect_before_charge(text, expected):
    found = check(detect_names_suspect_before_charge, text, expected)
    if expected == SURE_YES:
        assert "names a person" in found.evidence


def test_names_suspect_before_charge_evidence_quotes_the_name_and_the_arrest():
    found = detect_names_suspect_before_charge("John Smith, 32, of Ash Rd was arrested today.")
    assert found.evidence == "names a person: 'John Smith'; says 'arrested'; no charge mentioned"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Local man Dave Green cautioned for criminal damage at bus shelter", SURE_YES),
        ("Harry Jones, 45, was given a fixed penalty notice for urinating in Soho.", SURE_YES),
        ("Amy Walsh accepted a community resolution and apologised to the shop owner.", SURE_YES),
        ("Dave Green, 40, was fined £90 with a penalty notice for disorder in Soho.", SURE_YES),
        ("Kelly Ross, 33, was fined £400 at Bromley Magistrates' Court for shoplifting.", NO),
        ("Dave Green, 40, has been charged with criminal damage at a bus shelter.", NO),
        ("Two drivers were issued fixed penalty notices for using their phones.", NO),
        ("A 17-year-old was given a youth caution for shoplifting in Bromley.", NO),
    ],
)
def test_names_cautioned_person(text, expected):
    check(detect_names_cautioned_person, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("John Smith, 32, of Ash Rd arrested – he's a known burglar", SURE_YES),
        # evidence and a past in officers' shorthand, while the case is active
        ("Driver arrested for drink driving. Oliver Grant, 29, blew 87 at the roadside", SURE_YES),
        (
            "Lewis Okon, 19, arrested. This lot have been running the Sutton line for months",
            SURE_YES,
        ),
        ("Nicked Tony Harris AGAIN in the PSPO zone. He's released under investigation", SURE_YES),
        ("The arrest of a 19yo man with a machete tucked in his waistband.", UNSURE_YES),
        ("PC Gavin Ross, 29, charged with assault. Disgraceful, he's let us all down.", UNSURE_YES),
        ("Ahmet Yilmaz, 38, arrested for drink driving. Blew 3x the limit. Bailed.", SURE_YES),
        ("A warrant was issued for Tony Briggs. Briggs conned residents out of £40k.", UNSURE_YES),
        ("Tariq Dempsey, 22, is in custody. The knife was found in his kitchen.", SURE_YES),
        (
            "Dean Cartwright, 44, was arrested for ABH. He's got form for this sort of thing.",
            SURE_YES,
        ),
        ("Charged: Tony Quinlan. Appears Bromley Mags Mon. Yes, he was jailed in 2019.", SURE_YES),
        (
            "He absconded from HMP Ford. He has convictions for robbery; due in court.",
            SURE_YES,
        ),
        # a sentence ends the case: his past may be told
        ("Lee Harte got 3 1/2 yrs at Croydon Crown Court. He had 23 previous convictions", NO),
        (
            "That thug who's been breaking into cars has finally been arrested. He's done it "
            "before!",
            SURE_YES,
        ),
        (
            "A man has been charged with burglary. It's not the first time we've dealt with him.",
            SURE_YES,
        ),
        ("A 30-year-old man has been charged and CCTV clearly shows him doing it.", SURE_YES),
        # after sentence the case is over: previous convictions may be mentioned
        ("Prolific burglar Wayne Fox, 39, was jailed for three years at Woolwich yesterday.", NO),
        ("A 24-year-old man was arrested on suspicion of assault in Croydon.", NO),
        # a weak cue while proceedings are active: ask
        ("The thief has finally been arrested and remains in custody.", UNSURE_YES),
        # strong words but no proceedings mentioned: ask
        ("That known burglar is back on Elm Road. Lock your doors.", UNSURE_YES),
    ],
)
def test_prejudicial_content(text, expected):
    check(detect_prejudicial_content, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("RT @PeckhamRyeResidents: Kebab shop on High St is selling stolen phones", SURE_YES),
        ("The tenants at flats 12 & 14 are the ones behind all the ASB.", SURE_YES),
        # a trade's name, a chain's branch, the offy on a named road
        ("The lads from A&M Scaffolding on your road have been casing houses.", SURE_YES),
        ("We know the Costcutter by the bus stop is selling single fags to kids.", SURE_YES),
        (
            "Visit to the offy on Whitehorse Rd thats been knocking out vodka to school kids",
            SURE_YES,
        ),
        ("Big up the staff at Tesco Express on Fore St who rang us about a car thief.", NO),
        ("Boots on the High St sold knives to kids.", SURE_YES),
        ("Free leaflets on knife crime at Boots on the High St.", NO),
        (
            "Don't buy from the phone repair shop at 212 Walworth Road: they're selling stolen "
            "phones.",
            SURE_YES,
        ),
        (
            "Everyone on East Street knows the cafe by the market is a front for drug dealing.",
            SURE_YES,
        ),
        ("Star Motors in Edmonton are crooks who clock cars.", SURE_YES),
        # a conviction backs it
        (
            "The owner of the phone repair shop at 212 Walworth Road was convicted of handling "
            "stolen phones.",
            NO,
        ),
        (
            "Rye Lane Wines was fined £5,000 at Camberwell Green Magistrates' Court for selling "
            "alcohol to children.",
            NO,
        ),
        # no one identifiable
        ("Phones snatched in London often end up for sale locally within days.", NO),
        ("Rogue traders are targeting older residents in Bexley.", NO),
        ("Fourteen shops were visited and counterfeit cigarettes seized.", NO),
        # only a hint near a named business: ask
        ("Lots of people say the car wash on Old Kent Road is dodgy.", UNSURE_YES),
        ("Kebab King on Rye Lane is selling something, we hear.", UNSURE_YES),
        # a named officer complained about, the hearing still to come: ask; after it: no
        (
            "Re the complaints about PC Gareth Malone: people had good reason to complain. "
            "Misconduct hearing is in Jan.",
            UNSURE_YES,
        ),
        (
            "Re the complaints about PC Gareth Malone: the misconduct hearing found the "
            "complaints not proven.",
            NO,
        ),
    ],
)
def test_unproven_allegation(text, expected):
    check(detect_unproven_allegation, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # the appeal still open
        ("WANTED: do you know this man? Call 101 [CCTV image attached]", NO),
        # after the arrest, the appeal and image are still up
        (
            "WANTED: Police want to speak to this man. [CCTV image attached] UPDATE: He was "
            "arrested yesterday. Thanks to everyone who shared the appeal.",
            SURE_YES,
        ),
        ("UPDATE: the man in our wanted appeal has now been arrested. Thank you!", SURE_YES),
        (
            "Do you recognise this man? He has been arrested. The image has been removed.",
            NO,
        ),
        (
            "A 20-year-old was arrested in Ilford after a fight. We wanted to thank the witnesses.",
            NO,
        ),
        (
            "Two men were arrested yesterday. We still want to trace this man. 📷 WANTED",
            UNSURE_YES,
        ),
    ],
)
def test_wanted_person_arrested(text, expected):
    check(detect_wanted_person_arrested, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Woman, 25, who lives above the Co-op on Park Rd was sexually assaulted last night",
            SURE_YES,
        ),
        (
            "We are appealing for witnesses after a 19-year-old Goldsmiths student who works at "
            "the Bellenden Road bakery was sexually assaulted.",
            SURE_YES,
        ),
        (
            "Paul Grant, 45, has been charged with rape. The victim, a 34-year-old nurse at "
            "Northwick Park Hospital, is being supported.",
            SURE_YES,
        ),
        ("John Smith, 50, of Hayes, charged with sexually assaulting his stepdaughter.", SURE_YES),
        ("Sarah Jones, 24, was raped near Tooting Broadway station.", SURE_YES),
        # no identifying detail
        ("A woman was assaulted on Elm Road last night.", NO),
        ("A woman in her twenties was sexually assaulted on Peckham High Street.", NO),
        (
            "Paul Grant, 45, of Wealdstone, has been charged with rape. The victim, a woman in "
            "her 30s, is being supported.",
            NO,
        ),
        # a clue, but it may describe the accused: ask
        (
            "Dan Cole, who works at the leisure centre, was charged with sexual assault on a "
            "woman.",
            UNSURE_YES,
        ),
    ],
)
def test_identifies_sexual_offence_victim(text, expected):
    check(detect_identifies_sexual_offence_victim, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Tom Brown, 16, of Hill School charged with robbery, appears at youth court Monday",
            SURE_YES,
        ),
        (
            "Kyle Morgan, 15, of Forest Gate, was given a referral order at Stratford Youth Court.",
            SURE_YES,
        ),
        (
            "Two Year 10 pupils from Stoke Newington School, both 15, have been charged and will "
            "appear at Highbury Corner Youth Court.",
            SURE_YES,
        ),
        (
            "A 15-year-old boy from Forest Gate was given a referral order at Stratford Youth "
            "Court.",
            NO,
        ),
        # under 18 but not in proceedings
        ("MISSING: Amy, 15, last seen Brixton – family photo attached", NO),
        ("Jane Doe, 28, of Peckham charged with assault", NO),
        # a first name only: ask
        ("Tom, 15, was charged with robbery and appears in court on Monday.", UNSURE_YES),
        # identified, but only arrested so far: ask
        ("A 16-year-old pupil at Harris Academy was arrested after a fight.", UNSURE_YES),
    ],
)
def test_identifies_child_in_proceedings(text, expected):
    check(detect_identifies_child_in_proceedings, text, expected)


# Wordings new writers used (sets 22-25): evidence however it is worded, an appeal shown under
# the update, a charge someone "hasn't been" given.
@pytest.mark.parametrize(
    "detect, text, expected",
    [
        (
            detect_prejudicial_content,
            "A 34-year-old man was arrested after a lock-knife was found in his rucksack.",
            UNSURE_YES,
        ),
        (
            detect_prejudicial_content,
            "9 arrested incl. a 33-year-old man; officers found 2kg of cocaine hidden in the "
            "spare wheel of his BMW.",
            UNSURE_YES,
        ),
        (
            detect_prejudicial_content,
            "A 20yo man was arrested nearby with blood on his clothes and remains in custody.",
            UNSURE_YES,
        ),
        (
            detect_prejudicial_content,
            "A man was arrested after staff watched him stuff four bottles into his coat.",
            UNSURE_YES,
        ),
        (
            detect_prejudicial_content,
            "A 32-year-old was arrested after being seen attacking passengers by dozens of "
            "witnesses.",
            UNSURE_YES,
        ),
        (
            detect_prejudicial_content,
            "The officer has been arrested. We've seen the bodycam and it's clear he crossed "
            "the line.",
            SURE_YES,
        ),
        (
            detect_prejudicial_content,
            "Mehmet Arslan, 35, has been charged with murder. 'We recovered the knife and his "
            "DNA was all over it.' He appears at Highbury Corner Mags tomorrow.",
            SURE_YES,
        ),
        (
            detect_prejudicial_content,
            "The man arrested over the bin fires is a known firestarter. He has been bailed.",
            SURE_YES,
        ),
        # near misses: found, but nobody in proceedings; evidence after sentence
        (
            detect_prejudicial_content,
            "Missing Jo was found safe and well at her aunt's house. Thanks for sharing.",
            NO,
        ),
        (
            detect_prejudicial_content,
            "Jailed for 6 years today: the knife was found in his car and his DNA was on it.",
            NO,
        ),
        (
            detect_wanted_person_arrested,
            "UPDATE ✅ Jamal Roberts nicked in Beckton this morning 🙌 Ta for sharing! Original "
            "appeal & pic below 👇",
            SURE_YES,
        ),
        (
            detect_wanted_person_arrested,
            "UPDATE: Ryan Tully was arrested yesterday in Penge. Thank you to everyone who "
            "shared our appeal. His photograph remains below for reference.",
            SURE_YES,
        ),
        (
            detect_wanted_person_arrested,
            "UPDATE: the man in these images, wanted re the assault on a bus driver, has been "
            "arrested. Thanks for the RTs",
            SURE_YES,
        ),
        (
            detect_wanted_person_arrested,
            "UPDATE: Lee Thompson is back behind bars ✅ Cheers for sharing. Original appeal below",
            SURE_YES,
        ),
        # near misses: the guidance's own thank-you; the original appeal deleted
        (
            detect_wanted_person_arrested,
            "The man we appealed to trace on Tuesday has been arrested. Thank you for sharing.",
            NO,
        ),
        (
            detect_wanted_person_arrested,
            "UPDATE: arrested this morning. The original appeal has been deleted, thanks all.",
            NO,
        ),
        (
            detect_names_suspect_before_charge,
            "Lots of Qs about Saturday's arrest: yes it was Tayo Bankole, and no, he hasn't been "
            "charged – he's on bail while enquiries continue.",
            SURE_YES,
        ),
        (
            detect_prejudicial_content,
            "Conman held after being caught with 14 stolen credit cards and a fake lanyard.",
            UNSURE_YES,
        ),
        (
            detect_prejudicial_content,
            "Carl Mayhew was arrested over the pickpocketing. All the missing wallets were in "
            "the back of his van.",
            UNSURE_YES,
        ),
        (
            detect_prejudicial_content,
            "Two were arrested yesterday. Detectives say the knife was recovered from a drain "
            "near Asante's home.",
            UNSURE_YES,
        ),
        (
            detect_prejudicial_content,
            "PC Rob Tennant has been charged. Several officers have given statements against "
            "him. He appears at Westminster Mags on 3 Sept.",
            UNSURE_YES,
        ),
        (
            detect_prejudicial_content,
            "Suspect arrested at scene, broken glass still in his hand. Custody.",
            UNSURE_YES,
        ),
        (
            detect_prejudicial_content,
            "Knife arches today: 4 blades recovered, 2 arrests. One of them had a zombie knife "
            "tucked in his waistband.",
            UNSURE_YES,
        ),
        (
            detect_prejudicial_content,
            "Special Con Jade helped arrest the 15yo lad from the school who's been robbing "
            "younger kids at the bus stops.",
            UNSURE_YES,
        ),
        (
            detect_prejudicial_content,
            "Abdi Warsame, 19, was arrested this morning. The victim picked him out and his "
            "hoodie still had blood on it. He has been bailed.",
            SURE_YES,
        ),
        (
            detect_prejudicial_content,
            "Nico Petrov was arrested yesterday; if you lost a deposit in his rental scam, get "
            "in touch.",
            UNSURE_YES,
        ),
        (
            detect_prejudicial_content,
            "We also arrested a 17yo, a Bow School pupil, with a machete by the school gates.",
            UNSURE_YES,
        ),
        (
            detect_prejudicial_content,
            "Sinead Clarke, 36, has been charged with fraud and appears at Bromley Mags on "
            "Tuesday. She was jailed for almost identical scams in 2019.",
            SURE_YES,
        ),
        # near misses: the knife was the victim's threat, not found on anyone; a fraud trial
        (
            detect_prejudicial_content,
            "A man, 27, was arrested overnight after a man was threatened with a knife.",
            NO,
        ),
        (
            detect_prejudicial_content,
            "Wanted for failing to appear at Harrow Crown Court for his fraud trial: Bogdan "
            "Rusu, 44.",
            NO,
        ),
        # near miss: a round-up's seized knives are off the streets, nobody is called guilty
        (
            detect_prejudicial_content,
            "Op BigWing today: 14 arrests, 6 warrants, 2 knives and 3kg of cannabis off the "
            "streets.",
            NO,
        ),
        # an out-of-court disposal backs an allegation; an arrest does not (only a charge or a
        # conviction does), though its own words only report the suspicion; stolen goods
        # "nicked" are no arrest
        (
            detect_unproven_allegation,
            "The fella who runs the phone-case stall outside Ilford station was arrested this "
            "arvo on suspicion of handling stolen phones.",
            NO,
        ),
        (
            detect_unproven_allegation,
            "Kyle Brennan, 29, was nicked this morning for the break-ins on Aston St. He's a "
            "known burglar and drug dealer.",
            UNSURE_YES,
        ),
        # named after an arrest and implied guilty, with no allegation word at all: asked
        (
            detect_unproven_allegation,
            "We arrested Lee Harker, 38, of Elmers End this morning. He's well known to us and "
            "has been in and out of prison for years.",
            UNSURE_YES,
        ),
        # "charged" with someone after it is a price, not a charge
        (
            detect_unproven_allegation,
            "A Marcus Bell is going door to door 'upgrading locks', charged an 81yo £3,200 for "
            "one cylinder. He is ripping people off.",
            UNSURE_YES,
        ),
        # guilt told other ways
        (
            detect_prejudicial_content,
            "Nathan Pike (24) and Dwayne Asare (29) have been arrested and remain in custody. "
            "These two have been responsible for a number of break-ins in Stamford Hill.",
            SURE_YES,
        ),
        (
            detect_prejudicial_content,
            "Two men were arrested on Wednesday. Detectives are confident that these are the two "
            "men who killed Ricardo.",
            SURE_YES,
        ),
        (
            detect_prejudicial_content,
            "We arrested Sandeep Bains 22 yesterday, now RUI. Shop CCTV is pretty conclusive so "
            "I wouldnt get too comfy sandeep",
            SURE_YES,
        ),
        # set 78: the offender called by the crime, the catch told as a story, a record served
        (
            detect_prejudicial_content,
            "How detectives tracked down the conman who cheated four pensioners. Kwame Boateng, "
            "47, has now been charged with fraud.",
            SURE_YES,
        ),
        (
            detect_prejudicial_content,
            "Thanks to a sharp-eyed neighbour, the burglar who hit three homes in East Dulwich is "
            "now sitting in a cell at Walworth.",
            SURE_YES,
        ),
        (
            detect_prejudicial_content,
            "Dwayne Holt, 29, has been charged with robbery. Holt, who served three years for an "
            "almost identical robbery in 2021, will appear at court tomorrow.",
            SURE_YES,
        ),
        (
            detect_unproven_allegation,
            "Ravi Sandhu of Ravi's Off Licence was issued a penalty notice for selling alcohol "
            "to a 16yo.",
            NO,
        ),
        (
            detect_unproven_allegation,
            "The phone shop with the yellow sign near Queens Market is flogging nicked handsets.",
            SURE_YES,
        ),
        (
            detect_unproven_allegation,
            "Had your car nicked in E12? The hand car wash on Romford Rd is a chop shop.",
            SURE_YES,
        ),
    ],
)
def test_new_writers_wordings(detect, text, expected):
    check(detect, text, expected)


# Wordings of the writers of sets 39 to 50, after their first measurement.
@pytest.mark.parametrize(
    ("detect", "text", "expected"),
    [
        (
            detect_prejudicial_content,
            "Officers have arrested Kacper Nowak, 28. CCTV from the platform shows him throwing "
            "the first punch. He's on bail.",
            SURE_YES,
        ),
        (
            detect_prejudicial_content,
            "CHARGED: Jayden Cole, 19, with possession of a bladed article. He'd already had a "
            "warning for carrying a knife last year. Remanded.",
            SURE_YES,
        ),
        (
            detect_prejudicial_content,
            "A 19-year-old has been charged with wounding. The knife he used was pulled from a "
            "drain the next morning.",
            SURE_YES,
        ),
        (
            detect_prejudicial_content,
            "Officers stopped Dean Mulholland, 41. He had the homeowner's laptop in a holdall. "
            "He's been arrested on suspicion of burglary.",
            UNSURE_YES,
        ),
        (
            detect_prejudicial_content,
            "Lee Hartnell, 29, was arrested on Friday. Your missing power tools were stacked up "
            "in his hallway. Bailed to March.",
            UNSURE_YES,
        ),
        (
            detect_prejudicial_content,
            "Two men have been arrested after bins were set alight. Their mates filmed the whole "
            "thing and put it on Snapchat.",
            UNSURE_YES,
        ),
        (
            detect_prejudicial_content,
            "Ryan Coles was arrested in Hook this morning. Any other tradespeople he's nicked "
            "tools from, get in touch.",
            UNSURE_YES,
        ),
        # After sentence the case is over: the same words are no contempt.
        (
            detect_prejudicial_content,
            "Jailed for 3 years: CCTV from the platform shows him throwing the first punch.",
            NO,
        ),
        (
            detect_wanted_person_arrested,
            "Arrest made after Tuesday's robbery. The CCTV images of him will stay pinned for a "
            "few more days.",
            SURE_YES,
        ),
        (
            detect_wanted_person_arrested,
            "The man filmed driving off in a Range Rover has been arrested, but we're keeping "
            "the clip up.",
            SURE_YES,
        ),
        (
            detect_wanted_person_arrested,
            "UPDATE on our e-bike theft appeal: a man has been arrested. We've kept the stills "
            "on our page for now.",
            SURE_YES,
        ),
        (
            detect_wanted_person_arrested,
            "Wayne Hollis is back behind bars. We're not taking his appeal down just yet though.",
            SURE_YES,
        ),
        (
            detect_wanted_person_arrested,
            "Wayne Hollis is back behind bars. We're taking his appeal down now, thanks all.",
            NO,
        ),
        (
            detect_prejudicial_content,
            "Kai Rowe, 19, has been charged with robbery. He was stopped minutes later still "
            "holding the phone. He appears at court today.",
            UNSURE_YES,
        ),
        (
            detect_prejudicial_content,
            "Connor Leary was arrested this morning, still wearing the same jacket as in the "
            "CCTV. We reckon he's done others.",
            UNSURE_YES,
        ),
        (
            detect_prejudicial_content,
            "Homes evacuated at the address of a man arrested earlier. He had a stash of "
            "homemade explosives.",
            UNSURE_YES,
        ),
        (
            detect_identifies_sexual_offence_victim,
            "Jailed: Martin Gowers, 44, secretly filmed up the skirt of a colleague at her desk "
            "in the planning team.",
            SURE_YES,
        ),
        (
            detect_prejudicial_content,
            "A man has been charged with rape. DNA recovered at the scene matched his. He's "
            "remanded in custody.",
            SURE_YES,
        ),
        (
            detect_prejudicial_content,
            "Lewis Barnett, 23, has been arrested. Data from his car shows he was doing 70 in a "
            "30.",
            SURE_YES,
        ),
        (
            detect_prejudicial_content,
            "Detectives have charged Leon Grant, 27. Mr Archer was stabbed by Grant after a "
            "dispute over money.",
            UNSURE_YES,
        ),
        (
            detect_prejudicial_content,
            "The man pictured below who attacked the owner of the phone shop is in custody.",
            UNSURE_YES,
        ),
        (
            detect_wanted_person_arrested,
            "Kevin Drake, 42, is charged with GBH. He's remanded. We're keeping his picture "
            "pinned till he's in the dock.",
            SURE_YES,
        ),
        (
            detect_wanted_person_arrested,
            "Two men were arrested yesterday. The images of both men we released last week "
            "remain on our page.",
            SURE_YES,
        ),
        (
            detect_wanted_person_arrested,
            "Detectives have arrested the man whose picture was released on Friday. The image "
            "will remain on the Met website.",
            SURE_YES,
        ),
        (
            detect_wanted_person_arrested,
            "Andre Campbell was arrested this morning. His appeal was shared 4,000 times. "
            "We're leaving it pinned for now.",
            SURE_YES,
        ),
        # Still wanted for not going to court: "where he is charged" is no arrest.
        (
            detect_wanted_person_arrested,
            "WANTED: Marco Dias, 31, for failing to appear at court, where he is charged with "
            "GBH. Keep sharing.",
            NO,
        ),
        # An age in words is an age.
        (
            detect_identifies_child_in_proceedings,
            "Seventeen-year-old Tyrese Walker, of Collier Row, was sentenced on Monday to two "
            "years' detention.",
            SURE_YES,
        ),
        (
            detect_identifies_child_in_proceedings,
            "Nineteen-year-old Tyrese Walker, of Collier Row, was sentenced on Monday.",
            NO,
        ),
        (
            detect_identifies_child_in_proceedings,
            "Two boys, 15 & 16, who live in the same block on the Keir Hardie estate, have been "
            "arrested on suspicion of murder.",
            UNSURE_YES,
        ),
        (
            detect_identifies_child_in_proceedings,
            "Two brothers, both 14, who live on the estate, were arrested this evening.",
            UNSURE_YES,
        ),
        (detect_identifies_child_in_proceedings, "Two men, 24 & 25, have been arrested.", NO),
        # A place named after someone is no one named: "the Keir Hardie estate".
        (
            detect_names_suspect_before_charge,
            "Two men who live on the Keir Hardie estate have been arrested on suspicion of murder.",
            NO,
        ),
        # A reply's greeting names the resident it answers, not the one arrested.
        (
            detect_names_suspect_before_charge,
            "Hi Priya, thanks for chasing. We've arrested the man who's been taking parcels "
            "off doorsteps on your street. He's on bail.",
            NO,
        ),
        (
            detect_names_suspect_before_charge,
            "Hi Mr Georgiou, re your complaint: the man we arrested is on bail.",
            NO,
        ),
    ],
)
def test_wordings_of_sets_39_to_50(detect, text, expected):
    check(detect, text, expected)
