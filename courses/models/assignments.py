"""Training a trainer assigns: a course or a module, to one person, a borough, a unit, or the
holders of a role (within a borough or unit, or force-wide for DMC), with a due date.

An assignment is a rule about who, not a list of names: people who join the borough, unit or
role later get it too (`courses.assignments` applies it when they do)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Q

DEFAULT_REFRESHER_MONTHS = 12


class Assignment(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A course (all its modules) or one module.",
    )
    page_title = models.CharField(max_length=255)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    borough = models.ForeignKey(
        "organisation.Borough", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    unit = models.ForeignKey(
        "organisation.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    role = models.ForeignKey(Group, null=True, blank=True, on_delete=models.CASCADE)
    due_date = models.DateField()
    refresher_months = models.PositiveSmallIntegerField(
        default=DEFAULT_REFRESHER_MONTHS,
        help_text="A pass is valid this long; then a refresher is due.",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["due_date", "pk"]
        constraints = [
            models.CheckConstraint(
                name="assignment_has_a_target",
                condition=Q(person__isnull=False)
                | Q(borough__isnull=False)
                | Q(unit__isnull=False)
                | Q(role__isnull=False),
            ),
            models.CheckConstraint(
                name="assignment_borough_or_unit",
                condition=Q(borough__isnull=True) | Q(unit__isnull=True),
            ),
        ]

    def __str__(self):
        return f"{self.page_title} for {self.target_label}, due {self.due_date:%d %b %Y}"

    @property
    def target_label(self) -> str:
        parts = []
        if self.person_id:
            parts.append(self.person.get_full_name() or self.person.get_username())
        if self.role_id:
            parts.append(f"every {self.role.name}")
        if self.borough_id:
            parts.append(f"in {self.borough}" if self.role_id else str(self.borough))
        if self.unit_id:
            parts.append(f"in {self.unit}" if self.role_id else str(self.unit))
        return " ".join(parts) if parts else "everyone"

    def people_q(self) -> Q:
        """Who it is for, as a filter on users (with a profile)."""
        q = Q(profile__isnull=False, is_active=True)
        if self.person_id:
            q &= Q(pk=self.person_id)
        if self.borough_id:
            q &= Q(profile__borough_id=self.borough_id)
        if self.unit_id:
            q &= Q(profile__unit_id=self.unit_id)
        if self.role_id:
            q &= Q(groups=self.role_id)
        return q
