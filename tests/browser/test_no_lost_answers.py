"""No lost answers (issue 10, reliability 4), proven through the real question page with
JavaScript on.

Twenty attempts, each in a new browser context. At seeded random points the test cuts the
network before a save or while it is on its way (the server saved it but the answer never
came back), closes the page before or after the server got a save, reloads, or changes its
mind twice in a row. Requests are held with `page.route` so that whether the server got a
save never depends on timing. The test keeps its own ledger of what the officer chose and
of what the page said was saved; at the end the database must agree with it: every answer
the page confirmed is there as confirmed (or replaced by one chosen after it), and nothing is
there that the officer never chose.
"""

import contextlib
import random
import re
import time
from collections import Counter, defaultdict
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from organisation.models import Borough
from quizzes import services
from quizzes.models import Attempt
from quizzes.models.attempt import EXPIRED, FIXED
from scenarios.rules import ACTIONS
from tests.quizzes.conftest import TEMPLATES, make_quiz, publish_template

pytestmark = [pytest.mark.browser]

SEED = 20261126
ATTEMPTS = 20
LAST_SECONDS = 6  # left on the clock for the last answer: enough for a slow machine to save it
OFFLINE = "Not saved: you are offline, your answer will be sent when you are back."
FAULTS = {  # how often each happens to a question; the rest are answered plainly
    "offline_before": 0.10,
    "cut_during": 0.10,
    "close_before_server": 0.07,
    "close_after_server": 0.07,
    "reload": 0.08,
    "change_mind": 0.10,
}
WRITTEN = (
    "Who do you call at 2 am about a breaking major incident?",
    "* DMC's 24-hour Press Bureau\nYour borough SPOC\nNobody: post it yourself",
    "Breaking incidents go to the Press Bureau, day and night.",
)


@pytest.fixture
def bank(site_data, run_queued_jobs):
    lewisham = Borough.objects.get(slug="lewisham")
    for spec in TEMPLATES:
        publish_template(*spec, borough=lewisham)
    run_queued_jobs()  # with a real Redis the approvals' generation waits in the queue
    return get_user_model().objects.get(username="officer")


def words_in_db(question) -> str | None:
    """The saved answer in the words the page labels it with; None if unanswered."""
    if not question.answered:
        return None
    if question.kind == FIXED:
        return question.choices[question.answer_choice]
    return ACTIONS[question.answer_rating]


def status(page):
    return page.locator("#save-status")


def heading(page) -> str:
    return page.get_by_role("heading", level=1).inner_text()


def options(page) -> list[str]:
    return page.locator("#answer-form .big-choice label").all_inner_texts()


def expect_saved(page, words: str):
    expect(status(page)).to_have_attribute("data-state", "saved")
    expect(status(page)).to_have_text(f"Saved: “{words}”.")
    expect(page.get_by_label(words, exact=True)).to_be_checked()


