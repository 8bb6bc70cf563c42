"""Facts in words, for the screens trainers read: a labelled list, never a dict."""

from __future__ import annotations

from scenarios.rulebook import published_rulebook
from scenarios.rules import FACT_FIELDS, FACT_LABELS, IMAGE_LABELS


def _value(name: str, value) -> str:
    if value is True:
        return "Yes"
    if value is False:
        return "No"
    if name == "days_since_sentencing":
        return "Not sentenced" if value is None else f"{value}"
    if name == "image":
        return IMAGE_LABELS.get(value, str(value))
    if name == "source":
        return "Not said" if not value else str(value)
    return "" if value is None else str(value)


def facts_as_list(facts: dict) -> list[tuple[str, str]]:
    """(label, value) in the contract's order, the topic by its name in the table."""
    topics = published_rulebook().topics
    rows = []
    topic = topics.get(facts.get("topic", ""))
    name = f"{topic.name} ({topic.rating.lower()})" if topic else facts.get("topic", "")
    rows.append(("Topic", name))
    for field in FACT_FIELDS:
        if field == "topic" or field not in facts:
            continue
        rows.append((FACT_LABELS.get(field, field), _value(field, facts[field])))
    return rows
