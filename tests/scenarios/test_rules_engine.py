"""Table-driven tests of the RAG engine (scenarios.rules.engine) against the initial rulebook.

Expected ratings are written out from the guidance note's table, not derived from the engine.
"""

from __future__ import annotations

import dataclasses
import itertools
from types import MappingProxyType

import pytest

from scenarios.rules import (
    ACTIONS,
    AMBER,
    GREEN,
    RED,
    RULE_IDS,
    Facts,
    FactsError,
    Rulebook,
    Topic,
    check,
    evaluate,
    initial_rulebook,
    parse_facts,
)
from scenarios.rules.engine import compiled
from scenarios.rules.initial import (
    DEFAULT_GUIDANCE_URLS,
    INITIAL_GREEN_SOURCES,
    INITIAL_TOPICS,
    SENTENCING_WINDOW_DAYS,
)
from scenarios.rules.wording import topic_phrase

RB = initial_rulebook()

GREEN_TOPICS = [
    "local-good-news",
    "burglary",
    "assault",
    "car-crime",
    "criminal-damage",
    "anti-social-behaviour",
    "road-traffic-collision",
    "crime-prevention",
    "community-meeting",
]
SOURCE_TOPICS = ["retweet", "link"]  # GREEN rows, but only from a green-listed source
AMBER_TOPICS = [
    "met-wide-operation",
    "engagement-campaign",
    "court-result",
    "local-joint-initiative",
    "asbo",
    "evacuation-emergency",
    "speeding-crackdown",
    "wanted-suspect",
    "missing-person",
    "charge-details",
    "appeal",
]
RED_TOPICS = [
    "sco-investigation",
    "budget-financial",
    "political-government",
    "staff-disciplinary",
    "force-sop",
    "force-reputation",
    "escaped-prisoner",
    "terror-threat-level",
    "complaint-response",
]
PRESS_BUREAU_TOPICS = ["major-critical-incident"]  # RED, and always the Press Bureau

GREEN_SOURCES = [
    "metpoliceuk",
    "metpolicevents",
    "local-council",
    "community-group",
    "mps-website",
    "partner-website",
]
LEGAL = [
    ("identifies_sexual_offence_victim", "sexual-offence-victim"),
    ("identifies_child_in_proceedings", "child-in-proceedings"),
    ("names_suspect_before_charge", "named-before-charge"),
    ("prejudicial_content", "prejudicial-content"),
    # Contract v2: RED whatever the topic, like the media law above.
    ("unproven_allegation", "unproven-allegation"),
    ("names_cautioned_person", "names-cautioned-person"),
]
ACTION_TEXT = {
    GREEN: "Go for it!",
    AMBER: "Ask DMC before posting",
    RED: "Do not post, contact DMC",
}


def grade(**facts):
    return evaluate(Facts(**facts), RB)


def rules_of(verdict):
    return {reason.rule for reason in verdict.reasons}


def assert_verdict(verdict, rating, contact, rules):
    assert verdict.rating == rating
    assert verdict.action == ACTION_TEXT[rating]
    assert verdict.contact == contact
    assert rules_of(verdict) == set(rules)
    assert len(verdict.reasons) == len(rules)  # no rule twice
    assert verdict.rulebook_version == RB.version


# --- every topic, with and without public domain --------------------------------------------

TOPIC_CASES = (
    [(slug, pd, GREEN, "none", {"green-topic"}) for slug in GREEN_TOPICS for pd in (False, True)]
    + [
        (slug, pd, AMBER, "dmc", {"source-not-green-listed"})
        for slug in SOURCE_TOPICS
        for pd in (False, True)
    ]
    + [(slug, True, AMBER, "dmc", {"amber-public-domain"}) for slug in AMBER_TOPICS]
    + [(slug, False, RED, "dmc", {"amber-not-public-domain"}) for slug in AMBER_TOPICS]
    + [(slug, pd, RED, "dmc", {"red-topic"}) for slug in RED_TOPICS for pd in (False, True)]
    + [
        (slug, pd, RED, "press-bureau", {"red-topic", "major-incident"})
        for slug in PRESS_BUREAU_TOPICS
        for pd in (False, True)
    ]
)


@pytest.mark.parametrize(("topic", "pd", "rating", "contact", "rules"), TOPIC_CASES)
def test_every_topic_with_and_without_public_domain(topic, pd, rating, contact, rules):
    assert_verdict(grade(topic=topic, in_public_domain=pd), rating, contact, rules)


def test_topic_lists_cover_the_rulebook_exactly():
    listed = GREEN_TOPICS + SOURCE_TOPICS + AMBER_TOPICS + RED_TOPICS + PRESS_BUREAU_TOPICS
    assert len(listed) == len(set(listed)) == 32
    assert set(RB.topics) == set(listed)
    assert len(TOPIC_CASES) == 64


# --- the contract's own examples (DESIGN.md) ---------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "rating"),
    [
        ({"topic": "burglary"}, GREEN),
        ({"topic": "road-traffic-collision", "ksi": True, "in_public_domain": True}, AMBER),
        ({"topic": "missing-person", "in_public_domain": False}, RED),
        (
            {"topic": "court-result", "in_public_domain": True, "days_since_sentencing": 3},
            AMBER,
        ),
        ({"topic": "retweet", "source": "metpoliceuk"}, GREEN),
        ({"topic": "terror-threat-level", "in_public_domain": True}, RED),
    ],
)
def test_contract_examples(facts, rating):
    verdict = check(facts, RB)
    assert verdict["rating"] == rating
    assert verdict["action"] == ACTION_TEXT[rating]


