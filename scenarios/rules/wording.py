"""What each reason says, worded for the verdict it sits in.

A reason *decides* when it set the verdict's rating or its contact (see ``engine``). A deciding
reason states its rule in the verdict's terms; ``wider-interest`` is AMBER on its own but
decides a RED verdict too (it makes the Press Bureau the contact), so it has a RED wording. A
reason that does not decide is context, worded so that it never contradicts a more severe
verdict: "On its own, burglary would be green." never "go for it" under a RED.

Every function returns a ``Wording``: its summary per verdict rating it can decide, and its
context summary for a verdict more severe than the rule's own rating (``None`` for rules that
are already RED, or that always decide). The engine turns these into prebuilt ``Reason``s once
per rulebook, so none of this runs per verdict.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from scenarios.rules.types import AMBER, GREEN, RED

__all__ = ["Wording", "topic_phrase"]


@dataclass(frozen=True, slots=True)
class Wording:
    decides: Mapping[str, str]  # verdict rating -> the summary when this reason decides it
    context: str | None = None  # the summary under a more severe verdict it does not decide


def _decides(rating: str, summary: str, context: str | None = None) -> Wording:
    return Wording({rating: summary}, context)


def _quote(name: str) -> str:
    return f"“{name}”"


# Words that stay capitalised at the start of a topic name ("Met-wide operations").
_PROPER_WORDS = frozenset({"Met", "MPS", "London", "BBC", "DMC", "SCO", "UK", "British"})


def _keeps_its_capitals(name: str) -> bool:
    """True for a name that lower-casing would damage: an acronym or a proper name after the
    first letter ("ASBOs", "Local and pan-London appeals"), a proper first word ("Met-wide"),
    or an aside in brackets, which reads badly run into a sentence."""
    if any(char.isupper() for char in name[1:]) or "(" in name:
        return True
    first = name.split(" ", 1)[0].split("-", 1)[0]
    return first in _PROPER_WORDS


def topic_phrase(name: str) -> str:
    """A topic's name as it reads inside a sentence: "Burglary" -> "burglary"; a name with
    proper names or acronyms stays as DMC wrote it: 'the topic “ASBOs”'."""
    name = name.strip()
    if _keeps_its_capitals(name):
        return f"the topic “{name}”"
    return name[:1].lower() + name[1:]


def _a_story_about(name: str) -> str:
    phrase = topic_phrase(name)
    return f"a story {'on' if phrase.startswith('the topic “') else 'about'} {phrase}"


_ASK_FIRST = "would be amber (ask DMC first)."

# --- topic rules --------------------------------------------------------------------------------


def green_topic(name: str) -> Wording:
    return _decides(
        GREEN,
        f"The topic {_quote(name)} is green in the RAG table: go for it, you can post this "
        "yourself without asking DMC.",
        f"On its own, {topic_phrase(name)} would be green.",
    )


def amber_public_domain(name: str) -> Wording:
    return _decides(
        AMBER,
        f"The topic {_quote(name)} is amber in the RAG table, and this is already in the "
        "public domain: ask DMC before posting, and post only once they agree.",
        f"On its own, {_a_story_about(name)} that is already in the public domain {_ASK_FIRST}",
    )


def amber_public_domain_ksi() -> Wording:
    return _decides(
        AMBER,
        "A collision where someone was killed or seriously injured is an amber item, and this "
        "one is already in the public domain: ask DMC before posting, and post only once they "
        "agree.",
        f"On its own, a KSI collision already in the public domain {_ASK_FIRST}",
    )


def amber_not_public_domain(name: str) -> Wording:
    return _decides(
        RED,
        f"The topic {_quote(name)} is amber, and an amber item that is not yet in the public "
        "domain is red. Do not post this.",
    )


def amber_not_public_domain_ksi() -> Wording:
    return _decides(
        RED,
        "A collision where someone was killed or seriously injured is an amber item, and one "
        "that is not yet in the public domain is red. Do not post this.",
    )


def red_topic(name: str) -> Wording:
    return _decides(
        RED,
        f"The topic {_quote(name)} is red in the RAG table: boroughs do not post about it. "
        "Do not post this.",
    )


def not_covered() -> Wording:
    return _decides(
        AMBER,
        "Nothing in the rulebook covers this post, and anything not covered is never green. "
        "Ask DMC before posting.",
        f"On its own, a post the rulebook does not cover {_ASK_FIRST}",
    )


def ksi_collision() -> Wording:
    return _decides(
        AMBER,
        "Someone was killed or seriously injured (KSI), which makes this collision an amber "
        "item. Ask DMC before posting, and only if it is already in the public domain.",
        "On its own, a collision where someone was killed or seriously injured would be amber.",
    )


def major_incident() -> Wording:
    return _decides(
        RED,
        "Major and critical incidents are handled by DMC's 24-hour Press Bureau. Do not post "
        "about it yourself.",
    )


# --- retweets and links -------------------------------------------------------------------------


def source_green_listed(source: str) -> Wording:
    return _decides(
        GREEN,
        f"{_quote(source)} is on the green list of accounts and sites, so you can share its "
        "content without asking DMC.",
        f"On its own, sharing @{source} (on the green list) would be green.",
    )


def source_not_given(green_list: str) -> Wording:
    return _decides(
        AMBER,
        "You have not said whose content this is, and only content from green-listed accounts "
        f"and sites ({green_list}) can be shared without approval. Ask DMC before posting.",
        f"On its own, sharing content without saying whose it is {_ASK_FIRST}",
    )


def source_not_green_listed(green_list: str) -> Wording:
    return _decides(
        AMBER,
        f"This account or site is not on the green list ({green_list}), so sharing it is not "
        "covered by the RAG table. Ask DMC before posting.",
        f"On its own, sharing an account or site that is not on the green list {_ASK_FIRST}",
    )


# --- the other rules ----------------------------------------------------------------------------


def court_sentencing_window(window_days: int) -> Wording:
    days = "a week" if window_days == 7 else f"{window_days} days"
    return _decides(
        RED,
        f"More than {window_days} days have passed since sentencing, and DMC will not release "
        f"a court result more than {days} after sentencing: it is no longer news. Do not post "
        "it.",
    )


def wider_interest() -> Wording:
    # Always decides (it makes the Press Bureau the contact), under an AMBER or a RED.
    return Wording(
        {
            AMBER: "This story is likely to interest media beyond your local papers (for "
            "example the Evening Standard, BBC London or national news). Bring it to DMC early: "
            "contact the 24-hour Press Bureau before posting.",
            RED: "This story is likely to interest media beyond your local papers, so DMC's "
            "24-hour Press Bureau must hear about it: tell them, and do not post it yourself.",
        }
    )


def breaking_press_bureau() -> Wording:
    # Carries the verdict's own rating, so it always decides.
    return Wording(
        {
            AMBER: "This incident is unfolding now and the post needs DMC's approval. Contact "
            "the 24-hour Press Bureau, who handle breaking incidents day and night, before "
            "posting.",
            RED: "This incident is unfolding now and this post must not go out. Contact the "
            "24-hour Press Bureau, who handle breaking incidents day and night.",
        }
    )


def suspect_image_unauthorised() -> Wording:
    return _decides(
        RED,
        "An image of a suspect or defendant may only be released when that is necessary, "
        "proportionate and authorised (SIO or OIC approval, recorded). Without that "
        "authorisation, do not post the image.",
    )


def suspect_image_authorised() -> Wording:
    return _decides(
        GREEN,
        "Release of this suspect or defendant image has been authorised as necessary and "
        "proportionate, so the image can go with the post. Take a wanted image down as soon as "
        "the person is arrested.",
        "Release of this suspect image has been authorised, so the picture itself is not the "
        "problem.",
    )


def custody_image_missing_person() -> Wording:
    return _decides(
        RED,
        "A custody photo of a missing person is a last resort: use a recent photo from the "
        "family or friends instead, and ask DMC if there is truly no other. Do not post the "
        "custody photo.",
    )


def wanted_person_arrested() -> Wording:
    return _decides(
        RED,
        "The wanted person has been arrested, so the appeal and their picture must come down "
        "now: posting or leaving them up after an arrest can prejudice the case. Do not post "
        "this; take the appeal down.",
    )


def general_image() -> Wording:
    return _decides(
        GREEN,
        "Photos are encouraged: a general picture makes your post more engaging, so do include it.",
        "On its own, a general photo would be fine: photos are encouraged.",
    )


def sexual_offence_victim() -> Wording:
    return _decides(
        RED,
        "Victims of sexual offences have lifelong anonymity in law: never post anything that "
        "could identify them (name, address, school, workplace, picture or a mix of clues). "
        "Do not post this.",
    )


def child_in_proceedings() -> Wording:
    return _decides(
        RED,
        "Under-18s involved in criminal proceedings, whether defendant, victim or witness, "
        "must not be identified. Do not post this.",
    )


def named_before_charge() -> Wording:
    return _decides(
        RED,
        "Do not name someone who has been arrested but not charged; give their age, gender "
        "and area instead. Do not post this.",
    )


def prejudicial_content() -> Wording:
    return _decides(
        RED,
        "While proceedings are active, previous convictions, evidence or words that imply "
        "guilt can prejudice a trial and be contempt of court. Do not post this.",
    )


def unproven_allegation() -> Wording:
    return _decides(
        RED,
        "This says an identifiable person or business did something wrong, and no charge or "
        "conviction backs it up: that can be defamation, whoever first said it, and a retweet "
        "publishes it again. Do not post this.",
    )


def names_cautioned_person() -> Wording:
    return _decides(
        RED,
        "People given a caution, a fixed penalty or another out-of-court disposal are not "
        "named: give the offence, age and area only. Do not post this.",
    )


def ethnicity_or_nationality() -> Wording:
    return _decides(
        AMBER,
        "A suspect's ethnicity or nationality is not released routinely, only in high-profile "
        "cases with a policing purpose. Ask DMC before posting it.",
        "On its own, giving a suspect's ethnicity or nationality would be amber (ask DMC first).",
    )
