"""Text features for the topic model. Module-level functions, so a saved model refers to them
by name and a loaded one finds them here.

Digits become 0 (CAD numbers, ages and dates say nothing about the topic), a URL becomes the
token "xurl" plus the words of its address, and "RT @" at the start becomes "xretweet". A few
layout cues (a retweet, a reply, a post that is mostly a link) are added as features of their
own: the model weighs them with everything else, they override nothing.
"""

from __future__ import annotations

import re

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

_URL = re.compile(
    r"(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:uk|com|org|net|london|info|io)"
    r"(?:/\S*)?",
    re.IGNORECASE,
)
_RETWEET = re.compile(
    r"^\s*(?:RT|QT|[Rr]etweet(?:ing|ed)?|[Rr]eposting|[Ss]haring)\b\s*:?\s*(?=@)|\b(?:RT|QT)\s+(?=@)"
)
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"\w+")

LAYOUT_FEATURES = ("retweet", "link", "mostly_link", "reply", "question", "photo", "short")


def _url_words(match: re.Match[str]) -> str:
    return " xurl " + " ".join(re.split(r"[^a-z0-9]+", match.group(0).lower())) + " "


def normalise(text: str) -> str:
    text = _RETWEET.sub(" xretweet ", text)
    text = _URL.sub(_url_words, text)
    return _DIGIT.sub("0", text.lower())


def _layout(text: str) -> list[float]:
    urls = _URL.findall(text)
    link_chars = sum(len(url) for url in urls)
    words = len(_WORD.findall(_URL.sub(" ", text)))
    stripped = text.lstrip()
    return [
        1.0 if _RETWEET.search(text) else 0.0,
        1.0 if urls else 0.0,
        1.0 if urls and (words <= 16 or link_chars * 4 >= len(text)) else 0.0,
        1.0 if stripped.startswith("@") else 0.0,
        1.0 if "?" in text else 0.0,
        1.0 if "📷" in text or "📸" in text else 0.0,
        1.0 if words <= 12 else 0.0,
    ]


def layout_features(texts) -> np.ndarray:
    """One row of 0/1 layout cues (``LAYOUT_FEATURES``) per text."""
    rows = [_layout(text) for text in texts]
    return np.asarray(rows, dtype=np.float64).reshape(len(rows), len(LAYOUT_FEATURES))


def char_ngrams(*, max_df: float) -> TfidfVectorizer:
    """TF-IDF over character 3-5 grams within words: copes with typos, hashtags and handles.
    Both the topic model and the flag reader read drafts this way."""
    return TfidfVectorizer(
        preprocessor=normalise,
        analyzer="char_wb",
        ngram_range=(3, 5),
        sublinear_tf=True,
        min_df=2,
        max_df=max_df,
    )
