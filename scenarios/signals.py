from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import published, unpublished

from .models import GreenSource, RuleParameters, Topic
from .rulebook import publish_version

RULEBOOK_MODELS = (Topic, GreenSource, RuleParameters)


def _number(sender, instance, verb):
    if sender in RULEBOOK_MODELS:
        publish_version(f"{sender._meta.verbose_name} “{instance}” {verb}")


@receiver(published)
def rulebook_entry_published(sender, instance, **kwargs):
    _number(sender, instance, "published")


@receiver(unpublished)
def rulebook_entry_unpublished(sender, instance, **kwargs):
    _number(sender, instance, "unpublished")


@receiver(post_delete)
def rulebook_entry_deleted(sender, instance, **kwargs):
    _number(sender, instance, "deleted")
