"""The flag model: a second reader for the RED-override flags, learnt from labelled drafts.

The detectors know the wordings their cue lists name, and a writer they have not met phrases
things another way ("keeping his pic up as a thank-you", "we all know who was driving"). The
flag model has read labelled drafts by several writers and scores, for each RED-override flag,
how much a draft reads like the drafts that had it. It only ever adds caution: a flag it scores
at or above its threshold is proposed as a question pre-set to yes, quoting the sentence that
reads most like it. It never clears a flag.

Each flag's threshold is chosen when training, as a new writer would meet it: each writer's
drafts are scored by a model trained without that writer (writers are held out in at most
``MAX_FOLDS`` groups), and the threshold is the highest
score at which the detectors and the model together still catch ``target_recall`` of the
flag's drafts, unless that would make fewer than ``min_precision`` of the drafts they flag
right: a reader who is mostly wrong teaches officers to untick without reading, or
``MARGIN_COST`` less precise than stopping at ``RECALL_FLOOR`` (the goal). Then it is the
highest that still catches ``RECALL_FLOOR`` that precisely, or failing that the threshold
that catches most while staying precise. Where catching ``STRETCH_RECALL`` costs at most
``MARGIN_COST`` of precision, it aims there instead: the detectors' word lists were written from
the labelled drafts, so on a new writer they catch less than held-out scores suggest.
Scikit-learn, seeded; no Django.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion
from sklearn.preprocessing import FunctionTransformer

from scenarios.suggest.detection import sentences
from scenarios.suggest.detectors import CACHED_TEXTS, flag_detections
from scenarios.suggest.features import char_ngrams, normalise
from scenarios.suggest.folds import FoldFeatures
from scenarios.suggest.lexicon import LabelledPost, cue_sections, cues
from scenarios.suggest.names import find_people, names_anyone
from scenarios.suggest.scoring import LinearScores

# No threshold goes below this, however a writer's drafts score: below it the model would be
# asking about nearly every draft, which teaches officers to untick without reading.
LOWEST_THRESHOLD = 0.08
# How much the detectors' cues weigh beside the words (each cue is a 0/1 feature).
CUE_WEIGHT = 0.5
# The recall the goals ask of each flag on new writers' drafts. Training aims above it (the
# target recall); where that margin would cost precision, the threshold stops here instead of
# asking about ever more drafts to creep towards it.
RECALL_FLOOR = 0.95
# The margin above the floor is bought only while it costs at most this much precision: a
# threshold that catches 97% at 75% precision, where 95% came at 83%, asks about many more
# innocent drafts to catch a few more flagged ones.
MARGIN_COST = 0.05
# On a new writer's drafts the detectors catch less than on the drafts their word lists were
# written from, so the reader aims higher where that costs next to nothing: at the threshold
# that catches this much of a flag's held-out drafts, when it is at most MARGIN_COST less
# precise than the one chosen for the target recall.
STRETCH_RECALL = 0.99
# Writers held out together when training chooses the thresholds, at most.
MAX_FOLDS = 7
# A quoted sentence longer than this is cut at a word break (the quote stays verbatim).
QUOTE_CHARS = 140


_AGE = re.compile(
    r"\b(\d{1,2}) ?[- ]?(?:years?|yrs?)[- ]old\b|\b(\d{1,2}) ?yo\b|\baged (\d{1,2})\b", re.I
)


@lru_cache(maxsize=CACHED_TEXTS)
def _cue_row(text: str) -> tuple[float, ...]:
    """What the detectors see, as features: each cue list found or not; each detector's
    answer (yes and sure, yes but unsure, no though it saw a cue); who is named. Kept per
    text: training scores each draft once per writer held out."""
    row = [1.0 if cues(section, key).search(text) else 0.0 for section, key in cue_sections()]
    for found in flag_detections(text).values():
        row += [
            1.0 if found.value is True and found.sure else 0.0,
            1.0 if found.value is True and not found.sure else 0.0,
            1.0 if found.value is not True and found.evidence else 0.0,
        ]
    people = find_people(text)
    row += [
        1.0 if any(p.full and p.sure and not p.officer for p in people) else 0.0,
        1.0 if any(not p.sure and not p.officer for p in people) else 0.0,
        1.0 if any(p.officer for p in people) else 0.0,
        1.0 if any(p.age is not None and p.age < 18 for p in people) else 0.0,
        1.0 if any(p.age is not None and p.age >= 18 for p in people) else 0.0,
    ]
    ages = [int(next(g for g in m.groups() if g)) for m in _AGE.finditer(text)]
    row += [1.0 if any(a < 18 for a in ages) else 0.0, 1.0 if any(a >= 18 for a in ages) else 0.0]
    return tuple(row)


# What a flag needs before the reader may raise it: by its definition, a flag cannot hold of a
# draft that mentions none of these (no arrest, charge or court: no active case; no sexual
# offence: no victim of one; no word of wrong: no allegation). The detectors' own cue lists,
# and [possible] in lexicon.toml for the wordings they leave to the reader. The thresholds are
# chosen with the same rule applied, so what it rules out lets the reader ask about more of the
# rest at the same precision.
POSSIBLE = {
    "prejudicial_content": (
        ("prejudicial", "active"),
        ("prejudicial", "pending"),
        ("prejudicial", "concluded"),
        ("arrest", "cues"),
        ("charge", "cues"),
        ("wanted", "arrested"),
        ("possible", "proceedings"),
    ),
    "names_suspect_before_charge": (
        ("arrest", "cues"),
        ("wanted", "arrested"),
        ("prejudicial", "active"),
        ("possible", "proceedings"),
    ),
    "wanted_person_arrested": (
        ("arrest", "cues"),
        ("wanted", "arrested"),
        ("prejudicial", "active"),
        ("possible", "proceedings"),
    ),
    "identifies_sexual_offence_victim": (("sexual", "offences"), ("possible", "sexual")),
    "identifies_child_in_proceedings": (("child", "words"), ("possible", "child")),
    "names_cautioned_person": (("caution", "cues"), ("possible", "caution")),
    "unproven_allegation": (
        ("allegation", "strong"),
        ("allegation", "weak"),
        ("allegation", "misconduct"),
        ("allegation", "finding"),
        ("arrest", "cues"),
        ("charge", "cues"),
        ("conviction", "cues"),
        ("caution", "cues"),
        ("sexual", "offences"),
        ("possible", "proceedings"),
        ("possible", "sexual"),
        ("possible", "allegation"),
    ),
}


# A flag about naming someone also needs a name, a nickname or an account in the draft.
NEEDS_A_NAME = ("names_suspect_before_charge", "names_cautioned_person")


def possible(text: str, flag: str) -> bool:
    """Whether ``text`` mentions anything ``flag`` needs (see POSSIBLE and NEEDS_A_NAME)."""
    needs = POSSIBLE.get(flag)
    if needs is not None and not any(cues(section, key).search(text) for section, key in needs):
        return False
    return flag not in NEEDS_A_NAME or names_anyone(text)


def cue_features(texts) -> np.ndarray:
    """One row of ``_cue_row`` per text (a module-level function, so a saved model finds it)."""
    rows = [_cue_row(text) for text in texts]
    return np.asarray(rows, dtype=np.float64).reshape(len(rows), -1)


def _features() -> FeatureUnion:
    words = TfidfVectorizer(
        preprocessor=normalise, ngram_range=(1, 2), sublinear_tf=True, min_df=2, max_df=0.6
    )
    chars = char_ngrams(max_df=0.6)
    detected = FunctionTransformer(cue_features)
    return FeatureUnion(
        [("words", words), ("chars", chars), ("cues", detected)],
        transformer_weights={"words": 1.0, "chars": 1.0, "cues": CUE_WEIGHT},
    )


def _classifier(seed: int) -> LogisticRegression:
    # Balanced: a flag sits on one draft in ten, and a missed one costs more than an extra ask.
    # The dual problem: with ten times more features than drafts it converges about five times
    # faster than the primal, and to a tighter optimum at this tolerance.
    return LogisticRegression(
        C=4.0,
        class_weight="balanced",
        solver="liblinear",
        dual=True,
        tol=1e-6,
        max_iter=1000,
        random_state=seed,
    )


def _fit(posts: Sequence[LabelledPost], flags: Sequence[str], seed: int):
    features = _features()
    matrix = features.fit_transform([post.text for post in posts])
    return features, _classifiers(matrix, posts, flags, seed)


def _classifiers(matrix, posts: Sequence[LabelledPost], flags: Sequence[str], seed: int):
    classifiers = {}
    for flag in flags:
        labels = np.asarray([flag in post.flags for post in posts], dtype=int)
        if labels.min() == labels.max():
            continue  # every draft, or none, has it: nothing to learn
        classifiers[flag] = _classifier(seed).fit(matrix, labels)
    return classifiers


def _threshold(
    scores: Sequence[float],
    positive: Sequence[bool],
    caught: Sequence[bool],
    target_recall: float,
    min_precision: float,
    recall_floor: float | None = None,
    margin_cost: float | None = None,
) -> float:
    """The threshold at which the detectors and the model together catch ``target_recall`` of
    the positives (the highest such), provided at least ``min_precision`` of what they raise is
    right, and (with ``margin_cost``) that it is at most that much less precise than the
    highest threshold catching ``recall_floor``. When no threshold manages it: the highest that
    still catches ``recall_floor`` of them precisely; failing that, the one that catches most
    while staying precise. 1.0 when even the model's surest scores would be wrong too often."""
    positive_ = np.asarray(positive, dtype=bool)
    caught_ = np.asarray(caught, dtype=bool)
    positives = int(positive_.sum())
    if not positives:
        return 1.0
    # Every candidate threshold at once: what the model raises at a threshold is the drafts
    # the detectors missed scoring at or above it, counted from their sorted scores.
    left = np.asarray(scores, dtype=np.float64)[~caught_]
    left_positive = np.sort(left[positive_[~caught_]])
    left_all = np.sort(left)
    candidates = np.unique(np.maximum(LOWEST_THRESHOLD, np.append(scores, 1.0)))[::-1]
    raised = int(caught_.sum()) + left_all.size - np.searchsorted(left_all, candidates)
    hits = (
        int((caught_ & positive_).sum())
        + left_positive.size
        - np.searchsorted(left_positive, candidates)
    )
    precise = hits >= min_precision * raised
    enough = precise & (hits >= target_recall * positives)
    at_floor = precise & (hits >= recall_floor * positives) if recall_floor is not None else None
    if enough.any():
        chosen = int(np.argmax(enough))
        # Stopping at the floor instead needs a floor at or above the chosen threshold.
        floor = int(np.argmax(at_floor)) if at_floor is not None and at_floor.any() else None
        if margin_cost is not None and floor is not None and floor <= chosen:
            floor_precision = hits[floor] / max(1, raised[floor])
            if hits[chosen] < (floor_precision - margin_cost) * raised[chosen]:
                return float(candidates[floor])
        return float(candidates[chosen])
    if not precise.any():
        return 1.0
    if at_floor is not None and at_floor.any():
        return float(candidates[np.argmax(at_floor)])
    # The first (highest) of the thresholds that catch most while staying precise.
    best = np.flatnonzero(precise)[np.argmax(hits[precise])]
    return float(candidates[best])


