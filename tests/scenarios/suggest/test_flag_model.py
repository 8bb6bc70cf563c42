"""The flag model: thresholds chosen writer by writer, flags raised with a verbatim sentence,
and the labelled drafts it learns from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from scenarios.rules import initial_rulebook
from scenarios.suggest import RED_OVERRIDE_FLAGS, FlagModel, LabelledPost, labelled_posts
from scenarios.suggest.flag_model import (
    LOWEST_THRESHOLD,
    QUOTE_CHARS,
    _chosen,
    _quotable,
    _threshold,
    possible,
)

KEPT = "wanted_person_arrested"
FLAG_SEXUAL = "identifies_sexual_offence_victim"
LABELLED_FLAGS = {*RED_OVERRIDE_FLAGS, "gives_ethnicity_or_nationality"}

# Three writers; each keeps a wanted appeal up after the arrest in their own words, and writes
# clean posts that share the appeal's vocabulary.
_KEPT_UP = {
    "w1": [
        "UPDATE: he's been arrested but we're keeping the appeal pinned, keep sharing",
        "Nicked him last night! Leaving the appeal pic up for now as a thank you",
        "Arrested this morning, still sharing his photo so other victims come forward",
        "He's in custody now but the wanted post stays up, please keep retweeting it",
    ],
    "w2": [
        "Caught him! Appeal stays pinned so everyone can see his face, keep sharing",
        "In custody since Tuesday, we're keeping his picture up, share again please",
        "Arrested yesterday. Leaving the wanted image pinned on our page, keep retweeting",
        "He was arrested last night but the appeal photo remains up, keep sharing it",
    ],
    "w3": [
        "Got him this morning. Keeping the wanted pic pinned, keep sharing everyone",
        "Arrested! We're leaving his photo up on our page, thanks and keep retweeting",
        "Back in custody tonight, appeal pinned for now, share again please",
        "In custody after our appeal, keeping the picture up, keep sharing folks",
    ],
}
_CLEAN = {
    "w1": [
        "Thanks for sharing our appeal, the man has been found safe and well",
        "Burglary on Elm Road last night, any info call 101",
        "Come to our street briefing on Tuesday at the library",
        "UPDATE: arrested this morning, the appeal and images have now been removed",
    ],
    "w2": [
        "Lovely to meet residents at the market today, thanks for the tea",
        "Car broken into on Hill Street, please lock your vehicles",
        "UPDATE: he was arrested last night, we've taken the appeal down, thanks all",
        "Our appeal for witnesses to the collision on the A21 is still open",
    ],
    "w3": [
        "Speed checks on Station Road this morning, 14 drivers stopped",
        "Arrested today, thanks for your help; we have deleted the appeal images",
        "Graffiti cleaned off the underpass, thanks to the council team",
        "Ward panel meeting next Thursday, all welcome",
    ],
}


def _posts() -> list[LabelledPost]:
    posts = []
    for writer, texts in _KEPT_UP.items():
        posts += [LabelledPost(writer, text, "wanted-suspect", frozenset({KEPT})) for text in texts]
    for writer, texts in _CLEAN.items():
        posts += [LabelledPost(writer, text, "appeal", frozenset()) for text in texts]
    return posts


@pytest.fixture(scope="module")
def flag_model() -> FlagModel:
    return FlagModel.train(_posts(), flags=(KEPT,), seed=3, caught=lambda text, flag: False)


def test_threshold_leaves_to_the_detectors_what_they_catch():
    # Four positives, all caught by the detectors: the model adds nothing.
    assert _threshold([0.1, 0.2, 0.3, 0.4], [True] * 4, [True] * 4, 0.95, 0.7) == 1.0


def test_threshold_is_the_score_that_catches_just_enough_of_the_rest():
    scores = [0.9, 0.6, 0.3, 0.2, 0.1]
    positive = [True, True, True, True, False]
    caught = [False, False, False, True, False]
    # 75% of 4 = 3 positives: the detectors catch 1, the model must catch 2: 0.9 and 0.6.
    assert _threshold(scores, positive, caught, 0.75, 0.7) == 0.6
    # All 4: the model must catch 3, down to 0.3.
    assert _threshold(scores, positive, caught, 1.0, 0.7) == 0.3


def test_threshold_stays_precise_rather_than_reach_the_recall():
    scores = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3]
    positive = [True, True, False, False, False, False, True]
    nothing = [False] * 7
    # Catching the third positive means raising 7 to get 3 right (43%): not at 70% precision.
    # The best that stays precise catches two, at 0.8.
    assert _threshold(scores, positive, nothing, 1.0, 0.7) == 0.8
    # Demand less precision and the recall is reached.
    assert _threshold(scores, positive, nothing, 1.0, 0.4) == 0.3
    # When even the surest score is wrong, the model raises nothing.
    assert _threshold([0.9, 0.1], [False, True], [False, False], 1.0, 0.7) == 1.0


def test_threshold_never_goes_below_the_floor():
    # The second positive scores below the floor: the model catches what it can above it.
    assert _threshold([0.5, 0.01], [True, True], [False, False], 1.0, 0.7) == 0.5
    assert _threshold([0.01, 0.02], [True, True], [False, False], 1.0, 0.7) == 1.0
    assert _threshold([0.09, 0.1], [True, True], [False, False], 1.0, 0.7) == 0.09
    assert LOWEST_THRESHOLD < 0.09


def test_threshold_stops_at_the_floor_when_the_target_costs_precision():
    scores = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3]
    positive = [True, True, True, False, True, False, False]
    nothing = [False] * 7
    # All 4 at 70% precision: 0.5 (4 of 5 right). Demanding 85% rules that out: the best
    # precise threshold catches 3 (0.7). With a floor of half, it stops at the highest that
    # catches 2 (0.8) rather than creep towards the target.
    assert _threshold(scores, positive, nothing, 1.0, 0.7) == 0.5
    assert _threshold(scores, positive, nothing, 1.0, 0.85) == 0.7
    assert _threshold(scores, positive, nothing, 1.0, 0.85, 0.5) == 0.8
    # A floor that cannot be met precisely either: the one that catches most.
    assert _threshold(scores, positive, nothing, 1.0, 0.85, 1.0) == 0.7


def test_threshold_stops_at_the_floor_when_the_margin_costs_too_much_precision():
    scores = [0.9, 0.8, 0.7, 0.6, 0.5]
    positive = [True, True, True, False, True]
    nothing = [False] * 5
    # All 4 are caught at 0.5 (4 of 5 right, 80%); three quarters at 0.7 (3 of 3, 100%).
    assert _threshold(scores, positive, nothing, 1.0, 0.7, 0.75) == 0.5
    # The last quarter costs 20 points of precision: with at most 10 to spend, stop at 0.7.
    assert _threshold(scores, positive, nothing, 1.0, 0.7, 0.75, 0.1) == 0.7
    # With 20 to spend it is bought.
    assert _threshold(scores, positive, nothing, 1.0, 0.7, 0.75, 0.2) == 0.5


def test_the_reader_aims_higher_where_it_costs_next_to_no_precision():
    # 100 drafts have the flag: 97 score 0.9, two 0.5, one 0.3; three without it score 0.95.
    scores = [0.9] * 97 + [0.5, 0.5, 0.3] + [0.95] * 3
    positive = [True] * 100 + [False] * 3
    nothing = [False] * 103
    # 97% is caught at 0.9 (97 of 100 raised right); 99% at 0.5 (99 of 102): as precise.
    assert _threshold(scores, positive, nothing, 0.97, 0.75, 0.95, 0.05) == 0.9
    assert _chosen(scores, positive, nothing, 0.97, 0.75) == 0.5
    # Ten more without the flag at 0.5: 99% would cost 9 points of precision, so it stays.
    costly = scores + [0.5] * 10
    assert _chosen(costly, positive + [False] * 10, nothing + [False] * 10, 0.97, 0.75) == 0.9


def _threshold_by_counting(
    scores, positive, caught, target_recall, min_precision, floor, margin_cost=None
):
    """The rule as written in _threshold's docstring, one threshold at a time."""
    positives = sum(positive)
    if not positives:
        return 1.0
    best, best_hits, at_floor, floor_precision = 1.0, -1, None, None
    for threshold in sorted({max(LOWEST_THRESHOLD, s) for s in scores} | {1.0}, reverse=True):
        raised = [c or s >= threshold for c, s in zip(caught, scores, strict=True)]
        hits = sum(p and r for p, r in zip(positive, raised, strict=True))
        if hits < min_precision * sum(raised):
            continue
        if floor is not None and at_floor is None and hits >= floor * positives:
            at_floor, floor_precision = threshold, hits / max(1, sum(raised))
        if hits >= target_recall * positives:
            costly = margin_cost is not None and at_floor is not None
            if costly and hits < (floor_precision - margin_cost) * sum(raised):
                return at_floor
            return threshold
        if hits > best_hits:
            best, best_hits = threshold, hits
    return best if at_floor is None else at_floor