def test_verdict_json_shape_matches_the_contract():
    verdict = check({"topic": "missing-person", "in_public_domain": True}, RB)
    assert verdict == {
        "rating": "AMBER",
        "action": "Ask DMC before posting",
        "contact": "dmc",
        "reasons": [
            {
                "rule": "amber-public-domain",
                "summary": verdict["reasons"][0]["summary"],
                "guidance_url": "/guidance/rag/#amber",
                "decides": True,
            }
        ],
    }
    assert "Missing people" in verdict["reasons"][0]["summary"]


def test_json_reasons_say_which_decide_but_not_their_own_rating():
    verdict = check({"topic": "burglary", "prejudicial_content": True}, RB)
    assert [(r["rule"], r["decides"]) for r in verdict["reasons"]] == [
        ("prejudicial-content", True),
        ("green-topic", False),
    ]
    assert all(set(r) == {"rule", "summary", "guidance_url", "decides"} for r in verdict["reasons"])


def test_check_equals_parse_then_evaluate():
    data = {"topic": "wanted-suspect", "in_public_domain": True, "image": "suspect"}
    assert check(data, RB) == evaluate(parse_facts(data, RB), RB).as_dict()


def test_actions_are_the_tables_words():
    assert ACTIONS == ACTION_TEXT


# --- court results: the one-week rule -----------------------------------------------------------


@pytest.mark.parametrize(
    ("pd", "days", "rating", "rules"),
    [
        (True, None, AMBER, {"amber-public-domain"}),
        (True, 0, AMBER, {"amber-public-domain"}),
        (True, 6, AMBER, {"amber-public-domain"}),
        (True, 7, AMBER, {"amber-public-domain"}),
        (True, 8, RED, {"amber-public-domain", "court-sentencing-window"}),
        (True, 30, RED, {"amber-public-domain", "court-sentencing-window"}),
        (False, None, RED, {"amber-not-public-domain"}),
        (False, 0, RED, {"amber-not-public-domain"}),
        (False, 7, RED, {"amber-not-public-domain"}),
        (False, 8, RED, {"amber-not-public-domain", "court-sentencing-window"}),
    ],
)
def test_court_result_sentencing_window(pd, days, rating, rules):
    verdict = grade(topic="court-result", in_public_domain=pd, days_since_sentencing=days)
    assert_verdict(verdict, rating, "dmc", rules)


def test_court_window_reason_says_dmc_will_not_release():
    verdict = grade(topic="court-result", in_public_domain=True, days_since_sentencing=8)
    (reason,) = [r for r in verdict.reasons if r.rule == "court-sentencing-window"]
    assert "DMC will not release a court result more than a week after sentencing" in (
        reason.summary
    )
    assert reason.rating == RED


@pytest.mark.parametrize("topic", ["burglary", "charge-details", "retweet"])
def test_days_since_sentencing_only_matters_for_court_results(topic):
    verdict = grade(topic=topic, in_public_domain=True, days_since_sentencing=30)
    assert "court-sentencing-window" not in rules_of(verdict)


# --- KSI collisions -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ksi", "pd", "rating", "rules"),
    [
        (False, False, GREEN, {"green-topic"}),
        (False, True, GREEN, {"green-topic"}),
        (True, True, AMBER, {"amber-public-domain", "ksi-collision"}),
        (True, False, RED, {"amber-not-public-domain", "ksi-collision"}),
    ],
)
def test_ksi_collision(ksi, pd, rating, rules):
    verdict = grade(topic="road-traffic-collision", ksi=ksi, in_public_domain=pd)
    assert_verdict(verdict, rating, "none" if rating == GREEN else "dmc", rules)


def test_ksi_reason_explains_killed_or_seriously_injured():
    verdict = grade(topic="road-traffic-collision", ksi=True, in_public_domain=True)
    assert [r.rule for r in verdict.reasons] == ["amber-public-domain", "ksi-collision"]
    assert "killed or seriously injured" in verdict.reasons[1].summary
    assert verdict.reasons[1].guidance_url == "/guidance/rag/#amber"
    # The amber rule links to the amber row, not to the collision's green row.
    assert verdict.reasons[0].guidance_url == "/guidance/rag/#amber"


@pytest.mark.parametrize(
    ("topic", "pd", "rating", "rules"),
    [
        ("burglary", False, GREEN, {"green-topic"}),
        ("missing-person", True, AMBER, {"amber-public-domain"}),
        ("terror-threat-level", True, RED, {"red-topic"}),
    ],
)
def test_ksi_only_matters_for_collisions(topic, pd, rating, rules):
    verdict = grade(topic=topic, ksi=True, in_public_domain=pd)
    assert verdict.rating == rating
    assert rules_of(verdict) == rules


# --- retweets and links: the green list of sources ---------------------------------------------

SOURCE_CASES = (
    [
        (topic, source, GREEN, {"source-green-listed"})
        for topic in SOURCE_TOPICS
        for source in GREEN_SOURCES
    ]
    + [(topic, "@metpoliceuk", GREEN, {"source-green-listed"}) for topic in SOURCE_TOPICS]
    + [
        (topic, source, AMBER, {"source-not-green-listed"})
        for topic in SOURCE_TOPICS
        for source in ("some-random-account", "metpoliceuk2", None)
    ]
)


@pytest.mark.parametrize(("topic", "source", "rating", "rules"), SOURCE_CASES)
def test_sources_for_retweets_and_links(topic, source, rating, rules):
    verdict = evaluate(parse_facts({"topic": topic, "source": source}, RB), RB)
    assert_verdict(verdict, rating, "none" if rating == GREEN else "dmc", rules)


def test_green_sources_match_the_initial_data():
    assert sorted(GREEN_SOURCES) == sorted(INITIAL_GREEN_SOURCES) == sorted(RB.green_sources)


def test_source_is_ignored_on_other_topics():
    assert_verdict(grade(topic="burglary", source="nobody"), GREEN, "none", {"green-topic"})


