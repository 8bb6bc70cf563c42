"""Training's held-out folds: features counted once, cut per fold, as fitting on the fold."""

from __future__ import annotations

import numpy as np
import pytest

from scenarios.suggest import labelled_posts
from scenarios.suggest.flag_model import _features
from scenarios.suggest.folds import FoldFeatures


@pytest.fixture(scope="module")
def texts() -> list[str]:
    # Several writers' drafts: enough that min_df and max_df each drop n-grams in a fold.
    return [post.text for post in labelled_posts()[:600]]


@pytest.mark.parametrize("held_out", [0, 1, 2])
def test_a_folds_features_are_those_of_the_union_fitted_on_its_training_drafts(texts, held_out):
    train = [i for i in range(len(texts)) if i % 3 != held_out]
    rows = [i for i in range(len(texts)) if i % 3 == held_out]
    fitted, scored = FoldFeatures(_features(), texts).matrices(train, rows)

    union = _features()
    expected_fitted = union.fit_transform([texts[i] for i in train])
    expected_scored = union.transform([texts[i] for i in rows])

    assert fitted.shape == expected_fitted.shape and scored.shape == expected_scored.shape
    assert abs(fitted - expected_fitted).max() < 1e-12
    assert abs(scored - expected_scored).max() < 1e-12
    # The held-out drafts' own n-grams are not in the fold's vocabulary.
    full = _features().fit_transform(texts)
    assert fitted.shape[1] < full.shape[1]


def test_a_vocabulary_limit_is_counted_on_the_folds_drafts_only(texts):
    # An n-gram in every held-out draft and no training draft is dropped (min_df), whatever
    # its count over all drafts.
    marked = [*texts[:300], *(f"{text} zqxjword" for text in texts[300:])]
    fitted, scored = FoldFeatures(_features(), marked).matrices(range(300), range(300, 600))
    union = _features()
    union.fit([marked[i] for i in range(300)])
    words = union.transformer_list[0][1]
    assert "zqxjword" not in words.vocabulary_
    assert np.allclose(scored.toarray(), union.transform(marked[300:]).toarray(), atol=1e-12)