_DRAFT = st.tuples(
    st.sampled_from([0.0, 0.05, 0.08, 0.1, 0.3, 0.5, 0.5, 0.7, 0.9, 1.0]) | st.floats(0, 1),
    st.booleans(),
    st.booleans(),
)


@given(
    drafts=st.lists(_DRAFT, max_size=40),
    target_recall=st.sampled_from([0.5, 0.9, 0.97, 1.0]),
    min_precision=st.sampled_from([0.0, 0.4, 0.75, 1.0]),
    floor=st.sampled_from([None, 0.3, 0.6, 0.95]),
    margin_cost=st.sampled_from([None, 0.0, 0.03, 0.2]),
)
@example(
    # A target below the floor: the floor's threshold is lower, so no place to stop instead.
    drafts=[(0.0, False, True), (0.0, True, True), (0.08, True, False)],
    target_recall=0.5,
    min_precision=0.0,
    floor=0.6,
    margin_cost=0.0,
)
def test_threshold_agrees_with_counting_at_every_threshold(
    drafts, target_recall, min_precision, floor, margin_cost
):
    # Training counts every candidate threshold at once; the rule is the plain count.
    scores = [score for score, _, _ in drafts]
    positive = [flag for _, flag, _ in drafts]
    caught = [seen for _, _, seen in drafts]
    args = (scores, positive, caught, target_recall, min_precision, floor, margin_cost)
    assert _threshold(*args) == _threshold_by_counting(*args)


