"""Features for training's held-out folds, counted once.

Choosing the flag reader's thresholds trains it once per group of writers held out, and each
of those fits its own vectorisers on the drafts it trains on. Counting every draft's words and
character n-grams again for each fold was a third of the training time. ``FoldFeatures``
counts them once over all the drafts; a fold's matrix is then cut from those counts as the
fold's own ``FeatureUnion`` would make it: the vocabulary is what the fold's training drafts
keep under ``min_df`` and ``max_df``, and the TF-IDF weights are learnt from them alone. The
tests check it agrees with fitting the union on the fold.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer, TfidfVectorizer
from sklearn.pipeline import FeatureUnion

_COUNTING = set(CountVectorizer().get_params()) - {"min_df", "max_df", "max_features"}


@dataclass(frozen=True)
class _Counted:
    counts: sparse.csr_matrix  # every draft by every n-gram any draft has
    vectoriser: TfidfVectorizer  # the union's, unfitted: its limits and weighting


class FoldFeatures:
    """``union`` (unfitted: TF-IDF vectorisers and stateless transformers) over ``texts``."""

    def __init__(self, union: FeatureUnion, texts: Sequence[str]):
        self.weights = union.transformer_weights or {}
        self.parts: list[tuple[str, _Counted | np.ndarray]] = []
        for name, transformer in union.transformer_list:
            if isinstance(transformer, TfidfVectorizer):
                params = transformer.get_params()
                counter = CountVectorizer(**{key: params[key] for key in _COUNTING})
                counted = _Counted(counter.fit_transform(texts).tocsr(), transformer)
                self.parts.append((name, counted))
            else:
                # Stateless (the detectors' cues): the same rows whatever the fold.
                self.parts.append((name, np.asarray(transformer.fit_transform(texts))))

    def matrices(
        self, train: Sequence[int], rows: Sequence[int]
    ) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
        """The features of the ``train`` drafts and of the ``rows`` drafts, as the union fitted
        on the ``train`` drafts gives them."""
        fitted, scored = [], []
        for name, part in self.parts:
            weight = self.weights.get(name, 1.0)
            if isinstance(part, np.ndarray):
                fitted.append(sparse.csr_matrix(part[train]) * weight)
                scored.append(sparse.csr_matrix(part[rows]) * weight)
                continue
            vectoriser = part.vectoriser
            counts = part.counts[train]
            kept = _kept(counts, vectoriser)
            tfidf = TfidfTransformer(
                norm=vectoriser.norm,
                use_idf=vectoriser.use_idf,
                smooth_idf=vectoriser.smooth_idf,
                sublinear_tf=vectoriser.sublinear_tf,
            )
            fitted.append(tfidf.fit_transform(counts[:, kept]) * weight)
            scored.append(tfidf.transform(part.counts[rows][:, kept]) * weight)
        return sparse.hstack(fitted, format="csr"), sparse.hstack(scored, format="csr")


def _kept(counts: sparse.csr_matrix, vectoriser: TfidfVectorizer) -> np.ndarray:
    """The columns the vectoriser keeps when fitted on these drafts (as its ``_limit_features``:
    seen in at least ``min_df`` and at most ``max_df`` of them)."""
    drafts = counts.shape[0]
    # Counts store no zeros: each stored entry is one draft that has the n-gram.
    seen_in = np.bincount(counts.indices, minlength=counts.shape[1])
    low, high = vectoriser.min_df, vectoriser.max_df
    low = low if isinstance(low, int) else low * drafts
    high = high if isinstance(high, int) else high * drafts
    return np.flatnonzero((seen_in >= low) & (seen_in <= high))
