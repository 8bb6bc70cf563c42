"""The RAG engine: pure Python, no Django (see DESIGN.md, "The RAG contract").

    >>> from scenarios.rules import check, initial_rulebook
    >>> check({"topic": "burglary"}, initial_rulebook())["rating"]
    'GREEN'

The clock, randomness and configuration are never read here: callers pass a ``Rulebook``.
"""

from scenarios.rules.engine import PRESS_BUREAU_RULES, RULE_IDS, check, evaluate
from scenarios.rules.initial import initial_rulebook
from scenarios.rules.titles import RULE_TITLES, rule_title
from scenarios.rules.types import (
    ACTIONS,
    AMBER,
    CONTACT_DMC,
    CONTACT_NONE,
    CONTACT_PRESS_BUREAU,
    CONTACTS,
    FACT_FIELDS,
    FACT_LABELS,
    GREEN,
    IMAGE_KINDS,
    IMAGE_LABELS,
    RATINGS,
    RED,
    SEVERITY,
    Facts,
    FactsError,
    Reason,
    Rulebook,
    Topic,
    Verdict,
)
from scenarios.rules.validate import parse_facts, parse_many

__all__ = [
    "ACTIONS",
    "AMBER",
    "CONTACTS",
    "CONTACT_DMC",
    "CONTACT_NONE",
    "CONTACT_PRESS_BUREAU",
    "FACT_FIELDS",
    "FACT_LABELS",
    "GREEN",
    "IMAGE_KINDS",
    "IMAGE_LABELS",
    "PRESS_BUREAU_RULES",
    "RATINGS",
    "RED",
    "RULE_IDS",
    "RULE_TITLES",
    "SEVERITY",
    "Facts",
    "FactsError",
    "Reason",
    "Rulebook",
    "Topic",
    "Verdict",
    "check",
    "evaluate",
    "initial_rulebook",
    "parse_facts",
    "parse_many",
    "rule_title",
]
