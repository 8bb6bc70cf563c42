"""The draft checker at /check/ in a real browser, with and without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("site_data")]

COURT_CASES = "/guidance/local-communication/#court-cases"
HOSTILE = "<script>window.pwned=1</script><img src=x onerror=window.pwned=2>"


def open_checker(page, log_in, username="officer"):
    log_in(page, username)
    response = page.goto("/check/")
    assert response.status == 200
    expect(page.locator("h1")).to_have_text("Check a draft post")


def question(page, field_id: str):
    """The wrapper the script (or the server) hides when a question does not apply."""
    return page.locator(".question", has=page.locator(f"#{field_id}"))


def choose_topic(page, slug: str):
    page.get_by_label("What is it about?").select_option(slug)


def answer_court_result(page, days: int):
    page.locator("#id_in_public_domain").get_by_label("Yes").check()
    page.get_by_label("How many days ago was the sentence passed?").fill(str(days))


def check_draft(page):
    page.get_by_role("button", name="Check this draft").click()
    verdict = page.locator("#verdict")
    expect(verdict).to_be_visible()
    return verdict


def expect_verdict(verdict, rating: str):
    expect(verdict).to_have_class(re.compile(rf"\bverdict-{rating}\b"))
    expect(verdict.locator(".rag-badge")).to_have_text(rating.title())


def test_with_javascript_questions_appear_at_once_and_verdicts_follow_the_week(page, log_in):
    open_checker(page, log_in)
    days = question(page, "id_days_since_sentencing")
    expect(days).to_be_hidden()
    expect(page.get_by_role("button", name="Continue")).to_be_visible()

    page.evaluate("window.noRoundTrip = true")  # gone if the page reloads
    choose_topic(page, "court-result")
    expect(days).to_be_visible()
    expect(page.get_by_role("button", name="Check this draft")).to_be_visible()
    assert page.evaluate("window.noRoundTrip") is True

    answer_court_result(page, days=8)
    verdict = check_draft(page)
    expect_verdict(verdict, "RED")
    reason = verdict.locator(f".reasons a[href='{COURT_CASES}']")
    expect(reason).to_have_count(1)
    expect(reason).to_contain_text("Read the guidance")

    # The form keeps the answers: change only the days.
    expect(page.get_by_label("What is it about?")).to_have_value("court-result")
    page.get_by_label("How many days ago was the sentence passed?").fill("7")
    verdict = check_draft(page)
    expect_verdict(verdict, "AMBER")
    expect(verdict.locator(f".reasons a[href='{COURT_CASES}']")).to_have_count(0)

    # The RED reason's link leads to a real section of the guidance.
    page.get_by_label("How many days ago was the sentence passed?").fill("8")
    check_draft(page).locator(f".reasons a[href='{COURT_CASES}']").click()
    expect(page).to_have_url(re.compile(re.escape(COURT_CASES) + "$"))
    expect(page.locator("#court-cases")).to_be_visible()


def test_without_javascript_the_same_flow_works_in_two_steps(new_context, sign_in):
    context = new_context(java_script_enabled=False)
    page = context.new_page()
    sign_in(page, "officer", next_url="/check/")  # the login form works without a script too
    expect(page).to_have_url(re.compile(r"/check/$"))
    days = question(page, "id_days_since_sentencing")
    expect(days).to_be_hidden()

    choose_topic(page, "court-result")
    expect(days).to_be_hidden()  # nothing happens in the page without a script
    page.get_by_role("button", name="Continue").click()
    expect(days).to_be_visible()
    expect(page.locator("#verdict")).to_have_count(0)
    expect(page.locator(".error-summary")).to_have_count(0)
    expect(page.get_by_label("What is it about?")).to_have_value("court-result")

    answer_court_result(page, days=8)
    verdict = check_draft(page)
    expect_verdict(verdict, "RED")
    expect(verdict.locator(f".reasons a[href='{COURT_CASES}']")).to_have_count(1)

    page.get_by_label("How many days ago was the sentence passed?").fill("7")
    expect_verdict(check_draft(page), "AMBER")


def test_hostile_draft_text_is_shown_escaped_and_never_runs(page, log_in):
    open_checker(page, log_in)
    page.get_by_label("Your draft post").fill(HOSTILE)
    choose_topic(page, "burglary")
    verdict = check_draft(page)
    expect_verdict(verdict, "GREEN")
    preview = verdict.locator(".draft-preview")
    expect(preview).to_have_text(HOSTILE)
    expect(preview.locator("script, img")).to_have_count(0)
    expect(page.locator("img[src=x]")).to_have_count(0)
    assert page.evaluate("typeof window.pwned") == "undefined"
    # The textarea gives the text back as it was typed, not as markup.
    expect(page.get_by_label("Your draft post")).to_have_value(HOSTILE)


def test_a_question_that_does_not_apply_is_hidden(page, log_in):
    open_checker(page, log_in)
    ksi = question(page, "id_ksi")
    choose_topic(page, "road-traffic-collision")
    expect(ksi).to_be_visible()

    choose_topic(page, "burglary")
    expect(ksi).to_be_hidden()
    expect(question(page, "id_days_since_sentencing")).to_be_hidden()
    expect(question(page, "id_wider_interest")).to_be_visible()  # applies to every topic

    # The server agrees once the form comes back with a verdict.
    expect_verdict(check_draft(page), "GREEN")
    expect(ksi).to_be_hidden()
