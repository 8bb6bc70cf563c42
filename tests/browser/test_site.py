"""The public site in a real browser: structure, keyboard, sign-in, accessibility, small screens.

Each test pays for a database rebuild (`site_data`), so related checks share a test.
"""

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
    expect(skip).to_be_in_viewport()  # off-screen until focused
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    # The next Tab carries on inside main, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


def test_visitor_pages_have_landmarks_one_h1_and_a_working_skip_link(page):
    for path in ("/", "/guidance/rag/"):
        response = page.goto(path)
        assert response.status == 200, path
        assert_page_structure(page)
        follow_skip_link(page)

    table = page.locator(".table-scroll > table.rag-table")
    expect(table.locator("tbody tr")).to_have_count(3)
    expect(table.locator("#topic-court-result-amber")).to_contain_text("Court results")


def test_officer_signs_in_through_the_form_and_is_refused_the_admin(page, sign_in):
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
    expect(header.get_by_role("link", name="Admin")).to_have_count(0)

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
    axe_check(page, "the login page with an error")


def test_axe_finds_no_serious_violations_in_the_draft_checker(page, log_in, axe_check, screenshot):
    log_in(page, "officer")
    assert page.goto("/check/").status == 200
    axe_check(page, "/check/")

    page.get_by_label("What is it about?").select_option("court-result")
    page.locator("#id_in_public_domain").get_by_label("Yes").check()
    page.get_by_label("How many days ago was the sentence passed?").fill("8")
    page.get_by_role("button", name="Check this draft").click()
    expect(page.locator("#verdict")).to_be_visible()
    axe_check(page, "/check/ with a verdict")

    page.set_viewport_size(DESKTOP)
    screenshot(page, "check-verdict")


def test_no_horizontal_page_scroll_at_320px(page, screenshot):
    page.set_viewport_size(DESKTOP)
    page.goto("/guidance/rag/")
    expect(page.locator("table.rag-table")).to_be_visible()
    screenshot(page, "guidance-rag-1100")

    page.set_viewport_size(NARROW)
    for path in ("/", "/guidance/rag/"):
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= NARROW["width"] + 1, f"{path} scrolls sideways at 320px: {width}px"
    screenshot(page, "guidance-rag-320")


# Known product bugs. strict=True: once fixed, these XPASS and fail; then drop the marker.


def test_axe_finds_no_serious_violations_on_the_rag_page_at_320px(page, axe_check):
    page.set_viewport_size(NARROW)
    page.goto("/guidance/rag/")
    axe_check(page, "/guidance/rag/ at 320px")


def test_draft_checker_hints_describe_their_fields(page, log_in):
    log_in(page, "officer")
    page.goto("/check/")
    page.get_by_label("What is it about?").select_option("court-result")
    dangling = page.evaluate(
        """[...document.querySelectorAll('[aria-describedby]')].flatMap(el =>
            el.getAttribute('aria-describedby').split(/\\s+/)
              .filter(id => id && !document.getElementById(id))
              .map(id => `${el.id} -> ${id}`))"""
    )
    assert dangling == []
    expect(page.get_by_label("Your draft post")).to_have_accessible_description(
        re.compile(r"^Optional\. Paste it here")
    )
    expect(
        page.get_by_label("How many days ago was the sentence passed?")
    ).to_have_accessible_description("Leave empty if there has been no sentence yet.")
