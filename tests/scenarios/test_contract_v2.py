"""Contract v2: the law the guidance invokes (DESIGN.md, "Contract v2"; domain-law.md L4, P2b,
P2c, P3, P4), and the promise that came with it: nothing existing changes its verdict."""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

import pytest

from scenarios.authoring import read_library
from scenarios.generator.questions import generate
from scenarios.generator.results import facts_dict
from scenarios.rulebook import published_rulebook, rulebook_from_snapshot
from scenarios.rules import (
    AMBER,
    GREEN,
    RED,
    Facts,
    FactsError,
    check,
    evaluate,
    initial_rulebook,
    parse_facts,
)

RB = initial_rulebook()
LIBRARY = Path(__file__).resolve().parents[2] / "scenarios" / "starter_library"


def deciding(verdict: dict) -> list[str]:
    return [r["rule"] for r in verdict["reasons"] if r["decides"]]


# --- nothing existing changes its verdict -------------------------------------------------------

V1_BOOLS = (
    "in_public_domain",
    "ksi",
    "wider_interest",
    "breaking",
    "image_release_authorised",
    "identifies_sexual_offence_victim",
    "identifies_child_in_proceedings",
    "names_suspect_before_charge",
    "prejudicial_content",
)


def v1_sample(n: int, seed: int) -> list[dict]:
    """Seeded contract-v1 facts: every v1 field, in every mix."""
    rng = random.Random(seed)
    topics = sorted(RB.topics)
    sources = [None, "metpoliceuk", "local-council", "someone-else", "community-group"]
    sample = []
    for _ in range(n):
        facts = {"topic": rng.choice(topics)}
        for name in V1_BOOLS:
            if rng.random() < 0.25:
                facts[name] = rng.random() < 0.5
        if rng.random() < 0.4:
            facts["image"] = rng.choice(["none", "general", "suspect"])
        if rng.random() < 0.4:
            facts["days_since_sentencing"] = rng.choice([None, 0, 6, 7, 8, 30])
        if rng.random() < 0.4:
            facts["source"] = rng.choice(sources)
        sample.append(facts)
    return sample


def test_v1_facts_grade_exactly_as_the_v1_engine_graded_them():
    # The digest of these 20,000 verdicts (rating, action, contact, every reason's rule,
    # wording, link and order), computed with the v1 engine at commit dd49f75.
    digest = hashlib.sha256()
    for facts in v1_sample(20000, 20261126):
        digest.update(json.dumps(check(facts, RB), sort_keys=True).encode())
    assert digest.hexdigest() == "2f6f7d740337b58cd3ddfea39de5ad6846da14182821940f7c1b8cc4f2482cdf"


# The templates of the starter library before contract v2 (commit dd49f75).
V1_TEMPLATE_COUNT = 54
V1_TEMPLATES = frozenset(
    (
        "asbo-dalston",
        "assault-arrest-croydon",
        "assault-breaking-brixton",
        "bigwing-results-brent",
        "budget-cuts-kingston",
        "burglary-arrest-named-suspect",
        "burglary-arrest-update",
        "burglary-celebrity-home",
        "car-crime-catalytic-converters",
        "charge-details-ealing",
        "collision-bus-reported",
        "collision-road-closed-live",
        "collision-update-ksi-public-domain",
        "complaint-reply-redbridge",
        "court-result-custody-image",
        "court-result-sentencing-window",
        "court-result-wider-interest",
        "dawn-raids-live",
        "dispersal-order-newham",
        "engagement-campaign-westminster",
        "escaped-prisoner-wandsworth",
        "evacuation-kentish-town",
        "force-procedure-hillingdon",
        "force-reputation-bexley",
        "good-news-wider-interest",
        "graffiti-damage-youths",
        "joint-operation-trading-standards",
        "link-advice-sources",
        "magistrates-court-result-bromley",
        "major-incident-westfield",
        "missing-person-found",
        "missing-person-merton",
        "named-arrest-or-charge",
        "off-road-bikes-seized",
        "officer-discipline-haringey",
        "operation-sceptre-results",
        "phone-snatch-prevention",
        "political-comment-twickenham",
        "retweet-listed-or-unknown",
        "retweet-naming-suspect",
        "retweet-other-met-accounts",
        "sco-warrant-walthamstow",
        "sexual-assault-appeal-victim-clues",
        "sexual-offence-charge-victim",
        "shed-burglary-prevention",
        "speeding-crackdown-havering",
        "stolen-car-stop-harrow",
        "street-meeting-thanks",
        "terror-threat-level",
        "wanted-suspect-cctv",
        "ward-panel-follow-up",
        "weapons-sweep-good-news",
        "witness-appeal-woolwich",
        "youth-court-fifteen-year-old",
    )
)


