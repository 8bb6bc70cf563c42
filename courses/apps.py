from django.apps import AppConfig


class CoursesConfig(AppConfig):
    """Courses, modules, assignments, progress and certificates (built in a later issue)."""

    name = "courses"
