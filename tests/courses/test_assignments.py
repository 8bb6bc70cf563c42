"""Assigning training: a plain form whose choices are the trainer's scope and nothing else,
errors from the service on their fields, and the list of assignments for that scope."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from courses.forms import AssignmentForm
from courses.learner_selectors import assignments_visible_to
from courses.models import Assignment, TrainingRecord
from courses.services import assignment_create
from organisation.factories import ProfileFactory, UserFactory
from organisation.models import Borough, Unit

pytestmark = pytest.mark.django_db


def person(username):
    return get_user_model().objects.get(username=username)


def borough(slug):
    return Borough.objects.get(slug=slug)


def officer_in(slug, username):
    user = UserFactory(username=username, roles=["Officer"])
    ProfileFactory(user=user, borough=borough(slug))
    return user


def options(html: str, name: str) -> list[str]:
    found = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S)
    assert found, f"no {name} list"
    return re.findall(r'<option value="[^"]+"[^>]*>([^<]*)</option>', found.group(1))


def form_data(page, **fields):
    due = timezone.localdate() + timedelta(days=14)
    return {"page": page.pk, "due_date": due.isoformat(), "refresher_months": 12, **fields}


@pytest.fixture
def people(demo_users):
    return {
        "lewisham": officer_in("lewisham", "lew-officer"),
        "croydon": officer_in("croydon", "croy-officer"),
        "greenwich": officer_in("greenwich", "green-officer"),
        "camden": officer_in("camden", "cam-officer"),
    }


# --------------------------------------------------------------------------- who may assign


def test_an_officer_gets_403(training, signed_in):
    client = signed_in("officer")
    assert client.get("/training/assign/").status_code == 403
    post = form_data(training.modules["rag-table"], target="person", person=person("officer").pk)
    assert client.post("/training/assign/", post).status_code == 403
    assert not Assignment.objects.exists()


@pytest.mark.parametrize("username", ["press-bureau", "editor"])
def test_other_staff_without_the_permission_get_403(signed_in, username):
    assert signed_in(username).get("/training/assign/").status_code == 403


def test_signed_out_visitors_are_asked_to_sign_in(client, db):
    response = client.get("/training/assign/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


# --------------------------------------------------------------------------- what is offered


def test_the_page_is_a_plain_accessible_form(training, signed_in):
    html = signed_in("spoc").get("/training/assign/").content.decode()
    assert html.count("<h1") == 1
    for name in ("page", "person", "borough", "role", "due_date", "refresher_months"):
        assert f'<label for="id_{name}">' in html
    assert "<legend>Who</legend>" in html
    assert 'name="refresher_months" value="12"' in html
    pages = options(html, "page")
    assert pages[0] == f"Course: {training.course.title} (every module)"
    assert any(label.startswith("— Module: ") for label in pages)


def test_a_spoc_is_offered_their_borough_and_its_people_only(training, people, signed_in):
    html = signed_in("spoc").get("/training/assign/").content.decode()
    assert options(html, "borough") == ["Lewisham"]
    persons = " ".join(options(html, "person"))
    assert "lew-officer" in persons and "officer, Lewisham" in persons
    assert "croy-officer" not in persons and "spoc-2" not in persons
    assert 'name="unit"' not in html and 'value="force"' not in html


def test_a_spoc_cannot_pick_croydon_or_a_croydon_person(training, people, signed_in):
    client = signed_in("spoc")
    module = training.modules["rag-table"]
    for post in (
        form_data(module, target="borough", borough=borough("croydon").pk),
        form_data(module, target="person", person=people["croydon"].pk),
    ):
        response = client.post("/training/assign/", post)
        assert response.status_code == 200
        html = response.content.decode()
        assert "There is a problem" in html and "Select a valid choice" in html
    assert not Assignment.objects.exists()
    assert not TrainingRecord.objects.filter(person=people["croydon"]).exists()


def test_borough_support_is_offered_its_supported_boroughs_only(training, people, signed_in):
    client = signed_in("borough-support")
    html = client.get("/training/assign/").content.decode()
    assert options(html, "borough") == ["Greenwich", "Lewisham", "Southwark"]
    persons = " ".join(options(html, "person"))
    assert "green-officer" in persons and "lew-officer" in persons
    assert "croy-officer" not in persons and "cam-officer" not in persons
    assert 'name="unit"' not in html
    response = client.post(
        "/training/assign/",
        form_data(training.modules["rag-table"], target="borough", borough=borough("camden").pk),
    )
    assert "Select a valid choice" in response.content.decode()
    assert not Assignment.objects.exists()


def test_the_social_media_team_is_offered_units_and_the_force(training, people, signed_in):
    client = signed_in("social-media-team")
    html = client.get("/training/assign/").content.decode()
    assert options(html, "unit") == list(Unit.objects.values_list("name", flat=True))
    assert len(options(html, "borough")) == Borough.objects.count()
    assert 'value="force"' in html
    unit = Unit.objects.get(slug="directorate-of-media-and-communication")
    response = client.post(
        "/training/assign/",
        form_data(training.modules["rag-table"], target="unit", unit=unit.pk),
        follow=True,
    )
    assert "Assigned “The RAG table”" in response.content.decode()
    assert Assignment.objects.get().unit == unit


def test_the_whole_force_takes_a_role(training, people, signed_in):
    client = signed_in("social-media-team")
    module = training.modules["rag-table"]
    response = client.post("/training/assign/", form_data(module, target="force"))
    html = response.content.decode()
    assert "Only people with this role (optional): Choose a role" in html
    assert 'href="#id_role"' in html
    assert not Assignment.objects.exists()
    officers = Group.objects.get(name="Officer")
    client.post("/training/assign/", form_data(module, target="force", role=officers.pk))
    assignment = Assignment.objects.get()
    assert (assignment.role, assignment.borough, assignment.unit) == (officers, None, None)
    assert TrainingRecord.objects.filter(person=people["camden"], module=module).exists()


# --------------------------------------------------------------------------- assigning


def test_assigning_a_borough_applies_at_once_and_says_what_was_done(training, people, signed_in):
    client = signed_in("spoc")
    course = training.course
    response = client.post(
        "/training/assign/", form_data(course, target="borough", borough=borough("lewisham").pk)
    )
    assert response.status_code == 302 and response["Location"] == "/training/assign/"
    html = client.get(response["Location"]).content.decode()
    due = timezone.localdate() + timedelta(days=14)
    assert f"Assigned “{course.title}” to Lewisham, due by {due.day} {due:%b %Y}" in html
    lewisham_people = get_user_model().objects.filter(profile__borough__slug="lewisham").count()
    assert f"({lewisham_people} people now)" in html
    records = TrainingRecord.objects.filter(person=people["lewisham"])
    assert records.count() == len(training.modules)
    assert {r.due_date for r in records} == {due}
    assert not TrainingRecord.objects.filter(person=people["croydon"]).exists()


def test_only_people_with_a_role_within_a_borough(training, people, signed_in):
    client = signed_in("spoc")
    officers = Group.objects.get(name="Officer")
    module = training.modules["rag-table"]
    client.post(
        "/training/assign/",
        form_data(module, target="borough", borough=borough("lewisham").pk, role=officers.pk),
    )
    assert TrainingRecord.objects.filter(person=people["lewisham"], module=module).exists()
    assert not TrainingRecord.objects.filter(person=person("spoc"), module=module).exists()


def test_the_lists_not_chosen_are_ignored(training, people, signed_in):
    # Without JavaScript every list is on the page: only the one "Who" points at counts.
    client = signed_in("spoc")
    client.post(
        "/training/assign/",
        form_data(
            training.modules["rag-table"],
            target="person",
            person=people["lewisham"].pk,
            borough=borough("lewisham").pk,
        ),
    )
    assignment = Assignment.objects.get()
    assert (assignment.person, assignment.borough) == (people["lewisham"], None)


def test_a_past_due_date_is_refused_on_its_field(training, people, signed_in):
    client = signed_in("spoc")
    past = timezone.localdate() - timedelta(days=1)
    response = client.post(
        "/training/assign/",
        {
            **form_data(
                training.modules["rag-table"], target="person", person=people["lewisham"].pk
            ),
            "due_date": past.isoformat(),
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert (
        '<a href="#id_due_date">Due date: The due date has passed: choose today or later.</a>'
        in html
    )
    assert "Error: The due date has passed" in html
    assert not Assignment.objects.exists()


def test_missing_choices_are_named(training, signed_in):
    response = signed_in("spoc").post("/training/assign/", {"target": "borough"})
    html = response.content.decode()
    assert "Training: This field is required." in html
    assert "Borough: Choose the borough." in html
    assert "Due date: This field is required." in html
    assert 'href="#id_page"' in html and 'href="#id_borough"' in html
    response = signed_in("spoc").post("/training/assign/", {})
    assert '<a href="#id_target_0">Who: This field is required.</a>' in response.content.decode()


def test_late_joiners_get_the_assignment(training, people, signed_in):
    module = training.modules["rag-table"]
    signed_in("spoc").post(
        "/training/assign/", form_data(module, target="borough", borough=borough("lewisham").pk)
    )
    newcomer = UserFactory(username="newcomer", roles=["Officer"])
    assert not TrainingRecord.objects.filter(person=newcomer).exists()
    ProfileFactory(user=newcomer, borough=borough("lewisham"))
    record = TrainingRecord.objects.get(person=newcomer, module=module)
    assert record.due_date == Assignment.objects.get().due_date


# --------------------------------------------------------------------------- the list


def test_the_list_shows_the_trainers_scope_with_counts(training, people, demo_users):
    module = training.modules["rag-table"]
    due = timezone.localdate() + timedelta(days=7)
    lewisham = assignment_create(
        by=person("spoc"), page=module, due_date=due, borough=borough("lewisham")
    )
    assignment_create(by=person("spoc-2"), page=module, due_date=due, borough=borough("croydon"))
    one = assignment_create(
        by=person("spoc"), page=training.course, due_date=due, person=people["lewisham"]
    )
    # lew-officer passes the module; an expired pass does not count.
    now = timezone.now()
    TrainingRecord.objects.filter(person=people["lewisham"], module=module).update(
        passed_at=now, expires_at=now + timedelta(days=365)
    )
    TrainingRecord.objects.filter(person=person("officer"), module=module).update(
        passed_at=now - timedelta(days=400), expires_at=now - timedelta(days=35)
    )

    today = timezone.localdate()
    seen = {a.pk: a for a in assignments_visible_to(person("spoc"), today=today)}
    assert set(seen) == {lewisham.pk, one.pk}
    in_lewisham = get_user_model().objects.filter(profile__borough__slug="lewisham").count()
    assert (seen[lewisham.pk].covered, seen[lewisham.pk].passed) == (in_lewisham, 1)
    # The course has three modules: one passed is not the course passed.
    assert (seen[one.pk].covered, seen[one.pk].passed) == (1, 0)

    assert {a.pk for a in assignments_visible_to(person("spoc-2"), today=today)} == {
        a.pk for a in Assignment.objects.filter(borough__slug="croydon")
    }
    assert len(assignments_visible_to(person("social-media-team"), today=today)) == 3
    assert len(assignments_visible_to(person("borough-support"), today=today)) == 2
    assert not assignments_visible_to(person("officer"), today=today)


def test_the_list_on_the_page(training, people, signed_in):
    module = training.modules["rag-table"]
    due = timezone.localdate() + timedelta(days=7)
    assignment_create(by=person("spoc-2"), page=module, due_date=due, borough=borough("croydon"))
    client = signed_in("spoc")
    client.post(
        "/training/assign/", form_data(module, target="borough", borough=borough("lewisham").pk)
    )
    html = client.get("/training/assign/").content.decode()
    table = html[html.index('<table class="data-table">') :]
    assert "<caption>" in table and "Lewisham" in table
    assert "Croydon" not in table


def test_the_form_never_lists_people_outside_the_scope(training, people, demo_users):
    form = AssignmentForm(user=person("spoc"))
    assert set(form.fields["person"].queryset) == set(
        get_user_model().objects.filter(profile__borough__slug="lewisham")
    )
    assert form.offers == {"person", "borough"}
