"""Progress follows what happens elsewhere: an attempt started or marked (quizzes), a person
joining a borough, unit or role (organisation) — so assignments reach late joiners too."""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver

from organisation.models import Profile
from quizzes.signals import attempt_graded, attempt_started
from scenarios.jobs import bank_regraded

from .jobs import enqueue_refreshers_mark
from .refreshers import refresher_clear
from .services import person_assignments_apply, record_attempt_graded, record_attempt_started
from .tallies import rule_tallies_add


@receiver(attempt_started)
def attempt_was_started(sender, attempt_id, **kwargs):
    record_attempt_started(attempt_id=attempt_id)


@receiver(attempt_graded)
def attempt_was_graded(sender, attempt_id, **kwargs):
    record_attempt_graded(attempt_id=attempt_id)


@receiver(attempt_graded)
def answers_were_marked(sender, attempt_id, **kwargs):
    # In the marking transaction: the dashboard's tallies count an attempt with its grade.
    rule_tallies_add(attempt_id=attempt_id)


@receiver(post_save, sender=Profile)
def person_placed(sender, instance, **kwargs):
    person_assignments_apply(person=instance.user)


@receiver(m2m_changed, sender=get_user_model().groups.through)
def person_roles_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_set") and isinstance(instance, get_user_model()):
        person_assignments_apply(person=instance)


# Refreshers after a rule change (courses.refreshers).


@receiver(attempt_graded)
def refresher_was_graded(sender, attempt_id, **kwargs):
    # Inside the grading transaction: the rule is cleared with the pass, or not at all.
    refresher_clear(attempt_id=attempt_id)


@receiver(bank_regraded)
def bank_was_regraded(sender, version, **kwargs):
    # A job of its own, handed to the queue once the re-grade's answer changes are committed
    # (the outbox waits for the commit; a worker must read them): marking never fails or slows
    # the re-grade that triggered it.
    enqueue_refreshers_mark(version=version)
