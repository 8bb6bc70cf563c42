"""Course pages, lesson views, assignments, training records and certificates."""

from .assignments import Assignment
from .lesson_view import LessonView
from .pages import CourseIndexPage, CoursePage, ModulePage
from .records import Certificate, TrainingRecord
from .reminders import ReminderSent
from .tallies import RuleTally

__all__ = [
    "Assignment",
    "Certificate",
    "CourseIndexPage",
    "CoursePage",
    "LessonView",
    "ModulePage",
    "ReminderSent",
    "RuleTally",
    "TrainingRecord",
]