def test_the_v1_library_generates_the_same_bank_keys_facts_and_feedback():
    specs = read_library(LIBRARY)
    v1 = [spec for spec in specs if spec.key in V1_TEMPLATES]
    assert len(v1) == V1_TEMPLATE_COUNT
    questions = generate(tuple(v1), RB, rng=20261126)
    rows = sorted(
        (q.key, q.rating, q.explanation, json.dumps(q.as_dict()["facts"], sort_keys=True))
        for q in questions
    )
    digest = hashlib.sha256()
    for row in rows:
        digest.update(json.dumps(row).encode())
    # Computed from the same templates with the v1 engine and generator at commit dd49f75.
    assert (len(rows), digest.hexdigest()) == (
        1181,
        "e430041ed6d5069bb585b0734cada27ce68c822673517ac301fd833f39b6c5e8",
    )


def test_stored_facts_leave_out_v2_facts_at_their_defaults():
    assert "unproven_allegation" not in facts_dict(Facts("burglary"))
    assert facts_dict(Facts("burglary", names_cautioned_person=True))["names_cautioned_person"]
    assert facts_dict(Facts("burglary"))["prejudicial_content"] is False  # v1 facts stay


def test_a_snapshot_from_before_the_flag_grades_custody_as_a_suspect_image():
    snapshot = {
        "topics": [
            {
                "slug": "missing-person",
                "name": "Missing people",
                "rating": AMBER,
                "guidance_url": "/guidance/rag/#amber",
                "amber_when_ksi": False,
                "sentencing_window": False,
                "checks_source": False,
                "press_bureau": False,
            }
        ],
        "green_sources": [],
        "sentencing_window_days": 7,
        "guidance_urls": {},
    }
    rulebook = rulebook_from_snapshot(3, snapshot)
    assert rulebook.topics["missing-person"].custody_image_last_resort is False
    facts = {"topic": "missing-person", "in_public_domain": True, "image": "custody"}
    verdict = check({**facts, "image_release_authorised": True}, rulebook)
    assert verdict["rating"] == AMBER


@pytest.mark.django_db
def test_the_published_rulebook_carries_the_missing_person_flag():
    rulebook = published_rulebook()
    flagged = [slug for slug, topic in rulebook.topics.items() if topic.custody_image_last_resort]
    assert flagged == ["missing-person"]


# --- the new rules, as domain-law.md's scenarios read -------------------------------------------

