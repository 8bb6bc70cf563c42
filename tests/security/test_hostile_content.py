"""Hostile content: markup and script typed into any field a trainer, editor or officer fills
is shown escaped wherever it appears (site pages, certificates, /verify/, dashboards, CSV,
JSON, the admin); rich text keeps to its declared features; uploaded images are checked for
type and size."""

from __future__ import annotations

import io
import json
from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from PIL import Image as PILImage
from wagtail import blocks
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model

from api.services import token_create
from courses.models import Certificate
from organisation.contacts import contact_settings
from quizzes import services
from scenarios.factories import ScenarioTemplateFactory
from scenarios.models import BankQuestion
from tests.courses.conftest import training  # noqa: F401
from tests.courses.dashboard_helpers import record
from tests.courses.helpers import add_module, content_lesson
from tests.quizzes.conftest import make_quiz, small_bank  # noqa: F401

pytestmark = pytest.mark.django_db

PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(1)>\"'"
RAW = ("<script>alert(1)", "<img src=x onerror")
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def assert_escaped(response, *, shown: bool = True) -> str:
    """The page never carries the payload as markup; where it shows it, it is escaped."""
    assert response.status_code == 200, (response.status_code, response.get("Location"))
    html = response.content.decode()
    for raw in RAW:
        assert raw not in html, f"raw {raw!r} in {response.request['PATH_INFO']}"
    if shown:
        assert ESCAPED in html, f"the payload is not shown in {response.request['PATH_INFO']}"
    return html


@pytest.fixture
def world(training, small_bank, demo_users, run_queued_jobs):  # noqa: F811
    """Every field filled with the payload, by the people who may fill it."""
    users = {u.username: u for u in get_user_model().objects.all()}
    officer = users["officer"]
    officer.first_name, officer.last_name = PAYLOAD, PAYLOAD
    officer.save()
    template = ScenarioTemplateFactory(
        key="hostile",
        title=PAYLOAD,
        text=f"{PAYLOAD} in {{ward}}.",
        fixed_facts="topic: burglary",
        slots=(("ward", f"{PAYLOAD}\nCatford"),),
        account=PAYLOAD,
        tags=("hostile-tag",),
    )
    run_queued_jobs()  # its questions join the bank (with a real Redis, once a worker runs)
    # One bank question with the payload as its text, whether or not the queue has run.
    BankQuestion.objects.create(
        key="hostile-by-hand",
        template=template,
        template_key=template.key,
        text=f"{PAYLOAD} in Catford.",
        facts={"topic": "burglary"},
        topic="burglary",
        rating="GREEN",
        correct_answer="GREEN",
        explanation=PAYLOAD,
        reasons=[],
        rulebook_version=1,
    )
    quiz = make_quiz(
        title=PAYLOAD,
        question_count=3,
        tags="",
        fixed=[(PAYLOAD, f"* {PAYLOAD}\nNobody", PAYLOAD)],
    )
    module = add_module(
        training.course,
        PAYLOAD,
        [content_lesson(PAYLOAD, "<p>Fine words.</p>")],
        quiz=quiz,
        summary=PAYLOAD,
    )
    now = timezone.now()
    record(officer, module, due=now.date() + timedelta(days=3), started=now, passed=now)
    certificate = Certificate.objects.create(
        person=officer,
        module=module,
        module_title=module.title,
        score=90,
        issued_at=now,
        expires_at=now + timedelta(days=365),
    )
    token, _ = token_create(user=officer, name=PAYLOAD)
    settings = contact_settings()
    settings.dmc_name = PAYLOAD
    settings.dmc_hours = PAYLOAD
    settings.save()
    return {
        "users": users,
        "password": demo_users,
        "template": template,
        "quiz": quiz,
        "module": module,
        "certificate": certificate,
        "token": token,
    }


def client_for(world, username: str) -> Client:
    client = Client()
    client.force_login(world["users"][username])
    return client


def test_the_officers_pages_show_it_escaped(world):
    client = client_for(world, "officer")
    module = world["module"]
    for url in ("/training/mine/", "/accounts/me/", module.url, world["module"].get_parent().url):
        assert_escaped(client.get(url))
    code = world["certificate"].code
    assert_escaped(client.get(f"/certificates/{code}/"))
    # /verify/ is public: anyone with the code sees the name and module, escaped.
    assert_escaped(Client().get(f"/verify/{code}/"))


