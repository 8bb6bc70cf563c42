"""Building blocks for the course tests: pages, lessons and attempt rows."""

import json

from django.utils import timezone
from django.utils.text import slugify

from courses.models import CoursePage, ModulePage
from quizzes.models import Attempt
from quizzes.models.attempt import IN_PROGRESS, SUBMITTED
from quizzes.models.quiz import ASSESSED


def content_lesson(title: str, html: str = "<p>Words.</p>") -> dict:
    return {
        "type": "content",
        "value": {"title": title, "content": [{"type": "text", "value": html}]},
    }


def guidance_lesson(page, anchor: str = "", title: str = "") -> dict:
    return {
        "type": "guidance_section",
        "value": {"title": title, "page": page.pk, "anchor": anchor},
    }


def add_module(course, title: str, lessons: list, quiz=None, **fields) -> ModulePage:
    """A published module page; Wagtail gives each lesson its block id when it is saved."""
    module = ModulePage(
        title=title,
        slug=slugify(title),
        summary=fields.pop("summary", f"All about {title.lower()}."),
        lessons=json.dumps(lessons),
        quiz=quiz,
        **fields,
    )
    course.add_child(instance=module)
    module.save_revision().publish()
    return ModulePage.objects.get(pk=module.pk)


def add_course(index, title: str = "Test course") -> CoursePage:
    course = CoursePage(title=title, slug=slugify(title), summary="A course for the tests.")
    index.add_child(instance=course)
    course.save_revision().publish()
    return CoursePage.objects.get(pk=course.pk)


def attempt(user, quiz, *, status=SUBMITTED, mode=ASSESSED, number=1, score=None, passed=None):
    """An attempt row as the quiz services leave it, without drawing questions."""
    now = timezone.now()
    return Attempt.objects.create(
        user=user,
        quiz=quiz,
        mode=mode,
        status=status,
        number=number,
        seed=number,
        rulebook_version=1,
        started_at=now,
        finished_at=None if status == IN_PROGRESS else now,
        score=score,
        passed=passed,
    )
