"""The topic model: training, ranking, saving and loading, and the training data."""

from __future__ import annotations

import json
import re

import pytest
import sklearn

from scenarios.rules import initial_rulebook
from scenarios.suggest import (
    FORMAT,
    RED_OVERRIDE_FLAGS,
    ModelFileError,
    TopicModel,
    hand_written_examples,
    labelled_posts,
    word_lists_digest,
)
from scenarios.suggest import model as model_module
from scenarios.suggest.detectors import flag_detections
from scenarios.suggest.flag_model import _cue_row
from scenarios.suggest.training import training_set
from tests.scenarios.suggest.conftest import SITE_SEED

TOPICS = sorted(initial_rulebook().topics)


def test_top_gives_k_topics_best_first_with_probabilities(model):
    ranked = model.top("RT @metpoliceuk: Plan your journey home tonight.", k=3)
    assert len(ranked) == 3
    assert ranked[0][0] == "retweet"
    confidences = [confidence for _, confidence in ranked]
    assert confidences == sorted(confidences, reverse=True)
    assert all(0.0 <= confidence <= 1.0 for confidence in confidences)


def test_probabilities_cover_every_topic_and_sum_to_one(model):
    probabilities = model.probabilities("Burglars broke into a flat on Elm Road.")
    assert sorted(probabilities) == TOPICS
    assert sum(probabilities.values()) == pytest.approx(1.0)


def test_probabilities_agree_with_scikit_learns_own(model):
    # probabilities() does the pipeline's arithmetic itself, for speed: same numbers.
    text = "Two cars collided on the A21 this morning; the road is closed"
    ours = model.probabilities(text)
    theirs = model.pipeline.predict_proba([text])[0]
    for topic, probability in zip(model.pipeline.classes_, theirs, strict=True):
        assert ours[str(topic)] == pytest.approx(float(probability), abs=1e-12)


def test_top_can_be_limited_to_some_topics(model):
    text = "A car and a bus collided on Mare Street this morning."
    ranked = model.top(text, k=5, topics=["burglary", "assault", "retweet"])
    assert {slug for slug, _ in ranked} == {"burglary", "assault", "retweet"}
    assert sum(confidence for _, confidence in ranked) == pytest.approx(1.0)
    assert model.top(text, k=0) == []


def test_info_records_what_it_was_trained_on(model, bank_pairs):
    info = model.info
    assert info.version == "test"
    assert info.sklearn_version == sklearn.__version__
    assert list(info.topics) == TOPICS
    # The hand-written examples and the labelled drafts both teach the topics.
    assert info.labelled_posts == len(labelled_posts())
    assert len(hand_written_examples()) < info.hand_written_examples
    assert info.hand_written_examples <= len(hand_written_examples()) + len(labelled_posts())
    assert set(info.flag_thresholds) == set(RED_OVERRIDE_FLAGS)
    assert 0 < info.bank_examples < len(bank_pairs)  # capped per template
    assert info.examples == info.bank_examples + info.hand_written_examples
    assert info.seed == SITE_SEED


def test_save_and_load_round_trip(model, tmp_path):
    path = tmp_path / "topic.model"
    model.save(path)
    header = json.loads(path.read_bytes().split(b"\n", 1)[0])
    assert header["format"] == FORMAT
    assert header["sklearn_version"] == sklearn.__version__
    assert header["topics"] == TOPICS
    loaded = TopicModel.load(path)
    assert loaded.info == model.info
    for text in ("Man jailed for burglary yesterday.", "MISSING: Amy, 15, from Merton"):
        assert loaded.top(text) == model.top(text)
    kept_up = "Nicked him this morning! Leaving his wanted pic pinned as a thank you for sharing"
    assert loaded.raised_flags(kept_up) == model.raised_flags(kept_up)
    assert "wanted_person_arrested" in loaded.raised_flags(kept_up)


def test_load_refuses_a_file_of_the_first_format(model, tmp_path):
    path = tmp_path / "v1.model"
    model.save(path)
    header, body = path.read_bytes().split(b"\n", 1)
    old = json.loads(header) | {"format": "scenarios.suggest.topic-model/1"}
    path.write_bytes(json.dumps(old).encode() + b"\n" + body)
    with pytest.raises(ModelFileError, match="not a topic model file"):
        TopicModel.load(path)


