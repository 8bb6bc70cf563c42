"""A wanted appeal shown again after the arrest, in the wordings of sets 68-70 and 79-80: the
picture "again" under the update, "back in custody", a conviction with the appeal re-posted,
shared "anyway". Near misses: an appeal that says no arrest has been made, and thanks for an
appeal now done."""

from __future__ import annotations

import pytest

from scenarios.suggest import detect_wanted_person_arrested
from tests.scenarios.suggest.test_detectors_law import NO, SURE_YES, check


@pytest.mark.parametrize(
    "text, expected, quoted",
    [
        (
            "UPDATE: Craig Dunn has been caught in Canning Town this afternoon. Thanks for all "
            "the RTs. Here's his picture again so you know it's him 👇",
            SURE_YES,
            "Here's his picture again",
        ),
        (
            "terry lane back in custody after he was found in a flat in upper edmonton 🔒 his "
            "mugshot's below again for every1 who helped",
            SURE_YES,
            "mugshot's below again",
        ),
        (
            "Liam Stokes, 30, has been charged with robbery. I have attached his image again "
            "below for anyone who missed it.",
            SURE_YES,
            "attached his image again",
        ),
        (
            "the driver we appealed for yesterday was arrested this morning. The dashcam still "
            "of him getting out of the car is below again.",
            SURE_YES,
            "below again",
        ),
        (
            "Remember the man in this wanted poster? 👇 Daniel Osei was jailed at Wood Green "
            "Crown Court on 22/10 for 5 years. Reposting the appeal pic as thanks to everyone.",
            SURE_YES,
            "was jailed",
        ),
        (
            "who knows this lad? 📸 smashed up the bus shelter on fore st. UPDATE he's been "
            "arrested, thanks all",
            SURE_YES,
            "he's been arrested",
        ),
        (
            "Here's the doorbell footage of the Worcester Ave burglar again 👀 Arrested & "
            "charged yesterday.",
            SURE_YES,
            "Here's the doorbell footage of the Worcester Ave burglar again",
        ),
        (
            "ESCAPED PRISONER Lee Granger, 38 [photo] - don't approach, 999 if seen. UPDATE: "
            "found & arrested in Enfield last night, back inside 👍",
            SURE_YES,
            "ESCAPED PRISONER",
        ),
        (
            "APPEAL still open 👇 pic of the man we want to identify re: the theft of charity "
            "tins. (We've actually had him in custody since Tuesday)",
            SURE_YES,
            "had him in custody",
        ),
        (
            "Gavin Shields has been recaptured in Thornton Heath 👍 Pic & description left below "
            "so people know who he was.",
            SURE_YES,
            "Pic & description left below",
        ),
        (
            "HMP Ford absconder possibly headed to Norbury, tattoo on his neck. UPDATE: caught "
            "this morning on London Rd, leaving this up for info.",
            SURE_YES,
            "UPDATE: caught",
        ),
        (
            "WANTED: man for robbery. If u see him call 999. UPDATE he's in custody now, ty",
            SURE_YES,
            "he's in custody",
        ),
        (
            "Full appeal + CCTV of the man we want to trace is here (FYI he walked into Bromley "
            "nick with his solicitor last night but the page will stay up a few days)",
            SURE_YES,
            "walked into Bromley nick with",
        ),
        # near misses
        ("WANTED: Jermaine Bailey, 26. Do not approach - call 999.", NO, None),
        # sets 79-80: shared "anyway", "still sharing this one", the poster not down "just yet"
        (
            "RT @MPSHaringey: Can you help identify this woman? Distraction burglary in Bounds "
            "Green. || Haringey arrested her Mon but sharing for our Bowes Park folk anyway.",
            SURE_YES,
            "sharing for our Bowes Park folk anyway",
        ),
        (
            "Still sharing this one. The lad in the pic robbed an 80 year old at the cashpoint. "
            "We nicked him Tues but I want any other victims to come forward.",
            SURE_YES,
            "Still sharing this",
        ),
        (
            "Remember Stephen Coyle, the chap we were after for the shop break ins? Picked up in "
            "Hatfield Weds and bailed. Not taking the wanted poster down just yet.",
            SURE_YES,
            "Not taking the wanted poster down just yet",
        ),
        (
            "@SarahK_Croydon Yes, the man in that appeal has been arrested. We're keeping the "
            "appeal and his photo up for now as we think there are other victims.",
            SURE_YES,
            "keeping the appeal and his photo up",
        ),
        (
            "Can you help identify this man? He stole a bike on Rye Lane. Please keep sharing, "
            "no arrest yet.",
            NO,
            None,
        ),
        (
            "Do you recognise this man? We would like to speak to him about the theft of an "
            "e-bike on King Street. No arrest has been made. Please call 101.",
            NO,
            None,
        ),
        (
            "UPDATE: the two men who robbed the post office were sentenced 14/10 at Snaresbrook."
            " Thanks to everyone who shared the CCTV.",
            NO,
            None,
        ),
    ],
)
def test_appeal_shown_after_the_arrest(text, expected, quoted):
    found = check(detect_wanted_person_arrested, text, expected)
    if quoted:
        assert quoted in found.evidence
