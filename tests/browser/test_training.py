"""An officer's whole journey in Chromium: the course, a lesson, a module's quiz answered half
way, the page closed, the quiz resumed, finished, submitted, and the feedback read. axe-core
checks each of those pages."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from quizzes.models import Attempt
from scenarios.library_loader import load_starter_library
from scenarios.rules import ACTIONS

pytestmark = [pytest.mark.browser]
NARROW = {"width": 320, "height": 800}


@pytest.fixture
def training(site_data, demo_contacts, run_queued_jobs):
    load_starter_library()
    run_queued_jobs()  # the library's approval feeds the bank (queued with a real Redis)
    call_command("load_courses", verbosity=0)
    return site_data


def answer(page, attempt_pk: int, position: int):
    """Choose the right answer for a question, by its label, as the officer would."""
    question = Attempt.objects.get(pk=attempt_pk).questions.get(position=position)
    if question.kind == "fixed":
        page.get_by_label(question.choices[question.correct_choice], exact=True).check()
    else:
        page.get_by_label(ACTIONS[question.rating], exact=True).check()
    page.get_by_role("button", name="Save and continue").click()


def test_an_officer_takes_resumes_and_passes_the_first_module(
    page, context, sign_in, training, axe_check, screenshot
):
    sign_in(page, "officer", next_url="/training/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Training")
    axe_check(page, "the course index")
    page.get_by_role("link", name="Borough social media essentials").click()
    axe_check(page, "the course")
    page.get_by_role("link", name="The RAG table").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The RAG table")
    axe_check(page, "the module")

    page.get_by_role("link", name="Start with lesson 1").click()
    expect(page.get_by_text("Lesson 1 of")).to_be_visible()
    axe_check(page, "a lesson")
    screenshot(page, "officer-lesson")
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Lesson 2 of")).to_be_visible()
    page.get_by_role("link", name="Back to the module").click()
    expect(page.get_by_text("You have read 1 of")).to_be_visible()

    page.get_by_role("button", name="Start the quiz").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Question 1 of 10")
    attempt = Attempt.objects.get(user__username="officer")
    axe_check(page, "a question")
    screenshot(page, "officer-question")
    for position in range(1, 6):
        expect(page.get_by_role("heading", level=1)).to_have_text(f"Question {position} of 10")
        answer(page, attempt.pk, position)
    expect(page.get_by_role("heading", level=1)).to_have_text("Question 6 of 10")

    # The officer closes the page; nothing is lost. Later, from the module page, they resume.
    page.close()
    page = context.new_page()
    page.goto(training["url"] + "/training/")
    page.get_by_role("link", name="Borough social media essentials").click()
    page.get_by_role("link", name="The RAG table").first.click()
    page.get_by_role("link", name="Resume your attempt").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Question 6 of 10")
    expect(page.locator("#quiz-status")).to_contain_text("You have answered 5 of 10.")
    for position in range(6, 11):
        # As an officer would: answer the question on screen (the button may wait for a save).
        expect(page.get_by_role("heading", level=1)).to_have_text(f"Question {position} of 10")
        answer(page, attempt.pk, position)

    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")
    axe_check(page, "the check page")
    page.get_by_role("button", name="Submit my answers").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Your result")
    expect(page.locator(".result")).to_contain_text("Passed: 100%")
    expect(page.locator(".result")).to_contain_text("Dangerous mistakes: 0")
    expect(page.locator(".review-item")).to_have_count(10)
    expect(page.locator(".review-item").first).to_contain_text("The right answer")
    expect(page.locator(".review-item a", has_text="Read: ").first).to_be_visible()
    axe_check(page, "the review")
    screenshot(page, "officer-review")

    page.get_by_role("link", name="Back to The RAG table").click()
    expect(page.locator("#quiz")).to_contain_text("You passed.")


def test_a_question_reads_at_320px_with_big_answers(page, log_in, training, axe_check, screenshot):
    log_in(page, "officer")
    page.set_viewport_size(NARROW)
    page.goto("/training/")
    page.get_by_role("link", name="Borough social media essentials").click()
    page.get_by_role("link", name="The RAG table").first.click()
    page.get_by_role("button", name="Practise").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Question 1 of 10")
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]
    for label in ACTIONS.values():
        box = page.get_by_label(label, exact=True).locator("xpath=..").bounding_box()
        assert box["height"] >= 44, (label, box)  # a target a thumb can hit
        assert box["x"] >= 0 and box["x"] + box["width"] <= NARROW["width"]
    axe_check(page, "a question at 320 px")
    screenshot(page, "officer-question-320")
    # Practice: the verdict right after the answer, and focus moves to it.
    page.get_by_label(ACTIONS["AMBER"], exact=True).check()
    page.get_by_role("button", name="Check my answer").click()
    expect(page.locator("#verdict")).to_be_visible()
    expect(page.locator("#verdict")).to_be_focused()
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]
    screenshot(page, "officer-practice-feedback-320")


def test_the_count_of_answers_follows_a_save_made_by_the_script(page, sign_in, training):
    sign_in(page, "officer", next_url="/training/")
    page.get_by_role("link", name="Borough social media essentials").click()
    page.get_by_role("link", name="The RAG table").first.click()
    page.get_by_role("button", name="Start the quiz").click()
    status = page.locator("#quiz-status")
    expect(status).to_contain_text("You have answered 0 of 10.")
    radios = page.locator("input[type=radio]")
    radios.first.check()
    expect(page.locator("#save-status")).to_have_attribute("data-state", "saved")
    expect(status).to_contain_text("You have answered 1 of 10.")
    radios.nth(1).check()  # a changed answer is still one question answered
    expect(page.locator("#save-status")).to_contain_text("Saved:")
    expect(status).to_contain_text("You have answered 1 of 10.")
    page.reload()  # and the server agrees
    expect(status).to_contain_text("You have answered 1 of 10.")
