"""Progress tracking in Chromium, across people: Lewisham's SPOC assigns a module to the whole
borough with a due date; an officer there sees it on My training, passes its quiz and opens the
certificate; the SPOC sees the pass on the dashboard. Croydon's SPOC never sees that officer,
and the officer never sees a dashboard. axe-core checks each page along the way."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from courses.models import Certificate, ModulePage
from courses.services import assignment_create
from organisation.models import Borough
from quizzes.models import Attempt
from scenarios.library_loader import load_starter_library
from scenarios.rules import ACTIONS

pytestmark = [pytest.mark.browser]
MODULE = "The RAG table"  # the first module of "Borough social media essentials"
OTHER_MODULES = ("Court cases, charges and images", "Roles and who to contact")


@pytest.fixture
def training(site_data, demo_contacts, run_queued_jobs):
    """The demo course (`load_courses`), its quizzes drawing on the starter library's bank."""
    load_starter_library()
    run_queued_jobs()  # the library's approval feeds the bank (queued with a real Redis)
    call_command("load_courses", verbosity=0)
    return site_data


def full_name(username: str) -> str:
    return get_user_model().objects.get(username=username).get_full_name()


def short_date(day) -> str:
    return f"{day.day} {day:%b %Y}"


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()


def answer_correctly(page, attempt: Attempt, position: int):
    """Choose the right answer, by its label, as an officer who knows it would."""
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Question {position} of {attempt.questions.count()}"
    )
    question = attempt.questions.get(position=position)
    if question.kind == "fixed":
        page.get_by_label(question.choices[question.correct_choice], exact=True).check()
    else:
        page.get_by_label(ACTIONS[question.rating], exact=True).check()
    page.get_by_role("button", name="Save and continue").click()


def row_of(page, table_name: str, row_name: str):
    """A table's row, found by the table's caption and the row's header, as a reader would."""
    table = page.get_by_role("table", name=table_name)
    return table.get_by_role("row").filter(has=page.get_by_role("rowheader", name=row_name))