def test_green_listed_source_reason_names_the_source():
    verdict = grade(topic="link", source="mps-website")
    assert "mps-website" in verdict.reasons[0].summary


# --- images ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("topic", "pd", "image", "authorised", "rating", "rules"),
    [
        ("burglary", False, "none", False, GREEN, {"green-topic"}),
        ("burglary", False, "none", True, GREEN, {"green-topic"}),
        ("burglary", False, "general", False, GREEN, {"green-topic", "general-image"}),
        ("burglary", False, "general", True, GREEN, {"green-topic", "general-image"}),
        ("burglary", False, "suspect", False, RED, {"green-topic", "suspect-image-unauthorised"}),
        ("burglary", False, "suspect", True, GREEN, {"green-topic", "suspect-image-authorised"}),
        (
            "wanted-suspect",
            True,
            "suspect",
            True,
            AMBER,
            {"amber-public-domain", "suspect-image-authorised"},
        ),
        (
            "wanted-suspect",
            True,
            "suspect",
            False,
            RED,
            {"amber-public-domain", "suspect-image-unauthorised"},
        ),
        (
            "wanted-suspect",
            False,
            "suspect",
            True,
            RED,
            {"amber-not-public-domain", "suspect-image-authorised"},
        ),
        ("missing-person", True, "general", False, AMBER, {"amber-public-domain", "general-image"}),
    ],
)
def test_images(topic, pd, image, authorised, rating, rules):
    verdict = grade(
        topic=topic, in_public_domain=pd, image=image, image_release_authorised=authorised
    )
    assert_verdict(verdict, rating, "none" if rating == GREEN else "dmc", rules)


def test_image_reasons_ask_for_the_right_ratings():
    suspect = grade(topic="burglary", image="suspect")
    authorised = grade(topic="burglary", image="suspect", image_release_authorised=True)
    general = grade(topic="burglary", image="general")
    assert suspect.reasons[0].rule == "suspect-image-unauthorised"  # the deciding reason first
    assert suspect.reasons[0].rating == RED
    assert "necessary" in suspect.reasons[0].summary
    assert "authorised" in suspect.reasons[0].summary
    assert authorised.reasons[1].rating == GREEN
    assert general.reasons[1].rating == GREEN
    assert "encouraged" in general.reasons[1].summary


# --- media law overrides -----------------------------------------------------------------------


@pytest.mark.parametrize(("flag", "rule"), LEGAL)
@pytest.mark.parametrize(
    ("facts", "topic_rule"),
    [
        ({"topic": "burglary"}, "green-topic"),
        ({"topic": "local-good-news", "in_public_domain": True}, "green-topic"),
        ({"topic": "retweet", "source": "metpoliceuk"}, "source-green-listed"),
        ({"topic": "link", "source": "partner-website"}, "source-green-listed"),
        ({"topic": "charge-details", "in_public_domain": True}, "amber-public-domain"),
    ],
)
def test_legal_overrides_are_red_whatever_the_topic(flag, rule, facts, topic_rule):
    verdict = grade(**facts, **{flag: True})
    assert_verdict(verdict, RED, "dmc", {topic_rule, rule})
    assert verdict.reasons[0].rule == rule  # the deciding reason comes first
    assert verdict.reasons[0].rating == RED


def test_all_legal_flags_at_once_give_four_reasons_in_order():
    verdict = grade(topic="retweet", source="metpoliceuk", **{flag: True for flag, _ in LEGAL})
    assert [r.rule for r in verdict.reasons] == [r for _, r in LEGAL] + ["source-green-listed"]
    assert verdict.rating == RED


# --- wider interest, breaking, major incidents: the Press Bureau ---------------------------------


@pytest.mark.parametrize(
    ("facts", "rating", "rules"),
    [
        ({"topic": "burglary"}, AMBER, {"green-topic", "wider-interest"}),
        ({"topic": "community-meeting"}, AMBER, {"green-topic", "wider-interest"}),
        (
            {"topic": "retweet", "source": "metpoliceuk"},
            AMBER,
            {"source-green-listed", "wider-interest"},
        ),
        (
            {"topic": "court-result", "in_public_domain": True},
            AMBER,
            {"amber-public-domain", "wider-interest"},
        ),
        ({"topic": "court-result"}, RED, {"amber-not-public-domain", "wider-interest"}),
        ({"topic": "force-reputation"}, RED, {"red-topic", "wider-interest"}),
    ],
)
def test_wider_interest_goes_to_the_press_bureau(facts, rating, rules):
    assert_verdict(grade(**facts, wider_interest=True), rating, "press-bureau", rules)


@pytest.mark.parametrize(
    ("facts", "rating", "contact", "rules"),
    [
        # Real-time updates on green topics are encouraged: breaking adds nothing.
        ({"topic": "burglary"}, GREEN, "none", {"green-topic"}),
        ({"topic": "road-traffic-collision"}, GREEN, "none", {"green-topic"}),
        (
            {"topic": "road-traffic-collision", "ksi": True, "in_public_domain": True},
            AMBER,
            "press-bureau",
            {"amber-public-domain", "ksi-collision", "breaking-press-bureau"},
        ),
        (
            {"topic": "evacuation-emergency", "in_public_domain": True},
            AMBER,
            "press-bureau",
            {"amber-public-domain", "breaking-press-bureau"},
        ),
        (
            {"topic": "evacuation-emergency"},
            RED,
            "press-bureau",
            {"amber-not-public-domain", "breaking-press-bureau"},
        ),
        (
            {"topic": "escaped-prisoner", "in_public_domain": True},
            RED,
            "press-bureau",
            {"red-topic", "breaking-press-bureau"},
        ),
        (
            {"topic": "burglary", "image": "suspect"},
            RED,
            "press-bureau",
            {"green-topic", "suspect-image-unauthorised", "breaking-press-bureau"},
        ),
        (
            {"topic": "retweet", "source": "someone-else"},
            AMBER,
            "press-bureau",
            {"source-not-green-listed", "breaking-press-bureau"},
        ),
    ],
)
def test_breaking(facts, rating, contact, rules):
    verdict = grade(**facts, breaking=True)
    assert_verdict(verdict, rating, contact, rules)
    for reason in verdict.reasons:
        if reason.rule == "breaking-press-bureau":
            assert reason.rating == rating  # the breaking reason carries the final rating
            assert "Press Bureau" in reason.summary