def test_it_raises_a_flag_in_a_new_wording_with_the_sentence_that_reads_like_it(flag_model):
    text = (
        "Thanks Lee Green for all the shares. He's been arrested, but we are keeping his "
        "appeal picture pinned, keep sharing."
    )
    raised = flag_model.raised(text)
    assert set(raised) == {KEPT}
    assert raised[KEPT] in text
    assert "pinned" in raised[KEPT]


def test_it_raises_nothing_on_a_clean_post(flag_model):
    assert flag_model.raised("Come along to our ward panel meeting at the library") == {}


def test_info_reports_each_writer_held_out(flag_model):
    info = flag_model.info
    assert info.posts == 24 and info.writers == 3
    assert LOWEST_THRESHOLD <= info.thresholds[KEPT] <= 1.0
    assert 0.0 < info.recall[KEPT] <= 1.0
    assert 0.0 < info.precision[KEPT] <= 1.0
    assert flag_model.scores("keeping the appeal pinned after the arrest")[KEPT] >= 0.5


def test_a_flag_no_draft_has_is_not_learnt():
    model = FlagModel.train(
        _posts(), flags=(KEPT, "names_cautioned_person"), seed=3, caught=lambda t, f: False
    )
    assert set(model.classifiers) == {KEPT}
    assert "names_cautioned_person" not in model.raised("cautioned John Smith, keep sharing")


def test_same_seed_same_model():
    train = FlagModel.train
    first = train(_posts(), flags=(KEPT,), seed=5, caught=lambda t, f: False)
    second = train(_posts(), flags=(KEPT,), seed=5, caught=lambda t, f: False)
    assert first.info == second.info
    text = "Arrested, but the appeal stays up"
    assert first.scores(text) == second.scores(text)


def test_a_long_sentence_is_cut_at_a_word_break_and_stays_verbatim():
    sentence = "word " * 60 + "end"
    quoted = _quotable(sentence)
    assert len(quoted) <= QUOTE_CHARS
    assert sentence.startswith(quoted)
    assert not quoted.endswith(" ")
    assert _quotable("  short one  ") == "short one"


def test_labelled_posts_are_well_formed_and_cover_every_flag():
    posts = labelled_posts()
    topics = set(initial_rulebook().topics)
    writers = {post.writer for post in posts}
    assert len(writers) >= 4  # thresholds are chosen with each writer held out
    for post in posts:
        assert post.text.strip(), post
        assert post.topic in topics, post
        assert post.flags <= LABELLED_FLAGS, post
    for flag in RED_OVERRIDE_FLAGS:
        with_flag = [post for post in posts if flag in post.flags]
        assert len(with_flag) >= 40, flag
        assert len({post.writer for post in with_flag}) >= 4, flag
    assert {post.topic for post in posts} == topics


def test_the_measured_posts_are_not_among_the_labelled_drafts():
    # make bench measures on these: a model that had read them would flatter itself.
    bench = Path(__file__).resolve().parents[3] / "bench" / "data" / "suggest_posts.json"
    measured = {post["text"] for post in json.loads(bench.read_text(encoding="utf-8"))}
    assert measured.isdisjoint(post.text for post in labelled_posts())


