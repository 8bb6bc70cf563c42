from django.apps import AppConfig


class OutboxConfig(AppConfig):
    name = "outbox"
    verbose_name = "Job outbox"
    default_auto_field = "django.db.models.BigAutoField"
