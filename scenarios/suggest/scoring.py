"""Scoring one draft quickly with linear models trained by scikit-learn.

A suggestion scores a single text, and several variants of it for the quote. Going through
``FeatureUnion.transform`` and ``predict_proba`` for each costs more in scikit-learn's input
checks and parallel machinery than in the arithmetic. ``decisions`` does the same arithmetic
directly: each fitted part of the union times its weight, times that part's slice of the
coefficients, summed. The tests check it agrees with scikit-learn's own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np


def decisions(
    union,
    texts: Sequence[str],
    coefficients: np.ndarray,
    intercept: np.ndarray,
    fixed: Mapping[str, np.ndarray] | None = None,
) -> np.ndarray:
    """``union.transform(texts) @ coefficients + intercept``: one row per text, one column per
    model (``coefficients`` is features by models). A part named in ``fixed`` is not computed
    from the texts: its given row stands for every text (variants of a draft that keep the
    draft's cues)."""
    weights = union.transformer_weights or {}
    total = np.zeros((len(texts), coefficients.shape[1])) + intercept
    start = 0
    for name, transformer in union.transformer_list:
        if fixed and name in fixed:
            block = np.atleast_2d(fixed[name])
        else:
            block = transformer.transform(texts)
        width = block.shape[1]
        part = np.asarray(block @ coefficients[start : start + width])
        total += part * weights.get(name, 1.0)
        start += width
    return total


def sigmoid(values: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-values))


def softmax_rows(values: np.ndarray) -> np.ndarray:
    shifted = np.exp(values - values.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


class LinearScores:
    """Binary logistic regressions over the same features, scored together: name -> the
    probability of the positive class, as each classifier's ``predict_proba(X)[:, 1]``."""

    def __init__(self, classifiers: Mapping[str, object]):
        self.names = tuple(classifiers)
        columns = [classifiers[name].coef_[0] for name in self.names]
        # Dense, features by flags: a sparse row times it is one quick product.
        self.coefficients = np.ascontiguousarray(np.vstack(columns).T) if columns else None
        self.intercept = np.asarray([classifiers[name].intercept_[0] for name in self.names])

    def __call__(self, union, texts, fixed=None) -> np.ndarray:
        """One row per text, one column per name."""
        if not self.names:
            return np.zeros((len(texts), 0))
        return sigmoid(decisions(union, texts, self.coefficients, self.intercept, fixed))


class MultinomialScores:
    """A multinomial logistic regression after ``union``: as the pipeline's ``predict_proba``."""

    def __init__(self, classifier):
        self.coefficients = np.ascontiguousarray(classifier.coef_.T)
        self.intercept = np.asarray(classifier.intercept_)

    def __call__(self, union, texts) -> np.ndarray:
        return softmax_rows(decisions(union, texts, self.coefficients, self.intercept))
