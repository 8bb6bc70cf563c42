"""The course page: its modules in order, each with the person's progress, in a number of
queries that does not grow with the number of modules."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.services import lesson_view_record
from quizzes.factories import QuizFactory

from .helpers import add_course, add_module, attempt, content_lesson

pytestmark = pytest.mark.django_db


def add_modules(course, officer, start: int, count: int) -> None:
    """Modules of four lessons and a quiz each; the officer has read two lessons of each and
    passed every other quiz."""
    for n in range(start, start + count):
        quiz = QuizFactory(title=f"Quiz {n}")
        lessons = [content_lesson(f"Lesson {n}.{i}") for i in range(1, 5)]
        module = add_module(course, f"Module {n}", lessons, quiz=quiz)
        for child in list(module.lessons)[:2]:
            lesson_view_record(user=officer, module=module, lesson_key=child.id)
        attempt(officer, quiz, score=90 if n % 2 else 40, passed=bool(n % 2))


def test_progress_per_module_in_queries_that_do_not_grow(
    training, signed_in, django_assert_max_num_queries
):
    officer = get_user_model().objects.get(username="officer")
    course = add_course(training.index, "Query count course")
    client = signed_in("officer")
    add_modules(course, officer, 1, 3)
    with CaptureQueriesContext(connection) as three:
        html = client.get(course.url).content.decode()
    assert html.count("Lessons read: 2 of 4") == 3
    assert html.count("Quiz: passed") == 2 and html.count("Quiz: not passed yet") == 1

    add_modules(course, officer, 4, 3)
    with django_assert_max_num_queries(len(three)):
        html = client.get(course.url).content.decode()
    assert html.count("Lessons read: 2 of 4") == 6
    assert html.count("Quiz: passed") == 3


def test_signed_out_the_course_lists_modules_without_progress(training, client):
    html = client.get(training.course.url).content.decode()
    assert "About 20 minutes" in html and "4 lessons" in html and "3 lessons" in html
    assert "Lessons read" not in html and "Quiz:" not in html


def test_a_lesson_read_then_removed_no_longer_counts(training, signed_in):
    officer = get_user_model().objects.get(username="officer")
    module = training.modules["roles-and-contacts"]
    first, second = [child.id for child in module.lessons][:2]
    lesson_view_record(user=officer, module=module, lesson_key=first)
    lesson_view_record(user=officer, module=module, lesson_key=second)
    del module.lessons[0]  # the others keep their ids, and their ticks
    module.save_revision().publish()
    html = signed_in("officer").get(training.course.url).content.decode()
    assert "Lessons read: 1 of 2" in html
