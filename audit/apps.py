from django.apps import AppConfig


class AuditConfig(AppConfig):
    """The audit log: who published, changed roles, assigned, exported what, and when."""

    name = "audit"
    verbose_name = "Audit log"

    def ready(self):
        from . import receivers  # noqa: F401  (entries follow publishing and people's changes)