V2_CASES = [
    # 3: a residents' group says a named shop sells stolen phones; the retweet publishes it again
    (
        {"topic": "retweet", "source": "community-group", "unproven_allegation": True},
        RED,
        "dmc",
        ["unproven-allegation"],
    ),
    # the same shop's owner convicted: a court result, no allegation
    (
        {"topic": "court-result", "in_public_domain": True, "days_since_sentencing": 2},
        AMBER,
        "dmc",
        ["amber-public-domain"],
    ),
    # 16 and 18: a wanted appeal, then the same appeal left up after the arrest
    (
        {
            "topic": "wanted-suspect",
            "in_public_domain": True,
            "image": "custody",
            "image_release_authorised": True,
        },
        AMBER,
        "dmc",
        ["amber-public-domain"],
    ),
    (
        {
            "topic": "wanted-suspect",
            "in_public_domain": True,
            "image": "custody",
            "image_release_authorised": True,
            "wanted_person_arrested": True,
        },
        RED,
        "dmc",
        ["wanted-person-arrested"],
    ),
    # 17: a custody image with no release decision counts as an unauthorised suspect image
    (
        {"topic": "wanted-suspect", "in_public_domain": True, "image": "custody"},
        RED,
        "dmc",
        ["suspect-image-unauthorised"],
    ),
    # P2c: a missing person's custody photo, even with release authorised
    (
        {
            "topic": "missing-person",
            "in_public_domain": True,
            "image": "custody",
            "image_release_authorised": True,
        },
        RED,
        "dmc",
        ["custody-image-missing-person"],
    ),
    (
        {"topic": "missing-person", "in_public_domain": True, "image": "general"},
        AMBER,
        "dmc",
        ["amber-public-domain"],
    ),
    # 25: a named person cautioned, against the same person charged (a green topic, named at charge)
    (
        {"topic": "criminal-damage", "names_cautioned_person": True},
        RED,
        "dmc",
        ["names-cautioned-person"],
    ),
    ({"topic": "criminal-damage"}, GREEN, "none", ["green-topic"]),
    # P3: ethnicity lifts a green post to amber, and never lowers anything
    (
        {"topic": "burglary", "gives_ethnicity_or_nationality": True},
        AMBER,
        "dmc",
        ["ethnicity-or-nationality"],
    ),
    (
        {"topic": "appeal", "in_public_domain": True, "gives_ethnicity_or_nationality": True},
        AMBER,
        "dmc",
        ["amber-public-domain", "ethnicity-or-nationality"],
    ),
    (
        {"topic": "retweet", "source": "metpoliceuk", "gives_ethnicity_or_nationality": True},
        AMBER,
        "dmc",
        ["ethnicity-or-nationality"],
    ),
    (
        {"topic": "assault", "gives_ethnicity_or_nationality": True, "wider_interest": True},
        AMBER,
        "press-bureau",
        ["wider-interest", "ethnicity-or-nationality"],
    ),
    (
        {"topic": "appeal", "gives_ethnicity_or_nationality": True},
        RED,
        "dmc",
        ["amber-not-public-domain"],
    ),
]


@pytest.mark.parametrize(("facts", "rating", "contact", "decide"), V2_CASES)
def test_v2_rules_grade_as_the_guidance_reads(facts, rating, contact, decide):
    verdict = check(facts, RB)
    assert (verdict["rating"], verdict["contact"]) == (rating, contact)
    assert deciding(verdict) == decide


@pytest.mark.parametrize(
    "flag", ["unproven_allegation", "wanted_person_arrested", "names_cautioned_person"]
)
@pytest.mark.parametrize("topic", sorted(RB.topics))
def test_each_red_override_is_red_whatever_the_topic(flag, topic):
    verdict = evaluate(
        Facts(topic, in_public_domain=True, source="metpoliceuk", **{flag: True}), RB
    )
    assert verdict.rating == RED
    (reason,) = [r for r in verdict.reasons if r.rule == flag_rule(flag)]
    assert reason.decides
    assert reason.guidance_url.startswith(("/guidance/media-law/#", "/guidance/images/#"))


def flag_rule(flag: str) -> str:
    return {
        "unproven_allegation": "unproven-allegation",
        "wanted_person_arrested": "wanted-person-arrested",
        "names_cautioned_person": "names-cautioned-person",
    }[flag]


def test_custody_is_an_image_kind_and_v2_facts_are_checked_like_the_others():
    assert parse_facts({"topic": "burglary", "image": "custody"}, RB).image == "custody"
    with pytest.raises(FactsError) as info:
        parse_facts({"topic": "burglary", "unproven_allegation": "yes", "image": "mugshot"}, RB)
    assert set(info.value.errors) == {"image", "unproven_allegation"}
    assert '"custody"' in info.value.errors["image"]
    assert "true or false" in info.value.errors["unproven_allegation"]
