"""Facts in words, for the screens trainers read: a labelled list, never a dict. It shows the
facts that are set, and the questions that matter for the topic even when the answer is no
("Already in the public domain: No" for an amber item); the rest is summed up in one line."""

from __future__ import annotations

from scenarios.forms import APPLIES_WHEN
from scenarios.rulebook import published_rulebook
from scenarios.rules import FACT_FIELDS, FACT_LABELS, IMAGE_LABELS, Facts

DEFAULTS = {name: Facts.__dataclass_fields__[name].default for name in FACT_FIELDS}


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


def _matters(name: str, facts: dict, topic) -> bool:
    if facts[name] != DEFAULTS.get(name):
        return True
    if name == "image_release_authorised":
        return facts.get("image") in ("suspect", "custody")
    test = APPLIES_WHEN.get(name)
    return test is not None and topic is not None and test(topic)


def facts_as_list(facts: dict) -> list[tuple[str, str]]:
    """(label, value) in the contract's order, the topic by its name in the table."""
    topics = published_rulebook().topics
    topic = topics.get(facts.get("topic", ""))
    rows = []
    if "topic" in facts:
        name = f"{topic.name} ({topic.rating.lower()})" if topic else facts["topic"]
        rows.append(("Topic", name))
    hidden = 0
    for field in FACT_FIELDS:
        if field == "topic" or field not in facts:
            continue
        if _matters(field, facts, topic):
            rows.append((FACT_LABELS.get(field, field), _value(field, facts[field])))
        else:
            hidden += 1
    if hidden:
        rows.append(("Everything else", "No (no picture, nothing the law forbids)"))
    return rows


# Below this, the checker says the words do not point clearly to one topic.
UNCLEAR_BELOW = 0.5


def _sure(confidence: float) -> str:
    percent = round(confidence * 100)
    return "under 1%" if percent < 1 else f"{percent}%"


def suggestion_rows(suggestion: dict, rulebook) -> dict:
    """A suggestion in words: the likeliest topics with how sure, then each fact the draft's
    words suggest, with those words, and whether it was set to be safe rather than found."""
    topics = [
        (rulebook.topics[t["topic"]].name, _sure(t["confidence"]))
        for t in suggestion["topics"]
        if t["topic"] in rulebook.topics
    ]
    unsure = set(suggestion.get("ask", ()))
    facts = suggestion["facts"]
    rows = [
        (
            FACT_LABELS.get(field, field),
            _value(field, facts[field]),
            suggestion["evidence"].get(field, ""),
            field in unsure,
        )
        for field in FACT_FIELDS
        if field != "topic" and field in facts
    ]
    best = suggestion["topics"][0]["confidence"] if suggestion["topics"] else 0
    return {
        "topic": topics[0] if topics else None,
        "others": topics[1:],
        "unclear": best < UNCLEAR_BELOW,
        "facts": rows,
    }