def test_a_quiz_with_hostile_questions_shows_them_escaped(world):
    officer = world["users"]["officer"]
    attempt = services.attempt_start(user=officer, quiz=world["quiz"], seed=3)
    client = client_for(world, "officer")
    for question in attempt.questions.all():
        assert_escaped(client.get(f"/attempts/{attempt.pk}/questions/{question.position}/"))
    assert_escaped(client.get(f"/attempts/{attempt.pk}/submit/"), shown=False)
    services.attempt_submit(user=officer, attempt=attempt)
    assert_escaped(client.get(f"/attempts/{attempt.pk}/review/"))


def test_the_draft_checker_echoes_the_draft_escaped(world):
    client = client_for(world, "officer")
    response = client.post("/check/", {"draft": PAYLOAD, "topic": "burglary"})
    assert_escaped(response)


def test_query_parameters_echoed_in_pages_are_escaped(world):
    client = client_for(world, "spoc")
    for url in (
        "/training/dashboard/",
        "/training/dashboard/people/",
        "/training/dashboard/overdue/",
        "/training/dashboard/trends/",
        "/training/dashboard/rules/",
    ):
        for params in ({"team": PAYLOAD}, {"module": PAYLOAD, "period": PAYLOAD}, {"q": PAYLOAD}):
            response = client.get(url, params)
            assert response.status_code in (200, 400), (url, params, response.status_code)
            html = response.content.decode()
            assert all(raw not in html for raw in RAW), (url, params)


def test_trainers_dashboards_show_names_escaped(world):
    client = client_for(world, "spoc")
    assert_escaped(client.get("/training/dashboard/people/"))