@pytest.mark.parametrize(
    ("facts", "rules"),
    [
        ({}, {"red-topic", "major-incident"}),
        ({"in_public_domain": True}, {"red-topic", "major-incident"}),
        ({"breaking": True}, {"red-topic", "major-incident", "breaking-press-bureau"}),
        ({"wider_interest": True}, {"red-topic", "major-incident", "wider-interest"}),
    ],
)
def test_major_incident_always_goes_to_the_press_bureau(facts, rules):
    verdict = grade(topic="major-critical-incident", **facts)
    assert_verdict(verdict, RED, "press-bureau", rules)


def test_amber_and_red_without_press_bureau_rules_contact_dmc():
    assert grade(topic="asbo", in_public_domain=True).contact == "dmc"
    assert grade(topic="asbo").contact == "dmc"
    assert grade(topic="budget-financial").contact == "dmc"


# --- reasons: order, urls, wording -------------------------------------------------------------


def test_reason_order_is_fixed_with_the_deciding_reasons_first():
    verdict = grade(
        topic="road-traffic-collision",
        ksi=True,
        in_public_domain=True,
        wider_interest=True,
        image="general",
        identifies_child_in_proceedings=True,
        prejudicial_content=True,
        breaking=True,
    )
    # wider-interest is AMBER but decides: it made the Press Bureau the contact.
    assert [(r.rule, r.decides) for r in verdict.reasons] == [
        ("child-in-proceedings", True),
        ("prejudicial-content", True),
        ("breaking-press-bureau", True),
        ("wider-interest", True),
        ("amber-public-domain", False),
        ("ksi-collision", False),
        ("general-image", False),
    ]
    court = grade(
        topic="court-result",
        days_since_sentencing=9,
        wider_interest=True,
        image="suspect",
        names_suspect_before_charge=True,
    )
    assert [r.rule for r in court.reasons] == [
        "amber-not-public-domain",
        "court-sentencing-window",
        "suspect-image-unauthorised",
        "named-before-charge",
        "wider-interest",
    ]


def test_rule_ids():
    assert set(RULE_IDS) == set(DEFAULT_GUIDANCE_URLS) | {
        "green-topic",
        "amber-public-domain",
        "red-topic",
    }
    assert len(RULE_IDS) == len(set(RULE_IDS)) == 24


def test_every_reason_links_to_its_guidance_section():
    facts = [
        Facts(topic=t["slug"], **extra)
        for t in INITIAL_TOPICS
        for extra in (
            {},
            {"in_public_domain": True, "ksi": True, "days_since_sentencing": 8},
            {"source": "metpoliceuk", "image": "general", "breaking": True},
            {"image": "suspect", "wider_interest": True, "prejudicial_content": True},
            {"image": "suspect", "image_release_authorised": True},
            {"identifies_sexual_offence_victim": True, "identifies_child_in_proceedings": True},
            {"names_suspect_before_charge": True},
            {"unproven_allegation": True, "names_cautioned_person": True},
            {"wanted_person_arrested": True, "gives_ethnicity_or_nationality": True},
            {"image": "custody"},
        )
    ]
    seen = set()
    for f in facts:
        topic = RB.topics[f.topic]
        for reason in evaluate(f, RB).reasons:
            seen.add(reason.rule)
            if reason.rule in ("green-topic", "red-topic") or (
                reason.rule == "amber-public-domain" and topic.rating == AMBER
            ):
                assert reason.guidance_url == topic.guidance_url
            elif reason.rule == "amber-public-domain":  # a KSI collision: the amber row
                assert reason.guidance_url == "/guidance/rag/#amber"
            else:
                assert reason.guidance_url == DEFAULT_GUIDANCE_URLS[reason.rule], reason.rule
            assert reason.summary.strip()
            assert len(reason.summary) < 400
    assert seen == set(RULE_IDS) - {"not-covered"}


@pytest.mark.parametrize(
    ("slug", "url"),
    [
        ("burglary", "/guidance/rag/#green"),
        ("asbo", "/guidance/rag/#amber"),
        ("force-sop", "/guidance/rag/#red"),
    ],
)
def test_topic_guidance_url_follows_its_rating(slug, url):
    assert RB.topics[slug].guidance_url == url
    verdict = grade(topic=slug, in_public_domain=True)
    assert verdict.reasons[0].guidance_url == url


# --- other rulebooks -----------------------------------------------------------------------------


def custom_rulebook(**changes):
    return dataclasses.replace(initial_rulebook(version=9), **changes)


def test_verdict_carries_the_rulebook_version():
    assert evaluate(Facts("burglary"), initial_rulebook(version=42)).rulebook_version == 42


def test_sentencing_window_comes_from_the_rulebook():
    rb = custom_rulebook(sentencing_window_days=3)
    base = {"topic": "court-result", "in_public_domain": True}
    assert check({**base, "days_since_sentencing": 3}, rb)["rating"] == AMBER
    verdict = check({**base, "days_since_sentencing": 4}, rb)
    assert verdict["rating"] == RED
    court = next(r for r in verdict["reasons"] if r["rule"] == "court-sentencing-window")
    assert "3 days" in court["summary"]


