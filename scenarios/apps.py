from django.apps import AppConfig


class ScenariosConfig(AppConfig):
    name = "scenarios"
    verbose_name = "Rulebook and scenarios"

    def ready(self):
        from . import signals  # noqa: F401  (numbers a rulebook version on every publish)
