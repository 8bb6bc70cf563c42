"""The draft checker at /check/ in a real browser, with and without JavaScript.

A verdict reads, in order: the rating and the action; what to do next, worded to agree with the
rating; who to contact and how (from the contact settings), unless it is green; why, with the
reasons that decided it; then the other answers, worded as context ("also checked"). Every
reason links to its guidance section by the section's heading, never by a rule id.
"""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("site_data")]

DESKTOP = {"width": 1100, "height": 900}
NARROW = {"width": 320, "height": 640}
COURT_CASES = "/guidance/local-communication/#court-cases"
# What a reason's link must never show: an id ("named-before-charge", "court-cases") where the
# section's heading belongs.
AN_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)+$")
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


def heading(verdict, name):
    return verdict.get_by_role("heading", name=name, exact=True)


def reasons_under(verdict, title: str):
    """The reasons listed under the heading `title` ("Why it is red", "Also checked")."""
    return heading(verdict, title).locator("xpath=following-sibling::ul[1]").get_by_role("listitem")


def expect_guidance_links_named_by_section(verdict):
    """Every reason's link reads "Read: <the section's heading>"."""
    links = verdict.locator("ul.reasons").get_by_role("link")
    assert links.count() > 0
    for name in links.all_inner_texts():
        assert name.startswith("Read: "), name
        section = name.removeprefix("Read: ")
        # "the guidance" is what the page says when the section no longer exists.
        assert section != "the guidance", f"a reason links to a missing section: {name}"
        assert not AN_ID.match(section), f"an id, not a heading: {name}"


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
    expect(verdict).to_be_focused()  # the script takes the reader to what they came for
    reason = verdict.locator(f".reasons a[href='{COURT_CASES}']")
    expect(reason).to_have_count(1)
    expect(reason).to_have_text("Read: Court cases: the sentencing window")

    # The form keeps the answers: change only the days.
    expect(page.get_by_label("What is it about?")).to_have_value("court-result")
    page.get_by_label("How many days ago was the sentence passed?").fill("7")
    verdict = check_draft(page)
    expect_verdict(verdict, "AMBER")
    expect(verdict).to_be_focused()
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
    expect(verdict.locator(f".reasons a[href='{COURT_CASES}']")).to_have_text(
        "Read: Court cases: the sentencing window"
    )
    expect(verdict.locator(".next-step")).to_have_text(re.compile(r"^Do not post it\."))

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


def check_red_burglary(page):
    """A burglary post that names a suspect before charge, with a general photo, that the
    national media would want."""
    page.get_by_label("Your draft post").fill(
        "We have arrested John Smith, 34, of Catford Road, for the burglary of a jeweller's "
        "on Rushey Green. 📷 Officers at the scene this morning."
    )
    choose_topic(page, "burglary")
    page.get_by_label("A general photo").check()
    page.locator("#id_wider_interest").get_by_label("Yes").check()
    page.get_by_label("Name someone who has been arrested but not charged").check()
    return check_draft(page)


def test_a_red_verdict_names_what_decided_it_and_who_to_tell(
    page, log_in, demo_contacts, screenshot
):
    open_checker(page, log_in)
    verdict = check_red_burglary(page)
    expect(verdict).to_be_focused()
    expect_verdict(verdict, "RED")
    expect(verdict.get_by_role("heading", level=2)).to_have_text("Red Do not post, contact DMC")

    expect(verdict.locator(".next-step")).to_have_text(
        "Do not post it. Tell DMC’s 24-hour Press Bureau about it now."
    )
    contact = verdict.locator(".contact-line")
    expect(contact).to_have_text(
        "Who to contact: DMC’s 24-hour Press Bureau: call "
        f"{demo_contacts['press_bureau_phone']} or email {demo_contacts['press_bureau_email']}."
    )
    phone = demo_contacts["press_bureau_phone"]
    expect(contact.get_by_role("link", name=phone)).to_have_attribute(
        "href", "tel:" + phone.replace(" ", "")
    )
    email = demo_contacts["press_bureau_email"]
    expect(contact.get_by_role("link", name=email)).to_have_attribute("href", f"mailto:{email}")

    deciding = reasons_under(verdict, "Why it is red")
    expect(deciding).to_have_count(2)
    expect(deciding.nth(0)).to_contain_text("arrested but not charged")
    expect(deciding.nth(0).get_by_role("link")).to_have_text("Read: Naming suspects")
    expect(deciding.nth(0).get_by_role("link")).to_have_attribute(
        "href", "/guidance/media-law/#naming-suspects"
    )
    expect(deciding.nth(1)).to_contain_text("likely to interest media beyond your local papers")
    expect(deciding.nth(1).get_by_role("link")).to_have_text(
        "Read: Stories of wider interest go to DMC early"
    )

    also = reasons_under(verdict, "Also checked")
    expect(also).to_have_count(2)
    expect(also.nth(0)).to_contain_text("On its own, burglary would be green.")
    expect(also.nth(1)).to_contain_text("On its own, a general photo would be fine")
    expect(also.nth(1).get_by_role("link")).to_have_text("Read: Photos make posts better")
    # Context never tells the reader to go ahead under a red verdict.
    expect(
        also.filter(has_text=re.compile(r"go for it|post (this|it) yourself", re.I))
    ).to_have_count(0)
    expect_guidance_links_named_by_section(verdict)

    page.set_viewport_size(DESKTOP)
    screenshot(page, "officer-checker-red-1100")
    page.set_viewport_size(NARROW)
    expect(verdict).to_be_visible()
    screenshot(page, "officer-checker-red-320")


