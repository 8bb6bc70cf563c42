"""Each change that matters writes exactly one audit entry, naming who did it, with the before
and the after; a change that rolls back leaves none."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import LogContext

from api.services import token_create, token_revoke
from audit.models import (
    ANSWERS_REGRADE,
    ASSIGNMENT_CHANGE,
    ASSIGNMENT_CREATE,
    ASSIGNMENT_DELETE,
    DELETE_CONTENT,
    EXPORT,
    PROFILE_CHANGE,
    PUBLISH,
    ROLES_CHANGE,
    RULEBOOK_PUBLISH,
    TOKEN_CREATE,
    TOKEN_REVOKE,
    UNPUBLISH,
    AuditEntry,
)
from courses.dashboards import exports
from courses.dashboards.params import dashboard_for
from courses.services import assignment_create
from organisation.factories import ProfileFactory, UserFactory
from organisation.models import Borough
from organisation.roles import BOROUGH_SPOC, OFFICER
from scenarios.factories import ScenarioTemplateFactory
from scenarios.models import RulebookVersion, Topic
from tests.quizzes.conftest import make_quiz
from tests.scenarios.test_rulebook_publishing import topic_form

pytestmark = pytest.mark.django_db


def person(username):
    return get_user_model().objects.get(username=username)


def only(action) -> AuditEntry:
    entries = list(AuditEntry.objects.filter(action=action))
    assert len(entries) == 1, [str(e) for e in entries]
    return entries[0]


class Boom(Exception):
    pass


# --------------------------------------------------------------------------- publishing


def only_for(action, obj) -> AuditEntry:
    entries = list(
        AuditEntry.objects.filter(
            action=action, object_type=obj._meta.label_lower, object_id=str(obj.pk)
        )
    )
    assert len(entries) == 1, [str(e) for e in entries]
    return entries[0]


def test_publishing_a_guidance_page(guidance, demo_users):
    page = guidance["rag"]
    editor = person("editor")
    with LogContext(user=editor):  # as the admin's views run
        revision = page.save_revision(user=person("social-media-team"))
        revision.publish(user=editor)
    entries = AuditEntry.objects.filter(action=PUBLISH, object_id=str(page.pk)).order_by("pk")
    # The loader's publish (the system's), then the editor's.
    assert [e.actor for e in entries] == [None, editor]
    entry = entries.last()
    assert entry.object_type == "home.guidancepage"
    assert entry.after == {"live": True, "title": page.title, "revision": revision.pk}
    assert entry.before == entries.first().after


def test_unpublishing_a_module_in_the_admin(training, signed_in):
    module = training.modules["rag-table"]
    response = signed_in("editor").post(reverse("wagtailadmin_pages:unpublish", args=[module.pk]))
    assert response.status_code == 302
    entry = only_for(UNPUBLISH, module)
    assert entry.actor == person("editor")
    assert entry.before["live"] is True
    assert entry.after == {"live": False, "title": module.title}


def test_publishing_a_rulebook_version_in_the_admin(guidance, signed_in):
    topic = Topic.objects.get(slug="burglary")
    response = signed_in("editor").post(
        f"/admin/snippets/scenarios/topic/edit/{topic.pk}/",
        {**topic_form(topic, rating="AMBER"), "action-publish": "action-publish"},
    )
    assert response.status_code == 302
    entry = only(RULEBOOK_PUBLISH)
    version = RulebookVersion.objects.latest()
    previous = RulebookVersion.objects.get(number=version.number - 1)
    assert entry.actor == person("editor")
    assert entry.object_type == "scenarios.rulebookversion"
    assert entry.object_id == str(version.pk)
    assert entry.before == {"number": previous.number, "note": previous.note}
    assert entry.after == {"number": version.number, "note": version.note}
    # The topic's own publish is not a second entry: the version is what counts.
    assert not AuditEntry.objects.filter(object_type="scenarios.topic").exists()


def test_a_template_published_then_retired(demo_users):
    editor = person("editor")
    with LogContext(user=editor):
        template = ScenarioTemplateFactory(key="audit-me", title="Audit me")
    entry = only(PUBLISH)
    assert entry.actor == editor and entry.object_repr == str(template)
    assert entry.after["live"] is True and entry.before is None

    with LogContext(user=editor):
        template.unpublish(user=editor)
    entry = only(UNPUBLISH)
    assert entry.actor == editor and entry.before["live"] is True
    assert entry.after["live"] is False

    with LogContext(user=editor):
        template.delete()
    entry = only(DELETE_CONTENT)
    assert entry.actor == editor and entry.before["live"] is False and entry.after is None


def test_publishing_a_quiz(demo_users, small_bank):
    editor = person("editor")
    with LogContext(user=editor):
        quiz = make_quiz(title="Audited quiz")
    entry = only_for(PUBLISH, quiz)
    assert entry.object_type == "quizzes.quiz" and entry.actor == editor
    assert entry.after["live"] is True and entry.after["title"] == str(quiz)


def test_a_publish_that_rolls_back_leaves_no_entry(demo_users):
    before = AuditEntry.objects.count()
    with pytest.raises(Boom), transaction.atomic():
        ScenarioTemplateFactory(key="never")
        raise Boom
    assert AuditEntry.objects.count() == before


def test_answers_a_rulebook_change_regraded(
    small_bank, guidance, signed_in, run_queued_jobs, django_capture_on_commit_callbacks
):
    topic = Topic.objects.get(slug="burglary")
    with django_capture_on_commit_callbacks(execute=True):
        signed_in("editor").post(
            f"/admin/snippets/scenarios/topic/edit/{topic.pk}/",
            {**topic_form(topic, rating="AMBER"), "action-publish": "action-publish"},
        )
    run_queued_jobs()
    entry = only(ANSWERS_REGRADE)
    version = RulebookVersion.objects.latest()
    assert entry.object_id == str(version.pk) and entry.actor is None  # a job did it
    assert entry.object_repr == f"Rulebook version {version.number}"
    assert entry.after["changed"] == len(entry.after["answers"]) > 0
    assert entry.after["by_change"] == {"GREEN → RED": entry.after["changed"]}
    assert set(entry.before["answers"].values()) == {"GREEN"}
    assert set(entry.after["answers"].values()) == {"RED"}


# --------------------------------------------------------------------------- people


@pytest.fixture
def pc(db):
    user = UserFactory(username="pc-audit", roles=[OFFICER])
    ProfileFactory(user=user, borough=Borough.objects.get(slug="lewisham"))
    AuditEntry.objects.all()
    return user


def test_a_role_given_outside_the_admin(pc):
    before = AuditEntry.objects.filter(action=ROLES_CHANGE).count()
    pc.groups.add(Group.objects.get(name=BOROUGH_SPOC))
    entries = AuditEntry.objects.filter(action=ROLES_CHANGE).order_by("-pk")
    assert entries.count() == before + 1
    entry = entries.first()
    assert (entry.before, entry.after) == ([OFFICER], sorted([OFFICER, BOROUGH_SPOC]))
    assert (entry.object_type, entry.object_id, entry.object_repr) == (
        "auth.user",
        str(pc.pk),
        "pc-audit",
    )


def test_a_role_change_that_rolls_back_leaves_no_entry(pc):
    before = AuditEntry.objects.count()
    with pytest.raises(Boom), transaction.atomic():
        pc.groups.add(Group.objects.get(name=BOROUGH_SPOC))
        raise Boom
    assert AuditEntry.objects.count() == before


def test_roles_changed_in_the_admin_user_form_are_one_entry(pc, signed_in):
    before = AuditEntry.objects.filter(action=ROLES_CHANGE).count()
    spoc = Group.objects.get(name=BOROUGH_SPOC)
    response = signed_in("admin").post(
        reverse("wagtailusers_users:edit", args=[pc.pk]),
        {
            "username": pc.username,
            "email": pc.email,
            "first_name": pc.first_name,
            "last_name": pc.last_name,
            "is_active": "on",
            "groups": [spoc.pk],  # Officer out, SPOC in: Django removes, then adds
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    entries = AuditEntry.objects.filter(action=ROLES_CHANGE).order_by("-pk")
    assert entries.count() == before + 1
    entry = entries.first()
    assert entry.actor == person("admin")
    assert (entry.before, entry.after) == ([OFFICER], [BOROUGH_SPOC])


def test_a_move_to_another_borough_in_the_admin_is_one_entry(pc, signed_in):
    profile = pc.profile
    croydon = Borough.objects.get(slug="croydon")
    before = AuditEntry.objects.filter(action=PROFILE_CHANGE).count()
    response = signed_in("admin").post(
        reverse("people:edit", args=[profile.pk]),
        {"user": pc.pk, "borough": croydon.pk, "unit": "", "supported_boroughs": []},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    entries = AuditEntry.objects.filter(action=PROFILE_CHANGE).order_by("-pk")
    assert entries.count() == before + 1
    entry = entries.first()
    assert entry.actor == person("admin")
    assert entry.before == {"borough": "Lewisham", "unit": None, "supported_boroughs": []}
    assert entry.after == {"borough": "Croydon", "unit": None, "supported_boroughs": []}


def test_a_profile_saved_unchanged_writes_nothing(pc):
    before = AuditEntry.objects.count()
    pc.profile.save()
    assert AuditEntry.objects.count() == before


# --------------------------------------------------------------------------- assignments


def test_assignment_created_changed_and_removed(training, demo_users, pc):
    spoc = person("spoc")
    due = timezone.localdate() + timedelta(days=14)
    assignment = assignment_create(
        by=spoc, page=training.modules["rag-table"], due_date=due, person=pc
    )
    entry = only(ASSIGNMENT_CREATE)
    assert entry.actor == spoc and entry.before is None
    assert entry.after["due_date"] == due.isoformat()
    assert entry.after["person"] == {"id": pc.pk, "name": str(pc)}

    later = due + timedelta(days=7)
    with LogContext(user=spoc):
        assignment.due_date = later
        assignment.save()
    entry = only(ASSIGNMENT_CHANGE)
    assert entry.actor == spoc
    assert (entry.before["due_date"], entry.after["due_date"]) == (
        due.isoformat(),
        later.isoformat(),
    )

    with LogContext(user=spoc):
        assignment.delete()
    entry = only(ASSIGNMENT_DELETE)
    assert entry.actor == spoc and entry.after is None
    assert entry.before["due_date"] == later.isoformat()


def test_an_assignment_that_rolls_back_leaves_no_entry(training, demo_users, pc):
    with pytest.raises(Boom), transaction.atomic():
        assignment_create(
            by=person("spoc"),
            page=training.modules["rag-table"],
            due_date=timezone.localdate(),
            person=pc,
        )
        raise Boom
    assert not AuditEntry.objects.filter(action=ASSIGNMENT_CREATE).exists()


def test_assigning_to_more_people_costs_no_more_audit_queries(training, demo_users):
    lewisham = Borough.objects.get(slug="lewisham")
    croydon = Borough.objects.get(slug="croydon")
    for n in range(2):
        ProfileFactory(user=UserFactory(username=f"few-{n}", roles=[OFFICER]), borough=croydon)
    for n in range(12):
        ProfileFactory(user=UserFactory(username=f"many-{n}", roles=[OFFICER]), borough=lewisham)
    admin = person("admin")
    due = timezone.localdate()
    counts = []
    for place in (croydon, lewisham):
        with CaptureQueriesContext(connection) as queries:
            assignment_create(
                by=admin, page=training.modules["rag-table"], due_date=due, borough=place
            )
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert AuditEntry.objects.filter(action=ASSIGNMENT_CREATE).count() == 2


# --------------------------------------------------------------------------- tokens


def test_token_created_and_revoked_once(pc):
    token, raw = token_create(user=pc, name="Scheduler")
    entry = only(TOKEN_CREATE)
    assert entry.actor == pc and entry.after == {"name": "Scheduler", "prefix": token.prefix}
    assert raw not in str(entry.after) and token.key_hash not in str(entry.after)

    token_revoke(user=pc, token_id=token.pk)
    token_revoke(user=pc, token_id=token.pk)  # twice: revoked once, one entry
    entry = only(TOKEN_REVOKE)
    assert entry.actor == pc
    assert entry.before["revoked_at"] is None and entry.after["revoked_at"] is not None


def test_a_token_that_rolls_back_leaves_no_entry(pc):
    with pytest.raises(Boom), transaction.atomic():
        token_create(user=pc, name="Scheduler")
        raise Boom
    assert not AuditEntry.objects.filter(action=TOKEN_CREATE).exists()


# --------------------------------------------------------------------------- exports


def test_each_csv_download_is_one_entry_naming_table_and_filters(training, signed_in):
    client = signed_in("spoc")
    url = reverse("courses:dashboard_export", args=["overdue"])
    response = client.get(url, {"period": "90"})
    assert response.status_code == 200
    b"".join(response.streaming_content)
    client.get(reverse("courses:dashboard_export", args=["people"]))
    entries = AuditEntry.objects.filter(action=EXPORT).order_by("pk")
    assert [e.object_id for e in entries] == ["overdue", "completion-by-person"]
    assert entries[0].after["filters"] == {"period": "90"}
    assert entries[0].after["scope"] == "Lewisham"
    # A refused download is not one.
    client.get(reverse("courses:dashboard_export", args=["overdue"]), {"period": "nonsense"})
    assert AuditEntry.objects.filter(action=EXPORT).count() == 2


def test_an_export_names_who_downloaded_it(training, demo_users):
    spoc = person("spoc")
    request = RequestFactory().get("/", {"period": "30"})
    request.user = spoc
    exports.export(dashboard_for(request), "rules", by=spoc)
    entry = only(EXPORT)
    assert entry.actor == spoc and entry.object_id == "rules-got-wrong"
    assert entry.after["filters"] == {"period": "30"}


def test_a_dashboard_csv_download_names_who_downloaded_it(client, training, demo_users):
    client.force_login(person("spoc"))
    response = client.get(reverse("courses:dashboard_export", args=["rules"]), {"period": "30"})
    assert response.status_code == 200
    b"".join(response.streaming_content)
    entry = only(EXPORT)
    assert entry.actor == person("spoc") and entry.object_id == "rules-got-wrong"


def test_an_xapi_download_names_who_downloaded_it_and_its_window(client, demo_users):
    client.force_login(person("spoc"))
    response = client.get(reverse("courses:xapi_export"), {"since": "2026-01-01"})
    assert response.status_code == 200
    entry = only(EXPORT)
    assert entry.actor == person("spoc") and entry.object_id == "xapi-statements"
    assert entry.after["filters"] == {"since": "2026-01-01"}
