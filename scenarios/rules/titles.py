"""Each rule's name in plain words, for screens trainers and DMC read (never a rule id)."""

from __future__ import annotations

from types import MappingProxyType

RULE_TITLES = MappingProxyType(
    {
        "green-topic": "A green topic",
        "amber-public-domain": "An amber item already in the public domain",
        "amber-not-public-domain": "An amber item not yet in the public domain",
        "red-topic": "A red topic",
        "not-covered": "Not covered by the rulebook",
        "ksi-collision": "A collision where someone was killed or seriously injured",
        "major-incident": "A major or critical incident",
        "source-green-listed": "Sharing a green-listed account or site",
        "source-not-green-listed": "Sharing an account or site not on the green list",
        "court-sentencing-window": "A court result past the sentencing window",
        "wider-interest": "Likely interest beyond local media",
        "suspect-image-unauthorised": "A suspect image without authorised release",
        "suspect-image-authorised": "A suspect image with authorised release",
        "general-image": "A general photo",
        "custody-image-missing-person": "A custody photo of a missing person",
        "wanted-person-arrested": "A wanted appeal kept up after the arrest",
        "sexual-offence-victim": "Could identify a victim of a sexual offence",
        "child-in-proceedings": "Could identify an under-18 in criminal proceedings",
        "named-before-charge": "Names a suspect before charge",
        "prejudicial-content": "Prejudicial content about active proceedings",
        "unproven-allegation": "An allegation with no charge or conviction behind it",
        "names-cautioned-person": "Names someone cautioned or given a fixed penalty",
        "ethnicity-or-nationality": "Gives a suspect's ethnicity or nationality",
        "breaking-press-bureau": "An incident unfolding now",
    }
)


def rule_title(rule: str) -> str:
    return RULE_TITLES.get(rule, rule)
