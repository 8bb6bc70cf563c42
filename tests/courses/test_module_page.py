"""The module page: its lessons with a tick for each one the person has read, the button to
start or carry on, and the quiz panel for where the person stands with the quiz."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.services import lesson_view_record
from organisation.factories import ProfileFactory, UserFactory
from organisation.models import Borough
from organisation.roles import OFFICER
from quizzes.models.attempt import IN_PROGRESS
from quizzes.models.quiz import PRACTICE

from .helpers import attempt

pytestmark = pytest.mark.django_db


def person(username):
    return get_user_model().objects.get(username=username)


def quiz_panel(html: str) -> str:
    found = re.search(r'<section id="quiz".*?</section>', html, re.S)
    assert found, "no quiz panel"
    return found.group(0)


def start_form(panel: str) -> re.Match | None:
    return re.search(
        r'<form method="post" action="([^"]+)" class="quiz-start">(.*?)</form>', panel, re.S
    )


def test_signed_out_visitors_see_the_lessons_and_a_sign_in_link(training, client):
    module = training.modules["rag-table"]
    html = client.get(module.url).content.decode()
    assert html.count('<ol class="lesson-list">') == 1
    assert "How the traffic lights work" in html and "Three questions before you post" in html
    assert "Takes about 20 minutes." in html
    panel = quiz_panel(html)
    assert f'href="/accounts/login/?next={module.url}">Sign in to take the quiz</a>' in panel
    assert "<form" not in panel
    assert "read-tick" not in html


def test_no_attempts_yet_offers_the_quiz_and_practice(training, signed_in):
    module = training.modules["rag-table"]
    panel = quiz_panel(signed_in("officer").get(module.url).content.decode())
    assert "You have not taken this quiz yet. The pass mark is 80%." in panel
    form = start_form(panel)
    assert form.group(1) == reverse("quizzes:start", args=[module.quiz.pk])
    fields = form.group(2)
    assert 'name="csrfmiddlewaretoken"' in fields
    assert f'<input type="hidden" name="module" value="{module.pk}">' in fields
    assert (
        '<button type="submit" name="mode" value="assessed" class="button">Start the quiz</button>'
        in fields
    )
    assert 'name="mode" value="practice"' in fields and ">Practise</button>" in fields
    assert "Practice shows the answer after each question and never counts." in fields
    assert "Attempts left" not in panel  # no limit


def test_an_open_attempt_is_resumed_not_restarted(training, signed_in):
    module = training.modules["rag-table"]
    open_attempt = attempt(person("officer"), module.quiz, status=IN_PROGRESS)
    panel = quiz_panel(signed_in("officer").get(module.url).content.decode())
    resume = reverse("quizzes:attempt", args=[open_attempt.pk])
    assert f'<a class="button" href="{resume}">Resume your attempt</a>' in panel
    assert start_form(panel) is None


def test_a_passed_quiz_shows_the_best_score(training, signed_in):
    module = training.modules["rag-table"]
    officer = person("officer")
    attempt(officer, module.quiz, number=1, score=60, passed=False)
    attempt(officer, module.quiz, number=2, score=90, passed=True)
    panel = quiz_panel(signed_in("officer").get(module.url).content.decode())
    assert "You passed." in panel and "Your best score: 90%." in panel
    assert start_form(panel) is not None  # they may take it again or practise


def test_a_failed_attempt_shows_the_pass_mark(training, signed_in):
    module = training.modules["court-and-images"]
    attempt(person("officer"), module.quiz, score=70, passed=False)
    panel = quiz_panel(signed_in("officer").get(module.url).content.decode())
    assert "Not passed yet." in panel
    assert "Your best score: 70%; the pass mark is 80%." in panel
    assert "Posting a red item" in panel  # this quiz fails on one dangerous mistake


def test_attempts_left_are_shown_and_none_left_leaves_practice(training, signed_in):
    module = training.modules["rag-table"]
    quiz = module.quiz
    quiz.attempts_allowed = 2
    quiz.save()
    officer = person("officer")
    attempt(officer, quiz, number=1, score=50, passed=False)
    client = signed_in("officer")
    panel = quiz_panel(client.get(module.url).content.decode())
    assert "Attempts left: 1 of 2." in panel
    assert "Start the quiz" in panel

    attempt(officer, quiz, number=2, score=60, passed=False)
    panel = quiz_panel(client.get(module.url).content.decode())
    assert "You have used all 2 attempts. You can still practise." in panel
    form = start_form(panel)
    assert "Start the quiz" not in form.group(2)
    assert 'value="practice"' in form.group(2)


def test_an_open_practice_round_is_picked_up_by_practise(training, signed_in):
    module = training.modules["rag-table"]
    attempt(person("officer"), module.quiz, status=IN_PROGRESS, mode=PRACTICE)
    panel = quiz_panel(signed_in("officer").get(module.url).content.decode())
    assert "Practise carries on where you left off." in panel
    assert "Start the quiz" in panel


def test_an_unpublished_quiz_has_no_panel(training, signed_in):
    module = training.modules["rag-table"]
    module.quiz.unpublish()
    html = signed_in("officer").get(module.url).content.decode()
    assert 'id="quiz"' not in html


def test_read_lessons_are_ticked_and_the_button_carries_on(training, signed_in):
    module = training.modules["rag-table"]
    keys = [child.id for child in module.lessons]
    client = signed_in("officer")
    html = client.get(module.url).content.decode()
    assert (
        f'<a class="button" href="{module.url}lessons/{keys[0]}/">Start with lesson 1</a>' in html
    )
    assert "You have read 0 of 4 lessons." in html

    officer = person("officer")
    for key in (keys[0], keys[2], keys[2]):
        lesson_view_record(user=officer, module=module, lesson_key=key)
    html = client.get(module.url).content.decode()
    ticked = re.findall(r'<li class="is-read"><a href="[^"]+lessons/([^/]+)/"', html)
    assert ticked == [keys[0], keys[2]]
    assert html.count('<span aria-hidden="true">✓</span> Read</span>') == 2
    assert "You have read 2 of 4 lessons." in html
    assert (
        f'<a class="button" href="{module.url}lessons/{keys[1]}/">Continue with lesson 2</a>'
        in html
    )


def test_the_ticks_take_one_query_whatever_the_number_read(
    training, signed_in, django_assert_max_num_queries
):
    module = training.modules["rag-table"]
    client = signed_in("officer")
    with CaptureQueriesContext(connection) as none_read:
        client.get(module.url)
    officer = person("officer")
    for child in module.lessons:
        lesson_view_record(user=officer, module=module, lesson_key=child.id)
    with django_assert_max_num_queries(len(none_read)):
        client.get(module.url)


def test_an_officer_of_another_borough_sees_the_same_course_and_only_their_own_ticks(
    training, demo_users
):
    croydon = Borough.objects.get(slug="croydon")
    other = UserFactory(username="croydon-officer", password=demo_users, roles=[OFFICER])
    ProfileFactory(user=other, borough=croydon)
    module = training.modules["rag-table"]
    first = next(iter(module.lessons)).id
    lesson_view_record(user=person("officer"), module=module, lesson_key=first)
    attempt(person("officer"), module.quiz, score=100, passed=True)

    ours, theirs = Client(), Client()
    assert ours.login(username="officer", password=demo_users)
    assert theirs.login(username="croydon-officer", password=demo_users)
    links = r'<h[23]><a href="([^"]+)">'  # the courses on the index, the modules on a course
    for url in ("/training/", training.course.url):
        listed = re.findall(links, ours.get(url).content.decode())
        assert listed and listed == re.findall(links, theirs.get(url).content.decode())
    html = theirs.get(module.url).content.decode()
    assert "read-tick" not in html and "You have read 0 of 4 lessons." in html
    assert "You have not taken this quiz yet." in quiz_panel(html)
    course = theirs.get(training.course.url).content.decode()
    assert "Lessons read: 0 of 4" in course and "Quiz: not passed yet" in course
    course = ours.get(training.course.url).content.decode()
    assert "Lessons read: 1 of 4" in course and "Quiz: passed" in course
