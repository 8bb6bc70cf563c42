import pytest
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from wagtail.models import Page

from organisation import roles
from organisation.demo import DEMO_USERS
from organisation.factories import UserFactory
from organisation.models import Borough, Profile, Unit

pytestmark = pytest.mark.django_db


def perms_of(name):
    return {
        f"{app}.{code}"
        for app, code in Group.objects.get(name=name).permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


def test_every_role_of_the_guidance_is_a_group():
    assert set(roles.ROLES) <= set(Group.objects.values_list("name", flat=True))


def test_only_staff_roles_reach_the_admin():
    for name in roles.ROLES:
        assert (roles.ADMIN_ACCESS in perms_of(name)) == (name in roles.STAFF_ROLES), name


def test_who_sees_whose_people():
    assert "organisation.view_own_borough" in perms_of(roles.BOROUGH_SPOC)
    assert "organisation.view_supported_boroughs" in perms_of(roles.BOROUGH_SUPPORT)
    assert "organisation.view_units" in perms_of(roles.SOCIAL_MEDIA_TEAM)
    officer = perms_of(roles.OFFICER)
    assert officer == {"organisation.take_training"}


def test_editors_publish_and_the_social_media_team_goes_through_moderation(guidance):
    editor = UserFactory(username="ed", roles=[roles.EDITOR])
    smt = UserFactory(username="smt", roles=[roles.SOCIAL_MEDIA_TEAM])
    officer = UserFactory(username="off", roles=[roles.OFFICER])
    page = guidance["rag"]
    assert page.permissions_for_user(editor).can_publish()
    assert page.permissions_for_user(smt).can_edit()
    assert not page.permissions_for_user(smt).can_publish()
    assert not page.permissions_for_user(officer).can_edit()
    workflow = page.get_workflow()
    assert workflow is not None and workflow.name == roles.WORKFLOW_NAME
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [roles.EDITOR]


def test_sync_is_idempotent():
    roles.sync_roles()
    before = {name: perms_of(name) for name in roles.ROLES}
    roles.sync_roles()
    assert {name: perms_of(name) for name in roles.ROLES} == before
    assert Group.objects.filter(name__in=roles.ROLES).count() == len(roles.ROLES)


def test_the_32_london_boroughs_and_the_units_exist():
    assert Borough.objects.count() == 32
    assert Borough.objects.filter(name="Tower Hamlets").exists()
    assert Unit.objects.filter(slug="directorate-of-media-and-communication").exists()


def test_a_person_belongs_to_exactly_one_borough_or_unit(demo_users):
    user = UserFactory(username="nowhere")
    # The database's own constraint is under test: bad rows made directly, past the factory.
    with pytest.raises(IntegrityError), transaction.atomic():
        Profile.objects.create(user=user, borough=None, unit=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        Profile.objects.create(
            user=user, borough=Borough.objects.first(), unit=Unit.objects.first()
        )


def test_demo_users_cover_every_role_and_are_idempotent(demo_users):
    from django.contrib.auth import get_user_model

    from organisation.demo import create_demo_users

    User = get_user_model()
    count = User.objects.count()
    create_demo_users()
    assert User.objects.count() == count == len(DEMO_USERS)
    officer = User.objects.get(username="officer").profile
    spoc = User.objects.get(username="spoc").profile
    spoc2 = User.objects.get(username="spoc-2").profile
    assert officer.borough == spoc.borough
    assert spoc2.borough != spoc.borough
    support = User.objects.get(username="borough-support").profile
    assert officer.borough in support.supported_boroughs.all()
    for demo in DEMO_USERS:
        user = User.objects.get(username=demo.username)
        if demo.role:
            assert list(user.groups.values_list("name", flat=True)) == [demo.role]
    assert User.objects.get(username="admin").is_superuser


def test_officer_is_refused_the_admin_cleanly(signed_in, guidance):
    client = signed_in("officer")
    response = client.get("/admin/")
    assert response.status_code == 403
    assert b"The admin is for staff roles" in response.content
    assert client.get("/admin/pages/").status_code == 403


@pytest.mark.parametrize(
    "username", ["spoc", "borough-support", "social-media-team", "press-bureau", "editor"]
)
def test_staff_roles_open_the_admin(signed_in, guidance, username):
    assert signed_in(username).get("/admin/").status_code == 200


def test_header_shows_who_is_signed_in_and_their_role(signed_in, guidance):
    html = signed_in("spoc").get("/").content.decode()
    assert "Signed in as" in html and "spoc" in html
    assert "Borough SPOC" in html


def test_sign_in_and_out(client, demo_users, guidance):
    response = client.post(
        "/accounts/login/", {"username": "officer", "password": demo_users}, follow=True
    )
    assert response.context["user"].username == "officer"
    response = client.post("/accounts/logout/", follow=True)
    assert not response.context["user"].is_authenticated


def test_wrong_password_is_a_clear_message_not_an_error(client, demo_users):
    response = client.post("/accounts/login/", {"username": "officer", "password": "nope"})
    assert response.status_code == 200
    assert b"There is a problem" in response.content


def test_root_page_exists_for_permissions():
    assert Page.get_first_root_node() is not None


def test_people_admin_links_a_person_to_one_borough_or_unit(signed_in, guidance):
    client = signed_in("admin")
    profile = Profile.objects.get(user__username="officer")
    assert client.get("/admin/people/").status_code == 200
    url = f"/admin/people/edit/{profile.pk}/"
    both = {"user": profile.user_id, "borough": profile.borough_id, "unit": Unit.objects.first().pk}
    response = client.post(url, both)
    assert response.status_code == 200
    assert b"exactly one borough or one unit" in response.content
    profile.refresh_from_db()
    assert profile.unit is None  # nothing saved
    croydon = Borough.objects.get(slug="croydon")
    response = client.post(url, {"user": profile.user_id, "borough": croydon.pk})
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.borough == croydon
