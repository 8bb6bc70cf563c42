"""Where officers learn: the training index (/training/), courses, and modules made of ordered
lessons and a quiz. The tree is CourseIndexPage → CoursePage → ModulePage, nothing else.

Courses are force-wide: every signed-in person sees the same pages, and only their own
progress on them. The catalogue (index, course and module pages) can be read signed out; the
lessons and the quiz need a signed-in person, because reading them is recorded.
"""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from courses.blocks import LessonsBlock
from courses.lessons import Lesson, lesson_keys, lesson_of, lessons_of
from courses.progress import ModuleProgress, passed_quiz_ids
from home.blocks import RICH_FEATURES
from quizzes.selectors import standing

from .lesson_view import LessonView


class CourseIndexPage(Page):
    intro = RichTextField(features=RICH_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count = 1

    def courses(self):
        return CoursePage.objects.child_of(self).live().order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["courses"] = self.courses()
        return context


class CoursePage(Page):
    summary = models.TextField(help_text="One or two sentences shown on the training index.")
    intro = RichTextField(features=RICH_FEATURES, blank=True)
    audience = models.TextField(
        "who it is for", blank=True, help_text="Optional: who should take this course."
    )
    # Which course of the data files this is, for the loader: editors may change the slug.
    source_key = models.CharField(max_length=60, blank=True, editable=False, db_index=True)
    exclude_fields_in_copy = ["source_key"]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("intro"),
        FieldPanel("audience"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]

    def modules(self):
        return ModulePage.objects.child_of(self).live().order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["modules"] = self.modules_with_progress(request.user)
        return context

    def modules_with_progress(self, user) -> list[tuple[ModulePage, ModuleProgress | None]]:
        """Each module with the person's progress (None signed out). Three queries whatever
        the number of modules: the modules, their lesson views and their passed attempts."""
        modules = list(self.modules())
        if not user.is_authenticated:
            return [(module, None) for module in modules]
        read = LessonView.objects.keys_read(user=user, pages=modules)
        passed = passed_quiz_ids(user=user, quiz_ids={m.quiz_id for m in modules if m.quiz_id})
        return [(module, module.progress(read.get(module.pk, set()), passed)) for module in modules]


class ModulePage(RoutablePageMixin, Page):
    summary = models.TextField(help_text="One or two sentences shown on the course page.")
    estimated_minutes = models.PositiveSmallIntegerField(
        "estimated time (minutes)",
        default=15,
        validators=[MinValueValidator(1), MaxValueValidator(600)],
        help_text="How long the lessons and the quiz take, roughly.",
    )
    lessons = StreamField(
        LessonsBlock(),
        blank=True,
        use_json_field=True,
        help_text="Officers read them in this order. Drag to reorder.",
    )
    # SET_NULL: an editor may retire a quiz without first emptying every module that used it;
    # attempts keep their own link to the quiz.
    quiz = models.ForeignKey(
        "quizzes.Quiz", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # "<course key>/<module key>" of the data files, for the loader.
    source_key = models.CharField(max_length=120, blank=True, editable=False, db_index=True)
    exclude_fields_in_copy = ["source_key"]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("estimated_minutes"),
        FieldPanel("lessons"),
        # Quiz is a snippet, so this is the snippet chooser.
        FieldPanel("quiz"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    # Lessons

    def lesson_list(self) -> list[Lesson]:
        return lessons_of(self.lessons)

    def find_lesson(self, key: str) -> Lesson | None:
        # Only the wanted lesson is resolved: no guidance page is fetched for the others.
        for number, child in enumerate(self.lessons, start=1):
            if child.id == key:
                return lesson_of(child, number)
        return None

    def lesson_after(self, key: str) -> str | None:
        keys = [child.id for child in self.lessons]
        position = keys.index(key) if key in keys else len(keys)
        return keys[position + 1] if position + 1 < len(keys) else None

    def lesson_url(self, key: str, request=None) -> str:
        return self.get_url(request) + self.reverse_subpage("lesson", kwargs={"key": key})

    def read_url(self, key: str, request=None) -> str:
        return reverse("courses:lesson_read", args=[self.pk, key])

    def quiz_if_live(self):
        return self.quiz if self.quiz is not None and self.quiz.live else None

    def start_link(self, lessons: list[Lesson], read: set[str], request) -> tuple[str, str] | None:
        """The big button: (label, url) of the first lesson not read yet."""
        if not lessons:
            return None
        unread = [lesson for lesson in lessons if lesson.key not in read]
        if len(unread) == len(lessons):
            return "Start with lesson 1", self.lesson_url(lessons[0].key, request)
        if unread:
            label = f"Continue with lesson {unread[0].number}"
            return label, self.lesson_url(unread[0].key, request)
        return "Read the lessons again", self.lesson_url(lessons[0].key, request)

    def progress(self, read_keys: set[str], passed_quiz_ids: set[int]) -> ModuleProgress:
        keys = lesson_keys(self.lessons)
        return ModuleProgress(
            read=len(read_keys.intersection(keys)),
            total=len(keys),
            has_quiz=self.quiz_id is not None,
            quiz_passed=self.quiz_id in passed_quiz_ids,
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        lessons = self.lesson_list()
        read = LessonView.objects.keys_read(user=request.user, pages=[self]).get(self.pk, set())
        context["lessons"] = [
            (lesson, self.lesson_url(lesson.key, request), lesson.key in read) for lesson in lessons
        ]
        context["read_count"] = sum(1 for lesson in lessons if lesson.key in read)
        context["start"] = self.start_link(lessons, read, request)
        quiz = self.quiz_if_live()
        context["quiz"] = quiz
        if quiz is not None and request.user.is_authenticated:
            context["standing"] = standing(user=request.user, quiz=quiz)
        return context

    @path("lessons/<str:key>/", name="lesson")
    def lesson(self, request, key: str):
        lesson = self.find_lesson(key)
        if lesson is None:
            raise Http404("This module has no such lesson.")
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        following = self.lesson_after(key)
        context = self.get_lesson_context(request, lesson, following)
        return TemplateResponse(request, "courses/lesson.html", context)

    def get_lesson_context(self, request, lesson: Lesson, following: str | None) -> dict:
        return {
            "page": self,
            "self": self,
            "request": request,
            "lesson": lesson,
            "lesson_title": lesson.plain_title(),
            "total": len(self.lessons),
            "read_url": self.read_url(lesson.key, request),
            "last": following is None,
        }
