"""Loading pages from data files without overwriting anyone's work, for the guidance loader
and the course loader alike: a page (or snippet) someone has edited is never touched again."""

from __future__ import annotations

from collections.abc import Callable


def edited_by_a_person(obj) -> bool:
    """A revision with a user: someone saved it in the admin (loaders save as nobody)."""
    return obj.revisions.exclude(user=None).exists()


def publish(obj) -> None:
    obj.save_revision(log_action=True).publish()


def update_live_page(
    page, fields: dict, same: dict[str, Callable[[object, object], bool]] | None = None
) -> bool:
    """Apply fields to a live page nobody has edited, if they differ, and publish it. True if
    changed. `same` compares the fields `==` cannot (a StreamField's stored value with the
    raw data wanted)."""
    if not page.live or edited_by_a_person(page):
        return False
    same = same or {}
    changed = False
    for name, value in fields.items():
        current = getattr(page, name)
        if same[name](current, value) if name in same else current == value:
            continue
        setattr(page, name, value)
        changed = True
    if changed:
        publish(page)
    return changed