def _chosen(
    scores: Sequence[float],
    positive: Sequence[bool],
    caught: Sequence[bool],
    target_recall: float,
    min_precision: float,
) -> float:
    """The threshold for ``target_recall`` (see ``_threshold``), or the lower one that catches
    STRETCH_RECALL when it is at most MARGIN_COST less precise."""
    threshold = _threshold(
        scores, positive, caught, target_recall, min_precision, RECALL_FLOOR, MARGIN_COST
    )
    stretched = _threshold(scores, positive, caught, STRETCH_RECALL, min_precision)
    if stretched >= threshold:
        return threshold
    recall, precision = _caught(positive, caught, scores, stretched)
    if (
        recall >= STRETCH_RECALL
        and precision >= _caught(positive, caught, scores, threshold)[1] - MARGIN_COST
    ):
        return stretched
    return threshold


def _caught(
    positive: Sequence[bool], caught: Sequence[bool], scores: Sequence[float], threshold: float
) -> tuple[float, float]:
    """(recall, precision) of the detectors and the model together at ``threshold``."""
    raised = [c or s >= threshold for c, s in zip(caught, scores, strict=True)]
    hits = sum(p and r for p, r in zip(positive, raised, strict=True))
    return hits / max(1, sum(positive)), hits / max(1, sum(raised))


