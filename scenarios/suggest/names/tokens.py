"""What the name finder and its readings share: the word pattern, capitalisation and the
first-name, place and title lists (data/first_names.toml, data/places.toml)."""

from __future__ import annotations

import re
from functools import cache

from scenarios.suggest.lexicon import words

TOKEN = re.compile(r"[^\W\d_][\w'’-]*")


@cache
def name_sets():
    """First names, places, hard and soft street words, ordinary words, ranks, titles."""
    first = words("first_names", "names")
    places = words("places", "boroughs") | words("places", "areas")
    hard = words("places", "street_hard")
    soft = words("places", "street_soft")
    ordinary = words("places", "common") | words("places", "organisations")
    ranks = words("places", "ranks")
    titles = words("places", "honorifics")
    return first, places, hard, soft, ordinary, ranks, titles


@cache
def greetings() -> frozenset[str]:
    return words("places", "greetings")


def capitalised(token: str) -> bool:
    return token[0].isupper() and any(c.islower() for c in token[1:])
