"""The audit log in the admin: DMC editors and administrators read it, with filters and an
inspect view of the before and after; nobody else sees it, and nobody can change it there."""

import pytest
from django.urls import NoReverseMatch, reverse

from audit.models import EXPORT, ROLES_CHANGE, AuditEntry
from audit.services import audit_record
from audit.wagtail_hooks import audit_log_viewset

pytestmark = pytest.mark.django_db

INDEX = "/admin/audit/"


@pytest.fixture
def entries(demo_users):
    from django.contrib.auth import get_user_model

    people = {u.username: u for u in get_user_model().objects.all()}
    role = audit_record(
        actor=people["admin"],
        action=ROLES_CHANGE,
        object_type="auth.user",
        object_id=people["officer"].pk,
        object_repr="officer",
        before=["Officer"],
        after=["Borough SPOC"],
        summary="Changed the roles of officer <script>alert(1)</script>",
    )
    export = audit_record(
        actor=people["spoc"],
        action=EXPORT,
        object_type="export",
        object_id="overdue",
        object_repr="overdue",
        after={"table": "overdue", "filters": {"period": "90"}},
        summary="Downloaded overdue (period=90)",
    )
    return role, export


@pytest.mark.parametrize("username", ["editor", "admin"])
def test_dmc_editors_and_administrators_read_the_log(entries, signed_in, username):
    response = signed_in(username).get(INDEX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Downloaded overdue (period=90)" in html
    assert "<script>alert(1)</script>" not in html  # shown escaped
    assert '"Audit log"' in html and '"/admin/audit/"' in html  # in the menu's data


@pytest.mark.parametrize(
    "username", ["officer", "spoc", "borough-support", "social-media-team", "press-bureau"]
)
def test_nobody_else_reads_it(entries, signed_in, username):
    client = signed_in(username)
    role, _ = entries
    for url in (INDEX, f"{INDEX}inspect/{role.pk}/", f"{INDEX}results/"):
        response = client.get(url)
        # The admin's refusal: a 403 page, or (for staff) a redirect to its dashboard.
        assert response.status_code in (302, 403), (url, response.status_code)
        assert b"Downloaded overdue" not in response.content


def test_signed_out_goes_to_sign_in(entries, client):
    response = client.get(INDEX)
    assert response.status_code == 302 and "login" in response["Location"]


def test_filters_by_action_who_and_date(entries, signed_in):
    client = signed_in("editor")
    html = client.get(INDEX, {"action": EXPORT}).content.decode()
    assert "Downloaded overdue" in html and "Changed the roles of officer" not in html
    html = client.get(INDEX, {"who": "adm"}).content.decode()
    assert "Changed the roles of officer" in html and "Downloaded overdue" not in html
    html = client.get(INDEX, {"at_from": "2000-01-01", "at_to": "2000-01-02"}).content
    assert b"Downloaded overdue" not in html and b"Changed the roles" not in html


def test_inspect_shows_before_and_after(entries, signed_in):
    role, _ = entries
    html = signed_in("editor").get(f"{INDEX}inspect/{role.pk}/").content.decode()
    assert "Borough SPOC" in html and "Officer" in html
    assert '<pre class="audit-json">' in html


def test_there_are_no_add_edit_or_delete_views(entries, signed_in):
    role, _ = entries
    for name, args in (("add", []), ("edit", [role.pk]), ("delete", [role.pk])):
        with pytest.raises(NoReverseMatch):
            reverse(f"audit:{name}", args=args)
    client = signed_in("admin")  # even an administrator
    for url in (f"{INDEX}new/", f"{INDEX}edit/{role.pk}/", f"{INDEX}delete/{role.pk}/"):
        response = client.post(url, {"summary": "rewritten", "action": EXPORT})
        assert response.status_code == 404, url
    role = AuditEntry.objects.get(pk=role.pk)
    assert role.summary.startswith("Changed the roles of officer")
    assert AuditEntry.objects.filter(pk__in=[e.pk for e in entries]).count() == 2
    html = client.get(INDEX).content.decode()
    assert f"{INDEX}edit/" not in html and f"{INDEX}delete/" not in html


def test_the_permission_policy_refuses_changes_even_to_administrators(demo_users):
    from django.contrib.auth import get_user_model

    policy = audit_log_viewset.permission_policy
    admin = get_user_model().objects.get(username="admin")
    editor = get_user_model().objects.get(username="editor")
    for user in (admin, editor):
        assert policy.user_has_permission(user, "view")
        for action in ("add", "change", "delete"):
            assert not policy.user_has_permission(user, action)