def test_a_spoc_assigns_a_module_an_officer_passes_it_and_the_spoc_sees_the_pass(
    page, sign_in, training, axe_check, screenshot
):
    today = timezone.localdate()
    due = today + timedelta(days=14)
    officer, spoc = full_name("officer"), full_name("spoc")

    # The SPOC signs in and lands on their own page: the dashboard of their borough.
    sign_in(page, "spoc", next_url="")
    expect(page).to_have_url(f"{training['url']}/training/dashboard/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Training dashboard")
    expect(page.locator(".lead")).to_contain_text("Training of Lewisham")
    screenshot(page, "progress-spoc-landing")

    # They assign the first module to everyone in Lewisham, due in a fortnight.
    page.get_by_role("link", name="Assign training to the people you train").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Assign training")
    expect(
        page.get_by_text("No training has been assigned to the people you train yet.")
    ).to_be_visible()
    axe_check(page, "the assign form")
    page.get_by_role("combobox", name="Training").select_option(label=f"— Module: {MODULE}")
    page.get_by_role("radio", name="Everyone in a borough").check()
    page.get_by_role("combobox", name="Borough").select_option(label="Lewisham")
    page.get_by_label("Due date").fill(due.isoformat())
    screenshot(page, "progress-assign-form")
    page.get_by_role("button", name="Assign").click()
    expect(page.get_by_role("status")).to_have_text(
        f"Assigned “{MODULE}” to Lewisham, due by {short_date(due)} (2 people now)."
    )
    assigned = row_of(page, "Assignments for the boroughs", MODULE)
    expect(assigned.get_by_role("cell")).to_have_text(
        ["Lewisham", short_date(due), "2", "0", f"{spoc} on {short_date(today)}"]
    )
    axe_check(page, "the assign page, with its confirmation")
    screenshot(page, "progress-assigned")
    sign_out(page)

    # The officer signs in and lands on My training, where the module waits, with its due date.
    sign_in(page, "officer", next_url="")
    expect(page).to_have_url(f"{training['url']}/training/mine/")
    expect(page.get_by_role("heading", level=1)).to_have_text("My training")
    waiting = row_of(page, "Modules assigned to you", MODULE)
    expect(waiting.get_by_role("cell")).to_have_text(
        ["Not started", f"Due in 14 days ({short_date(due)})"]
    )
    expect(page.get_by_text("You have no certificates yet.")).to_be_visible()
    axe_check(page, "My training, before the quiz")
    screenshot(page, "progress-officer-before")

    # They take the module's quiz and answer every question correctly.
    waiting.get_by_role("link", name=MODULE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(MODULE)
    page.get_by_role("button", name="Start the quiz").click()
    attempt = Attempt.objects.get(user__username="officer")
    for position in range(1, attempt.questions.count() + 1):
        answer_correctly(page, attempt, position)
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")
    page.get_by_role("button", name="Submit my answers").click()
    expect(page.locator(".result")).to_contain_text("Passed: 100%")

    # My training now says passed (and nothing overdue), with the certificate.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="My training").click()
    passed = row_of(page, "Modules assigned to you", MODULE)
    valid_until = short_date(timezone.localdate(Certificate.objects.get().expires_at))
    expect(passed.get_by_role("cell")).to_have_text(["Passed", f"Valid until {valid_until}"])
    expect(page.get_by_text("Overdue")).to_have_count(0)
    certificate_link = page.get_by_role("link", name=f"{MODULE} certificate")
    expect(certificate_link).to_be_visible()
    feedback = row_of(page, "Your finished assessed attempts", MODULE)
    expect(feedback.get_by_role("cell").nth(1)).to_have_text("Passed: 100%")
    axe_check(page, "My training, after the quiz")
    screenshot(page, "progress-officer-after")

    # The certificate names them and the module, and how anyone can check it.
    certificate_link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Certificate of training")
    expect(page.locator(".certificate-lead")).to_have_text(
        f"This certifies that {officer} passed {MODULE}."
    )
    expect(page.get_by_role("definition").filter(has_text="%")).to_have_text("100%")
    expect(page.get_by_role("link", name="/verify/")).to_be_visible()
    axe_check(page, "the certificate")
    screenshot(page, "progress-certificate")
    sign_out(page)

    # The SPOC comes back: the dashboard counts the pass, and so does the page by person.
    sign_in(page, "spoc", next_url="")
    expect(page.get_by_role("heading", level=1)).to_have_text("Training dashboard")
    # Two people in Lewisham were assigned the module (the SPOC is one): one passed.
    by_module = row_of(page, "Completion by module: Lewisham", MODULE)
    expect(by_module.get_by_role("cell")).to_have_text(
        ["2", "2", "1", "0", "0", "1", "0", "0", "50%"]
    )
    expect(page.get_by_text("Nothing is overdue.")).to_be_visible()
    axe_check(page, "the dashboard")
    screenshot(page, "progress-dashboard")

    page.get_by_role("navigation", name="Dashboard pages").get_by_role(
        "link", name="By person"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Training by person")
    expect(page.get_by_text("2 people, ")).to_be_visible()
    people = page.get_by_role("table", name="Each person's status")
    headings = people.get_by_role("columnheader")
    expect(headings).to_have_text(["Name", "Borough or unit", MODULE, *OTHER_MODULES])
    expect(row_of(page, "Each person's status", officer).get_by_role("cell")).to_have_text(
        ["Lewisham", "Passed", "Not assigned", "Not assigned"]
    )
    expect(row_of(page, "Each person's status", spoc).get_by_role("cell")).to_have_text(
        ["Lewisham", "Not started", "Not assigned", "Not assigned"]
    )
    axe_check(page, "the dashboard's people page")
    screenshot(page, "progress-dashboard-people")


def test_another_borough_never_sees_the_officer_nor_the_officer_a_dashboard(
    page, sign_in, training, axe_check, screenshot
):
    module = ModulePage.objects.get(title=MODULE)
    assignment_create(
        by=get_user_model().objects.get(username="spoc"),
        page=module,
        borough=Borough.objects.get(slug="lewisham"),
        due_date=timezone.localdate() + timedelta(days=7),
    )
    officer = full_name("officer")

    # Croydon's SPOC: Croydon on every page, the Lewisham officer on none, even when asked.
    sign_in(page, "spoc-2", next_url="")
    expect(page.get_by_role("heading", level=1)).to_have_text("Training dashboard")
    expect(page.locator(".lead")).to_contain_text("Training of Croydon")
    expect(page.locator("body")).not_to_contain_text(officer)
    page.get_by_role("link", name="By person").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Training by person")
    expect(page.locator("body")).not_to_contain_text(officer)
    screenshot(page, "progress-croydon-people")
    page.get_by_role("link", name="Overdue").click()
    expect(page.locator("body")).not_to_contain_text(officer)
    page.goto("/training/dashboard/people/?team=borough-lewisham")
    expect(page.get_by_role("alert")).to_contain_text(
        "You can only choose a borough or unit whose training you see."
    )
    expect(page.locator("body")).not_to_contain_text(officer)
    screenshot(page, "progress-croydon-forged-filter")
    sign_out(page)

    # The officer asks for the dashboard: a plain page that says why, in their words.
    sign_in(page, "officer", next_url="")
    response = page.goto("/training/dashboard/")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Training dashboards are for trainers"
    )
    main = page.get_by_role("main")
    expect(main).to_contain_text("You are signed in as officer (Officer).")
    expect(main).not_to_contain_text("Traceback")
    expect(main).not_to_contain_text("PermissionDenied")
    expect(main.get_by_role("link", name="go to your training")).to_be_visible()
    axe_check(page, "the dashboard's 403 page")
    screenshot(page, "progress-officer-403")
    main.get_by_role("link", name="go to your training").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My training")
