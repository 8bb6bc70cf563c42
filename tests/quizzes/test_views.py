"""The learner's pages through the full Django stack: one question at a time as a post card,
answers saved as given, practice feedback at once, assessed feedback only after submitting."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from quizzes import services
from quizzes.models import Attempt
from quizzes.models.quiz import PRACTICE

from .conftest import make_quiz, publish_template

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_client(client, officer, guidance):
    client.force_login(officer)
    return client


def start_url(quiz):
    return reverse("quizzes:start", args=[quiz.pk])


def q_url(attempt, position):
    return reverse("quizzes:question", args=[attempt.pk, position])


def test_starting_shows_the_first_question_as_a_post_card(officer_client, quiz):
    response = officer_client.post(start_url(quiz), {"mode": "assessed"}, follow=True)
    attempt = Attempt.objects.get()
    assert response.redirect_chain[-1][0] == q_url(attempt, 1)
    page = response.content.decode()
    first = attempt.questions.get(position=1)
    assert 'class="post-card"' in page and "MPS Lewisham" in page and "@MPSLewisham" in page
    assert first.text in page
    for value, label in (
        ("GREEN", "Go for it!"),
        ("AMBER", "Ask DMC before posting"),
        ("RED", "Do not post, contact DMC"),
    ):
        assert f'type="radio" name="rating" value="{value}"' in page
        assert label in page
    assert "Question 1 of 6" in page


def test_an_answer_is_saved_and_the_next_question_follows(officer_client, quiz):
    officer_client.post(start_url(quiz), {"mode": "assessed"})
    attempt = Attempt.objects.get()
    response = officer_client.post(q_url(attempt, 1), {"rating": "AMBER"})
    assert response.status_code == 302 and response.url == q_url(attempt, 2)
    assert attempt.questions.get(position=1).answer_rating == "AMBER"
    # Without an answer: the same page, saying what is wrong, nothing saved.
    response = officer_client.post(q_url(attempt, 2), {})
    assert response.status_code == 200
    assert "Choose one of the three answers." in response.content.decode()
    assert not attempt.questions.get(position=2).answered


def test_javascript_saves_without_a_page_load_and_learns_nothing(officer_client, quiz):
    officer_client.post(start_url(quiz), {"mode": "assessed"})
    attempt = Attempt.objects.get()
    response = officer_client.post(
        q_url(attempt, 1), {"rating": "RED"}, headers={"Accept": "application/json"}
    )
    assert response.json() == {"saved": True, "position": 1}
    bad = officer_client.post(
        q_url(attempt, 1), {"rating": "BLUE"}, headers={"Accept": "application/json"}
    )
    assert bad.status_code == 400 and bad.json()["saved"] is False


def test_coming_back_resumes_at_the_first_unanswered_question(officer_client, quiz):
    officer_client.post(start_url(quiz), {"mode": "assessed"})
    attempt = Attempt.objects.get()
    for position in (1, 2, 3):
        officer_client.post(q_url(attempt, position), {"rating": "AMBER"})
    again = officer_client.post(start_url(quiz), {"mode": "assessed"}, follow=True)
    assert again.redirect_chain[-1][0] == q_url(attempt, 4)
    assert Attempt.objects.count() == 1


def every_response_of_an_attempt(client, attempt):
    """Every page and response an officer can get from an open attempt."""
    responses = [client.get(reverse("quizzes:attempt", args=[attempt.pk]), follow=True)]
    for q in attempt.questions.all():
        responses.append(client.get(q_url(attempt, q.position)))
        responses.append(client.post(q_url(attempt, q.position), {"rating": "AMBER"}, follow=True))
        responses.append(
            client.post(
                q_url(attempt, q.position),
                {"rating": "GREEN"},
                headers={"Accept": "application/json"},
            )
        )
    responses.append(client.get(reverse("quizzes:submit", args=[attempt.pk])))
    responses.append(client.get(reverse("quizzes:review", args=[attempt.pk]), follow=True))
    return responses


def test_no_page_of_an_assessed_attempt_leaks_an_answer_before_it_is_submitted(
    officer_client, small_bank
):
    quiz = make_quiz(
        title="No leaks",
        ask_contact=True,
        fixed=[("Who do you call at 2 am?", "* The Press Bureau\nNobody", "Day and night.")],
    )
    officer_client.post(start_url(quiz), {"mode": "assessed"})
    attempt = Attempt.objects.get()
    secrets = set()
    for q in attempt.questions.all():
        secrets.update(reason["summary"] for reason in q.verdict.get("reasons", []))
        if q.explanation:
            secrets.add(q.explanation)
    assert secrets
    for response in every_response_of_an_attempt(officer_client, attempt):
        body = response.content.decode()
        for secret in secrets:
            assert secret not in body and secret.replace("'", "&#x27;") not in body
        assert not re.search(
            r"Why it is (red|amber|green)|The right answer|Right\.|Not quite", body
        )
        assert 'id="verdict"' not in body
    assert Attempt.objects.get().is_open


def test_practice_shows_the_verdict_after_each_answer(officer_client, quiz):
    officer_client.post(start_url(quiz), {"mode": PRACTICE})
    attempt = Attempt.objects.get(mode=PRACTICE)
    first = attempt.questions.get(position=1)
    response = officer_client.post(q_url(attempt, 1), {"rating": first.rating}, follow=True)
    page = response.content.decode()
    assert response.redirect_chain[-1][0].startswith(q_url(attempt, 1))
    assert "Right." in page and 'id="verdict"' in page
    assert first.verdict["reasons"][0]["summary"].replace("'", "&#x27;") in page


def test_submitting_shows_the_review_and_a_second_submit_changes_nothing(officer_client, quiz):
    officer_client.post(start_url(quiz), {"mode": "assessed"})
    attempt = Attempt.objects.get()
    for q in attempt.questions.all():
        officer_client.post(q_url(attempt, q.position), {"rating": q.rating})
    check = officer_client.get(reverse("quizzes:submit", args=[attempt.pk])).content.decode()
    assert "You have answered every question." in check
    review = officer_client.post(reverse("quizzes:submit", args=[attempt.pk]), follow=True)
    page = review.content.decode()
    assert "Passed: 100%" in page
    assert "Dangerous mistakes: 0" in page
    assert page.count("The right answer") == 6
    assert "Read: " in page
    attempt.refresh_from_db()
    finished = attempt.finished_at
    officer_client.post(reverse("quizzes:submit", args=[attempt.pk]))
    attempt.refresh_from_db()
    assert attempt.finished_at == finished


def test_another_officer_cannot_see_or_touch_an_attempt(client, officer, other_officer, quiz):
    attempt = services.attempt_start(user=officer, quiz=quiz)
    client.force_login(other_officer)
    for url in (
        reverse("quizzes:attempt", args=[attempt.pk]),
        q_url(attempt, 1),
        reverse("quizzes:submit", args=[attempt.pk]),
        reverse("quizzes:review", args=[attempt.pk]),
    ):
        assert client.get(url).status_code == 404
    assert client.post(q_url(attempt, 1), {"rating": "RED"}).status_code == 404
    assert client.post(reverse("quizzes:submit", args=[attempt.pk])).status_code == 404
    assert attempt.questions.filter(answered_at__isnull=False).count() == 0


def test_signed_out_visitors_are_sent_to_sign_in(client, quiz):
    response = client.post(start_url(quiz), {"mode": "assessed"})
    assert response.status_code == 302 and "/accounts/login/" in response.url
    assert not Attempt.objects.exists()


def test_a_refused_start_says_why(officer_client, officer, small_bank):
    quiz = make_quiz(title="Once", attempts_allowed=1)
    attempt = services.attempt_start(user=officer, quiz=quiz)
    services.attempt_submit(user=officer, attempt=attempt)
    response = officer_client.post(start_url(quiz), {"mode": "assessed"}, follow=True)
    assert "You have used all 1 attempts" in response.content.decode()


def measure(client, officer, quiz) -> dict[str, int]:
    """Queries of the question page, an answer save and the review, for one quiz."""
    attempt = services.attempt_start(user=officer, quiz=quiz)
    url = q_url(attempt, 2)
    client.get(url)  # warm the per-process caches (the rulebook, the site's root paths)
    with CaptureQueriesContext(connection) as page:
        client.get(url)
    with CaptureQueriesContext(connection) as save:
        client.post(url, {"rating": "AMBER"})
    for q in attempt.questions.all():
        services.answer_save(user=officer, attempt=attempt, position=q.position, rating="AMBER")
    services.attempt_submit(user=officer, attempt=attempt)
    review_url = reverse("quizzes:review", args=[attempt.pk])
    client.get(review_url)
    with CaptureQueriesContext(connection) as review:
        client.get(review_url)
    return {
        "questions": attempt.questions.count(),
        "page": len(page),
        "save": len(save),
        "review": len(review),
    }


def test_queries_do_not_grow_with_the_quiz(officer_client, officer, small_bank, run_queued_jobs):
    """The question page, an answer save and the review: as many queries for 5 as for 50."""
    wards = "\n".join(f"Ward {n}" for n in range(60))
    publish_template(
        "many-wards",
        "Officers in {ward} held a street meeting.",
        "topic: community-meeting",
        [("ward", wards)],
    )
    run_queued_jobs()
    five = measure(officer_client, officer, make_quiz(title="Five", question_count=5))
    fifty = measure(officer_client, officer, make_quiz(title="Fifty", question_count=50))
    assert (five["questions"], fifty["questions"]) == (5, 50)
    assert {k: v for k, v in five.items() if k != "questions"} == {
        k: v for k, v in fifty.items() if k != "questions"
    }
