"""The public site in a real browser: structure, keyboard, sign-in, accessibility, small screens.

Each test pays for a database rebuild (`site_data`), so related checks share a test.
"""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("site_data")]

NARROW = {"width": 320, "height": 640}
DESKTOP = {"width": 1100, "height": 900}
RAG_CAPTION = "The RAG (Red, Amber, Green) system for digital communications"


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

    table = page.locator("table.rag-table")
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


def test_axe_finds_no_serious_violations_in_the_draft_checker(page, log_in, axe_check):
    log_in(page, "officer")
    assert page.goto("/check/").status == 200
    axe_check(page, "/check/")

    page.get_by_label("What is it about?").select_option("court-result")
    page.locator("#id_in_public_domain").get_by_label("Yes").check()
    page.get_by_label("How many days ago was the sentence passed?").fill("8")
    page.get_by_role("button", name="Check this draft").click()
    expect(page.locator("#verdict")).to_be_visible()
    axe_check(page, "/check/ with a verdict")


def rag_rows(page):
    return page.get_by_role("table", name=RAG_CAPTION).locator("tbody").get_by_role("row")


def box(locator) -> dict:
    found = locator.bounding_box()
    assert found is not None, f"{locator} has no box: it is not rendered"
    return found


def test_the_rag_table_reads_as_cards_at_320px_without_sideways_scrolling(
    page, axe_check, screenshot, demo_contacts
):
    page.set_viewport_size(NARROW)
    page.goto("/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= NARROW["width"], f"/ scrolls sideways at 320px: {width}px"

    page.goto("/guidance/rag/")
    table = page.get_by_role("table", name=RAG_CAPTION)
    expect(table).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= NARROW["width"], f"/guidance/rag/ scrolls sideways at 320px: {width}px"

    # Still a table to assistive technology, whatever the cards look like.
    expect(table.get_by_role("columnheader")).to_have_text(["Rating", "What to do", "Topics"])
    rows = rag_rows(page)
    expect(rows).to_have_count(3)
    expect(rows.get_by_role("rowheader")).to_have_text(["Green", "Amber", "Red"])
    expect(rows.get_by_role("cell")).to_have_count(6)

    topics = table.locator("tbody li")
    assert topics.count() > 10  # every topic of the rulebook, not an empty table
    for index, row in enumerate(rows.all()):
        expect(row).to_be_visible()
        rating, action, topic_cell = (
            box(row.get_by_role("rowheader")),
            box(row.get_by_role("cell").nth(0)),
            box(row.get_by_role("cell").nth(1)),
        )
        # A card: rating, then what to do, then the topics, one under the other.
        assert rating["y"] < action["y"] < topic_cell["y"], f"row {index} is not stacked"
        assert topic_cell["x"] + topic_cell["width"] <= NARROW["width"], f"row {index}"
        labels = row.get_by_role("cell").evaluate_all(
            "cells => cells.map(c => getComputedStyle(c, '::before').content)"
        )
        assert labels == ['"What to do"', '"Topics"'], f"row {index} cards lack labels: {labels}"
    for item in topics.all():
        found = box(item)
        text = item.inner_text()
        assert found["x"] >= 0, f"{text!r} starts off-screen at x={found['x']}"
        assert found["x"] + found["width"] <= NARROW["width"], f"{text!r} ends off-screen"

    axe_check(page, "/guidance/rag/ at 320px")
    screenshot(page, "visitor-rag-table-320")


def test_the_rag_table_is_a_normal_table_at_1100px(page, screenshot, demo_contacts):
    page.set_viewport_size(DESKTOP)
    page.goto("/guidance/rag/")
    table = page.get_by_role("table", name=RAG_CAPTION)
    expect(table.get_by_role("columnheader")).to_have_text(["Rating", "What to do", "Topics"])
    for header in table.get_by_role("columnheader").all():
        # Shown as column heads, not hidden in a 1px box as on a phone.
        assert box(header)["width"] > 50 and box(header)["height"] > 10, header.inner_text()
    rows = rag_rows(page)
    expect(rows).to_have_count(3)
    for index, row in enumerate(rows.all()):
        cells = [box(row.get_by_role("rowheader"))] + [
            box(cell) for cell in row.get_by_role("cell").all()
        ]
        assert len(cells) == 3
        # Three columns side by side: one top edge, left to right.
        assert len({round(cell["y"]) for cell in cells}) == 1, f"row {index}: {cells}"
        assert cells[0]["x"] < cells[1]["x"] < cells[2]["x"], f"row {index}: {cells}"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= DESKTOP["width"]
    screenshot(page, "visitor-rag-table-1100")


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
        re.compile(r"^Paste it and press Continue: we suggest the answers")
    )
    expect(
        page.get_by_label("How many days ago was the sentence passed?")
    ).to_have_accessible_description("Leave empty if there has been no sentence yet.")