def test_guidance_urls_come_from_the_rulebook():
    urls = dict(DEFAULT_GUIDANCE_URLS, **{"wider-interest": "/guidance/new/#wide"})
    rb = custom_rulebook(guidance_urls=MappingProxyType(urls))
    verdict = evaluate(Facts("burglary", wider_interest=True), rb)
    wider = next(r for r in verdict.reasons if r.rule == "wider-interest")
    assert wider.guidance_url == "/guidance/new/#wide"


def test_missing_guidance_url_falls_back_to_the_default():
    rb = custom_rulebook(guidance_urls=MappingProxyType({}))
    verdict = evaluate(Facts("burglary", prejudicial_content=True), rb)
    contempt = next(r for r in verdict.reasons if r.rule == "prejudicial-content")
    assert contempt.guidance_url == "/guidance/media-law/#contempt"


def test_a_moved_row_changes_the_verdict():
    topics = dict(RB.topics)
    topics["burglary"] = dataclasses.replace(
        topics["burglary"], rating=AMBER, guidance_url="/guidance/rag/#amber"
    )
    rb = custom_rulebook(topics=MappingProxyType(topics))
    assert evaluate(Facts("burglary"), rb).rating == RED
    assert evaluate(Facts("burglary", in_public_domain=True), rb).rating == AMBER
    assert evaluate(Facts("burglary"), RB).rating == GREEN  # the cache keeps rulebooks apart


def test_topic_the_engine_does_not_cover_is_never_green():
    topics = dict(RB.topics)
    topics["mystery"] = Topic("mystery", "Mystery", "PURPLE", "")
    rb = custom_rulebook(topics=MappingProxyType(topics))
    verdict = evaluate(Facts("mystery", image="general"), rb)
    assert verdict.rating == AMBER
    assert verdict.contact == "dmc"
    assert [r.rule for r in verdict.reasons] == ["not-covered", "general-image"]
    assert verdict.reasons[0].guidance_url == "/guidance/rag/#amber"


def test_unknown_topic_in_facts_is_a_facts_error():
    with pytest.raises(FactsError) as info:
        evaluate(Facts("no-such-topic"), RB)
    assert "topic" in info.value.errors
    assert "burglary" in info.value.errors["topic"]


def test_bad_image_in_hand_built_facts_is_a_facts_error():
    with pytest.raises(FactsError):
        evaluate(Facts("burglary", image="selfie"), RB)


def test_reasons_are_built_once_per_rulebook_and_the_cache_is_bounded():
    first = evaluate(Facts("burglary"), RB).reasons[0]
    assert evaluate(Facts("burglary"), RB).reasons[0] is first
    assert compiled(RB) is compiled(RB)
    books = [initial_rulebook(version=v) for v in range(100, 140)]
    for rb in books:
        assert evaluate(Facts("asbo"), rb).rulebook_version == rb.version
    from scenarios.rules import engine

    assert len(engine._compiled) <= 16


def test_a_new_rulebook_with_the_same_content_gives_an_equal_verdict():
    facts = Facts("court-result", in_public_domain=True, days_since_sentencing=8)
    assert evaluate(facts, initial_rulebook()) == evaluate(facts, initial_rulebook())


def test_rulebook_is_plain_value_objects():
    assert isinstance(RB, Rulebook)
    assert RB.sentencing_window_days == SENTENCING_WINDOW_DAYS == 7


# --- the initial rulebook as plain data -------------------------------------------------------


def test_initial_topics_are_plain_dicts_with_the_migration_keys():
    keys = {
        "slug",
        "name",
        "rating",
        "guidance_url",
        "amber_when_ksi",
        "sentencing_window",
        "checks_source",
        "press_bureau",
        "custody_image_last_resort",
        "sort_order",
    }
    for row in INITIAL_TOPICS:
        assert set(row) == keys
        assert row["guidance_url"] == "/guidance/rag/#" + row["rating"].lower()
    orders = [row["sort_order"] for row in INITIAL_TOPICS]
    assert orders == sorted(set(orders))


@pytest.mark.parametrize(
    ("rating", "slugs"),
    [
        (GREEN, GREEN_TOPICS + SOURCE_TOPICS),
        (AMBER, AMBER_TOPICS),
        (RED, RED_TOPICS + PRESS_BUREAU_TOPICS),
    ],
)
def test_initial_topics_by_rating(rating, slugs):
    assert {row["slug"] for row in INITIAL_TOPICS if row["rating"] == rating} == set(slugs)


@pytest.mark.parametrize(
    ("flag", "slugs"),
    [
        ("amber_when_ksi", {"road-traffic-collision"}),
        ("sentencing_window", {"court-result"}),
        ("checks_source", {"retweet", "link"}),
        ("press_bureau", {"major-critical-incident"}),
    ],
)
def test_initial_special_flags(flag, slugs):
    assert {row["slug"] for row in INITIAL_TOPICS if row[flag]} == slugs
    assert {slug for slug, topic in RB.topics.items() if getattr(topic, flag)} == slugs


@pytest.mark.parametrize(
    ("slug", "name"),
    [
        ("road-traffic-collision", "Road traffic collisions"),
        ("community-meeting", "Street and community meetings"),
        ("retweet", "Retweets"),
        ("link", "Links"),
        ("met-wide-operation", "Met-wide operations (e.g. raids, BigWings)"),
        ("sco-investigation", "SCO investigations"),
        ("terror-threat-level", "Any discussion of the terror threat level"),
        ("complaint-response", "Responding to complaints"),
    ],
)
def test_initial_topic_names(slug, name):
    assert RB.topics[slug].name == name


