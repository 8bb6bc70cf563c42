"""How ``validate_template`` collects its messages: field name -> plain-English sentences."""

from __future__ import annotations

from typing import Any

Errors = dict[str, list[str]]


def add_error(errors: Errors, name: str, message: str) -> None:
    """Record ``message`` against the field ``name``, once."""
    messages = errors.setdefault(name, [])
    if message not in messages:
        messages.append(message)


def quote_value(text: Any) -> str:
    """A value as quoted in a message, shortened so a long slot value cannot swamp it."""
    text = str(text)
    return f'"{text}"' if len(text) <= 50 else f'"{text[:47]}..."'


def sentence(message: str) -> str:
    message = message.strip()
    return message if message.endswith((".", "!", "?")) else message + "."
