"""After signing in, each role lands on the page it works from; ?next= still wins."""

import pytest
from django.contrib.auth import get_user_model

from courses.learner_selectors import landing_url
from organisation.factories import ProfileFactory, UserFactory
from organisation.models import Borough

pytestmark = pytest.mark.django_db

MY_TRAINING = "/training/mine/"
DASHBOARD = "/training/dashboard/"


@pytest.mark.parametrize(
    ("username", "lands_on"),
    [
        ("officer", MY_TRAINING),
        ("spoc", DASHBOARD),
        ("spoc-2", DASHBOARD),
        ("borough-support", DASHBOARD),
        ("social-media-team", DASHBOARD),
        ("press-bureau", "/check/"),
        ("editor", "/admin/"),
        ("admin", MY_TRAINING),  # no role: anyone else gets their own training
    ],
)
def test_each_role_lands_on_its_own_page(signed_in, username, lands_on):
    response = signed_in(username).get("/start/")
    assert response.status_code == 302
    assert response["Location"] == lands_on


def test_someone_without_a_role_lands_on_my_training(demo_users):
    person = ProfileFactory(borough=Borough.objects.get(slug="lewisham")).user
    assert landing_url(person) == MY_TRAINING


def test_signing_in_without_next_goes_through_the_landing(client, demo_users):
    response = client.post("/accounts/login/", {"username": "spoc", "password": demo_users})
    assert response["Location"] == "/start/"
    assert client.get("/start/")["Location"] == DASHBOARD


def test_signing_in_with_next_still_goes_there(client, demo_users):
    response = client.post(
        "/accounts/login/?next=/guidance/",
        {"username": "officer", "password": demo_users, "next": "/guidance/"},
    )
    assert response["Location"] == "/guidance/"


def test_signed_out_visitors_are_asked_to_sign_in(client, db):
    response = client.get("/start/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/start/"


def test_my_training_is_in_the_nav_only_when_signed_in(client, signed_in):
    link = '<a href="/training/mine/">My training</a>'
    assert link not in client.get("/verify/").content.decode()
    assert link in signed_in("officer").get("/verify/").content.decode()


def test_the_role_that_wins_is_the_one_in_the_header(demo_users):
    # An editor who also trains a borough works from the admin, as the header names them.
    editor = get_user_model().objects.get(username="editor")
    UserFactory(username="editor", roles=["DMC Editor", "Borough SPOC"])
    editor.refresh_from_db()
    assert landing_url(editor) == "/admin/"
