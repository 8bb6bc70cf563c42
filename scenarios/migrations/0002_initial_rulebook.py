"""The rulebook of the guidance note, as DMC published it on day one: version 1."""

from django.db import migrations

from scenarios.rulebook import snapshot_of
from scenarios.rules.initial import INITIAL_GREEN_SOURCES, INITIAL_TOPICS, SENTENCING_WINDOW_DAYS

SOURCE_NAMES = {
    "metpoliceuk": "@metpoliceuk (the Met's central account)",
    "metpolicevents": "@metpolicevents (the Met's events account)",
    "local-council": "Local council accounts",
    "community-group": "Local community groups",
    "mps-website": "The MPS website",
    "partner-website": "Partner websites",
}


def create(apps, schema_editor):
    Topic = apps.get_model("scenarios", "Topic")
    GreenSource = apps.get_model("scenarios", "GreenSource")
    RuleParameters = apps.get_model("scenarios", "RuleParameters")
    RulebookVersion = apps.get_model("scenarios", "RulebookVersion")
    # Only the fields this migration's model has: later flags arrive with their own migrations.
    have = {field.name for field in Topic._meta.get_fields()}
    for row in INITIAL_TOPICS:
        row = {key: value for key, value in row.items() if key in have}
        Topic.objects.update_or_create(slug=row["slug"], defaults={**row, "live": True})
    for slug in INITIAL_GREEN_SOURCES:
        GreenSource.objects.update_or_create(
            slug=slug, defaults={"name": SOURCE_NAMES.get(slug, slug), "live": True}
        )
    if not RuleParameters.objects.exists():
        RuleParameters.objects.create(sentencing_window_days=SENTENCING_WINDOW_DAYS, live=True)
    if not RulebookVersion.objects.exists():
        RulebookVersion.objects.create(
            number=1,
            note="The guidance note's rulebook",
            snapshot=snapshot_of(Topic, GreenSource, RuleParameters),
        )


class Migration(migrations.Migration):
    dependencies = [("scenarios", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