def test_load_refuses_another_sklearn_version(model, tmp_path, monkeypatch):
    path = tmp_path / "old.model"
    monkeypatch.setattr(model_module, "_sklearn_version", lambda: "0.24.2")
    model.save(path)
    monkeypatch.undo()
    with pytest.raises(ModelFileError, match=r"scikit-learn 0\.24\.2.*Retrain"):
        TopicModel.load(path)


def test_load_refuses_a_model_trained_with_other_word_lists(model, tmp_path):
    # The flag reader's features come from the word lists: another release's lists would
    # give its weights the wrong meaning (or the wrong number of features).
    path = tmp_path / "other-lists.model"
    model.save(path)
    header, body = path.read_bytes().split(b"\n", 1)
    assert json.loads(header)["word_lists"] == word_lists_digest()
    other = json.loads(header) | {"word_lists": "0" * 16}
    path.write_bytes(json.dumps(other).encode() + b"\n" + body)
    with pytest.raises(ModelFileError, match="other word lists.*Retrain"):
        TopicModel.load(path)


def test_load_refuses_a_file_that_is_not_a_model(tmp_path):
    path = tmp_path / "junk"
    path.write_bytes(b"\x80\x04not json at all")
    with pytest.raises(ModelFileError, match="not a topic model file"):
        TopicModel.load(path)


def test_training_is_reproducible_with_a_seed(bank_pairs):
    sample = bank_pairs[::7]
    # A few writers' drafts: the same seed gives the same topics whatever it learns from (the
    # flag reader has its own seeded test).
    drafts = labelled_posts()[:600]
    one = TopicModel.train(sample, seed=SITE_SEED, labelled=drafts)
    two = TopicModel.train(sample, seed=SITE_SEED, labelled=drafts)
    text = "Speed checks on the A40 this morning: 30 drivers caught."
    assert one.top(text) == two.top(text)


def test_training_needs_two_topics():
    with pytest.raises(ValueError, match="two topics"):
        TopicModel.train([("a post", "burglary")], seed=1, hand_written=[], labelled=[])


def test_training_set_drops_duplicates_and_caps_each_template(bank_pairs):
    hand = [("Thanks to all at the ward panel!", "community-meeting")]
    streets = ["Elm", "Ash", "Oak", "Beech", "Birch", "Hazel", "Cedar", "Rowan", "Maple", "Yew"]
    repeated = [
        (
            f"Officers arrested a man on suspicion of burglary on {street} Road last night.",
            "burglary",
        )
        for street in streets
    ]
    data = training_set(
        [*repeated, *repeated, ("THANKS  to all at the ward panel!", "community-meeting")],
        hand,
        seed=1,
        per_group=5,
    )
    assert data.hand_written_count == 1 and data.texts[0] == hand[0][0]
    assert data.bank_count == 5  # ten texts of one template (and their copies): cut to 5
    assert data.weights[0] > data.weights[-1]  # a hand-written post counts for more


def test_training_set_keeps_different_templates_apart():
    bank = [
        ("Officers arrested a man for burglary on Elm Road.", "burglary"),
        ("Burglars forced the back door of a house in Catford and took jewellery.", "burglary"),
    ]
    assert training_set(bank, [], seed=1, per_group=1).bank_count == 2


def test_examples_file_covers_every_topic_with_varied_posts():
    by_topic: dict[str, list[str]] = {}
    for text, topic in hand_written_examples():
        by_topic.setdefault(topic, []).append(text)
    assert sorted(by_topic) == TOPICS
    assert min(len(texts) for texts in by_topic.values()) >= 8
    texts = [text for texts in by_topic.values() for text in texts]
    assert len(set(texts)) == len(texts)
    # No post is a copy of a template's wording: few share their first five words.
    openings = [" ".join(re.findall(r"\w+", text.lower())[:5]) for text in texts]
    assert len(set(openings)) > 0.95 * len(openings)


def test_the_answer_caches_hold_every_labelled_draft_with_room_to_grow():
    # Training asks for each draft's answers once per fold, in order: a cache that cannot hold
    # them all evicts each draft just before it is asked again, and training slows 2.5 times.
    drafts = len(labelled_posts())
    for cached in (flag_detections, _cue_row):
        assert cached.cache_info().maxsize >= 1.5 * drafts
