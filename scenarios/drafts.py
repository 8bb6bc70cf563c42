"""Pasted drafts in, suggested facts out: the one way the command, the API and the checker
page ask for suggestions.

``parse_drafts`` checks untrusted input (a JSON array of drafts, each a string or an object
``{"text": ..., "today": "YYYY-MM-DD"}``) and says exactly what is wrong; ``draft_suggest``
runs the pure suggester with the current topic model. Today's date is passed in, never read
here, so a draft's "sentenced yesterday" means the same thing in a test as in production.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from scenarios.rulebook import published_rulebook
from scenarios.suggest import suggest
from scenarios.topic_model import current_model

MAX_TEXT = 5000
MAX_DRAFTS = 1000


class DraftsError(ValueError):
    """Drafts that cannot be read; the message names the item and what is wrong."""


@dataclass(frozen=True, slots=True)
class Draft:
    text: str
    today: date


def _kind(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "a string" if isinstance(value, str) else type(value).__name__


def _text(value, where: str) -> str:
    if not isinstance(value, str):
        raise DraftsError(f"{where}text: must be a string, not {_kind(value)}")
    if not value.strip():
        raise DraftsError(f"{where}text: is empty; paste the draft post")
    if len(value) > MAX_TEXT:
        raise DraftsError(
            f"{where}text: is {len(value):,} characters; a draft may be up to {MAX_TEXT:,}"
        )
    return value


def _today(value, where: str) -> date:
    if not isinstance(value, str):
        raise DraftsError(f'{where}today: must be a date string "YYYY-MM-DD", not {_kind(value)}')
    try:
        if len(value) != 10:  # fromisoformat also takes "20261126" and times
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise DraftsError(
            f'{where}today: {value[:40]!r} is not a date; write it as "YYYY-MM-DD"'
        ) from None


def parse_draft(item, *, today: date, where: str = "") -> Draft:
    """One draft: a string, or an object with "text" and optionally "today"."""
    if isinstance(item, str):
        return Draft(_text(item, where), today)
    if not isinstance(item, dict):
        raise DraftsError(
            f'{where}expected a draft: a string, or an object {{"text": ..., "today": '
            f'"YYYY-MM-DD"}}, not {_kind(item)}'
        )
    unknown = sorted(str(key) for key in item if key not in ("text", "today"))
    if unknown:
        raise DraftsError(
            f'{where}unknown field {unknown[0]!r}; a draft has only "text" and "today"'
        )
    if "text" not in item:
        raise DraftsError(f"{where}text: is required (the draft post itself)")
    text = _text(item["text"], where)
    return Draft(text, _today(item["today"], where) if "today" in item else today)


def parse_drafts(data, *, today: date) -> list[Draft]:
    """A JSON array of drafts (one draft alone is taken as an array of one)."""
    if isinstance(data, (str, dict)):
        return [parse_draft(data, today=today)]
    if not isinstance(data, list):
        raise DraftsError(f"expected a JSON array of drafts, not {_kind(data)}")
    if len(data) > MAX_DRAFTS:
        raise DraftsError(f"{len(data):,} drafts; send at most {MAX_DRAFTS:,} at a time")
    return [parse_draft(item, today=today, where=f"item {i}: ") for i, item in enumerate(data)]


def draft_suggest(*, draft: Draft) -> dict:
    """The suggestion for one draft, as JSON-ready data. Raises ``TopicModelNotReady``."""
    topics = published_rulebook().topics
    return suggest(draft.text, today=draft.today, model=current_model(), topics=topics).as_dict()
