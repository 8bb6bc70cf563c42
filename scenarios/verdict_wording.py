"""What a verdict tells the officer to do next, worded so it agrees with the rating and the
contact: never "ask before you post" under "do not post", never "ask DMC" while naming the
Press Bureau. Pure: no Django."""

from __future__ import annotations

NEXT_STEPS = {
    ("GREEN", "none"): "Post it yourself: no one needs to approve it.",
    ("AMBER", "dmc"): "Ask DMC before you post, and post only once they agree.",
    ("AMBER", "press-bureau"): (
        "Ask DMC’s 24-hour Press Bureau before you post, and post only once they agree."
    ),
    ("RED", "dmc"): "Do not post it. Tell DMC about it.",
    ("RED", "press-bureau"): "Do not post it. Tell DMC’s 24-hour Press Bureau about it now.",
}
WHY_HEADING = {"GREEN": "Why it is green", "AMBER": "Why it is amber", "RED": "Why it is red"}


def next_step(rating: str, contact: str) -> str:
    """Raises KeyError for a pairing the engine never produces (e.g. GREEN with a contact)."""
    return NEXT_STEPS[(rating, contact)]
