"""Values the rulebook and the contact settings own are shown from them wherever a page states
them, never typed as prose: a published change reaches every page, and the old value is on
none."""

import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from home.blocks import LiveCharBlock, LiveRichTextBlock
from home.models import GuidancePage
from organisation.contacts import contact_settings
from organisation.demo import set_demo_contacts
from organisation.factories import UserFactory
from organisation.roles import OFFICER
from scenarios.models import RuleParameters, Topic

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]

OLD_WINDOW = re.compile(r"\b(7|8|seven|eight) days\b|\ba week\b|one-week|\b7 days\b", re.IGNORECASE)


def every_page(client) -> dict[str, str]:
    """Every live page of the site, and the draft checker, as an officer reads them."""
    client.force_login(UserFactory(username="reader", roles=[OFFICER]))
    pages = {}
    for page in Page.objects.live().specific():
        if page.url:
            pages[page.url] = client.get(page.url).content.decode()
    pages["/check/"] = client.get("/check/").content.decode()
    return pages


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def publish_window(days: int) -> None:
    params = RuleParameters.objects.get()
    params.sentencing_window_days = days
    params.save_revision().publish()


def test_a_new_court_window_is_on_every_page_that_states_it_and_the_old_one_on_none(
    client, guidance
):
    before = every_page(client)
    stating = {url for url, html in before.items() if "7 days" in visible_text(html)}
    assert {"/guidance/local-communication/", "/guidance/rag/"} <= stating
    publish_window(14)
    after = every_page(client)
    for url, html in after.items():
        text = visible_text(html)
        assert not OLD_WINDOW.search(text), (url, OLD_WINDOW.search(text).group(0))
    for url in stating:
        text = visible_text(after[url])
        assert "14 days" in text, url
    assert "15 days" in visible_text(after["/guidance/local-communication/"])
    assert "Court results (no more than 14 days after sentencing)" in after["/guidance/rag/"]


def test_a_ratings_token_follows_the_topics_published_rating(client, guidance):
    def text():
        return visible_text(client.get("/guidance/local-communication/").content.decode())

    assert "Court results are rated amber" in text()
    topic = Topic.objects.get(slug="court-result")
    topic.rating = "RED"
    topic.guidance_url = "/guidance/rag/#red"
    topic.save_revision().publish()
    assert "Court results are rated red" in text()
    assert "rated amber" not in text()


def test_contacts_come_from_the_settings_everywhere(client, guidance):
    set_demo_contacts()
    settings = contact_settings()
    settings.press_bureau_phone = "020 7946 0999"
    settings.dmc_email = "desk@example.police.uk"
    settings.save()
    pages = every_page(client)
    for url, html in pages.items():
        footer = html[html.index('<footer class="site-footer">') :]
        assert "020 7946 0999" in footer, url
        assert "desk@example.police.uk" in footer, url
        assert "763300" not in html, url
    assert 'href="tel:02079460999"' in pages["/guidance/roles/"]
    assert "020 7946 0999" in visible_text(pages["/guidance/media-law/"])


def test_no_number_is_typed_anywhere_but_the_contact_settings():
    """The Press Bureau's number lives in the settings' default and its migration, nowhere
    else the site shows text from (templates, guidance data, code)."""
    allowed = {
        ROOT / "organisation" / "models.py",
        *(ROOT / "organisation" / "migrations").glob("*contact*.py"),
    }
    suffixes = {".py", ".html", ".toml", ".txt", ".js", ".css"}
    paths = [
        path
        for folder in ("templates", "home", "scenarios", "organisation", "api", "static")
        for path in (ROOT / folder).rglob("*")
        if path.suffix in suffixes and path.is_file() and path not in allowed
    ]
    found = [str(p.relative_to(ROOT)) for p in paths if "763300" in p.read_text(encoding="utf-8")]
    assert not found


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("<p>Within {court-windw} of sentencing.</p>", "“{court-windw}” is not a value"),
        ("<p>Call 763300 for advice.</p>", "looks like a phone number"),
        ("<p>Call 020 7946 0018.</p>", "looks like a phone number"),
        ("<p>Court results are {rating:bike-theft}.</p>", "“{rating:bike-theft}”"),
    ],
)
def test_text_blocks_refuse_unknown_tokens_and_typed_numbers(guidance, text, fragment):
    block = LiveRichTextBlock()
    with pytest.raises(ValidationError) as refused:
        block.clean(block.to_python(text))
    assert fragment in str(refused.value)


def test_known_tokens_and_ordinary_numbers_are_accepted(guidance):
    block = LiveRichTextBlock()
    text = "<p>Within {court-window}; {rating:court-result}; {press-bureau}. Call 101.</p>"
    assert block.clean(block.to_python(text)).source == text
    assert LiveCharBlock().clean("Court cases: {court-window}") == "Court cases: {court-window}"


def test_the_guidance_pages_use_tokens_for_what_the_rulebook_owns(guidance):
    sources = {page.slug: str(page.body.raw_data) for page in GuidancePage.objects.all()}
    assert "{court-window}" in sources["local-communication"]
    assert "{green-sources}" in sources["rag"]
    assert "{press-bureau}" in sources["roles"]