class Run:
    """One officer's attempt in one browser context, with the ledger of what happened."""

    def __init__(self, context, attempt, rng, ledger, tally, axe_check):
        self.context = context
        self.attempt = attempt
        self.rng = rng
        self.ledger = ledger
        self.tally = tally
        self.axe_check = axe_check
        self.page = None

    # The ledger: ("chose", words) when the officer clicks, ("saved", words) when the page
    # says so (in its live region, or by having moved on after the plain form post).
    def chose(self, position, words):
        self.ledger[(self.attempt.pk, position)].append(("chose", words))

    def confirmed(self, position, words):
        self.ledger[(self.attempt.pk, position)].append(("saved", words))

    def open(self):
        """(Re)open the attempt as an officer coming back would: it resumes by itself."""
        self.page = self.context.new_page()
        self.page.goto(f"/attempts/{self.attempt.pk}/")

    def position(self) -> int | None:
        found = re.fullmatch(r"Question (\d+) of \d+", heading(self.page))
        return int(found.group(1)) if found else None

    def cut_save(self, position, *, reach_server: bool, then_offline: bool = False):
        """Fail every save of this question from now on; the server gets the first one (and
        saves it) only if `reach_server`. The page never hears back: with `then_offline` the
        network goes down with it, else the connection fails (and so do the page's retries).
        Each save is answered here, never left pending: a pending one would go on to the
        server when the page closes."""
        caught = []

        def handle(route):
            if route.request.method != "POST":
                route.continue_()
                return
            if reach_server and not caught:
                route.fetch()  # the server has saved it when this returns
            if then_offline:
                self.context.set_offline(True)
            # Going offline may already have failed it in Chromium: the same to the page.
            with contextlib.suppress(PlaywrightError):
                route.abort("internetdisconnected" if then_offline else "connectionreset")
            caught.append(route)  # last: the test goes on (and may unroute) only after this

        self.page.route(self.url(position), handle)
        return caught

    def url(self, position) -> str:
        return f"**/attempts/{self.attempt.pk}/questions/{position}/"

    def wait_caught(self, caught):
        for _ in range(200):
            if caught:
                return
            self.page.wait_for_timeout(10)
        raise AssertionError("The page never sent the save.")

    def resume(self, closed_at: int):
        """Come back after closing the page: the first unanswered question, earlier answers
        shown as saved."""
        self.open()
        unanswered = list(
            self.attempt.questions.filter(answered_at__isnull=True)
            .order_by("position")
            .values_list("position", flat=True)
        )
        if not unanswered:
            expect(self.page.get_by_role("heading", level=1)).to_have_text("Check your answers")
            return
        first = unanswered[0]
        expect(self.page.get_by_role("heading", level=1)).to_have_text(
            re.compile(rf"Question {first} of ")
        )
        assert first in (closed_at, closed_at + 1), (first, closed_at)
        # Every answer the page confirmed before is in the database, so never asked again.
        confirmed = {
            position
            for (pk, position), events in self.ledger.items()
            if pk == self.attempt.pk and any(kind == "saved" for kind, _ in events)
        }
        assert first not in confirmed
        if first > 1:
            self.page.get_by_role("link", name="Previous question").click()
            earlier = self.attempt.questions.get(position=first - 1)
            expect_saved(self.page, words_in_db(earlier))
            self.confirmed(first - 1, words_in_db(earlier))
            self.page.get_by_role("link", name="Next question").click()
            expect(self.page.get_by_role("heading", level=1)).to_have_text(
                re.compile(rf"Question {first} of ")
            )
        self.tally["resumed"] += 1

    def move_on(self, position, words):
        """The button: a plain form post, which moves on only once it has saved."""
        self.page.get_by_role("button", name="Save and continue").click()
        expect(self.page.get_by_role("heading", level=1)).not_to_have_text(
            re.compile(rf"Question {position} of ")
        )
        self.confirmed(position, words)

    def answer(self, position):
        """Answer the question on the page, with whatever fault the dice pick."""
        page = self.page
        words = self.rng.choice(options(page))
        roll, fault = self.rng.random(), "plain"
        for name, chance in FAULTS.items():
            if roll < chance:
                fault = name
                break
            roll -= chance
        self.tally[fault] += 1

        if fault == "offline_before":
            self.context.set_offline(True)
            self.chose(position, words)
            page.get_by_label(words, exact=True).check()
            expect(status(page)).to_have_text(OFFLINE)
            expect(status(page)).to_have_attribute("data-state", "offline")
            if not self.tally["axe_offline"]:
                self.axe_check(page, "a question whose answer could not be saved offline")
                self.tally["axe_offline"] += 1
            if self.rng.random() < 0.3:
                page.close()  # never reached the server: not saved, and never confirmed
                self.context.set_offline(False)
                self.resume(position)
                return
            if self.rng.random() < 0.5:
                # The button waits for the connection rather than fail to load a page.
                page.get_by_role("button", name="Save and continue").click()
                expect(status(page)).to_have_text(OFFLINE)
                self.context.set_offline(False)
                expect(page.get_by_role("heading", level=1)).not_to_have_text(
                    re.compile(rf"Question {position} of ")
                )
                self.confirmed(position, words)
                return
            self.context.set_offline(False)
            expect_saved(page, words)
            self.confirmed(position, words)
        elif fault == "cut_during":
            caught = self.cut_save(position, reach_server=True, then_offline=True)
            self.chose(position, words)
            page.get_by_label(words, exact=True).check()
            self.wait_caught(caught)
            page.unroute(self.url(position))
            # The server saved it, but the page never heard: it must not claim it is saved.
            expect(status(page)).to_have_text(OFFLINE)
            if self.rng.random() < 0.3:
                page.close()
                self.context.set_offline(False)
                self.resume(position)
                return
            self.context.set_offline(False)
            expect_saved(page, words)  # sent again when back online
            self.confirmed(position, words)
        elif fault in ("close_before_server", "close_after_server"):
            caught = self.cut_save(position, reach_server=fault == "close_after_server")
            self.chose(position, words)
            page.get_by_label(words, exact=True).check()
            self.wait_caught(caught)
            expect(status(page)).to_have_text("Not saved: the connection failed. Trying again…")
            page.close()
            self.resume(position)
            return
        elif fault == "reload":
            self.chose(position, words)
            page.get_by_label(words, exact=True).check()
            expect_saved(page, words)
            self.confirmed(position, words)
            page.reload()
            expect_saved(page, words)  # now said by the server, from the database
        elif fault == "change_mind":
            first, second = self.rng.sample(options(page), 2)
            self.chose(position, first)
            page.get_by_label(first, exact=True).check()
            self.chose(position, second)
            page.get_by_label(second, exact=True).check()
            words = second
            expect_saved(page, words)  # the last choice, never overtaken by the first
            self.confirmed(position, words)
        else:
            self.chose(position, words)
            page.get_by_label(words, exact=True).check()
            expect_saved(page, words)
            self.confirmed(position, words)
        self.move_on(position, words)

    def take(self):
        self.open()
        for _ in range(50):  # far more than a quiz needs, unless it never ends
            position = self.position()
            if position is None:
                break
            self.answer(position)
        expect(self.page.get_by_role("heading", level=1)).to_have_text("Check your answers")
        expect(self.page.get_by_text("You have answered every question.")).to_be_visible()
        self.page.get_by_role("button", name="Submit my answers").click()
        expect(self.page.get_by_role("heading", level=1)).to_contain_text("Your result")


