"""The guidance the rulebook links to cannot be broken without anyone noticing.

An edit that removes or renames an anchor the published rulebook cites, or renames a page it
cites, is refused with a message naming what cites it; `check_consistency` follows every
guidance link the rulebook holds and fails on a dead one; a topic's guidance link is chosen
from the sections that exist."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail import blocks
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import GuidancePage
from organisation.factories import UserFactory
from organisation.roles import EDITOR, SOCIAL_MEDIA_TEAM
from scenarios.consistency import check_consistency
from scenarios.guidance import cited_links, live_sections
from scenarios.models import Topic
from scenarios.rulebook import published_rulebook

pytestmark = pytest.mark.django_db


def block_data(block, value):
    """A StreamField value as the page editor's form posts it."""
    if isinstance(block, blocks.StreamBlock):
        return streamfield(
            [(child.block_type, block_data(child.block, child.value)) for child in value]
        )
    if isinstance(block, blocks.StructBlock):
        return {name: block_data(child, value[name]) for name, child in block.child_blocks.items()}
    if isinstance(block, blocks.ListBlock):
        data = {"count": str(len(value))}
        for index, item in enumerate(value):
            data[f"{index}-value"] = block_data(block.child_block, item)
            data[f"{index}-deleted"] = ""
            data[f"{index}-order"] = str(index)
        return data
    if isinstance(block, blocks.RichTextBlock):
        return rich_text(value.source)
    return value


def edit_data(page, *, rename=None, slug=None) -> dict:
    """The edit form of a guidance page, saving a draft, with one anchor renamed."""
    body_block = page.body.stream_block
    body = block_data(body_block, page.body)
    if rename:
        old, new = rename
        for key, item in body.items():
            if isinstance(item, dict) and item["value"]["anchor"] == old:
                body[key]["value"]["anchor"] = new
    return nested_form_data(
        {
            "title": page.title,
            "slug": slug or page.slug,
            "summary": page.summary,
            "body": body,
            "comments": inline_formset([]),
        }
    )


@pytest.fixture
def media_law(guidance):
    return guidance["media-law"]


@pytest.fixture
def smt(client):
    client.force_login(UserFactory(username="smt-person", roles=[SOCIAL_MEDIA_TEAM]))
    return client


def test_the_rulebook_cites_sections_that_exist(guidance):
    sections = live_sections()
    cited = cited_links(published_rulebook())
    assert "/guidance/media-law/#naming-suspects" in cited
    assert set(cited) <= set(sections)
    assert sections["/guidance/media-law/#naming-suspects"].heading == "Naming suspects"


def test_an_edit_that_keeps_the_cited_anchors_saves(smt, media_law):
    url = reverse("wagtailadmin_pages:edit", args=[media_law.pk])
    response = smt.post(url, edit_data(media_law))
    assert response.status_code == 302
    assert media_law.revisions.count() == 2


def test_renaming_a_cited_anchor_is_refused_naming_the_rule(smt, media_law):
    url = reverse("wagtailadmin_pages:edit", args=[media_law.pk])
    revisions = media_law.revisions.count()
    response = smt.post(url, edit_data(media_law, rename=("naming-suspects", "suspects")))
    assert response.status_code == 200
    page = response.content.decode()
    assert "The published rulebook links to “#naming-suspects” on this page" in page
    assert "the rule “Names a suspect before charge”" in page
    assert media_law.revisions.count() == revisions  # nothing saved, not even a draft
    assert "naming-suspects" in GuidancePage.objects.get(pk=media_law.pk).anchors()


def test_renaming_an_anchor_nothing_cites_is_allowed(smt, media_law):
    url = reverse("wagtailadmin_pages:edit", args=[media_law.pk])
    response = smt.post(url, edit_data(media_law, rename=("legally-watertight", "watertight")))
    assert response.status_code == 302


def test_renaming_a_cited_page_is_refused(smt, media_law):
    url = reverse("wagtailadmin_pages:edit", args=[media_law.pk])
    response = smt.post(url, edit_data(media_law, slug="the-law"))
    assert response.status_code == 200
    assert "Keep the slug “media-law”" in response.content.decode()
    assert Page.objects.get(pk=media_law.pk).slug == "media-law"


def test_unpublishing_or_deleting_a_cited_page_is_refused(client, media_law):
    client.force_login(UserFactory(username="an-editor", roles=[EDITOR]))
    for view in ("unpublish", "delete"):
        response = client.post(reverse(f"wagtailadmin_pages:{view}", args=[media_law.pk]))
        assert response.status_code == 302
        assert response.url == reverse("wagtailadmin_pages:edit", args=[media_law.pk])
    media_law.refresh_from_db()
    assert media_law.live


def test_consistency_follows_every_link_and_fails_on_a_dead_one(guidance, capsys):
    report = check_consistency(minimum=0)
    assert report.links_checked == len(cited_links(published_rulebook()))
    assert not report.dead_links
    # An anchor renamed behind the form's back (as an approved old draft could do).
    page = guidance["media-law"]
    raw = page.body.raw_data
    for section in raw:
        if section["value"]["anchor"] == "naming-suspects":
            section["value"]["anchor"] = "suspects"
    page.body = raw
    page.save_revision().publish()
    report = check_consistency(minimum=0)
    assert [dead["link"] for dead in report.dead_links] == ["/guidance/media-law/#naming-suspects"]
    assert "the rule “Names a suspect before charge”" in report.dead_links[0]["cited_by"]
    assert not report.ok
    with pytest.raises(CommandError) as failed:
        call_command("check_consistency", "--min-per-rule", "0")
    assert failed.value.returncode == 1
    assert "/guidance/media-law/#naming-suspects leads nowhere" in capsys.readouterr().out


def test_a_topics_guidance_link_is_chosen_from_the_sections_that_exist(client, guidance):
    client.force_login(UserFactory(username="an-editor", roles=[EDITOR]))
    topic = Topic.objects.get(slug="burglary")
    url = reverse("wagtailsnippets_scenarios_topic:edit", args=[topic.pk])
    form = client.get(url).content.decode()
    assert 'value="/guidance/media-law/#naming-suspects"' in form
    assert "Media law › Naming suspects" in form
    data = {
        "name": topic.name,
        "slug": topic.slug,
        "rating": topic.rating,
        "guidance_url": "/guidance/rag/#nowhere",
        "sort_order": topic.sort_order,
        "action-publish": "action-publish",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    data["guidance_url"] = "/guidance/rag/#near-misses"
    assert client.post(url, data).status_code == 302
    assert published_rulebook().topics["burglary"].guidance_url == "/guidance/rag/#near-misses"