def test_default_guidance_urls_exactly():
    assert dict(DEFAULT_GUIDANCE_URLS) == {
        "amber-not-public-domain": "/guidance/rag/#red",
        "ksi-collision": "/guidance/rag/#amber",
        "court-sentencing-window": "/guidance/local-communication/#court-cases",
        "wider-interest": "/guidance/local-communication/#wider-interest",
        "breaking-press-bureau": "/guidance/roles/#press-bureau",
        "major-incident": "/guidance/roles/#press-bureau",
        "suspect-image-unauthorised": "/guidance/images/#suspect-images",
        "suspect-image-authorised": "/guidance/images/#suspect-images",
        "general-image": "/guidance/images/#general-photos",
        "sexual-offence-victim": "/guidance/media-law/#sexual-offences",
        "child-in-proceedings": "/guidance/media-law/#children",
        "named-before-charge": "/guidance/media-law/#naming-suspects",
        "prejudicial-content": "/guidance/media-law/#contempt",
        "unproven-allegation": "/guidance/media-law/#defamation",
        "names-cautioned-person": "/guidance/media-law/#cautions",
        "ethnicity-or-nationality": "/guidance/media-law/#ethnicity-nationality",
        "wanted-person-arrested": "/guidance/images/#after-arrest",
        "custody-image-missing-person": "/guidance/images/#missing-people",
        "source-green-listed": "/guidance/rag/#green",
        "source-not-green-listed": "/guidance/rag/#amber",
        "not-covered": "/guidance/rag/#amber",
    }


def test_initial_rulebook():
    rb = initial_rulebook(version=5)
    assert rb.version == 5
    assert initial_rulebook().version == 1
    assert list(rb.topics) == [row["slug"] for row in INITIAL_TOPICS]
    assert rb.green_sources == frozenset(INITIAL_GREEN_SOURCES)
    assert rb.sentencing_window_days == 7
    assert dict(rb.guidance_urls) == dict(DEFAULT_GUIDANCE_URLS)


# --- deciding reasons and wording that never contradicts the verdict -------------------------

# Words a reason may not use under a verdict of that rating (compared in lower case).
FORBIDDEN = {
    GREEN: (),
    AMBER: ("go for it", "you can post", "can go with the post", "without asking dmc"),
    RED: (
        "go for it",
        "you can post",
        "can go with the post",
        "without asking dmc",
        "before posting",
        "may be posted",
        "ask dmc before",
    ),
}


def contradictions(verdict):
    """(rule, phrase) for every reason that says something its verdict contradicts."""
    return [
        (reason.rule, phrase)
        for reason in verdict.reasons
        for phrase in FORBIDDEN[verdict.rating]
        if phrase in reason.summary.lower()
    ]


def mystery_rulebook():
    """The initial rulebook plus a topic whose rating the engine does not know."""
    topics = dict(RB.topics)
    topics["mystery"] = Topic("mystery", "Mystery", "PURPLE", "")
    return custom_rulebook(topics=MappingProxyType(topics))


MYSTERY_RB = mystery_rulebook()