def check_against_ledger(ledger, attempts) -> Counter:
    counts = Counter()
    for attempt in attempts:
        for question in attempt.questions.all():
            events = ledger[(attempt.pk, question.position)]
            in_db = words_in_db(question)
            chosen = {words for kind, words in events if kind == "chose"}
            saved = [i for i, (kind, _) in enumerate(events) if kind == "saved"]
            where = f"attempt {attempt.pk} question {question.position}: {events} vs {in_db!r}"
            assert in_db is None or in_db in chosen, "saved what was never chosen: " + where
            if saved:
                last = events[saved[-1]][1]
                later = {words for kind, words in events[saved[-1] + 1 :] if kind == "chose"}
                assert in_db == last or in_db in later, "a confirmed answer was lost: " + where
                counts["confirmed"] += 1
            if question.answered and not saved:
                counts["saved unconfirmed"] += 1  # the server got it; the page never said so
    return counts


def test_no_answer_the_page_confirmed_is_ever_lost(bank, new_context, log_in, axe_check):
    started = time.monotonic()
    quiz = make_quiz(title="No lost answers", question_count=4, fixed=[WRITTEN])
    rng = random.Random(SEED)
    ledger, tally, attempts = defaultdict(list), Counter(), []
    for number in range(ATTEMPTS):
        attempt = services.attempt_start(user=bank, quiz=quiz, seed=SEED + number)
        attempts.append(attempt)
        context = new_context()
        log_in(context.new_page())
        Run(context, attempt, rng, ledger, tally, axe_check).take()
        context.close()

    assert all(a.status != "in_progress" for a in Attempt.objects.filter(quiz=quiz))
    counts = check_against_ledger(ledger, attempts)
    assert Attempt.objects.filter(quiz=quiz).count() == ATTEMPTS
    # Every fault really happened (the seed fixes how often), and almost every answer was
    # confirmed by the page before the attempt was submitted.
    for fault in (*FAULTS, "resumed"):
        assert tally[fault] >= 2, tally
    assert counts["confirmed"] >= ATTEMPTS * 5 - 5, counts
    print(f"\n{dict(tally)} {dict(counts)} in {time.monotonic() - started:.1f} s")


