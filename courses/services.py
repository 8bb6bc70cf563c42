"""Writes that matter in courses: recording that a person read a lesson."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone
from wagtail.models import Page

from courses.models.lesson_view import LessonView


class UnknownLesson(LookupError):
    pass


def lesson_view_record(
    *, user, module: Page, lesson_key: str, now: datetime | None = None
) -> LessonView:
    """One more reading of a lesson of `module` (a `ModulePage`). The titles are copied as the
    reader saw them, so the record stays meaningful after the module or the lesson changes."""
    lesson = module.find_lesson(lesson_key)
    if lesson is None:
        raise UnknownLesson(f"“{module.title}” has no lesson {lesson_key!r}.")
    return LessonView.objects.create(
        user=user,
        page=module,
        module_title=module.title[:255],
        lesson_key=lesson_key,
        lesson_title=lesson.plain_title()[:255],
        viewed_at=now or timezone.now(),
    )
