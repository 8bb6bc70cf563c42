"""Course pages (`pages.py`) and the records of lessons read (`lesson_view.py`)."""

from .lesson_view import LessonView
from .pages import CourseIndexPage, CoursePage, ModulePage

__all__ = ["CourseIndexPage", "CoursePage", "LessonView", "ModulePage"]
