"""What changed between two published rulebooks, in words DMC and trainers use.

Works on the plain JSON snapshots that `RulebookVersion` stores, so it needs no database.
"""

from __future__ import annotations

FLAG_WORDS = {
    "amber_when_ksi": "amber when someone is killed or seriously injured",
    "sentencing_window": "court sentencing window applies",
    "checks_source": "green only from a green-listed source",
    "press_bureau": "always goes to the Press Bureau",
    "custody_image_last_resort": "a custody photo only as a last resort",
}


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def describe_changes(old: dict | None, new: dict) -> list[str]:
    """One sentence per change, topics first, in the rulebook's order."""
    if old is None:
        return ["First version"]
    changes: list[str] = []
    old_topics = {t["slug"]: t for t in old.get("topics", [])}
    new_topics = {t["slug"]: t for t in new.get("topics", [])}
    for slug, topic in new_topics.items():
        before = old_topics.get(slug)
        name = topic["name"]
        if before is None:
            changes.append(f"Topic “{name}” added ({topic['rating'].lower()})")
            continue
        if before["name"] != name:
            changes.append(f"Topic “{before['name']}” renamed “{name}”")
        if before["rating"] != topic["rating"]:
            changes.append(
                f"Topic “{name}”: {before['rating'].lower()} → {topic['rating'].lower()}"
            )
        if before["guidance_url"] != topic["guidance_url"]:
            changes.append(f"Topic “{name}” now links to {topic['guidance_url']}")
        for flag, words in FLAG_WORDS.items():
            if before.get(flag) != topic.get(flag):
                state = "now" if topic.get(flag) else "no longer"
                changes.append(f"Topic “{name}”: {state} {words}")
    for slug, topic in old_topics.items():
        if slug not in new_topics:
            changes.append(f"Topic “{topic['name']}” removed")
    old_names = old.get("source_names", {})
    new_names = new.get("source_names", {})
    for slug in sorted(set(new.get("green_sources", [])) - set(old.get("green_sources", []))):
        changes.append(f"Green-listed source added: {new_names.get(slug, slug)}")
    for slug in sorted(set(old.get("green_sources", [])) - set(new.get("green_sources", []))):
        changes.append(f"Green-listed source removed: {old_names.get(slug, slug)}")
    before_days = old.get("sentencing_window_days")
    after_days = new.get("sentencing_window_days")
    if before_days != after_days:
        changes.append(
            f"Court results window: {_days(before_days)} → {_days(after_days)} after sentencing"
        )
    return changes
