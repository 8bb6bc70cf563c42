"""DMC changes the rulebook in the admin; the engine and the RAG table follow, no deploy."""

import pytest

from home.rag_table import table_rows
from scenarios.models import RulebookVersion, Topic
from scenarios.rulebook import published_rulebook
from scenarios.rules import evaluate, parse_facts

pytestmark = pytest.mark.django_db


def topic_form(topic, **changes):
    data = {
        "name": topic.name,
        "slug": topic.slug,
        "rating": topic.rating,
        "guidance_url": topic.guidance_url,
        "sort_order": topic.sort_order,
    }
    for flag in ("amber_when_ksi", "sentencing_window", "checks_source", "press_bureau"):
        if getattr(topic, flag):
            data[flag] = "on"
    data.update(changes)
    return data


def grade(facts):
    rulebook = published_rulebook()
    return evaluate(parse_facts(facts, rulebook), rulebook)


def test_the_first_version_is_the_guidance_note():
    rulebook = published_rulebook()
    assert rulebook.version == 1
    assert len(rulebook.topics) == 32
    assert rulebook.sentencing_window_days == 7


def test_publishing_a_topic_change_in_the_admin_changes_verdicts_and_the_table(
    client, signed_in, guidance
):
    assert grade({"topic": "burglary"}).rating == "GREEN"
    editor = signed_in("editor")
    topic = Topic.objects.get(slug="burglary")
    response = editor.post(
        f"/admin/snippets/scenarios/topic/edit/{topic.pk}/",
        {
            **topic_form(topic, rating="AMBER", guidance_url="/guidance/rag/#amber"),
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    assert RulebookVersion.objects.latest().number == 2
    verdict = grade({"topic": "burglary", "in_public_domain": True})
    assert (verdict.rating, verdict.rulebook_version) == ("AMBER", 2)
    assert grade({"topic": "burglary"}).rating == "RED"  # amber, not in the public domain
    html = client.get("/guidance/rag/").content.decode()
    amber = html.split('class="rag-row rag-amber"')[1].split("</tr>")[0]
    assert 'id="topic-burglary-amber"' in amber


def test_a_submitted_draft_changes_nothing_until_approved(signed_in, guidance):
    smt = signed_in("social-media-team")
    topic = Topic.objects.get(slug="assault")
    response = smt.post(
        f"/admin/snippets/scenarios/topic/edit/{topic.pk}/",
        {**topic_form(topic, rating="RED"), "action-submit": "action-submit"},
    )
    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.rating == "GREEN"  # the row keeps the published values
    assert topic.latest_revision.content["rating"] == "RED"
    assert topic.current_workflow_state is not None
    assert grade({"topic": "assault"}).rating == "GREEN"
    assert RulebookVersion.objects.count() == 1


def test_changing_the_sentencing_window_moves_the_court_rule(signed_in):
    from scenarios.models import RuleParameters

    params = RuleParameters.objects.get()
    facts = {"topic": "court-result", "in_public_domain": True, "days_since_sentencing": 10}
    assert grade(facts).rating == "RED"
    params.sentencing_window_days = 14
    params.save_revision().publish()
    assert grade(facts).rating == "AMBER"


def test_publishing_the_same_values_again_adds_no_version():
    topic = Topic.objects.get(slug="asbo")
    topic.save_revision().publish()
    assert RulebookVersion.objects.count() == 1


def test_an_unpublished_draft_topic_is_not_in_the_rulebook():
    Topic.objects.create(
        slug="drone-sighting",
        name="Drone sightings",
        rating="GREEN",
        guidance_url="/guidance/rag/#green",
        live=False,
    )
    assert "drone-sighting" not in published_rulebook().topics


def test_the_table_rows_come_from_the_published_rulebook():
    rows = {row["rating"]: row for row in table_rows()}
    green = {topic.slug for topic, _ in rows["GREEN"]["entries"]}
    amber = {topic.slug for topic, _ in rows["AMBER"]["entries"]}
    assert "burglary" in green and "court-result" in amber
    assert "road-traffic-collision" in green and "road-traffic-collision" in amber


def test_published_rulebook_costs_one_query_once_built(django_assert_num_queries):
    published_rulebook()
    with django_assert_num_queries(1):
        published_rulebook()
