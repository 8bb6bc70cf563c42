"""A small labelled set of posts (sanity_posts.json) written unlike the templates and unlike
data/examples.json: the model must rank the right topic in its top three for nearly all of
them, and the detectors must find the flags and sentencing dates they carry."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

from scenarios.suggest import (
    RED_OVERRIDE_FLAGS,
    hand_written_examples,
    labelled_posts,
    measure,
    suggest,
)

SANITY = json.loads((Path(__file__).parent / "sanity_posts.json").read_text(encoding="utf-8"))
POSTS = [{**post, "today": SANITY["today"]} for post in SANITY["posts"]]


def test_sanity_posts_are_not_training_posts():
    training = {text for text, _ in hand_written_examples()}
    training |= {post.text for post in labelled_posts()}
    assert not training & {post["text"] for post in POSTS}


def test_sanity_set_topics_are_in_the_top_three(model):
    result = measure(
        POSTS,
        lambda text, today: suggest(text, today=today, model=model),
        time.perf_counter,
    )
    assert result["posts"] == len(POSTS) >= 30
    misses = [(miss["topic"], miss["got"], miss["text"][:60]) for miss in result["topic_misses"]]
    assert result["topic_top3"] >= 0.9, misses
    assert result["topic_top1"] >= 0.75, misses
    assert result["days_since_sentencing_accuracy"] == 1.0
    for flag, counts in result["flags"].items():
        if counts["support"]:
            assert counts["recall"] == 1.0, flag
            assert counts["precision"] >= 0.5, flag


def test_a_flag_wrongly_proposed_is_only_asked_and_rare(model):
    wrong = []
    for post in POSTS:
        found = suggest(post["text"], today=date.fromisoformat(post["today"]), model=model)
        for flag in RED_OVERRIDE_FLAGS:
            if found.facts.get(flag) is True and flag not in post["flags"]:
                assert flag in found.ask, (flag, post["text"])  # never stated as sure
                wrong.append((flag, post["text"][:60]))
    # The flag reader is tuned to be right at least three times in four where it raises a
    # flag; on a set where few posts carry one, its wrong questions stay under one post in six.
    assert len(wrong) <= len(POSTS) / 6, wrong
