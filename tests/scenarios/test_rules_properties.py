"""Property tests of the RAG engine over all valid facts of the initial rulebook."""

from __future__ import annotations

import dataclasses

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from scenarios.rules import (
    AMBER,
    CONTACTS,
    FACT_FIELDS,
    GREEN,
    IMAGE_KINDS,
    PRESS_BUREAU_RULES,
    RATINGS,
    RED,
    RULE_IDS,
    SEVERITY,
    Facts,
    FactsError,
    check,
    evaluate,
    initial_rulebook,
    parse_facts,
    parse_many,
)

RB = initial_rulebook()
SLUGS = sorted(RB.topics)
SOURCES = [*sorted(RB.green_sources), "someone-else", "metpoliceuk_fan", "x"]

FAST = settings(max_examples=200, deadline=None, database=None)

facts_strategy = st.builds(
    Facts,
    topic=st.sampled_from(SLUGS),
    in_public_domain=st.booleans(),
    ksi=st.booleans(),
    days_since_sentencing=st.none() | st.integers(min_value=0, max_value=30),
    wider_interest=st.booleans(),
    breaking=st.booleans(),
    image=st.sampled_from(IMAGE_KINDS),
    image_release_authorised=st.booleans(),
    identifies_sexual_offence_victim=st.booleans(),
    identifies_child_in_proceedings=st.booleans(),
    names_suspect_before_charge=st.booleans(),
    prejudicial_content=st.booleans(),
    source=st.none() | st.sampled_from(SOURCES),
    unproven_allegation=st.booleans(),
    wanted_person_arrested=st.booleans(),
    names_cautioned_person=st.booleans(),
    gives_ethnicity_or_nationality=st.booleans(),
)


def severity(facts: Facts) -> int:
    return SEVERITY[evaluate(facts, RB).rating]


# A restriction: (name, applies to these facts?, the facts with one thing made more restrictive).
RESTRICTIONS = [
    ("ksi", lambda f: not f.ksi, lambda f: dataclasses.replace(f, ksi=True)),
    (
        "out of public domain",
        lambda f: f.in_public_domain,
        lambda f: dataclasses.replace(f, in_public_domain=False),
    ),
    (
        "more days since sentencing",
        lambda f: f.days_since_sentencing is not None,
        lambda f: dataclasses.replace(f, days_since_sentencing=f.days_since_sentencing + 1),
    ),
    (
        "sentenced long ago",
        lambda f: f.days_since_sentencing is None,
        lambda f: dataclasses.replace(f, days_since_sentencing=365),
    ),
    (
        "wider interest",
        lambda f: not f.wider_interest,
        lambda f: dataclasses.replace(f, wider_interest=True),
    ),
    ("breaking", lambda f: not f.breaking, lambda f: dataclasses.replace(f, breaking=True)),
    *[
        (
            flag,
            lambda f, flag=flag: not getattr(f, flag),
            lambda f, flag=flag: dataclasses.replace(f, **{flag: True}),
        )
        for flag in (
            "identifies_sexual_offence_victim",
            "identifies_child_in_proceedings",
            "names_suspect_before_charge",
            "prejudicial_content",
            "unproven_allegation",
            "wanted_person_arrested",
            "names_cautioned_person",
            "gives_ethnicity_or_nationality",
        )
    ],
    (
        "custody photo instead of a general one",
        lambda f: f.image in ("none", "general"),
        lambda f: dataclasses.replace(f, image="custody"),
    ),
    (
        "custody photo no longer authorised",
        lambda f: f.image == "custody" and f.image_release_authorised,
        lambda f: dataclasses.replace(f, image_release_authorised=False),
    ),
    (
        "unauthorised suspect image",
        lambda f: f.image == "none",
        lambda f: dataclasses.replace(f, image="suspect", image_release_authorised=False),
    ),
    (
        "suspect image no longer authorised",
        lambda f: f.image == "suspect" and f.image_release_authorised,
        lambda f: dataclasses.replace(f, image_release_authorised=False),
    ),
    (
        "source not green-listed",
        lambda f: f.source in RB.green_sources,
        lambda f: dataclasses.replace(f, source="someone-else"),
    ),
    (
        "source unknown",
        lambda f: f.source is not None,
        lambda f: dataclasses.replace(f, source=None),
    ),
]


