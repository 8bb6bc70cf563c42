from django.apps import AppConfig


class QuizzesConfig(AppConfig):
    """Quizzes, attempts, answers and their review (built in a later issue)."""

    name = "quizzes"
