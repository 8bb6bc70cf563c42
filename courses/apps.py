from django.apps import AppConfig


class CoursesConfig(AppConfig):
    """Training as Wagtail pages: /training/, courses, and modules of lessons and a quiz, with
    the records of who read which lesson. Assignments and certificates come in later issues."""

    name = "courses"
    verbose_name = "Training"

    def ready(self):
        from . import signals  # noqa: F401  (progress follows attempts and people)