def check_well_formed(verdict):
    assert verdict.rating in RATINGS
    assert verdict.contact in CONTACTS
    assert verdict.reasons
    assert verdict.rulebook_version == RB.version
    for reason in verdict.reasons:
        assert reason.rule in RULE_IDS
        assert reason.rating in RATINGS
        assert reason.summary.strip()
        assert reason.guidance_url.startswith("/guidance/")
        assert reason.decides is True or reason.decides is False
        assert reason.as_dict()["decides"] is reason.decides


def check_most_severe_reason_decides(verdict):
    assert SEVERITY[verdict.rating] == max(SEVERITY[r.rating] for r in verdict.reasons)
    # GREEN only if no rule asked for more.
    assert (verdict.rating == GREEN) == all(r.rating == GREEN for r in verdict.reasons)


def check_contact(verdict):
    rules = {r.rule for r in verdict.reasons}
    if verdict.rating == GREEN:
        assert verdict.contact == "none"
        assert not rules & PRESS_BUREAU_RULES
    elif rules & PRESS_BUREAU_RULES:
        assert verdict.contact == "press-bureau"
    else:
        assert verdict.contact == "dmc"


# Every (rating, contact) a verdict can have.
RATING_CONTACTS = {
    (GREEN, "none"),
    (AMBER, "dmc"),
    (AMBER, "press-bureau"),
    (RED, "dmc"),
    (RED, "press-bureau"),
}


def check_rating_and_contact(verdict):
    assert (verdict.rating, verdict.contact) in RATING_CONTACTS


def check_decides(verdict):
    # A reason decides when it set the rating or the contact; every verdict has one.
    for reason in verdict.reasons:
        set_contact = verdict.contact == "press-bureau" and reason.rule in PRESS_BUREAU_RULES
        assert reason.decides == (reason.rating == verdict.rating or set_contact)
        # So context reasons only ever sit under a more severe verdict.
        if not reason.decides:
            assert SEVERITY[reason.rating] < SEVERITY[verdict.rating]
    assert any(reason.decides for reason in verdict.reasons)


def check_reason_order(verdict):
    # The deciding reasons first, then the others; within each, most severe first, then the
    # documented order (RULE_IDS); each rule at most once.
    order = [(not r.decides, -SEVERITY[r.rating], RULE_IDS.index(r.rule)) for r in verdict.reasons]
    assert order == sorted(set(order))
    assert len({r.rule for r in verdict.reasons}) == len(verdict.reasons)


# Words a reason may not use under a verdict of that rating (compared in lower case).
NOT_UNDER_AMBER = ("go for it", "you can post", "can go with the post", "without asking dmc")
FORBIDDEN = {
    GREEN: (),
    AMBER: NOT_UNDER_AMBER,
    RED: (*NOT_UNDER_AMBER, "before posting", "may be posted", "ask dmc before"),
}


def check_wording_never_contradicts_the_rating(verdict):
    for reason in verdict.reasons:
        summary = reason.summary.lower()
        for phrase in FORBIDDEN[verdict.rating]:
            assert phrase not in summary, (verdict.rating, reason.rule, phrase)
        if not reason.decides:
            assert reason.summary.startswith(("On its own, ", "Release of this suspect image"))


def check_legal_flags_are_red(facts, verdict):
    if (
        facts.identifies_sexual_offence_victim
        or facts.identifies_child_in_proceedings
        or facts.names_suspect_before_charge
        or facts.prejudicial_content
        or facts.unproven_allegation
        or facts.wanted_person_arrested
        or facts.names_cautioned_person
    ):
        assert verdict.rating == "RED"
    if facts.gives_ethnicity_or_nationality:
        assert verdict.rating != "GREEN"
    if facts.image == "custody" and (
        RB.topics[facts.topic].custody_image_last_resort or not facts.image_release_authorised
    ):
        assert verdict.rating == "RED"


