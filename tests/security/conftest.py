"""The world the security tests walk every URL in: the courses matrix's two officers (one in
Lewisham, one in Croydon, each with a certificate, a refresher owed and a marked attempt), plus
what the other addresses need filled in: an open attempt, an API token, a pending rulebook
change, every snippet and page kind the admin edits. Built once per test module and rolled
back after it; each test runs in a savepoint on top of it."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from wagtail.models import Collection, Page, Site, Workflow, WorkflowState

from api.services import token_create
from courses.models import CourseIndexPage, CoursePage
from home.models import GuidancePage, HomePage
from organisation.models import ContactSettings, Profile
from quizzes.models import Attempt, AttemptQuestion
from quizzes.models.attempt import IN_PROGRESS, SCENARIO
from scenarios.models import BankQuestion, GreenSource, RulebookVersion, RuleParameters, Topic

# The courses matrix's world, reused rather than built twice (its fixture, imported).
from tests.courses.test_permission_matrix import VIEWERS as COURSE_VIEWERS
from tests.courses.test_permission_matrix import world  # noqa: F401

# The courses matrix's viewers, and the superuser (django-rq and the Django admin are theirs).
VIEWERS = (*COURSE_VIEWERS, "superuser")


@pytest.fixture(scope="module")
def security_world(world, django_db_blocker):  # noqa: F811
    with django_db_blocker.unblock(), transaction.atomic():
        users = dict(world.users)
        users["superuser"] = users["admin"]
        officer = users["officer"]
        rag = world.modules["rag-table"]
        question = BankQuestion.objects.filter(template=world.template).first()
        open_attempt = Attempt.objects.create(
            user=officer,
            quiz=rag.quiz,
            module=rag,
            status=IN_PROGRESS,
            number=2,
            seed=2,
            rulebook_version=1,
            started_at=timezone.now(),
        )
        AttemptQuestion.objects.create(
            attempt=open_attempt,
            position=1,
            kind=SCENARIO,
            bank_question=question,
            text=question.text,
            facts=question.facts,
            rules=["red-topic"],
            verdict={"rating": "GREEN", "contact": "none"},
            max_points=3,
        )
        token, _raw = token_create(user=officer, name="Scheduler")
        croydon_token, _ = token_create(user=users["officer-croydon"], name="Scheduler")
        guidance = GuidancePage.objects.live().first()
        yield SimpleNamespace(
            **vars(world),
            viewers=users,
            # A fresh token for the test that asks (its raw value is shown only once).
            make_token=lambda: token_create(user=officer, name="Test tool"),
            open_attempt=open_attempt.pk,
            tokens={"lewisham": token.pk, "croydon": croydon_token.pk},
            question=question,
            pages={
                "home": HomePage.objects.get(),
                "guidance": guidance,
                "index": CourseIndexPage.objects.get(),
                "course": CoursePage.objects.get(source_key="borough-essentials"),
                "module": rag,
                "root": Page.get_first_root_node(),
            },
            snippets={
                "topic": Topic.objects.first(),
                "greensource": GreenSource.objects.first(),
                "ruleparameters": RuleParameters.objects.first(),
                "rulebookversion": RulebookVersion.objects.first(),
                "scenariotemplate": world.template,
                "bankquestion": question,
                "quiz": rag.quiz,
            },
            profile=Profile.objects.get(user=officer),
            contacts=ContactSettings.load(),
            group=Group.objects.get(name="Officer"),
            site=Site.objects.get(is_default_site=True),
            collection=Collection.get_first_root_node(),
            workflow=Workflow.objects.first(),
            workflow_state=WorkflowState.objects.first(),
        )
        transaction.set_rollback(True)
