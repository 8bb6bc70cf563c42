"""`load_courses()`: the demo course from `courses/content/`, built once, and never over a
page or quiz a person has edited."""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from courses.course_files import CourseFileError, guidance_ref, read_courses
from courses.loader import load_courses
from courses.models import CourseIndexPage, CoursePage, ModulePage
from organisation.factories import UserFactory
from organisation.roles import EDITOR
from quizzes.models import Quiz

pytestmark = pytest.mark.django_db


def snapshot():
    pages = list(
        Page.objects.order_by("path").values_list(
            "path", "slug", "title", "live", "latest_revision_id"
        )
    )
    modules = list(ModulePage.objects.order_by("path").values_list("lessons", "quiz_id"))
    quizzes = list(Quiz.objects.order_by("pk").values())
    return pages, modules, quizzes


def test_the_demo_course_is_built_with_three_modules_and_their_quizzes(training):
    assert training.index.url == "/training/" and training.index.live
    assert training.course.title == "Borough social media essentials"
    titles = [module.title for module in training.modules.values()]
    assert titles == [
        "The RAG table",
        "Court cases, charges and images",
        "Roles and who to contact",
    ]
    rag, court, roles = training.modules.values()
    assert (rag.quiz.question_count, rag.quiz.pass_mark, rag.quiz.topics.count()) == (10, 80, 0)
    assert court.quiz.question_count == 8 and court.quiz.fail_on_dangerous
    assert sorted(court.quiz.topics.values_list("slug", flat=True)) == [
        "appeal",
        "charge-details",
        "court-result",
        "wanted-suspect",
    ]
    assert "court-sentencing-window" in court.quiz.rules
    assert roles.quiz.ask_contact and roles.quiz.question_count == 6
    question = roles.quiz.fixed_questions.first()
    assert question.text == "Who do you call at 2 am about a breaking major incident?"
    assert question.choices.splitlines()[0] == "* DMC's 24-hour Press Bureau"
    assert all(quiz.live for quiz in Quiz.objects.all())
    for module in training.modules.values():
        kinds = [child.block_type for child in module.lessons]
        assert "content" in kinds and "guidance_section" in kinds


def test_loading_twice_changes_nothing(training):
    before = snapshot()
    counts = load_courses()
    assert counts == {
        "created": 0,
        "updated": 0,
        "kept": 5,
        "quizzes_created": 0,
        "quizzes_updated": 0,
        "quizzes_kept": 3,
    }
    assert snapshot() == before


def test_a_page_an_editor_saved_is_never_overwritten(training):
    editor = UserFactory(username="dmc-editor", roles=[EDITOR])
    module = training.modules["rag-table"]
    module.summary = "Rewritten by DMC."
    del module.lessons[3]
    module.save_revision(user=editor).publish(user=editor)
    course = training.course
    course.title = "Social media essentials (2025)"
    course.save_revision(user=editor)  # a draft is the editor's too
    load_courses()
    module.refresh_from_db()
    course.refresh_from_db()
    assert module.summary == "Rewritten by DMC."
    assert len(module.lessons) == 3
    assert course.title == "Borough social media essentials"  # the live page, untouched
    assert course.get_latest_revision().content["title"] == "Social media essentials (2025)"
    assert CoursePage.objects.count() == 1 and ModulePage.objects.count() == 3


def test_a_quiz_an_editor_saved_is_never_overwritten(training):
    editor = UserFactory(username="dmc-editor", roles=[EDITOR])
    quiz = training.modules["rag-table"].quiz
    quiz.pass_mark = 70
    quiz.save_revision(user=editor).publish(user=editor)
    load_courses()
    quiz.refresh_from_db()
    assert quiz.pass_mark == 70
    assert Quiz.objects.count() == 3


def test_an_untouched_page_and_quiz_follow_the_data_files(training):
    module = training.modules["court-and-images"]
    module.summary = "stale"
    module.save_revision().publish()  # a loader revision: no user
    quiz = module.quiz
    quiz.pass_mark = 50
    quiz.fixed_questions = []
    quiz.save_revision().publish()
    counts = load_courses()
    assert counts["updated"] == 1 and counts["quizzes_updated"] == 1
    module.refresh_from_db()
    quiz.refresh_from_db()
    assert module.summary.startswith("The sentencing window")
    assert quiz.pass_mark == 80


def test_a_renamed_module_is_not_loaded_twice(training):
    module = training.modules["roles-and-contacts"]
    module.slug = "contacts"
    module.save_revision(user=UserFactory(username="dmc-ed")).publish()
    load_courses()
    assert ModulePage.objects.count() == 3
    assert CourseIndexPage.objects.count() == 1


def test_lessons_name_guidance_that_exists(guidance):
    for course in read_courses().courses:
        for module in course["modules"]:
            for lesson in module["lessons"]:
                if lesson["type"] == "guidance_section":
                    page = guidance[lesson["guidance"].source_key]
                    assert lesson["guidance"].anchor in page.anchors()


def test_a_bad_guidance_link_is_refused():
    with pytest.raises(CourseFileError):
        guidance_ref("/training/rag/#about")
    assert guidance_ref("/guidance/rag/").anchor == ""


def test_the_command_reports_what_it_did(guidance, capsys):
    call_command("load_courses")
    assert "Training pages: 5 created, 0 updated, 0 kept; quizzes: 3 created" in (
        capsys.readouterr().out
    )
