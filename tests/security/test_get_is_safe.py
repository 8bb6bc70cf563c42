"""Point 2's second half: no GET changes state. The matrix (test_url_matrix.py) takes a row
count of every model around each of its GETs; these tests show the count sees a write, that
only the tables meant to be left out are, and walk every live Wagtail page and every lesson,
which the matrix covers by one representative each."""

from __future__ import annotations

from django.apps import apps
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

from courses.loader import load_courses
from courses.models import ModulePage
from organisation.models import ContactSettings
from tests.security.counts import IGNORED_TABLES, changed, snapshot, tables


def _training(guidance, signed_in):
    load_courses()
    # Wagtail makes the contact settings' row the first time any page reads it (a get_or_create
    # in `load()`): made here, as every running site has it, so the count is about the pages.
    ContactSettings.load()
    return signed_in("officer")


def test_the_count_sees_a_post_that_records_a_lesson(guidance, signed_in):
    client = _training(guidance, signed_in)
    module = ModulePage.objects.live().first()
    names = tables()
    before = snapshot(names)
    response = client.post(reverse("courses:lesson_read", args=[module.pk, module.lessons[0].id]))
    assert response.status_code == 302
    assert changed(before, snapshot(names)) == {
        "courses_lessonview": (0, 1),
        "courses_trainingrecord": (0, 1),  # reading a lesson starts the module
    }


def test_only_sessions_and_the_sign_in_log_are_left_out():
    every = {m._meta.db_table for m in apps.get_models(include_auto_created=True)}
    assert every >= IGNORED_TABLES, "a left-out table no longer exists: update counts.py"
    counted = set(tables())
    assert counted.isdisjoint(IGNORED_TABLES)
    # Everything else is counted: training records, attempts, audit entries, through tables.
    assert every - counted - IGNORED_TABLES <= {
        m._meta.db_table for m in apps.get_models() if not m._meta.managed or m._meta.proxy
    }


def test_no_page_or_lesson_served_by_wagtail_changes_anything(guidance, signed_in):
    officer = _training(guidance, signed_in)
    urls = [page.url for page in Page.objects.live().specific() if page.url]
    for module in ModulePage.objects.live():
        urls += [module.lesson_url(lesson.id) for lesson in module.lessons]
    assert len(urls) > 20  # the guidance, the course, its modules and their lessons
    names = tables()
    before = snapshot(names)
    for client in (Client(), officer):
        for url in urls:
            assert client.get(url).status_code in (200, 302), url
    assert changed(before, snapshot(names)) == {}
