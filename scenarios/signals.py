"""What publishing does: a rulebook entry numbers a new rulebook version (and the bank is
re-graded); an approved template feeds the bank; an unpublished or deleted template's
questions are retired, never deleted."""

from django.db.models.signals import post_delete, pre_delete
from django.dispatch import receiver
from wagtail.signals import published, unpublished

from .jobs import enqueue_generate, enqueue_regrade, retire_questions
from .models import GreenSource, RulebookVersion, RuleParameters, ScenarioTemplate, Topic
from .rulebook import publish_version, rulebook_published

RULEBOOK_MODELS = (Topic, GreenSource, RuleParameters)


def _number(sender, instance, verb, user=None):
    if sender in RULEBOOK_MODELS:
        publish_version(f"{sender._meta.verbose_name} “{instance}” {verb}", user=user)


@receiver(published)
def entry_published(sender, instance, revision=None, **kwargs):
    _number(sender, instance, "published", user=getattr(revision, "user", None))
    if sender is ScenarioTemplate:
        # Only an approved (published) template feeds the bank.
        enqueue_generate(template_ids=[instance.pk])


@receiver(unpublished)
def entry_unpublished(sender, instance, user=None, **kwargs):
    _number(sender, instance, "unpublished", user=user)
    if sender is ScenarioTemplate:
        retire_questions(template_id=instance.pk, reason="Its template was unpublished.")


@receiver(pre_delete, sender=ScenarioTemplate)
def template_deleted(sender, instance, **kwargs):
    retire_questions(template_id=instance.pk, reason="Its template was deleted.")


@receiver(post_delete)
def rulebook_entry_deleted(sender, instance, **kwargs):
    _number(sender, instance, "deleted")


@receiver(rulebook_published, sender=RulebookVersion)
def regrade_the_bank(sender, number, **kwargs):
    enqueue_regrade()
