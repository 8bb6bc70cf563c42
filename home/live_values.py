"""Values the rulebook and the contact settings own, inserted into guidance text.

An editor never types the court window, a rating or a phone number: they write a token such as
``{court-window}`` and the page shows the published value, so a page cannot contradict the
engine. Tokens work in section and callout headings, rich text, the RAG table's notes and team
cards. Typing a phone number instead is refused when the page is saved.
"""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from organisation import contacts
from scenarios.rulebook import published

TOKEN = re.compile(r"\{([a-z][a-z0-9-]*(?::[a-z0-9-]+)?)\}")
# Six or more digits, maybe spaced: a phone number typed where a contact token belongs.
PHONE = re.compile(r"(?<![\w{-])\+?\d(?:[\s-]?\d){5,}(?![\w}])")

FIXED_TOKENS = {
    "court-window": "the sentencing window, e.g. “7 days”",
    "court-window-plus-one": "one day past the window, e.g. “8 days”",
    "green-sources": "the accounts and sites on the green list",
    "dmc": "DMC's desk with its phone and email",
    "dmc-phone": "DMC's desk phone",
    "dmc-email": "DMC's desk email",
    "press-bureau": "the 24-hour Press Bureau with its phone and email",
    "press-bureau-phone": "the Press Bureau's phone",
    "press-bureau-email": "the Press Bureau's email",
}
HELP = (
    "Write values the rulebook or the contact settings own as tokens, never as text: "
    + ", ".join(f"{{{name}}}" for name in FIXED_TOKENS)
    + ", and {rating:<topic slug>} (e.g. {rating:court-result} shows “amber”)."
)


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def _in_sentence(name: str) -> str:
    """ "Local council accounts" reads "local council accounts" mid-sentence; "@metpoliceuk"
    and "MPS" stay as they are."""
    return name[0].lower() + name[1:] if name[:2].istitle() and name[1:2].islower() else name


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def token_values(request=None) -> dict[str, SafeString]:
    """Every token's value now: the published rulebook and the contact settings."""
    current = published()
    rulebook = current.rulebook
    settings = contacts.contact_settings(request)
    names = [_in_sentence(current.source_names.get(s, s)) for s in sorted(rulebook.green_sources)]
    values = {
        "court-window": _days(rulebook.sentencing_window_days),
        "court-window-plus-one": _days(rulebook.sentencing_window_days + 1),
        "green-sources": _join(names) if names else "no account (ask DMC)",
        "dmc": contacts.line_html(contacts.DMC, settings),
        "dmc-phone": contacts.phone_html(contacts.DMC, settings),
        "dmc-email": contacts.email_html(contacts.DMC, settings),
        "press-bureau": contacts.line_html(contacts.PRESS_BUREAU, settings),
        "press-bureau-phone": contacts.phone_html(contacts.PRESS_BUREAU, settings),
        "press-bureau-email": contacts.email_html(contacts.PRESS_BUREAU, settings),
    }
    for topic in rulebook.topics.values():
        values[f"rating:{topic.slug}"] = topic.rating.lower()
    return {
        name: value if isinstance(value, SafeString) else escape(value)
        for name, value in values.items()
    }


def fill(html: str, values: dict[str, SafeString]) -> SafeString:
    """Replace the tokens in already-safe HTML; an unknown token is left as written."""
    return mark_safe(TOKEN.sub(lambda m: values.get(m.group(1), m.group(0)), str(html)))


def fill_text(text: str, values: dict[str, SafeString]) -> SafeString:
    """The same for plain text (a heading): escaped first, then filled."""
    return fill(escape(text), values)


def problems(text: str, known: set[str]) -> list[str]:
    """What is wrong with the tokens and numbers in some text, in an editor's words."""
    found = []
    for name in dict.fromkeys(TOKEN.findall(text)):
        if name not in known:
            found.append(f"“{{{name}}}” is not a value the page can show. {HELP}")
    for number in dict.fromkeys(PHONE.findall(text)):
        found.append(
            f"“{number.strip()}” looks like a phone number: numbers come from the contact "
            "settings, so write {press-bureau-phone} or {dmc-phone} instead."
        )
    return found


def known_tokens() -> set[str]:
    rulebook = published().rulebook
    return set(FIXED_TOKENS) | {f"rating:{slug}" for slug in rulebook.topics}