def test_time_up_keeps_the_last_saved_answers_and_refuses_later_ones(
    bank, new_context, log_in, axe_check
):
    quiz = make_quiz(title="Timed", question_count=5, time_limit_minutes=10)
    attempt = services.attempt_start(user=bank, quiz=quiz, seed=SEED)
    context = new_context()
    page = log_in(context.new_page())
    page.goto(f"/attempts/{attempt.pk}/")
    given = {}
    for position in (1, 2):
        words = options(page)[position % 3]
        page.get_by_label(words, exact=True).check()
        expect_saved(page, words)
        given[position] = words
        page.get_by_role("button", name="Save and continue").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            re.compile(f"Question {position + 1} of")
        )

    # A second tab without JavaScript has question 5 open too.
    plain = new_context(java_script_enabled=False)
    no_js = log_in(plain.new_page())
    no_js.goto(f"/attempts/{attempt.pk}/questions/5/")
    expect(no_js.get_by_role("heading", level=1)).to_have_text(re.compile("Question 5 of"))

    # The clock runs down: seconds left, and the officer answers question 3 in them.
    deadline = timezone.now() + timedelta(seconds=LAST_SECONDS)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=deadline)
    words = options(page)[0]
    page.get_by_label(words, exact=True).check()
    expect_saved(page, words)
    given[3] = words
    page.get_by_role("link", name="Next question").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Question 4 of"))

    time.sleep(max(0.0, (deadline - timezone.now()).total_seconds()) + 0.2)
    call_command("expire_attempts", verbosity=0)

    attempt.refresh_from_db()
    assert attempt.status == EXPIRED and attempt.score is not None
    saved = {q.position: q for q in attempt.questions.all()}
    assert {p: words_in_db(saved[p]) for p in given} == given
    assert deadline - timedelta(seconds=LAST_SECONDS) < saved[3].answered_at < deadline

    # A save arriving after the deadline: refused, and the page says so in words.
    page.get_by_label(options(page)[1], exact=True).check()
    refused = status(page)
    expect(refused).to_have_attribute("data-state", "refused")
    when = timezone.localtime(deadline).strftime("%H:%M")
    expect(refused).to_contain_text(f"Not saved: time was up at {when}")
    expect(page.get_by_label(options(page)[1], exact=True)).to_be_disabled()
    axe_check(page, "a question whose answer came after the time limit")
    refused.get_by_role("link", name="See your result").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Your result")

    # Without JavaScript the form post is refused the same way, on the result page.
    no_js.get_by_label(options(no_js)[2], exact=True).check()
    no_js.get_by_role("button", name="Save and continue").click()
    expect(no_js.get_by_role("heading", level=1)).to_contain_text("Your result")
    expect(no_js.locator(".messages")).to_contain_text(f"Not saved: time was up at {when}")

    later = {q.position: q for q in attempt.questions.all()}
    assert not later[4].answered and not later[5].answered
    assert {p: words_in_db(later[p]) for p in given} == given
