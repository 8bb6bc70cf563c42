"""The topic model: which of the rulebook's topics a draft is about, with a confidence.

A scikit-learn Pipeline: TF-IDF over words and characters (3-5 grams within
words, which copes with typos, hashtags and handles), plus a few layout cues, into a
multinomial logistic regression, whose probabilities over all topics sum to 1. Beside it, the
flag model (``flag_model``), learnt from the labelled drafts, raises RED-override flags the
detectors' cue lists miss; the two are trained, saved and loaded together.

A saved model is one file: a first line of JSON metadata (readable with ``head -1``), then the
joblib pickle of the pipeline. ``load`` reads the metadata first and refuses a file made by
another scikit-learn version before unpickling anything, since a pickle is only promised to
load in the version that wrote it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

import joblib
import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer

from scenarios.suggest.detectors import RED_OVERRIDE_FLAGS, flag_detections, warm_up
from scenarios.suggest.features import char_ngrams, layout_features, normalise
from scenarios.suggest.flag_model import FlagModel
from scenarios.suggest.lexicon import (
    LabelledPost,
    hand_written_examples,
    labelled_posts,
    word_lists_digest,
)
from scenarios.suggest.scoring import MultinomialScores
from scenarios.suggest.training import training_set

FORMAT = "scenarios.suggest.topic-model/2"


class ModelFileError(ValueError):
    """A model file that cannot be used here: not a model file, or another sklearn version."""


@dataclass(frozen=True)
class ModelInfo:
    version: str  # the caller's name for this model (a rulebook or bank version, say)
    sklearn_version: str
    topics: tuple[str, ...]
    examples: int  # texts trained on, after duplicates were dropped and templates capped
    bank_examples: int
    hand_written_examples: int
    labelled_posts: int  # drafts with their flags, also among the topic examples
    seed: int
    word_lists: str  # digest of the word lists its features were built from
    # Flag -> its threshold, and the recall and precision with the detectors when each writer
    # was held out (see flag_model).
    flag_thresholds: dict[str, float]
    flag_recall: dict[str, float]
    flag_precision: dict[str, float]

    def as_dict(self) -> dict:
        return {**asdict(self), "topics": list(self.topics)}


def _sklearn_version() -> str:
    return sklearn.__version__


def _pipeline(seed: int) -> Pipeline:
    words = TfidfVectorizer(preprocessor=normalise, sublinear_tf=True, max_df=0.5)
    chars = char_ngrams(max_df=0.5)
    layout = FunctionTransformer(layout_features, accept_sparse=True)
    features = FeatureUnion(
        [("words", words), ("chars", chars), ("layout", layout)],
        transformer_weights={"words": 1.0, "chars": 1.0, "layout": 0.5},
    )
    # Newton-CG converges in a few iterations here, several times faster than lbfgs, and
    # slows down least when the machine is busy.
    classifier = LogisticRegression(C=20.0, solver="newton-cg", max_iter=300, random_state=seed)
    return Pipeline([("features", features), ("classifier", classifier)])


class TopicModel:
    """A trained pipeline and what it was trained on. Make one with ``train`` or ``load``."""

    def __init__(self, pipeline: Pipeline, info: ModelInfo, flag_model: FlagModel | None = None):
        self.pipeline = pipeline
        self.info = info
        self.flag_model = flag_model
        self._classes = tuple(str(c) for c in pipeline.classes_)
        self._scores = MultinomialScores(pipeline.named_steps["classifier"])
        # A model is what suggestions wait for: once it is ready, so are the detectors' patterns
        # and the pipeline, and the first suggestion is as quick as the rest.
        warm_up()
        pipeline.predict_proba(["warm up"])
        self.raised_flags("warm up")

    @classmethod
    def train(
        cls,
        examples: Iterable[tuple[str, str]],
        *,
        seed: int,
        version: str = "unversioned",
        hand_written: Sequence[tuple[str, str]] | None = None,
        labelled: Sequence[LabelledPost] | None = None,
    ) -> TopicModel:
        """Train on ``examples`` ((text, topic) pairs, usually the question bank) plus the
        hand-written posts of data/examples.json and the labelled drafts of
        data/labelled_posts (or ``hand_written`` and ``labelled`` instead, if given). The
        labelled drafts teach the topics too, and alone teach the flag model."""
        extra = hand_written_examples() if hand_written is None else hand_written
        drafts = labelled_posts() if labelled is None else labelled
        topic_examples = [*extra, *((post.text, post.topic) for post in drafts)]
        data = training_set(examples, topic_examples, seed=seed)
        if len(set(data.topics)) < 2:
            raise ValueError("training needs examples of at least two topics")
        pipeline = _pipeline(seed)
        pipeline.fit(
            list(data.texts),
            list(data.topics),
            classifier__sample_weight=np.asarray(data.weights),
        )
        flag_model = _flag_model(tuple(drafts), seed) if drafts else None
        flag_info = flag_model.info if flag_model else None
        info = ModelInfo(
            version=version,
            sklearn_version=_sklearn_version(),
            topics=tuple(str(c) for c in pipeline.classes_),
            examples=len(data.texts),
            bank_examples=data.bank_count,
            hand_written_examples=data.hand_written_count,
            labelled_posts=len(drafts),
            seed=seed,
            word_lists=word_lists_digest(),
            flag_thresholds=dict(flag_info.thresholds) if flag_info else {},
            flag_recall=dict(flag_info.recall) if flag_info else {},
            flag_precision=dict(flag_info.precision) if flag_info else {},
        )
        return cls(pipeline, info, flag_model)

    def raised_flags(self, text: str) -> dict[str, str]:
        """RED-override flags ``text`` reads like -> the sentence to quote (see flag_model)."""
        return self.flag_model.raised(text) if self.flag_model else {}

    def probabilities(self, text: str) -> dict[str, float]:
        """Every topic the model knows -> its probability (they sum to 1)."""
        row = self._scores(self.pipeline.named_steps["features"], [text])[0]
        return dict(zip(self._classes, (float(p) for p in row), strict=True))

    def top(
        self, text: str, k: int = 3, *, topics: Iterable[str] | None = None
    ) -> list[tuple[str, float]]:
        """The ``k`` likeliest topics, best first. With ``topics``, only those are ranked and
        their probabilities are renormalised to sum to 1 among themselves."""
        probabilities = self.probabilities(text)
        if topics is not None:
            allowed = set(topics)
            probabilities = {t: p for t, p in probabilities.items() if t in allowed}
            total = sum(probabilities.values())
            if total > 0:
                probabilities = {t: p / total for t, p in probabilities.items()}
        ranked = sorted(probabilities.items(), key=lambda item: (-item[1], item[0]))
        return ranked[: max(k, 0)]

    def save(self, path: str | Path) -> None:
        # The version that writes the pickle, which is the one that can read it back.
        header = {"format": FORMAT, **self.info.as_dict(), "sklearn_version": _sklearn_version()}
        with Path(path).open("wb") as file:
            file.write(json.dumps(header, sort_keys=True).encode("utf-8") + b"\n")
            joblib.dump({"topics": self.pipeline, "flags": self.flag_model}, file)

    @classmethod
    def load(cls, path: str | Path) -> TopicModel:
        with Path(path).open("rb") as file:
            try:
                header = json.loads(file.readline())
            except ValueError:
                header = None
            if not isinstance(header, dict) or header.get("format") != FORMAT:
                raise ModelFileError(f"{path} is not a topic model file ({FORMAT})")
            theirs, ours = header.get("sklearn_version"), _sklearn_version()
            if theirs != ours:
                raise ModelFileError(
                    f"{path} was trained with scikit-learn {theirs}, but this is scikit-learn "
                    f"{ours}: a model only loads in the version that saved it. Retrain it."
                )
            if header.get("word_lists") != word_lists_digest():
                raise ModelFileError(
                    f"{path} was trained with other word lists than this release's, so its "
                    "features would be read wrongly. Retrain it."
                )
            parts = joblib.load(file)
        fields = {name: header[name] for name in ModelInfo.__dataclass_fields__}
        fields["topics"] = tuple(fields["topics"])
        return cls(parts["topics"], ModelInfo(**fields), parts["flags"])


@lru_cache(maxsize=2)
def _flag_model(drafts: tuple[LabelledPost, ...], seed: int) -> FlagModel:
    """The flag model learns from the labelled drafts alone, never the bank, so a process that
    retrains after a bank change reuses it: it is most of the training time."""
    return FlagModel.train(drafts, flags=RED_OVERRIDE_FLAGS, seed=seed, caught=_detected)


def _detected(text: str, flag: str) -> bool:
    return flag_detections(text)[flag].value is True
