"""A module's lessons at <module url>lessons/<block id>/, and the Next button that records a
lesson as read (by POST only) and goes on."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from courses.course_files import lesson_id
from courses.models import LessonView
from courses.services import UnknownLesson, lesson_view_record
from home import live_values

from .helpers import add_course, add_module, content_lesson, guidance_lesson

pytestmark = pytest.mark.django_db


def keys(module):
    return [child.id for child in module.lessons]


def test_each_lesson_is_served_at_its_block_id(training, signed_in):
    client = signed_in("officer")
    module = training.modules["rag-table"]
    for number, key in enumerate(keys(module), start=1):
        response = client.get(f"{module.url}lessons/{key}/")
        assert response.status_code == 200
        html = response.content.decode()
        assert f"Lesson {number} of 4" in html
        assert html.count("<h1") == 1
        assert f'href="{module.url}">Back to the module</a>' in html


def test_lesson_ids_are_the_stable_ids_the_loader_gives(training):
    module = training.modules["court-and-images"]
    assert keys(module)[0] == lesson_id("borough-essentials", "court-and-images", "court-cases")


def test_an_unknown_lesson_is_a_404(training, signed_in):
    module = training.modules["rag-table"]
    assert signed_in("officer").get(f"{module.url}lessons/no-such-lesson/").status_code == 404
    assert Client().get(f"{module.url}lessons/no-such-lesson/").status_code == 404


def test_a_lesson_signed_out_goes_to_sign_in(training, client):
    module = training.modules["rag-table"]
    url = f"{module.url}lessons/{keys(module)[0]}/"
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert url in response["Location"].replace("%2F", "/")


def test_a_guidance_lesson_shows_that_section_as_the_guidance_does(training, signed_in):
    module = training.modules["court-and-images"]
    html = signed_in("officer").get(f"{module.url}lessons/{keys(module)[0]}/").content.decode()
    assert "<h1>Court cases: the sentencing window</h1>" in html
    # The section block's own template: its anchor, its callout, tokens filled.
    assert '<section id="court-cases" class="guidance-section"' in html
    assert "No court results more than 7 days after sentencing" in html
    assert "{court-window}" not in html
    assert (
        '<a href="/guidance/local-communication/#court-cases">Read it in the guidance</a>' in html
    )
    # Only that section, not the rest of the page.
    assert 'id="wider-interest"' not in html


def test_a_team_card_anchor_shows_the_card(training, signed_in, guidance):
    course = add_course(training.index)
    module = add_module(course, "Teams", [guidance_lesson(guidance["roles"], "press-bureau")])
    html = signed_in("officer").get(f"{module.url}lessons/{keys(module)[0]}/").content.decode()
    assert "<h1>DMC 24-hour Press Bureau</h1>" in html
    assert '<article id="press-bureau" class="team-card"' in html
    assert 'id="borough-spoc"' not in html


def test_a_whole_page_lesson_shows_every_section(training, signed_in, guidance):
    course = add_course(training.index)
    module = add_module(course, "Images", [guidance_lesson(guidance["images"], title="Pictures")])
    html = signed_in("officer").get(f"{module.url}lessons/{keys(module)[0]}/").content.decode()
    assert "<h1>Pictures</h1>" in html
    assert 'id="general-photos"' in html and 'id="why-release"' in html
    assert '<a href="/guidance/images/">Read it in the guidance</a>' in html


def test_a_written_lesson_fills_its_tokens(training, signed_in):
    module = training.modules["court-and-images"]
    html = signed_in("officer").get(f"{module.url}lessons/{keys(module)[3]}/").content.decode()
    assert "<h1>When a case is live</h1>" in html
    assert "only up to 7 days after sentencing. At 8 days it is too late." in html
    assert "{court-window" not in html and "{rating:" not in html
    assert "One mistake is enough" in html  # the callout, with the guidance's template
    assert "Read it in the guidance" not in html


def test_a_lesson_whose_section_has_gone_says_so_instead_of_failing(training, signed_in, guidance):
    course = add_course(training.index)
    module = add_module(course, "Gone", [guidance_lesson(guidance["rag"], "near-misses")])
    page = guidance["rag"]
    page.body = [(b.block_type, b.value) for b in page.body if b.value["anchor"] != "near-misses"]
    page.save_revision().publish()
    response = signed_in("officer").get(f"{module.url}lessons/{keys(module)[0]}/")
    assert response.status_code == 200
    assert "has moved or been withdrawn" in response.content.decode()


def test_next_records_the_lesson_and_goes_to_the_next_one(training, signed_in):
    client = signed_in("officer")
    module = training.modules["rag-table"]
    first, second = keys(module)[:2]
    html = client.get(f"{module.url}lessons/{first}/").content.decode()
    form = re.search(
        r'<form method="post" action="([^"]+)" class="lesson-next">(.*?)</form>', html, re.S
    )
    assert form and form.group(1) == reverse("courses:lesson_read", args=[module.pk, first])
    assert 'name="csrfmiddlewaretoken"' in form.group(2)
    assert '<button type="submit" class="button">Next</button>' in form.group(2)

    response = client.post(form.group(1))
    assert response.status_code == 302
    assert response["Location"] == f"{module.url}lessons/{second}/"
    view = LessonView.objects.get()
    officer = get_user_model().objects.get(username="officer")
    assert (view.user, view.page_id, view.lesson_key) == (officer, module.pk, first)
    assert (view.module_title, view.lesson_title) == (
        "The RAG table",
        "How the traffic lights work",
    )


def test_next_on_the_last_lesson_goes_back_to_the_module(training, signed_in):
    client = signed_in("officer")
    module = training.modules["roles-and-contacts"]
    last = keys(module)[-1]
    html = client.get(f"{module.url}lessons/{last}/").content.decode()
    assert "Lesson 3 of 3" in html
    assert "Next takes you back to the module" in html
    response = client.post(reverse("courses:lesson_read", args=[module.pk, last]), follow=True)
    assert response.redirect_chain == [(module.url, 302)]
    assert "You have read every lesson of this module." in response.content.decode()


def test_reading_a_lesson_again_is_a_new_view(training, signed_in):
    client = signed_in("officer")
    module = training.modules["rag-table"]
    url = reverse("courses:lesson_read", args=[module.pk, keys(module)[0]])
    client.post(url)
    client.post(url)
    assert LessonView.objects.count() == 2


def test_no_get_changes_anything(training, signed_in):
    client = signed_in("officer")
    module = training.modules["rag-table"]
    key = keys(module)[0]
    assert client.get(f"{module.url}lessons/{key}/").status_code == 200
    assert client.get(reverse("courses:lesson_read", args=[module.pk, key])).status_code == 405
    assert client.get(module.url).status_code == 200
    assert not LessonView.objects.exists()


def test_next_needs_the_csrf_token(training, demo_users):
    client = Client(enforce_csrf_checks=True)
    client.login(username="officer", password=demo_users)
    module = training.modules["rag-table"]
    response = client.post(reverse("courses:lesson_read", args=[module.pk, keys(module)[0]]))
    assert response.status_code == 403
    assert not LessonView.objects.exists()


def test_next_signed_out_records_nothing(training, client):
    module = training.modules["rag-table"]
    response = client.post(reverse("courses:lesson_read", args=[module.pk, keys(module)[0]]))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not LessonView.objects.exists()


def test_the_service_copies_titles_as_readers_saw_them(training, demo_users):
    officer = get_user_model().objects.get(username="officer")
    course = add_course(training.index)
    module = add_module(
        course, "Windows", [content_lesson("The {court-window} rule & why")], estimated_minutes=5
    )
    view = lesson_view_record(user=officer, module=module, lesson_key=keys(module)[0])
    window = live_values.token_values()["court-window"]
    assert view.lesson_title == f"The {window} rule & why"
    with pytest.raises(UnknownLesson):
        lesson_view_record(user=officer, module=module, lesson_key="nope")


def test_a_view_outlives_its_module_page(training, demo_users):
    officer = get_user_model().objects.get(username="officer")
    module = training.modules["rag-table"]
    view = lesson_view_record(user=officer, module=module, lesson_key=keys(module)[0])
    module.delete()
    view.refresh_from_db()
    assert view.page is None
    assert view.module_title == "The RAG table"
