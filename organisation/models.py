from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models


class Borough(models.Model):
    """One of the 32 London boroughs; a borough command posts on its own accounts."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    bcu = models.CharField(
        "basic command unit", max_length=100, blank=True, help_text="The BCU it belongs to."
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Unit(models.Model):
    """A specialist unit standing beside the boroughs (and DMC itself)."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Profile(models.Model):
    """Links a person to the one borough or unit they belong to."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    borough = models.ForeignKey(
        Borough, null=True, blank=True, on_delete=models.PROTECT, related_name="people"
    )
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="people"
    )
    supported_boroughs = models.ManyToManyField(
        Borough,
        blank=True,
        related_name="supporters",
        help_text="DMC Borough Support: the boroughs this person supports.",
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="profile_one_borough_or_unit",
                condition=(
                    models.Q(borough__isnull=False, unit__isnull=True)
                    | models.Q(borough__isnull=True, unit__isnull=False)
                ),
            )
        ]
        permissions = [
            ("take_training", "Take assigned training and check draft posts"),
            ("view_own_borough", "See the people and progress of their own borough"),
            ("view_supported_boroughs", "See the people and progress of boroughs they support"),
            ("view_units", "See the people and progress of every specialist unit"),
            ("assign_training", "Assign training to people they can see"),
        ]

    def __str__(self):
        return f"{self.user} ({self.home})"

    @property
    def home(self):
        return self.borough or self.unit

    def clean(self):
        if bool(self.borough_id) == bool(self.unit_id):
            raise ValidationError("A person belongs to exactly one borough or one unit.")
