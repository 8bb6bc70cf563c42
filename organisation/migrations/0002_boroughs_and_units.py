from django.db import migrations
from django.utils.text import slugify

from organisation.data import LONDON_BOROUGHS, SPECIALIST_UNITS


def create(apps, schema_editor):
    Borough = apps.get_model("organisation", "Borough")
    Unit = apps.get_model("organisation", "Unit")
    for name, bcu in LONDON_BOROUGHS:
        Borough.objects.update_or_create(slug=slugify(name), defaults={"name": name, "bcu": bcu})
    for name in SPECIALIST_UNITS:
        Unit.objects.update_or_create(slug=slugify(name), defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("organisation", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
