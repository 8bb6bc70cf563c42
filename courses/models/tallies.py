"""Marked answers counted per rule, as they are marked: the "rules got wrong" dashboard reads
these few rows instead of every answer a force has ever given (millions in a year)."""

from django.db import models

NONE = 0  # in a key column: no borough, unit or module (NULLs would never match on upsert)


class RuleTally(models.Model):
    """Answers in assessed attempts that tested `rule`, and how many were wrong, for one day,
    one borough or unit (the person's when they answered) and one module."""

    day = models.DateField(help_text="The London day the attempt was marked.")
    borough = models.PositiveIntegerField(default=NONE, help_text="Borough id; 0: none.")
    unit = models.PositiveIntegerField(default=NONE, help_text="Unit id; 0: none.")
    module = models.PositiveIntegerField(default=NONE, help_text="Module page id; 0: none.")
    rule = models.CharField(max_length=60)
    asked = models.PositiveIntegerField(default=0)
    wrong = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["day", "borough", "unit", "module", "rule"], name="one_tally_a_key"
            )
        ]

    def __str__(self):
        return f"{self.rule} on {self.day}: {self.wrong}/{self.asked} wrong"
