"""Trainers and DMC editors in the admin: who may change which scenario template, and the
read-only pages trainers use to understand the bank and the rulebook."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("site_data")]

TEMPLATES = "/admin/snippets/scenarios/scenariotemplate/"
LEWISHAM_KEY, CROYDON_KEY = "burglary-arrest-update", "assault-arrest-croydon"


@pytest.fixture
def library(site_data, run_queued_jobs):
    """The starter library, published (so its questions are in the bank), with one template
    owned by Lewisham and one by Croydon, as if each borough's trainers had written them."""
    from organisation.models import Borough
    from scenarios.library_loader import load_starter_library
    from scenarios.models import ScenarioTemplate

    load_starter_library()
    owned = {}
    for key, borough in ((LEWISHAM_KEY, "lewisham"), (CROYDON_KEY, "croydon")):
        template = ScenarioTemplate.objects.get(key=key)
        template.owner_borough = Borough.objects.get(slug=borough)
        template.save()
        template.save_revision().publish()  # the owner is in the live revision too
        owned[borough] = template
    run_queued_jobs()  # the approvals feed the bank (queued with a real Redis)
    return owned


@pytest.fixture(autouse=True)
def quiet_editing_sessions(settings, page):
    """Wagtail's edit forms tell the server who is editing: a ping as the form opens (awaited,
    see `open_edit_form`), another every few seconds, and a "release" beacon as the page closes.
    One still writing when the test ends meets the database being flushed ("database table is
    locked"). These tests are not about editing sessions: no periodic pings, no beacon."""
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 3_600_000
    yield
    page.evaluate("document.querySelectorAll('form.w-editing-sessions').forEach(f => f.remove())")


def open_edit_form(page, template):
    with page.expect_response(lambda response: "/editing-sessions/ping/" in response.url):
        page.goto(f"{TEMPLATES}edit/{template.pk}/")
    expect(page).to_have_url(re.compile(rf"{TEMPLATES}edit/{template.pk}/$"))


def open_from_menu(page, group: str, item: str, heading: str | None = None):
    """Reach an admin page through the sidebar, as a person would."""
    page.goto("/admin/")
    page.get_by_role("button", name=group, exact=True).click()
    page.get_by_role("link", name=item, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(heading or item)


def row_actions(page, template):
    """The actions a listing row's "More options" menu offers."""
    page.get_by_role("button", name=f"More options for '{template.title}'").click()
    menu = page.locator("[data-w-dropdown-target=content]:visible")
    expect(menu).to_be_visible()
    names = [name.strip() for name in menu.get_by_role("link").all_inner_texts()]
    page.keyboard.press("Escape")
    expect(menu).to_have_count(0)
    return names


def owner_select(page):
    return page.get_by_role("combobox", name="Owner")


def listing_row(page, template):
    return page.get_by_role("row").filter(has=page.get_by_text(template.title, exact=True))


def test_a_spoc_changes_lewisham_templates_and_only_views_and_copies_croydon_ones(
    page, log_in, library, screenshot
):
    lewisham, croydon = library["lewisham"], library["croydon"]
    log_in(page, "spoc")
    open_from_menu(page, "Scenarios", "Scenario templates")
    expect(listing_row(page, lewisham)).to_contain_text("Lewisham")
    expect(listing_row(page, croydon)).to_contain_text("Croydon")
    assert "Edit" in row_actions(page, lewisham)
    croydon_actions = row_actions(page, croydon)
    assert "Edit" not in croydon_actions and "Delete" not in croydon_actions, croydon_actions
    assert {"Copy", "Inspect"} <= set(croydon_actions), croydon_actions
    screenshot(page, "spoc-template-listing")

    # Croydon's template: its edit address shows it read-only, with the way to copy it.
    page.goto(f"{TEMPLATES}edit/{croydon.pk}/")
    expect(page).to_have_url(re.compile(rf"{TEMPLATES}inspect/{croydon.pk}/$"))
    expect(page.get_by_text(f"“{croydon.title}” belongs to Croydon")).to_be_visible()
    expect(page.locator(".trainer-view")).to_contain_text("Owner: Croydon.")
    expect(page.get_by_role("button", name="Save draft")).to_have_count(0)
    copy = page.get_by_role("link", name="Copy this template")
    expect(copy).to_be_visible()
    screenshot(page, "spoc-template-croydon-read-only")

    # A copy is the SPOC's own: Lewisham's, under a new title.
    copy.click()
    title = page.get_by_role("textbox", name=re.compile(r"^Title"))
    expect(title).to_have_value(f"Copy of {croydon.title}")
    expect(owner_select(page)).to_have_value(f"borough:{lewisham.owner_borough_id}")

    # Lewisham's template: the edit form, owner Lewisham only, submitted for DMC sign-off.
    open_edit_form(page, lewisham)
    owner = owner_select(page)
    expect(owner.locator("option")).to_have_text(["Lewisham"])
    expect(owner).to_have_value(f"borough:{lewisham.owner_borough_id}")
    expect(page.get_by_role("button", name="Save draft")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("Publish"))).to_have_count(0)
    page.get_by_role("button", name="More actions").click()
    expect(page.get_by_role("button", name=re.compile(r"^Submit to DMC"))).to_be_visible()
    screenshot(page, "spoc-template-lewisham-edit-actions", full_page=False)
    page.keyboard.press("Escape")
    screenshot(page, "spoc-template-lewisham-edit")


