"""The public site in a real browser: structure, keyboard, sign-in, accessibility, small screens."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("site_data")]

NARROW = {"width": 320, "height": 640}
DESKTOP = {"width": 1100, "height": 900}


def assert_page_structure(page):
    expect(page.locator("h1")).to_have_count(1)
    expect(page.get_by_role("banner")).to_have_count(1)
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    expect(page.get_by_role("main")).to_have_count(1)
    expect(page.get_by_role("contentinfo")).to_have_count(1)


def follow_skip_link(page):
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()  # it shows itself when focused
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    # The next Tab continues inside main, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


@pytest.mark.parametrize("path", ["/", "/guidance/rag/"])
def test_visitor_page_has_landmarks_one_h1_and_a_working_skip_link(page, path):
    response = page.goto(path)
    assert response.status == 200
    assert_page_structure(page)
    follow_skip_link(page)


def test_guidance_rag_page_shows_the_rag_table(page):
    page.goto("/guidance/rag/")
    table = page.locator(".table-scroll table.rag-table")
    expect(table).to_be_visible()
    expect(table.locator("tbody tr")).to_have_count(3)
    expect(table.locator("#topic-court-result-amber")).to_contain_text("Court results")


def test_officer_signs_in_through_the_form_and_sees_their_role(page, sign_in):
    page.goto("/")
    page.get_by_role("banner").get_by_role("link", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/$"))
    sign_in(page, "officer")
    expect(page).to_have_url(re.compile(r"/$"))
    header = page.get_by_role("banner")
    expect(header).to_contain_text("Signed in as")
    expect(header).to_contain_text("(officer)")
    expect(header.locator(".role-tag")).to_have_text("Officer")
    expect(header.get_by_role("button", name="Sign out")).to_be_visible()


def test_officer_opening_the_admin_sees_the_refusal_page(page, sign_in):
    sign_in(page, "officer")
    response = page.goto("/admin/")
    assert response.status == 403
    expect(page.locator("h1")).to_have_text("The admin is for staff roles")
    assert_page_structure(page)


def test_axe_finds_no_serious_violations_for_visitors(page, axe_check):
    for path in ("/", "/guidance/", "/guidance/rag/", "/guidance/roles/", "/accounts/login/"):
        response = page.goto(path)
        assert response.status == 200, path
        axe_check(page, path)

    page.get_by_label("Username").fill("officer")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    axe_check(page, "login page with an error")


def test_axe_finds_no_serious_violations_in_the_draft_checker(page, sign_in, axe_check, screenshot):
    sign_in(page, "officer", next_url="/check/")
    expect(page).to_have_url(re.compile(r"/check/$"))
    axe_check(page, "/check/")

    page.get_by_label("What is it about?").select_option("court-result")
    page.locator("#id_in_public_domain").get_by_label("Yes").check()
    page.get_by_label("How many days ago was the sentence passed?").fill("8")
    page.get_by_role("button", name="Check this draft").click()
    expect(page.locator("#verdict")).to_be_visible()
    axe_check(page, "/check/ with a verdict")

    page.set_viewport_size(DESKTOP)
    screenshot(page, "check-verdict")


@pytest.mark.parametrize("path", ["/", "/guidance/rag/"])
def test_no_horizontal_page_scroll_at_320px(page, path):
    page.set_viewport_size(NARROW)
    page.goto(path)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= NARROW["width"] + 1, f"{path} scrolls sideways: {scroll_width}px"


def test_rag_table_screenshots(page, screenshot):
    page.set_viewport_size(DESKTOP)
    page.goto("/guidance/rag/")
    expect(page.locator("table.rag-table")).to_be_visible()
    screenshot(page, "guidance-rag-1100")
    page.set_viewport_size(NARROW)
    screenshot(page, "guidance-rag-320")
