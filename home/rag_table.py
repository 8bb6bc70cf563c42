"""The RAG table's rows, from the published rulebook: what the guidance page shows is what the
engine grades by."""

from __future__ import annotations

from scenarios.rulebook import published
from scenarios.rules.types import ACTIONS, AMBER, GREEN, RED

ROWS = ((GREEN, "green", "green_note"), (AMBER, "amber", "amber_note"), (RED, "red", "red_note"))


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def table_rows(block_value=None) -> list[dict]:
    current = published()
    rulebook = current.rulebook
    sources = [current.source_names.get(s, s) for s in sorted(rulebook.green_sources)]
    window = _days(rulebook.sentencing_window_days)
    entries = {GREEN: [], AMBER: [], RED: []}
    for topic in rulebook.topics.values():
        if topic.amber_when_ksi and topic.rating == GREEN:
            entries[GREEN].append((topic, f"{topic.name}: no one killed or seriously injured"))
            entries[AMBER].append(
                (topic, f"{topic.name}: someone killed or seriously injured (KSI)")
            )
        elif topic.checks_source:
            entries[topic.rating].append((topic, f"{topic.name} of: " + ", ".join(sources)))
        elif topic.sentencing_window and topic.rating != RED:
            entries[topic.rating].append(
                (topic, f"{topic.name} (no more than {window} after sentencing)")
            )
        else:
            entries[topic.rating].append((topic, topic.name))
    return [
        {
            "rating": rating,
            "anchor": anchor,
            "action": ACTIONS[rating],
            "note": block_value.get(note_field) if block_value else None,
            "entries": entries[rating],
        }
        for rating, anchor, note_field in ROWS
    ]
