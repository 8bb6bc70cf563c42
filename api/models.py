from django.conf import settings
from django.db import models


class ApiToken(models.Model):
    """A personal API token: lets a tool that is not a browser call /api/ as its owner.

    Only a hash of the secret is kept, so a copy of the database gives no one a way in.
    """

    NAME_MAX = 60

    # Not "api_tokens": Wagtail's own APIToken (wagtailcore) already takes that name.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="personal_api_tokens"
    )
    name = models.CharField(max_length=NAME_MAX, help_text="Says what the token is for.")
    prefix = models.CharField(
        max_length=8, help_text="The secret's first characters, to tell tokens apart."
    )
    key_hash = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the secret.")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "API token"

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_live(self) -> bool:
        return self.revoked_at is None