def test_a_verdict_with_a_contact_reads_without_sideways_scrolling_at_320px(
    page, log_in, demo_contacts
):
    page.set_viewport_size(NARROW)
    open_checker(page, log_in)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= NARROW["width"], f"the empty checker scrolls sideways: {width}px"
    verdict = check_red_burglary(page)
    expect(verdict.locator(".contact-line")).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= NARROW["width"], f"the verdict scrolls sideways at 320px: {width}px"


def test_an_amber_court_result_says_ask_dmc_first_and_nothing_contradicts_it(
    page, log_in, demo_contacts, screenshot
):
    open_checker(page, log_in)
    choose_topic(page, "court-result")
    answer_court_result(page, days=3)
    verdict = check_draft(page)
    expect(verdict).to_be_focused()
    expect_verdict(verdict, "AMBER")
    expect(verdict.get_by_role("heading", level=2)).to_have_text("Amber Ask DMC before posting")
    expect(verdict.locator(".next-step")).to_have_text(
        "Ask DMC before you post, and post only once they agree."
    )
    contact = verdict.locator(".contact-line")
    expect(contact).to_contain_text("Who to contact: DMC Borough Support desk: call")
    phone, email = demo_contacts["dmc_phone"], demo_contacts["dmc_email"]
    expect(contact.get_by_role("link", name=phone)).to_have_attribute(
        "href", "tel:" + phone.replace(" ", "")
    )
    expect(contact.get_by_role("link", name=email)).to_have_attribute("href", f"mailto:{email}")
    expect(contact).to_contain_text(demo_contacts["dmc_hours"])

    deciding = reasons_under(verdict, "Why it is amber")
    expect(deciding).to_have_count(1)
    expect(deciding.first).to_contain_text("already in the public domain")
    expect(deciding.first.get_by_role("link")).to_have_attribute("href", "/guidance/rag/#amber")
    # Three days is inside the sentencing window: nothing may say red, or "do not post".
    expect(heading(verdict, "Also checked")).to_have_count(0)
    expect(verdict).not_to_contain_text(re.compile(r"do not post|would be red|\bred\b", re.I))
    expect_guidance_links_named_by_section(verdict)

    page.set_viewport_size(DESKTOP)
    screenshot(page, "officer-checker-amber-1100")


def test_a_green_burglary_says_post_it_yourself_and_names_no_contact(
    page, log_in, demo_contacts, screenshot
):
    open_checker(page, log_in)
    page.get_by_label("Your draft post").fill(
        "Shed break-ins are up in Lee Green: lock tools away and mark them with your postcode."
    )
    choose_topic(page, "burglary")
    verdict = check_draft(page)
    expect(verdict).to_be_focused()
    expect_verdict(verdict, "GREEN")
    expect(verdict.locator(".next-step")).to_have_text(
        "Post it yourself: no one needs to approve it."
    )
    expect(verdict.locator(".contact-line")).to_have_count(0)
    expect(verdict).not_to_contain_text("Who to contact")
    deciding = reasons_under(verdict, "Why it is green")
    expect(deciding).to_have_count(1)
    expect(deciding.first.get_by_role("link")).to_have_attribute("href", "/guidance/rag/#green")
    expect(verdict).not_to_contain_text(re.compile(r"do not post|ask dmc before", re.I))
    expect_guidance_links_named_by_section(verdict)

    page.set_viewport_size(DESKTOP)
    screenshot(page, "officer-checker-green-1100")


@pytest.fixture
def topic_model(site_data):
    from scenarios.topic_model import forget_loaded, topic_model_train

    forget_loaded()
    topic_model_train()
    yield
    forget_loaded()


@pytest.mark.parametrize("javascript", [True, False])
def test_a_pasted_draft_is_suggested_then_confirmed(
    new_context, topic_model, log_in, axe_check, javascript
):
    page = new_context(java_script_enabled=javascript).new_page()
    open_checker(page, log_in)
    page.get_by_label("Your draft post").fill(
        "Tom Reid, 22, of Carshalton was arrested yesterday on suspicion of burglary at a "
        "house on Stanley Park Road. #Sutton"
    )
    page.get_by_role("button", name="Continue").click()
    suggestion = page.locator("#suggestion")
    expect(suggestion).to_contain_text("What your draft suggests")
    expect(suggestion).to_contain_text("names a person: 'Tom Reid'")
    if javascript:
        expect(suggestion).to_be_focused()
    named = page.get_by_label("Name someone who has been arrested but not charged")
    expect(named).to_be_checked()
    expect(page.get_by_label("What is it about?")).to_have_value("burglary")
    if javascript:  # axe runs in the page: it needs JavaScript
        axe_check(page, "/check/ with a suggestion")

    expect_verdict(check_draft(page), "RED")  # as suggested, confirmed
    named.uncheck()  # the officer takes the name out of the post
    expect_verdict(check_draft(page), "GREEN")