@settings(max_examples=300, deadline=None, database=None)
@given(facts_strategy)
def test_verdict_invariants(facts):
    verdict = evaluate(facts, RB)
    check_well_formed(verdict)
    check_most_severe_reason_decides(verdict)
    check_contact(verdict)
    check_rating_and_contact(verdict)
    check_decides(verdict)
    check_reason_order(verdict)
    check_wording_never_contradicts_the_rating(verdict)
    check_legal_flags_are_red(facts, verdict)


# Facts that reach the AMBER and RED verdicts more often than the uniform mix does: a GREEN
# topic with one or two things that lift it, so green reasons sit under a more severe verdict.
lifted_facts = st.builds(
    Facts,
    topic=st.sampled_from([slug for slug in SLUGS if RB.topics[slug].rating == GREEN]),
    in_public_domain=st.booleans(),
    ksi=st.booleans(),
    wider_interest=st.booleans(),
    breaking=st.booleans(),
    image=st.sampled_from(IMAGE_KINDS),
    image_release_authorised=st.booleans(),
    prejudicial_content=st.booleans(),
    source=st.none() | st.sampled_from(SOURCES),
    gives_ethnicity_or_nationality=st.booleans(),
)


@FAST
@given(lifted_facts)
def test_decides_and_wording_on_lifted_green_topics(facts):
    verdict = evaluate(facts, RB)
    check_rating_and_contact(verdict)
    check_decides(verdict)
    check_reason_order(verdict)
    check_wording_never_contradicts_the_rating(verdict)


@FAST
@given(facts_strategy, st.sampled_from(RESTRICTIONS))
def test_restricting_a_fact_never_lowers_the_rating(facts, restriction):
    _name, applies, restrict = restriction
    assume(applies(facts))
    assert severity(restrict(facts)) >= severity(facts)


OTHER_RB = initial_rulebook()  # an equal rulebook, another object


@FAST
@given(facts_strategy)
def test_deterministic_and_round_trips_through_json_shaped_dicts(facts):
    assert evaluate(facts, RB) == evaluate(facts, RB)
    assert evaluate(facts, RB) == evaluate(facts, OTHER_RB)
    data = dataclasses.asdict(facts)
    assert parse_facts(data, RB) == facts
    assert check(data, RB) == evaluate(facts, RB).as_dict()
    # Fields left at their defaults can be left out.
    defaults = Facts(facts.topic)
    short = {k: v for k, v in data.items() if k == "topic" or v != getattr(defaults, k)}
    assert parse_facts(short, RB) == facts


json_values = (
    st.none()
    | st.booleans()
    | st.integers(-5, 50)
    | st.text(max_size=8)
    | st.floats(allow_nan=False)
    | st.sampled_from([*SLUGS, *IMAGE_KINDS, *SOURCES, "@metpoliceuk"])
)
junk_facts = st.dictionaries(st.sampled_from([*FACT_FIELDS, "junk", "Topic"]), json_values)


@FAST
@given(junk_facts)
def test_validation_gives_facts_or_a_facts_error_never_a_crash(data):
    try:
        facts = parse_facts(data, RB)
    except FactsError as error:
        assert error.errors
        assert all(isinstance(m, str) and m for m in error.errors.values())
        assert set(error.errors) <= {*FACT_FIELDS, "junk", "Topic"}
    else:
        assert evaluate(facts, RB).rating in RATINGS


@settings(max_examples=60, deadline=None, database=None)
@given(st.lists(junk_facts, max_size=4))
def test_parse_many_index_points_at_the_first_bad_item(items):
    good = []
    for item in items:
        try:
            good.append(parse_facts(item, RB))
        except FactsError:
            break
    try:
        result = parse_many(items, RB)
    except FactsError as error:
        assert error.index == len(good)
    else:
        assert result == good