def test_scores_agree_with_scikit_learns_own(flag_model):
    # scores() does scikit-learn's arithmetic itself, for speed: it must give the same numbers.
    text = "Arrested last night; his picture stays pinned on our page. Keep sharing!"
    expected = flag_model.classifiers[KEPT].predict_proba(flag_model.features.transform([text]))
    assert flag_model.scores(text)[KEPT] == pytest.approx(float(expected[0, 1]), abs=1e-12)


def test_the_quote_is_chosen_by_the_sentences_words_with_the_drafts_cues():
    # Three sentences; the cues (the detectors' reading) are of the whole draft, so the
    # sentence whose words read most like the flag is quoted, not the one the cues happen in.
    model = FlagModel.train(_posts(), flags=(KEPT,), seed=3, caught=lambda t, f: False)
    text = (
        "Burglary on Elm Road last night. He was arrested this morning. "
        "Leaving his wanted picture pinned on our page, keep retweeting."
    )
    assert (
        model.raised(text)[KEPT]
        == "Leaving his wanted picture pinned on our page, keep retweeting."
    )


@pytest.mark.parametrize(
    "text, flag, expected",
    [
        # no arrest, charge or court: no active case to prejudice, nobody named before charge
        ("Cuppa with a copper at the market café on Saturday, 11am", "prejudicial_content", False),
        ("Ask for Angela: bar staff trained in Shoreditch", "names_suspect_before_charge", False),
        (
            "A man, 27, was held over the assault and remains in custody",
            "prejudicial_content",
            True,
        ),
        # no sexual offence: no victim of one; nobody under 18: no child in proceedings
        ("Woman hurt in a fall on Rye Lane; she is in hospital", FLAG_SEXUAL, False),
        (
            "The woman who was flashed at on the towpath walks her dogs there daily",
            FLAG_SEXUAL,
            True,
        ),
        ("A man, 45, was charged with burglary", "identifies_child_in_proceedings", False),
        ("Kai Mensah, 15, is wanted for a robbery", "identifies_child_in_proceedings", True),
        ("Two drivers were given community resolutions", "names_cautioned_person", False),
        ("Dean Price was given a community resolution", "names_cautioned_person", True),
        # naming someone needs a name, a nickname or an account; a reply's greeting is none
        (
            "Hi Priya, we've arrested the man who's been taking parcels",
            "names_suspect_before_charge",
            False,
        ),
        (
            "Yep, it's Kieran from Nightingale block who we arrested",
            "names_suspect_before_charge",
            True,
        ),
        ("Known burglar 'Shady' was arrested in Feltham", "names_suspect_before_charge", True),
        ("The man behind @BigTee_E13 was arrested", "names_suspect_before_charge", True),
        # an allegation says someone did wrong: shops, bars and councillors alone say nothing
        ("The bloke at number 9 is dealing", "unproven_allegation", True),
        (
            "Cuppa with a Copper this Saturday from 11am at the Rye Lane market café",
            "unproven_allegation",
            False,
        ),
        ("Cllr Paul Bell says Brockley needs more police", "unproven_allegation", False),
        (
            "Don't take ur car to 'AutoFix Express' under the arches on Globe Rd",
            "unproven_allegation",
            True,
        ),
        (
            "Cllr Mays has been tipping the lads off when we plan ops",
            "unproven_allegation",
            True,
        ),
    ],
)
def test_the_reader_only_raises_a_flag_the_draft_makes_possible(text, flag, expected):
    assert possible(text, flag) is expected


def test_a_word_of_wrong_is_in_nearly_every_labelled_allegation():
    # The gate must not cost the reader the allegations it learnt from: an allegation it
    # rules out can only be caught by the detectors' own lists.
    allegations = [p.text for p in labelled_posts() if "unproven_allegation" in p.flags]
    ruled_out = [text for text in allegations if not possible(text, "unproven_allegation")]
    assert len(ruled_out) <= 0.015 * len(allegations), ruled_out[:5]


def test_a_flag_the_draft_rules_out_is_not_raised(flag_model):
    # The model reads "pinned ... keep sharing" as a kept-up appeal; with no arrest at all
    # there is no arrested wanted person, so it is not raised.
    assert (
        flag_model.scores("Appeal pinned, keep sharing everyone")[KEPT]
        >= flag_model.thresholds[KEPT]
    )
    assert flag_model.raised("Appeal pinned, keep sharing everyone") == {}