# Every rule under every verdict rating it can sit under: (rule, verdict rating, facts, does it
# decide, its exact summary when the wording is context, or None to check phrases only).
WORDING_CASES = [
    ("green-topic", GREEN, {"topic": "burglary"}, True, None),
    (
        "green-topic",
        AMBER,
        {"topic": "burglary", "wider_interest": True},
        False,
        "On its own, burglary would be green.",
    ),
    (
        "green-topic",
        RED,
        {"topic": "burglary", "prejudicial_content": True},
        False,
        "On its own, burglary would be green.",
    ),
    ("amber-public-domain", AMBER, {"topic": "court-result", "in_public_domain": True}, True, None),
    (
        "amber-public-domain",
        RED,
        {"topic": "court-result", "in_public_domain": True, "days_since_sentencing": 9},
        False,
        "On its own, a story about court results that is already in the public domain would be "
        "amber (ask DMC first).",
    ),
    (
        "amber-public-domain",
        RED,
        {
            "topic": "road-traffic-collision",
            "ksi": True,
            "in_public_domain": True,
            "names_suspect_before_charge": True,
        },
        False,
        "On its own, a KSI collision already in the public domain would be amber (ask DMC first).",
    ),
    ("amber-not-public-domain", RED, {"topic": "missing-person"}, True, None),
    ("red-topic", RED, {"topic": "force-sop"}, True, None),
    ("not-covered", AMBER, {"topic": "mystery"}, True, None),
    (
        "not-covered",
        RED,
        {"topic": "mystery", "prejudicial_content": True},
        False,
        "On its own, a post the rulebook does not cover would be amber (ask DMC first).",
    ),
    (
        "ksi-collision",
        AMBER,
        {"topic": "road-traffic-collision", "ksi": True, "in_public_domain": True},
        True,
        None,
    ),
    (
        "ksi-collision",
        RED,
        {"topic": "road-traffic-collision", "ksi": True},
        False,
        "On its own, a collision where someone was killed or seriously injured would be amber.",
    ),
    ("major-incident", RED, {"topic": "major-critical-incident"}, True, None),
    ("source-green-listed", GREEN, {"topic": "retweet", "source": "metpoliceuk"}, True, None),
    (
        "source-green-listed",
        AMBER,
        {"topic": "retweet", "source": "metpoliceuk", "wider_interest": True},
        False,
        "On its own, sharing @metpoliceuk (on the green list) would be green.",
    ),
    (
        "source-green-listed",
        RED,
        {"topic": "link", "source": "metpoliceuk", "names_suspect_before_charge": True},
        False,
        "On its own, sharing @metpoliceuk (on the green list) would be green.",
    ),
    ("source-not-green-listed", AMBER, {"topic": "link", "source": "someone-else"}, True, None),
    ("source-not-green-listed", AMBER, {"topic": "link"}, True, None),
    (
        "source-not-green-listed",
        RED,
        {"topic": "link", "source": "someone-else", "identifies_child_in_proceedings": True},
        False,
        "On its own, sharing an account or site that is not on the green list would be amber "
        "(ask DMC first).",
    ),
    (
        "source-not-green-listed",
        RED,
        {"topic": "retweet", "identifies_child_in_proceedings": True},
        False,
        "On its own, sharing content without saying whose it is would be amber (ask DMC first).",
    ),
    (
        "court-sentencing-window",
        RED,
        {"topic": "court-result", "in_public_domain": True, "days_since_sentencing": 8},
        True,
        None,
    ),
    ("wider-interest", AMBER, {"topic": "burglary", "wider_interest": True}, True, None),
    (
        "wider-interest",
        RED,
        {"topic": "force-reputation", "wider_interest": True},
        True,
        "This story is likely to interest media beyond your local papers, so DMC's 24-hour "
        "Press Bureau must hear about it: tell them, and do not post it yourself.",
    ),
    ("suspect-image-unauthorised", RED, {"topic": "burglary", "image": "suspect"}, True, None),
    (
        "suspect-image-authorised",
        GREEN,
        {"topic": "burglary", "image": "suspect", "image_release_authorised": True},
        True,
        None,
    ),
    (
        "suspect-image-authorised",
        AMBER,
        {
            "topic": "wanted-suspect",
            "in_public_domain": True,
            "image": "suspect",
            "image_release_authorised": True,
        },
        False,
        "Release of this suspect image has been authorised, so the picture itself is not the "
        "problem.",
    ),
    (
        "suspect-image-authorised",
        RED,
        {"topic": "wanted-suspect", "image": "suspect", "image_release_authorised": True},
        False,
        "Release of this suspect image has been authorised, so the picture itself is not the "
        "problem.",
    ),
    ("general-image", GREEN, {"topic": "burglary", "image": "general"}, True, None),
    (
        "general-image",
        AMBER,
        {"topic": "missing-person", "in_public_domain": True, "image": "general"},
        False,
        "On its own, a general photo would be fine: photos are encouraged.",
    ),
    (
        "general-image",
        RED,
        {"topic": "missing-person", "image": "general"},
        False,
        "On its own, a general photo would be fine: photos are encouraged.",
    ),
    *[(rule, RED, {"topic": "burglary", flag: True}, True, None) for flag, rule in LEGAL],
    (
        "wanted-person-arrested",
        RED,
        {"topic": "burglary", "wanted_person_arrested": True},
        True,
        None,
    ),
    (
        "custody-image-missing-person",
        RED,
        {"topic": "missing-person", "in_public_domain": True, "image": "custody"},
        True,
        None,
    ),
    (
        "ethnicity-or-nationality",
        AMBER,
        {"topic": "burglary", "gives_ethnicity_or_nationality": True},
        True,
        None,
    ),
    (
        "ethnicity-or-nationality",
        RED,
        {"topic": "missing-person", "gives_ethnicity_or_nationality": True},
        False,
        "On its own, giving a suspect's ethnicity or nationality would be amber (ask DMC first).",
    ),
    (
        "breaking-press-bureau",
        AMBER,
        {"topic": "evacuation-emergency", "in_public_domain": True, "breaking": True},
        True,
        None,
    ),
    ("breaking-press-bureau", RED, {"topic": "evacuation-emergency", "breaking": True}, True, None),
]

# The verdict ratings each rule can sit under, written out from the rules.
RATINGS_A_RULE_CAN_SIT_UNDER = {
    "green-topic": {GREEN, AMBER, RED},
    "amber-public-domain": {AMBER, RED},
    "amber-not-public-domain": {RED},
    "red-topic": {RED},
    "not-covered": {AMBER, RED},
    "ksi-collision": {AMBER, RED},
    "major-incident": {RED},
    "source-green-listed": {GREEN, AMBER, RED},
    "source-not-green-listed": {AMBER, RED},
    "court-sentencing-window": {RED},
    "wider-interest": {AMBER, RED},
    "suspect-image-unauthorised": {RED},
    "suspect-image-authorised": {GREEN, AMBER, RED},
    "general-image": {GREEN, AMBER, RED},
    "sexual-offence-victim": {RED},
    "child-in-proceedings": {RED},
    "named-before-charge": {RED},
    "prejudicial-content": {RED},
    "unproven-allegation": {RED},
    "names-cautioned-person": {RED},
    "wanted-person-arrested": {RED},
    "custody-image-missing-person": {RED},
    "ethnicity-or-nationality": {AMBER, RED},
    "breaking-press-bureau": {AMBER, RED},
}


def test_the_wording_table_walks_every_rule_under_every_rating_it_can_sit_under():
    walked = {(rule, rating) for rule, rating, *_ in WORDING_CASES}
    expected = {
        (rule, rating)
        for rule, ratings in RATINGS_A_RULE_CAN_SIT_UNDER.items()
        for rating in ratings
    }
    assert walked == expected
    assert set(RATINGS_A_RULE_CAN_SIT_UNDER) == set(RULE_IDS)


@pytest.mark.parametrize(("rule", "rating", "facts", "decides", "summary"), WORDING_CASES)
def test_every_rule_under_every_verdict_rating(rule, rating, facts, decides, summary):
    verdict = evaluate(parse_facts(facts, MYSTERY_RB), MYSTERY_RB)
    assert verdict.rating == rating
    (reason,) = [r for r in verdict.reasons if r.rule == rule]
    assert reason.decides is decides
    if summary is not None:
        assert reason.summary == summary
    if not decides:
        assert reason.summary.startswith(("On its own, ", "Release of this suspect image"))
    assert not contradictions(verdict)
    deciding = [r for r in verdict.reasons if r.decides]
    assert deciding
    assert list(verdict.reasons[: len(deciding)]) == deciding  # the deciding reasons first


def test_green_verdicts_may_say_go_for_it():
    (reason,) = grade(topic="burglary").reasons
    assert reason.decides
    assert "go for it" in reason.summary
    assert "you can share its content without asking DMC" in (
        grade(topic="retweet", source="metpoliceuk").reasons[0].summary
    )


