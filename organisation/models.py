from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


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
            ("view_force", "See the progress of the whole force, every borough and unit"),
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


@register_setting(icon="mail")
class ContactSettings(BaseGenericSetting):
    """How officers reach DMC and its 24-hour Press Bureau: edited here, shown everywhere a
    contact is named (verdicts, the footer, the guidance, quiz feedback), typed nowhere else."""

    dmc_name = models.CharField("DMC desk name", max_length=120, default="DMC Borough Support desk")
    dmc_phone = models.CharField("DMC desk phone", max_length=40, blank=True)
    dmc_email = models.EmailField("DMC desk email", blank=True)
    dmc_hours = models.CharField(
        "DMC desk hours",
        max_length=120,
        blank=True,
        help_text="When the desk answers, e.g. Monday to Friday, 8am to 6pm.",
    )
    press_bureau_phone = models.CharField(
        "Press Bureau 24-hour phone",
        max_length=40,
        default="763300",
        help_text="The guidance note's number for the 24-hour Press Bureau.",
    )
    press_bureau_email = models.EmailField("Press Bureau email", blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("dmc_name"),
                FieldPanel("dmc_phone"),
                FieldPanel("dmc_email"),
                FieldPanel("dmc_hours"),
            ],
            heading="DMC: ask before posting amber items, report red ones",
        ),
        MultiFieldPanel(
            [FieldPanel("press_bureau_phone"), FieldPanel("press_bureau_email")],
            heading="The 24-hour Press Bureau: breaking, major and wider-interest stories",
        ),
    ]

    class Meta:
        verbose_name = "contacts"
        verbose_name_plural = "contacts"

    def __str__(self):
        return "Contacts"

    def clean(self):
        super().clean()
        if not (self.press_bureau_phone or self.press_bureau_email):
            raise ValidationError(
                {"press_bureau_phone": "Give the Press Bureau a phone number or an email."}
            )
        if not (self.dmc_phone or self.dmc_email):
            raise ValidationError({"dmc_phone": "Give the DMC desk a phone number or an email."})