def test_csv_and_json_carry_the_text_as_data_not_as_a_page(world):
    client = client_for(world, "spoc")
    response = client.get("/training/dashboard/export/people.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    body = b"".join(response.streaming_content).decode()
    assert PAYLOAD.replace('"', '""') in body  # the cell as typed, quoted as CSV quotes it
    officer = client_for(world, "officer")
    response = officer.get("/training/xapi/statements/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    json.loads(response.content)  # well-formed: the payload is a JSON string, not markup


def test_a_csv_cell_a_spreadsheet_would_run_is_written_as_text(world):
    officer = world["users"]["officer"]
    officer.first_name = '=HYPERLINK("http://x")'
    officer.save()
    response = client_for(world, "spoc").get("/training/dashboard/export/people.csv")
    body = b"".join(response.streaming_content).decode()
    assert "=HYPERLINK" in body
    assert ",=HYPERLINK" not in body and "\n=HYPERLINK" not in body and ',"=HYPERLINK' not in body


def test_the_admin_lists_and_inspects_it_escaped(world):
    client = client_for(world, "admin")
    template, quiz = world["template"], world["quiz"]
    for url in (
        "/admin/snippets/scenarios/scenariotemplate/",
        f"/admin/snippets/scenarios/scenariotemplate/inspect/{template.pk}/",
        f"/admin/snippets/scenarios/scenariotemplate/edit/{template.pk}/",
        "/admin/snippets/quizzes/quiz/",
        f"/admin/snippets/quizzes/quiz/edit/{quiz.pk}/",
        f"/admin/pages/{world['module'].get_parent().pk}/",
        f"/admin/pages/{world['module'].pk}/edit/",
        "/admin/snippets/scenarios/bankquestion/",
    ):
        assert_escaped(client.get(url))
    assert_escaped(client.get("/admin/settings/organisation/contactsettings/", follow=True))
    # People lists usernames; a search for the payload is echoed back escaped.
    assert_escaped(client.get("/admin/people/", {"q": PAYLOAD}))
    assert_escaped(client.get("/admin/users/", {"q": "officer"}))


def test_the_token_revoke_message_shows_the_name_escaped(world):
    client = client_for(world, "officer")
    response = client.post(f"/accounts/tokens/{world['token'].pk}/revoke/", follow=True)
    assert_escaped(response)


def test_contact_settings_are_escaped_in_the_footer_and_verdicts(world):
    client = client_for(world, "officer")
    response = client.post("/check/", {"topic": "terror-threat-level"})
    assert_escaped(response)


# Rich text -----------------------------------------------------------------------------------

HOSTILE_HTML = (
    '<p onclick="alert(1)">Hi <a href="javascript:alert(1)">link</a></p>'
    "<script>alert(1)</script><iframe src='https://evil.example'></iframe>"
    '<h2 style="x">Heading</h2><img src=x onerror="alert(1)">'
)


def rich_text_features():
    """Every RichTextField and RichTextBlock in the project: (where, features)."""
    found = []

    def walk(block, where):
        if isinstance(block, blocks.RichTextBlock):
            found.append((where, block.features))
        for name, child in getattr(block, "child_blocks", {}).items():
            walk(child, f"{where}.{name}")
        if hasattr(block, "child_block"):
            walk(block.child_block, f"{where}.item")

    for model in apps.get_models():
        if not model.__module__.startswith(
            ("home.", "courses.", "quizzes.", "scenarios.", "organisation.", "api.")
        ):
            continue
        for field in model._meta.get_fields():
            where = f"{model.__name__}.{field.name}"
            if isinstance(field, RichTextField):
                found.append((where, field.features))
            elif isinstance(field, StreamField):
                walk(field.stream_block, where)
    return found


def test_every_rich_text_field_and_block_declares_its_features():
    found = rich_text_features()
    assert len(found) >= 5, found  # the guidance and course pages have several
    undeclared = [where for where, features in found if not features]
    assert not undeclared, f"rich text with Wagtail's default features: {undeclared}"


@pytest.mark.parametrize("where,features", rich_text_features())
def test_the_editor_strips_what_its_features_do_not_allow(where, features):
    """What the admin's editor saves is its contentstate converted back to HTML: loading
    hostile HTML into it and saving keeps only the allowed elements."""
    converter = ContentstateConverter(features)
    saved = converter.to_database_format(converter.from_database_format(HOSTILE_HTML))
    lowered = saved.lower()
    for bad in ("<script", "<iframe", "onclick", "onerror", "javascript:", "<img", "style="):
        assert bad not in lowered, (where, saved)
    assert "Hi" in saved and "Heading" in saved  # the words survive, without the markup


# Uploaded images ----------------------------------------------------------------------------


def png(size: int = 8) -> bytes:
    out = io.BytesIO()
    PILImage.effect_noise((size, size), 64).convert("RGB").save(out, "PNG")
    return out.getvalue()


PNG = png()


def upload(client, name: str, content: bytes):
    return client.post(
        "/admin/images/add/",
        {"title": "Upload", "file": SimpleUploadedFile(name, content), "collection": 1},
    )


@pytest.fixture
def editor(world):
    return client_for(world, "editor")


def test_image_upload_limits_are_set(settings):
    assert 0 < settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE <= 10 * 1024 * 1024
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
    assert set(settings.WAGTAILIMAGES_EXTENSIONS) <= {"gif", "jpg", "jpeg", "png", "webp", "avif"}


def test_a_small_png_is_accepted(editor):
    response = upload(editor, "small.png", PNG)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert get_image_model().objects.filter(title="Upload").exists()


@pytest.mark.parametrize(
    "name,content",
    [
        ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("drawing.png", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("page.png", b"<html><script>alert(1)</script></html>"),
        ("page.html", b"<html><script>alert(1)</script></html>"),
    ],
)
def test_markup_dressed_as_an_image_is_refused(editor, name, content):
    response = upload(editor, name, content)
    assert response.status_code == 200  # the form again, with the error
    assert not get_image_model().objects.filter(title="Upload").exists()
    assert "file" in response.context["form"].errors


def test_an_image_over_the_limit_is_refused(editor, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    big = png(64)  # noise barely compresses: well over 1 KB
    assert len(big) > 1024
    response = upload(editor, "big.png", big)
    assert response.status_code == 200
    assert not get_image_model().objects.filter(title="Upload").exists()
    assert "file" in response.context["form"].errors


def test_a_damaged_picture_is_refused_in_words(editor):
    # A real PNG header and the start of its data, then nothing: Pillow fails reading it.
    response = upload(editor, "damaged.png", PNG[:40] + b"\x00" * 64)
    assert response.status_code == 200
    assert not get_image_model().objects.filter(title="Upload").exists()
    assert "damaged" in str(response.context["form"].errors["file"])
