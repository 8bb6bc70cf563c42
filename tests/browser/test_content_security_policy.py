"""The site's key pages under its strict Content Security Policy (nothing inline), and the
admin under its own: Chromium reports no violation while people use them."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from home.models import GuidancePage
from scenarios.library_loader import load_starter_library

pytestmark = [pytest.mark.browser]


@pytest.fixture
def training(site_data, demo_contacts, run_queued_jobs):
    load_starter_library()
    run_queued_jobs()  # the library's approval feeds the bank (queued with a real Redis)
    call_command("load_courses", verbosity=0)
    return site_data


@pytest.fixture
def violations(page):
    """Every CSP violation Chromium reports on this page, from the console and from the
    document's own securitypolicyviolation events."""
    seen = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and seen.append(message.text),
    )
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => console.error("
        "'Content Security Policy event: ' + e.violatedDirective + ' ' + e.blockedURI));"
    )
    return seen


def visit(page, path: str):
    response = page.goto(path)
    assert response.status == 200, path
    assert "unsafe-inline" not in response.headers["content-security-policy"]
    page.wait_for_load_state("networkidle")


def test_key_pages_work_under_the_strict_policy(page, sign_in, training, violations):
    sign_in(page, "officer", next_url="/")
    for path in ("/", "/guidance/", "/guidance/rag/"):
        visit(page, path)

    visit(page, "/check/")  # its script shows the questions for the chosen topic
    page.get_by_label("What is it about?").select_option("court-result")
    expect(page.get_by_label("How many days ago was the sentence passed?")).to_be_visible()
    page.get_by_role("button", name="Check this draft").click()
    expect(page.locator("#verdict")).to_be_visible()

    visit(page, "/training/")
    page.get_by_role("link", name="Borough social media essentials").click()
    page.get_by_role("link", name="The RAG table").first.click()
    page.get_by_role("button", name="Start the quiz").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Question 1 of 10")
    page.locator("input[type=radio]").first.check()
    page.get_by_role("button", name="Save and continue").click()  # saved by its script
    expect(page.get_by_role("heading", level=1)).to_have_text("Question 2 of 10")

    page.context.clear_cookies()
    sign_in(page, "spoc", next_url="/training/dashboard/")
    expect(page.locator("svg").first).to_be_visible()  # the charts
    page.wait_for_load_state("networkidle")
    assert violations == []


def test_staff_pages_and_the_admin_work_under_their_policies(page, sign_in, site_data, violations):
    sign_in(page, "editor", next_url="/guidance/")
    page.wait_for_load_state("networkidle")  # with the Wagtail user bar
    for path in ("/admin/", "/admin/pages/", "/admin/images/"):
        response = page.goto(path)
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
    # The page editor, which writes inline scripts and styles (why the admin has its policy).
    guidance = GuidancePage.objects.live().first()
    response = page.goto(f"/admin/pages/{guidance.pk}/edit/")
    assert response.status == 200
    assert "'unsafe-inline'" in response.headers["content-security-policy"]
    expect(page.get_by_role("button", name="Save draft")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert violations == []
