"""Plain value objects of the RAG contract (see README, "The RAG contract").

Nothing here imports Django: the engine is a pure library, fed by an adapter.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

GREEN = "GREEN"
AMBER = "AMBER"
RED = "RED"
RATINGS = (GREEN, AMBER, RED)
SEVERITY = {GREEN: 0, AMBER: 1, RED: 2}

# The table's own words for each rating.
ACTIONS = {
    GREEN: "Go for it!",
    AMBER: "Ask DMC before posting",
    RED: "Do not post, contact DMC",
}

CONTACT_NONE = "none"
CONTACT_DMC = "dmc"
CONTACT_PRESS_BUREAU = "press-bureau"
CONTACTS = (CONTACT_NONE, CONTACT_DMC, CONTACT_PRESS_BUREAU)

IMAGE_KINDS = ("none", "general", "suspect", "custody")


@dataclass(frozen=True, slots=True)
class Topic:
    """One row of the RAG table, as DMC published it."""

    slug: str
    name: str
    rating: str  # GREEN, AMBER or RED
    guidance_url: str  # the guidance section this row comes from, with its anchor
    # Special rules that hang off a topic; flags so DMC can move them with the row.
    amber_when_ksi: bool = False  # road-traffic-collision: a KSI collision is an amber item
    sentencing_window: bool = False  # court-result: the one-week rule applies
    checks_source: bool = False  # retweet, link: green only from a green-listed source
    press_bureau: bool = False  # major-critical-incident: always the Press Bureau
    # missing-person: a custody photo only as a last resort (a family photo comes first)
    custody_image_last_resort: bool = False


@dataclass(frozen=True, slots=True)
class Rulebook:
    """A published version of the rulebook: everything the engine needs to grade."""

    version: int
    topics: Mapping[str, Topic]
    green_sources: frozenset[str]
    sentencing_window_days: int = 7
    # rule id -> URL of the guidance section the rule comes from (anchors included).
    guidance_urls: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True, slots=True)
class Facts:
    """The facts of one draft post. Only ``topic`` is required."""

    topic: str
    in_public_domain: bool = False
    ksi: bool = False
    days_since_sentencing: int | None = None
    wider_interest: bool = False
    breaking: bool = False
    image: str = "none"
    image_release_authorised: bool = False
    identifies_sexual_offence_victim: bool = False
    identifies_child_in_proceedings: bool = False
    names_suspect_before_charge: bool = False
    prejudicial_content: bool = False
    source: str | None = None
    # Contract v2: the law the guidance invokes.
    unproven_allegation: bool = False
    wanted_person_arrested: bool = False
    names_cautioned_person: bool = False
    gives_ethnicity_or_nationality: bool = False


FACT_FIELDS = tuple(Facts.__dataclass_fields__)

# Facts added after contract v1. Written out (in a question's stored facts and its key) only
# when set, so every question keyed before they existed keeps its key and its facts.
V2_FACT_FIELDS = (
    "unproven_allegation",
    "wanted_person_arrested",
    "names_cautioned_person",
    "gives_ethnicity_or_nationality",
)

# Short plain-English labels for trainer screens (every fact but the topic, which has its name).
FACT_LABELS = {
    "in_public_domain": "Already in the public domain",
    "ksi": "Someone killed or seriously injured (KSI)",
    "days_since_sentencing": "Days since sentencing",
    "wider_interest": "Likely interest beyond local media",
    "breaking": "Unfolding now (breaking)",
    "image": "Picture",
    "image_release_authorised": "Release of the suspect image authorised",
    "identifies_sexual_offence_victim": "Could identify a victim of a sexual offence",
    "identifies_child_in_proceedings": "Could identify an under-18 in criminal proceedings",
    "names_suspect_before_charge": "Names a suspect before charge",
    "prejudicial_content": "Prejudicial content about active proceedings",
    "source": "Whose post or site it shares",
    "unproven_allegation": "Says someone did wrong, with no charge or conviction",
    "wanted_person_arrested": "A wanted appeal kept up after the arrest",
    "names_cautioned_person": "Names someone cautioned or given a fixed penalty",
    "gives_ethnicity_or_nationality": "Gives a suspect's ethnicity or nationality",
}

IMAGE_LABELS = {
    "none": "No picture",
    "general": "A general photo",
    "suspect": "A picture of a suspect or defendant",
    "custody": "A custody photograph",
}


@dataclass(frozen=True, slots=True)
class Reason:
    rule: str
    summary: str  # worded for the verdict this reason sits in (see ``decides``)
    guidance_url: str
    rating: str  # the rating this rule alone asks for; not part of the JSON verdict
    # True when this reason set the verdict's rating or its contact; False for context,
    # worded so that it never contradicts the verdict ("On its own, ... would be green").
    decides: bool = True

    def as_dict(self) -> dict:
        return {
            "rule": self.rule,
            "summary": self.summary,
            "guidance_url": self.guidance_url,
            "decides": self.decides,
        }


@dataclass(frozen=True, slots=True)
class Verdict:
    rating: str
    action: str
    contact: str
    reasons: tuple[Reason, ...]
    rulebook_version: int = 0

    def as_dict(self) -> dict:
        return {
            "rating": self.rating,
            "action": self.action,
            "contact": self.contact,
            "reasons": [r.as_dict() for r in self.reasons],
        }


class FactsError(ValueError):
    """Facts that break the contract. ``errors`` maps each field at fault to a message
    naming what is allowed; a message never carries a stack trace."""

    def __init__(self, errors: Mapping[str, str], index: int | None = None):
        self.errors = dict(errors)
        self.index = index
        where = f"item {index}: " if index is not None else ""
        super().__init__(where + "; ".join(f"{k}: {v}" for k, v in self.errors.items()))
