"""Contract v2: a missing person's custody photo is a last resort.

Sets the new flag on the missing-person topic: the live row, its revisions (so publishing a
draft made before this migration keeps the flag) and every published snapshot. Rewriting the
snapshots changes no verdict anyone was given: the flag only grades the "custody" image kind,
which no earlier fact could carry.
"""

from django.db import migrations

SLUG = "missing-person"
FLAG = "custody_image_last_resort"


def set_flag(apps, schema_editor):
    Topic = apps.get_model("scenarios", "Topic")
    RulebookVersion = apps.get_model("scenarios", "RulebookVersion")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Topic.objects.filter(slug=SLUG).update(**{FLAG: True})
    topic_type = ContentType.objects.filter(app_label="scenarios", model="topic").first()
    ids = [str(pk) for pk in Topic.objects.filter(slug=SLUG).values_list("pk", flat=True)]
    if topic_type is not None and ids:
        for revision in Revision.objects.filter(content_type=topic_type, object_id__in=ids):
            if revision.content.get("slug", SLUG) == SLUG:
                revision.content[FLAG] = True
                revision.save(update_fields=["content"])
    for version in RulebookVersion.objects.all():
        topics = version.snapshot.get("topics", [])
        for topic in topics:
            topic.setdefault(FLAG, topic.get("slug") == SLUG)
        version.save(update_fields=["snapshot"])


class Migration(migrations.Migration):
    dependencies = [("scenarios", "0006_topic_custody_image_last_resort")]
    operations = [migrations.RunPython(set_flag, migrations.RunPython.noop)]
