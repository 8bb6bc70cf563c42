"""The realistic force for load: rows shaped as the services would leave them, built once."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count, Max, Q

from courses.force import PREFIX, ForceSize, build_force
from courses.models import Certificate, ModulePage, TrainingRecord
from quizzes.models import Attempt, AttemptQuestion
from quizzes.services import attempt_start

SIZE = ForceSize(officers=120, modules=3, seed=7)


@pytest.fixture
def force(demo_site, training, run_queued_jobs):
    run_queued_jobs()  # the library's approval feeds the bank (queued with a real Redis)
    return build_force(SIZE)


def test_it_builds_officers_across_the_boroughs_and_units(force):
    people = get_user_model().objects.filter(username__startswith=PREFIX)
    assert force["officers"] == people.count() == SIZE.officers
    boroughs = people.exclude(profile__borough=None).values("profile__borough").distinct()
    units = people.exclude(profile__unit=None).values("profile__unit").distinct()
    assert boroughs.count() == 32 and units.count() >= 1
    # Every record belongs to an assignment of the person's own team.
    for record in TrainingRecord.objects.filter(person__in=people).select_related(
        "assignment", "person__profile"
    )[:200]:
        profile = record.person.profile
        assert (record.assignment.borough_id, record.assignment.unit_id) == (
            profile.borough_id,
            profile.unit_id,
        )
        assert record.due_date == record.assignment.due_date


def test_records_agree_with_their_attempts_and_certificates(force):
    assert force["attempts"] > 0 and force["certificates"] > 0
    best = {
        (row["user"], row["module"]): row
        for row in Attempt.objects.filter(user__username__startswith=PREFIX)
        .values("user", "module")
        .annotate(best=Max("score"), passes=Count("pk", filter=Q(passed=True)))
    }
    for record in TrainingRecord.objects.filter(person__username__startswith=PREFIX):
        row = best.get((record.person_id, record.module_id))
        if row is None:
            assert record.started_at is None and record.passed_at is None
            continue
        assert record.started_at is not None and record.best_score == row["best"]
        assert (record.passed_at is not None) == (row["passes"] == 1)
        if record.passed_at:
            certificate = Certificate.objects.get(person=record.person, module=record.module)
            assert certificate.issued_at == record.passed_at
            assert certificate.expires_at == record.expires_at
            assert certificate.attempt.passed
    # Every attempt has its eight answers.
    assert force["answers"] == 8 * force["attempts"]
    assert (
        AttemptQuestion.objects.filter(attempt__user__username__startswith=PREFIX).count()
        == (force["answers"])
    )


def test_running_it_again_adds_nothing(force):
    assert build_force(SIZE) == force


def test_the_services_carry_on_after_it(force, demo_site):
    """Attempts were numbered by the builder: a new one (PostgreSQL's sequence) must not clash."""
    module = ModulePage.objects.filter(slug="force-module-1").get()
    before = Attempt.objects.aggregate(last=Max("pk"))["last"]
    attempt = attempt_start(user=demo_site["officer"], quiz=module.quiz)
    assert attempt.pk > before


def test_the_command_refuses_bad_sizes_and_production(settings, demo_site, training):
    with pytest.raises(CommandError, match="--officers must be 1 or more") as raised:
        call_command("build_force", officers=0)
    assert raised.value.returncode == 2
    settings.DEMO_USERS_ALLOWED = False
    with pytest.raises(CommandError, match="not in these settings"):
        call_command("build_force", officers=10)
    assert not get_user_model().objects.filter(username__startswith=PREFIX).exists()
