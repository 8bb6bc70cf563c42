"""Verdicts read right: what to do next agrees with the rating and the contact, the deciding
reasons come under "Why it is …", the rest under "Also checked", links name their section."""

import itertools
import re

import pytest

from organisation.demo import set_demo_contacts
from organisation.factories import UserFactory
from organisation.roles import OFFICER
from scenarios.rules import ACTIONS, evaluate, initial_rulebook, parse_facts
from scenarios.verdict_wording import NEXT_STEPS, WHY_HEADING, next_step

PAIRS = [
    ("GREEN", "none"),
    ("AMBER", "dmc"),
    ("AMBER", "press-bureau"),
    ("RED", "dmc"),
    ("RED", "press-bureau"),
]


@pytest.mark.parametrize(("rating", "contact"), PAIRS)
def test_action_next_step_and_contact_agree(rating, contact):
    action, step = ACTIONS[rating], next_step(rating, contact)
    if rating == "RED":
        assert action.startswith("Do not post") and step.startswith("Do not post")
        assert "before you post" not in step and "yourself" not in step
    elif rating == "AMBER":
        assert action.startswith("Ask DMC") and "before you post" in step
        assert "Do not post" not in step
    else:
        assert action == "Go for it!" and "yourself" in step
        assert "DMC" not in step
    # The contact named is the verdict's: the Press Bureau is DMC's, never "just DMC".
    if contact == "press-bureau":
        assert "Press Bureau" in step
    elif contact == "dmc":
        assert "DMC" in step and "Press Bureau" not in step


def test_there_is_wording_for_exactly_the_pairs_the_engine_gives():
    assert set(NEXT_STEPS) == set(PAIRS)
    assert set(WHY_HEADING) == {"GREEN", "AMBER", "RED"}
    with pytest.raises(KeyError):
        next_step("GREEN", "dmc")


def test_every_verdict_the_engine_gives_has_its_next_step():
    rulebook = initial_rulebook()
    seen = set()
    flags = ("in_public_domain", "ksi", "wider_interest", "breaking", "prejudicial_content")
    for slug in rulebook.topics:
        for values in itertools.product((False, True), repeat=len(flags)):
            facts = {"topic": slug, **dict(zip(flags, values, strict=True))}
            verdict = evaluate(parse_facts(facts, rulebook), rulebook)
            assert next_step(verdict.rating, verdict.contact)
            seen.add((verdict.rating, verdict.contact))
    assert seen == set(PAIRS)


def verdict_html(client, **answers) -> str:
    data = {"questions_for": answers["topic"], "image": "none", **answers}
    html = client.post("/check/", data).content.decode()
    start = html.index('<section class="verdict')
    return html[start : html.index("</section>", start)]


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def officer(client, guidance):
    set_demo_contacts()
    client.force_login(UserFactory(username="an-officer", roles=[OFFICER]))
    return client


@pytest.mark.django_db
def test_a_red_verdict_says_why_and_what_else_was_checked(officer):
    html = verdict_html(
        officer,
        topic="burglary",
        names_suspect_before_charge="on",
        image="general",
        wider_interest="yes",
    )
    text = text_of(html)
    assert "Red Do not post, contact DMC" in text
    assert "Do not post it. Tell DMC’s 24-hour Press Bureau about it now." in text
    assert "Who to contact: DMC’s 24-hour Press Bureau: call 763300" in text
    why, also = text.split("Also checked")
    assert "Why it is red" in why
    assert "Do not name someone who has been arrested but not charged" in why
    assert "likely to interest media beyond your local papers" in why
    assert "On its own, burglary would be green." in also
    assert "On its own, a general photo would be fine" in also
    assert "go for it" not in text.lower()
    links = re.findall(r'<a href="(/guidance/[^"]+)">([^<]+)</a>', html)
    assert ("/guidance/media-law/#naming-suspects", "Read: Naming suspects") in links
    assert all(label.startswith("Read: ") and "-" not in label for _, label in links)


@pytest.mark.django_db
def test_an_amber_verdict_names_dmc_and_a_green_one_no_one(officer):
    amber = text_of(
        verdict_html(
            officer, topic="court-result", in_public_domain="yes", days_since_sentencing="3"
        )
    )
    assert "Ask DMC before you post, and post only once they agree." in amber
    assert "Who to contact: DMC Borough Support desk: call 020 7946 0018" in amber
    assert "Why it is amber" in amber and "Also checked" not in amber
    green = text_of(verdict_html(officer, topic="burglary"))
    assert "Post it yourself: no one needs to approve it." in green
    assert "Who to contact" not in green
    assert "Why it is green" in green
