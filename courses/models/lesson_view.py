"""Who read which lesson, and when: the evidence behind the ticks on the module pages."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class LessonViewQuerySet(models.QuerySet):
    def keys_read(self, *, user, pages) -> dict[int, set[str]]:
        """Page id -> the keys of the lessons the person has read there, in one query."""
        if not user.is_authenticated or not pages:
            return {}
        found: dict[int, set[str]] = {}
        rows = self.filter(user=user, page__in=[p.pk for p in pages]).values_list(
            "page_id", "lesson_key"
        )
        for page_id, key in rows.order_by().distinct():
            found.setdefault(page_id, set()).add(key)
        return found


class LessonView(models.Model):
    """One reading of one lesson: the Next button pressed. Every reading is kept (reading again
    is a new view), and the titles are copied, so the record still reads right after the
    module is renamed, its lesson removed or the page deleted."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="lesson_views"
    )
    page = models.ForeignKey(
        "courses.ModulePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lesson_views",
    )
    module_title = models.CharField(max_length=255)
    lesson_key = models.CharField(max_length=64, help_text="The lesson's StreamField block id.")
    lesson_title = models.CharField(max_length=255)
    viewed_at = models.DateTimeField()

    objects = LessonViewQuerySet.as_manager()

    class Meta:
        ordering = ["-viewed_at", "-pk"]
        indexes = [models.Index(fields=["user", "page"])]

    def __str__(self):
        return f"{self.user} read “{self.lesson_title}” ({self.module_title})"