def test_a_dmc_editor_may_edit_every_borough_template(page, log_in, library):
    log_in(page, "editor")
    open_from_menu(page, "Scenarios", "Scenario templates")
    for template in library.values():
        assert "Edit" in row_actions(page, template), template.title
    croydon = library["croydon"]
    open_edit_form(page, croydon)
    expect(owner_select(page)).to_have_value(f"borough:{croydon.owner_borough_id}")
    # An editor signs templates off: publishing is theirs.
    page.get_by_role("button", name="More actions").click()
    expect(page.get_by_role("button", name="Publish")).to_be_visible()


def test_a_spoc_reads_a_bank_question_in_words(page, log_in, library, screenshot):
    from scenarios.models import BankQuestion

    question = (
        BankQuestion.objects.filter(
            active=True, template__key="burglary-arrest-named-suspect", rating="RED"
        )
        .order_by("pk")
        .first()
    )
    assert question is not None
    log_in(page, "spoc")
    open_from_menu(page, "Scenarios", "Question bank", "Question bank")
    page.get_by_role("textbox", name="Search term").fill(question.text)
    row = page.get_by_role("row").filter(has_text=question.text)
    expect(row).to_be_visible()
    row.get_by_role("button", name=re.compile("^More options")).click()
    page.locator("[data-w-dropdown-target=content]:visible").get_by_role(
        "link", name="Inspect"
    ).click()
    expect(page).to_have_url(re.compile(rf"/bankquestion/inspect/{question.pk}/$"))

    view = page.locator(".trainer-view")
    expect(view.get_by_role("heading", name="The post")).to_be_visible()
    expect(view.locator("blockquote")).to_have_text(question.text)
    expect(view.get_by_role("heading", name=re.compile(r"^The answer: Red"))).to_be_visible()
    expect(view.get_by_role("heading", name="Why it is red")).to_be_visible()
    # The facts in words, not the stored JSON.
    facts = view.locator("dl.fact-list")
    expect(facts.locator("dt").first).to_have_text("Topic")
    expect(view).not_to_contain_text(re.compile(r"[{}]|\"topic\"|: (true|false)\b"))
    links = view.get_by_role("link").filter(has_text=re.compile(r"^Read"))
    assert links.count() > 0
    for name in links.all_inner_texts():
        assert name.startswith("Read: ") and name != "Read: the guidance", name
    screenshot(page, "spoc-bank-question-inspect")


def test_an_editor_reads_a_rulebook_version_and_the_consistency_check(
    page, log_in, library, screenshot, run_queued_jobs
):
    from django.contrib.auth import get_user_model

    from scenarios.models import AnswerChange, RuleParameters

    # DMC widens the sentencing window from 7 to 10 days: version 2, and answers change.
    parameters = RuleParameters.objects.get()
    parameters.sentencing_window_days = 10
    editor = get_user_model().objects.get(username="editor")
    parameters.save_revision(user=editor).publish(user=editor)
    run_queued_jobs()  # the re-grade (queued with a real Redis)
    changes = AnswerChange.objects.filter(to_version=2).count()
    assert changes > 0

    log_in(page, "editor")
    open_from_menu(page, "Rulebook", "Published versions", "Published versions")
    page.get_by_role("link", name="Rulebook version 2", exact=True).click()
    expect(page).to_have_url(re.compile(r"/rulebookversion/inspect/\d+/$"))
    view = page.locator(".trainer-view")
    expect(view).to_contain_text("from a change by")
    what_changed = view.get_by_role("heading", name="What changed since version 1")
    expect(what_changed).to_be_visible()
    expect(what_changed.locator("xpath=following-sibling::ul[1]")).to_have_text(
        "Court results window: 7 days → 10 days after sentencing"
    )
    # Court results sentenced 8 to 10 days ago were red, and are now amber.
    shown = min(changes, 200)  # the page lists the first 200
    changed = view.get_by_role("table").locator("tbody").get_by_role("row")
    expect(changed).to_have_count(shown)
    expect(changed.locator("td:nth-child(2)")).to_have_text(["Red: do not post"] * shown)
    expect(changed.locator("td:nth-child(3)")).to_have_text(["Amber: ask DMC"] * shown)
    screenshot(page, "editor-rulebook-version-inspect")

    page.goto("/admin/question-bank/consistency/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Consistency check")
    expect(page.get_by_text("Consistent.", exact=True)).to_be_visible()
    expect(page.get_by_text("Rulebook version 2,")).to_be_visible()
    screenshot(page, "editor-consistency")
