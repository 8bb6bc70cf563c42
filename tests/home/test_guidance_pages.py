import json
import re

import pytest
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.blocks import GuidanceBodyBlock
from home.guidance_files import read_guidance
from home.loader import load_guidance
from home.models import GuidanceIndexPage, GuidancePage, HomePage
from organisation.factories import UserFactory
from organisation.roles import EDITOR

EXPECTED_ANCHORS = {
    "local-communication": {"overview", "what-to-post", "wider-interest", "court-cases"},
    "roles": {"borough-spoc", "dmc-borough-support", "dmc-social-media-team", "press-bureau"},
    "rag": {"rag-table", "green", "amber", "red", "near-misses"},
    "images": {"general-photos", "suspect-images"},
    "media-law": {"contempt", "naming-suspects", "sexual-offences", "children"},
}


def tree():
    return list(
        Page.objects.order_by("path").values_list("path", "slug", "title", "content_type", "live")
    )


class GuidanceTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        load_guidance()
        cls.home = HomePage.objects.get()
        cls.index = GuidanceIndexPage.objects.get()

    def test_home_page_is_the_default_site_root(self):
        self.assertEqual(Site.objects.get(is_default_site=True).root_page_id, self.home.pk)
        self.assertFalse(
            Page.objects.filter(depth=2, content_type__model="page").exists(),
            "Wagtail's placeholder welcome page should be gone",
        )

    def test_every_guidance_page_of_the_note_is_published(self):
        slugs = set(GuidancePage.objects.live().values_list("slug", flat=True))
        self.assertEqual(slugs, {spec["slug"] for spec in read_guidance().pages})

    def test_loading_twice_leaves_the_same_tree(self):
        before = tree()
        counts = load_guidance()
        self.assertEqual(counts["created"], 0)
        self.assertEqual(counts["updated"], 0)
        self.assertEqual(tree(), before)

    def test_an_editors_change_survives_a_reload(self):
        editor = UserFactory(username="an-editor", roles=[EDITOR])
        page = GuidancePage.objects.get(slug="media-law")
        page.summary = "Edited by DMC after the note was loaded."
        page.save_revision(user=editor).publish(user=editor)
        load_guidance()
        page.refresh_from_db()
        self.assertEqual(page.summary, "Edited by DMC after the note was loaded.")

    def test_an_untouched_page_follows_the_content_in_code(self):
        page = GuidancePage.objects.get(slug="images")
        page.summary = "stale"
        page.save_revision().publish()  # a loader revision: no user
        load_guidance()
        page.refresh_from_db()
        spec = next(p for p in read_guidance().pages if p["slug"] == "images")
        self.assertEqual(page.summary, spec["summary"])

    def test_each_page_renders_with_its_anchors_and_one_h1(self):
        for slug, anchors in EXPECTED_ANCHORS.items():
            page = GuidancePage.objects.get(slug=slug)
            response = self.client.get(page.url)
            self.assertEqual(response.status_code, 200, slug)
            html = response.content.decode()
            ids = set(re.findall(r'\sid="([^"]+)"', html))
            self.assertTrue(anchors <= ids, f"{slug} lacks {anchors - ids}")
            self.assertTrue(anchors <= set(page.anchors()), slug)
            self.assertEqual(html.count("<h1"), 1, slug)

    def test_rag_table_is_a_real_table_with_the_three_colours(self):
        html = self.client.get("/guidance/rag/").content.decode()
        self.assertIn("<table", html)
        self.assertIn("<caption>", html)
        for colour in ("green", "amber", "red"):
            self.assertIn(f'class="rag-row rag-{colour}"', html)
        self.assertIn('<th scope="row" role="rowheader">', html)

    def test_home_and_index_list_the_guidance(self):
        for url in ("/", "/guidance/"):
            html = self.client.get(url).content.decode()
            for spec in read_guidance().pages:
                self.assertIn(spec["title"], html)

    def test_page_types_fit_the_tree(self):
        self.assertAllowedParentPageTypes(GuidancePage, {GuidanceIndexPage})
        self.assertAllowedSubpageTypes(GuidanceIndexPage, {GuidancePage})
        self.assertAllowedSubpageTypes(GuidancePage, set())

    def test_an_editor_can_create_a_guidance_page(self):
        self.client.force_login(UserFactory(username="root-editor", superuser=True))
        self.assertCanCreate(
            self.index,
            GuidancePage,
            nested_form_data(
                {
                    "title": "Live incidents",
                    "slug": "live-incidents",
                    "summary": "Posting while an incident unfolds.",
                    "body": streamfield(
                        [
                            (
                                "section",
                                {
                                    "heading": "Before you post",
                                    "anchor": "before-you-post",
                                    "content": streamfield(
                                        [("text", rich_text("<p>Check with DMC.</p>"))]
                                    ),
                                },
                            )
                        ]
                    ),
                }
            ),
        )


@pytest.mark.django_db  # text blocks check their tokens against the rulebook
def test_duplicate_anchors_are_refused_with_a_clear_message():
    from django.core.exceptions import ValidationError

    block = GuidanceBodyBlock()
    para = [{"type": "text", "value": "<p>Words.</p>"}]
    raw = [
        {"type": "section", "value": {"heading": "A", "anchor": "same", "content": para}},
        {"type": "section", "value": {"heading": "B", "anchor": "same", "content": para}},
    ]
    with pytest.raises(ValidationError) as caught:
        block.clean(block.to_python(raw))
    assert "used more than once: same" in str(caught.value.non_block_errors)


@pytest.mark.django_db  # text blocks check their tokens against the rulebook
def test_bad_anchor_is_refused():
    from django.core.exceptions import ValidationError

    block = GuidanceBodyBlock()
    raw = [{"type": "section", "value": {"heading": "A", "anchor": "Not OK!", "content": []}}]
    with pytest.raises(ValidationError):
        block.clean(block.to_python(raw))


@pytest.mark.django_db  # text blocks check their tokens against the rulebook
def test_the_guidance_data_files_are_valid_streamfield_data():
    block = GuidanceBodyBlock()
    for spec in read_guidance().pages:
        value = block.clean(block.to_python(spec["body"]))
        assert json.dumps(block.get_prep_value(value))


@pytest.mark.django_db
def test_missing_page_gives_the_styled_404(guidance, client):
    response = client.get("/guidance/no-such-page/")
    assert response.status_code == 404
    assert b"Page not found" in response.content
    assert b'href="#main"' in response.content


def test_the_500_page_is_styled_and_needs_no_database(db, rf, django_assert_num_queries):
    from organisation.views import server_error

    with django_assert_num_queries(0):
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert b"Something went wrong" in response.content
    assert b"Nothing you saved has been lost" in response.content


@pytest.mark.django_db
def test_a_renamed_page_is_not_loaded_twice_and_an_unpublished_one_stays_down(guidance):
    page = guidance["images"]
    page.slug = "photographs"
    page.save_revision(user=UserFactory(username="dmc-ed")).publish()
    guidance["roles"].unpublish()
    counts = load_guidance()
    assert counts["created"] == 0
    assert GuidancePage.objects.count() == len(read_guidance().pages)
    assert not GuidancePage.objects.get(source_key="roles").live
