"""The training tree (index → course → module), creating its pages in the admin, and the
check that a guidance lesson names a section its page really has."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from courses.blocks import GuidanceSectionLessonBlock, LessonsBlock
from courses.course_files import read_courses
from courses.loader import load_courses
from courses.models import CourseIndexPage, CoursePage, ModulePage
from home.loader import load_guidance
from home.models import GuidancePage, HomePage
from organisation.factories import UserFactory
from quizzes.factories import QuizFactory


class TrainingTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        load_guidance()
        load_courses()
        cls.index = CourseIndexPage.objects.get()
        cls.course = CoursePage.objects.get()
        cls.rag = GuidancePage.objects.get(slug="rag")

    def setUp(self):
        self.client.force_login(UserFactory(username="root-editor", superuser=True))

    def test_the_index_is_at_training_under_the_home_page(self):
        self.assertEqual(self.index.url, "/training/")
        self.assertIsInstance(self.index.get_parent().specific, HomePage)
        self.assertEqual(CourseIndexPage.clean_parent_page_models(), [HomePage])
        self.assertEqual(CourseIndexPage.max_count, 1)

    def test_page_types_fit_the_tree(self):
        self.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage})
        self.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage})
        self.assertAllowedSubpageTypes(CoursePage, {ModulePage})
        self.assertAllowedParentPageTypes(ModulePage, {CoursePage})
        self.assertAllowedSubpageTypes(ModulePage, set())
        self.assertCanNotCreateAt(CourseIndexPage, ModulePage)
        self.assertCanNotCreateAt(ModulePage, CoursePage)

    def test_the_home_page_accepts_the_training_index(self):
        self.assertAllowedParentPageTypes(CourseIndexPage, {HomePage})

    def test_an_editor_can_create_a_course(self):
        self.assertCanCreate(
            self.index,
            CoursePage,
            nested_form_data(
                {
                    "title": "Specialist units",
                    "slug": "specialist-units",
                    "summary": "Posting for a specialist unit's account.",
                    "intro": rich_text("<p>For units, not boroughs.</p>"),
                    "audience": "Specialist units with their own accounts.",
                }
            ),
        )

    def test_an_editor_can_create_a_module_with_both_kinds_of_lesson_and_a_quiz(self):
        quiz = QuizFactory(title="Live incidents quiz")
        self.assertCanCreate(
            self.course,
            ModulePage,
            nested_form_data(
                {
                    "title": "Live incidents",
                    "slug": "live-incidents",
                    "summary": "Posting while an incident unfolds.",
                    "estimated_minutes": "10",
                    "quiz": quiz.pk,
                    "lessons": streamfield(
                        [
                            (
                                "guidance_section",
                                {"title": "", "page": self.rag.pk, "anchor": "near-misses"},
                            ),
                            (
                                "content",
                                {
                                    "title": "Before you post",
                                    "content": streamfield(
                                        [("text", rich_text("<p>Within {court-window}.</p>"))]
                                    ),
                                },
                            ),
                        ]
                    ),
                }
            ),
        )
        module = ModulePage.objects.get(slug="live-incidents")
        self.assertEqual(module.quiz, quiz)
        titles = [lesson.title for lesson in module.lesson_list()]
        self.assertEqual(titles, ["Near misses", "Before you post"])

    def test_the_module_editor_chooses_the_quiz_with_the_snippet_chooser(self):
        module = ModulePage.objects.first()
        response = self.client.get(f"/admin/pages/{module.pk}/edit/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "w-field--quiz_chooser_widget")

    def test_a_lesson_naming_a_missing_section_is_refused_in_the_editor(self):
        add = f"/admin/pages/add/courses/modulepage/{self.course.pk}/"
        data = nested_form_data(
            {
                "title": "Broken",
                "slug": "broken",
                "summary": "Points at nothing.",
                "estimated_minutes": "5",
                "lessons": streamfield(
                    [("guidance_section", {"title": "", "page": self.rag.pk, "anchor": "nope"})]
                ),
                "action-publish": "action-publish",
            }
        )
        response = self.client.post(add, data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(ModulePage.objects.filter(slug="broken").exists())
        self.assertContains(response, "has no section")
        self.assertContains(response, "near-misses")

    def test_every_page_renders_with_one_h1(self):
        self.client.logout()
        module = ModulePage.objects.first()
        for page in (self.index, self.course, module):
            response = self.client.get(page.url)
            self.assertEqual(response.status_code, 200, page.url)
            self.assertEqual(response.content.decode().count("<h1"), 1, page.url)

    def test_the_index_lists_the_courses_and_the_course_its_modules_in_order(self):
        self.client.logout()
        html = self.client.get("/training/").content.decode()
        self.assertIn("Borough social media essentials", html)
        self.assertIn(self.course.summary, html)
        html = self.client.get(self.course.url).content.decode()
        titles = ["The RAG table", "Court cases, charges and images", "Roles and who to contact"]
        positions = [html.index(title) for title in titles]
        self.assertEqual(positions, sorted(positions))
        self.assertIn("Who it is for", html)

    def test_training_is_in_the_main_navigation_and_on_the_home_page(self):
        self.client.logout()
        html = self.client.get("/").content.decode()
        nav = html[html.index('<nav aria-label="Main">') :]
        nav = nav[: nav.index("</nav>")]
        self.assertLess(nav.index('href="/guidance/"'), nav.index('href="/training/"'))
        self.assertIn("Practise and get trained", html)


@pytest.mark.django_db
def test_an_anchor_the_page_lacks_is_refused_with_the_anchors_it_has(guidance):
    block = GuidanceSectionLessonBlock()
    page = guidance["rag"]
    value = block.to_python({"title": "", "page": page.pk, "anchor": "rag-tabel"})
    with pytest.raises(ValidationError) as caught:
        block.clean(value)
    message = str(caught.value.block_errors["anchor"])
    assert "“The RAG traffic light system” has no section “rag-tabel”" in message
    assert "Its anchors are: about, rag-table, green, amber, red, near-misses" in message
    assert "Leave it blank for the whole page" in message


@pytest.mark.django_db
def test_an_anchor_may_be_blank_for_the_whole_page_and_loses_its_hash(guidance):
    block = GuidanceSectionLessonBlock()
    page = guidance["images"]
    assert block.clean(block.to_python({"title": "", "page": page.pk, "anchor": ""}))
    cleaned = block.clean(block.to_python({"title": "", "page": page.pk, "anchor": "#why-release"}))
    assert cleaned["anchor"] == "why-release"


@pytest.mark.django_db
def test_the_course_data_files_make_valid_lessons(training):
    block = LessonsBlock()
    for module in training.modules.values():
        block.clean(block.to_python(module.lessons.get_prep_value()))
    assert [len(m["lessons"]) for m in read_courses().courses[0]["modules"]] == [4, 4, 3]