@pytest.mark.parametrize(
    "facts",
    [
        # The walk-through's contradictions: each reason now reads right under the verdict.
        {"topic": "burglary", "prejudicial_content": True},
        {"topic": "burglary", "image": "suspect", "image_release_authorised": True,
         "names_suspect_before_charge": True},
        {"topic": "force-reputation", "wider_interest": True},
        {"topic": "court-result", "in_public_domain": True, "days_since_sentencing": 30,
         "wider_interest": True, "image": "general", "breaking": True},
    ],
)  # fmt: skip
def test_no_reason_contradicts_a_red_verdict(facts):
    verdict = grade(**facts)
    assert verdict.rating == RED
    assert not contradictions(verdict)


def test_every_topic_under_red_and_amber_reads_without_contradiction():
    for slug, topic in RB.topics.items():
        for extra in (
            {"prejudicial_content": True},
            {"prejudicial_content": True, "in_public_domain": True, "ksi": True},
            {"wider_interest": True, "in_public_domain": True, "image": "general"},
            {"in_public_domain": True, "source": "metpoliceuk", "breaking": True},
        ):
            verdict = grade(topic=slug, **extra)
            assert not contradictions(verdict), (slug, extra)
            for reason in verdict.reasons:
                assert (
                    reason.decides
                    or "On its own" in reason.summary
                    or (reason.rule == "suspect-image-authorised")
                )
                # The topic rule's context names the row (a KSI collision names the collision).
                names_row = reason.rule == "green-topic" or (
                    reason.rule == "amber-public-domain" and not topic.amber_when_ksi
                )
                if not reason.decides and names_row:
                    assert topic.name.lower() in reason.summary.lower()


@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        ("Burglary", "burglary"),
        ("Road traffic collisions", "road traffic collisions"),
        ("Street and community meetings", "street and community meetings"),
        ("Any discussion of the terror threat level", "any discussion of the terror threat level"),
        # Proper names and acronyms stay as DMC wrote them.
        ("ASBOs", "the topic “ASBOs”"),
        ("SCO investigations", "the topic “SCO investigations”"),
        ("Local and pan-London appeals", "the topic “Local and pan-London appeals”"),
        ("Met-wide operations", "the topic “Met-wide operations”"),
        (
            "Met-wide operations (e.g. raids, BigWings)",
            "the topic “Met-wide operations (e.g. raids, BigWings)”",
        ),
        ("Force SOPs (standard operating procedures)",
         "the topic “Force SOPs (standard operating procedures)”"),
    ],
)  # fmt: skip
def test_topic_phrase(name, phrase):
    assert topic_phrase(name) == phrase


def test_amber_context_keeps_a_proper_topic_name():
    verdict = grade(topic="met-wide-operation", in_public_domain=True, prejudicial_content=True)
    assert verdict.reasons[1].summary == (
        "On its own, a story on the topic “Met-wide operations (e.g. raids, BigWings)” that is "
        "already in the public domain would be amber (ask DMC first)."
    )


def test_context_reasons_are_prebuilt_too():
    first = grade(topic="burglary", prejudicial_content=True).reasons[1]
    again = grade(topic="burglary", names_suspect_before_charge=True).reasons[1]
    assert again is first
    assert not first.decides
    deciding = grade(topic="burglary").reasons[0]
    assert deciding.rule == first.rule and deciding.decides and deciding is not first


# --- the (rating, contact) a verdict can have ----------------------------------------------------

RATING_CONTACTS = [
    (GREEN, "none", {"topic": "burglary"}),
    (AMBER, "dmc", {"topic": "asbo", "in_public_domain": True}),
    (AMBER, "press-bureau", {"topic": "burglary", "wider_interest": True}),
    (RED, "dmc", {"topic": "asbo"}),
    (RED, "press-bureau", {"topic": "major-critical-incident"}),
]


@pytest.mark.parametrize(("rating", "contact", "facts"), RATING_CONTACTS)
def test_every_rating_and_contact_is_reached(rating, contact, facts):
    verdict = grade(**facts)
    assert (verdict.rating, verdict.contact) == (rating, contact)
    assert any(reason.decides for reason in verdict.reasons)


def test_every_kind_of_row_compiles_and_its_verdicts_read_right():
    """DMC can move rows and set their flags: every combination gets deciding reasons first
    and wording that never contradicts the verdict."""
    flags = ("amber_when_ksi", "sentencing_window", "checks_source", "press_bureau")
    topics = dict(RB.topics)
    for rating in (GREEN, AMBER, RED, "PURPLE"):
        for bits in itertools.product((False, True), repeat=len(flags)):
            slug = f"row-{rating.lower()}-{''.join('1' if b else '0' for b in bits)}"
            topics[slug] = Topic(
                slug, "Row " + slug, rating, "", **dict(zip(flags, bits, strict=True))
            )
    rb = custom_rulebook(topics=MappingProxyType(topics))
    grid_flags = ("ksi", "in_public_domain", "wider_interest", "breaking", "prejudicial_content")
    grid = [
        dict(zip(grid_flags, bits, strict=True))
        for bits in itertools.product((False, True), repeat=len(grid_flags))
    ]
    for slug in topics:
        for facts in grid:
            for extra in ({}, {"image": "general", "source": "metpoliceuk"}):
                verdict = evaluate(Facts(slug, **facts, **extra, days_since_sentencing=9), rb)
                assert not contradictions(verdict), (slug, facts, extra)
                deciding = [r for r in verdict.reasons if r.decides]
                assert deciding and list(verdict.reasons[: len(deciding)]) == deciding
                assert (verdict.rating, verdict.contact) in {(r, c) for r, c, _ in RATING_CONTACTS}