@dataclass(frozen=True)
class FlagModelInfo:
    posts: int
    writers: int
    thresholds: Mapping[str, float]
    # Across writers, as chosen: the share of each flag's drafts caught (recall) and of the
    # drafts flagged that had it (precision), by the detectors and model together.
    recall: Mapping[str, float]
    precision: Mapping[str, float]


class FlagModel:
    """Make one with ``train``. ``raised(text)`` gives flag -> the sentence to quote."""

    def __init__(self, features, classifiers, thresholds: Mapping[str, float], info):
        self.features = features
        self.classifiers = dict(classifiers)
        self.thresholds = dict(thresholds)
        self.info = info

    @classmethod
    def train(
        cls,
        posts: Sequence[LabelledPost],
        *,
        flags: Sequence[str],
        seed: int,
        caught: Callable[[str, str], bool],
        target_recall: float = 0.97,
        min_precision: float = 0.75,
    ) -> FlagModel:
        """Learn ``flags`` from ``posts``. ``caught(text, flag)`` says whether the detectors
        already set the flag on a text; thresholds leave those to the detectors."""
        writers = sorted({post.writer for post in posts})
        # Writers take turns being held out, in at most MAX_FOLDS groups (training stays quick).
        fold_of = {writer: index % MAX_FOLDS for index, writer in enumerate(writers)}
        held_out: dict[str, list[float]] = {flag: [0.0] * len(posts) for flag in flags}
        folds = sorted(set(fold_of.values())) if len(writers) > 1 else []
        counted = FoldFeatures(_features(), [post.text for post in posts]) if folds else None
        for fold in folds:
            train = [i for i, post in enumerate(posts) if fold_of[post.writer] != fold]
            rows = [i for i, post in enumerate(posts) if fold_of[post.writer] == fold]
            fitted, scored = counted.matrices(train, rows)
            classifiers = _classifiers(fitted, [posts[i] for i in train], flags, seed)
            for flag, classifier in classifiers.items():
                for i, score in zip(rows, classifier.predict_proba(scored)[:, 1], strict=True):
                    held_out[flag][i] = float(score) if possible(posts[i].text, flag) else 0.0
        features, classifiers = _fit(posts, flags, seed)
        thresholds, recall, precision = {}, {}, {}
        for flag in classifiers:
            positive = [flag in post.flags for post in posts]
            by_detectors = [caught(post.text, flag) for post in posts]
            threshold = _chosen(
                held_out[flag], positive, by_detectors, target_recall, min_precision
            )
            caught_at = _caught(positive, by_detectors, held_out[flag], threshold)
            thresholds[flag] = round(threshold, 4)
            recall[flag], precision[flag] = (round(value, 4) for value in caught_at)
        info = FlagModelInfo(len(posts), len(writers), thresholds, recall, precision)
        return cls(features, classifiers, thresholds, info)

    @cached_property
    def _linear(self) -> LinearScores:
        return LinearScores(self.classifiers)

    def __getstate__(self) -> dict:
        # The stacked coefficients are rebuilt on first use, not saved twice in the model file.
        return {name: value for name, value in self.__dict__.items() if name != "_linear"}

    def scores(self, text: str) -> dict[str, float]:
        """Flag -> how much ``text`` reads like the drafts that had it, 0..1."""
        row = self._linear(self.features, [text])[0]
        return {flag: float(score) for flag, score in zip(self._linear.names, row, strict=True)}

    def raised(self, text: str) -> dict[str, str]:
        """The flags scored at or above their threshold -> the verbatim sentence of ``text``
        that most makes it read that way: the one whose removal lowers the score most (the
        evidence to quote)."""
        whole = self._linear(self.features, [text])[0]
        raised = [
            (index, flag)
            for index, flag in enumerate(self._linear.names)
            if whole[index] >= self.thresholds[flag] and possible(text, flag)
        ]
        if not raised:
            return {}
        # Only now are the sentences weighed: most drafts raise nothing.
        spans = sentences(text)
        if len(spans) < 2:
            return {flag: _quotable(text) for _, flag in raised}
        # A variant keeps the whole draft's cues: the detectors read the draft as a whole, and
        # the words of each sentence are what the quote is chosen by.
        variants = [text[:start] + text[end:] for start, end in spans]
        without = self._linear(self.features, variants, fixed={"cues": np.asarray(_cue_row(text))})
        found = {}
        for index, flag in raised:
            drops = whole[index] - without[:, index]
            start, end = spans[int(np.argmax(drops))]
            found[flag] = _quotable(text[start:end])
        return found


def _quotable(sentence: str) -> str:
    sentence = sentence.strip()
    if len(sentence) <= QUOTE_CHARS:
        return sentence
    cut = sentence.rfind(" ", 0, QUOTE_CHARS)
    return sentence[: cut if cut > 0 else QUOTE_CHARS].rstrip(" ,;:")
