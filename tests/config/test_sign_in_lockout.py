"""Sign-in throttling (django-axes): five wrong passwords for one username from one address
lock that pair out of both sign-in pages for 15 minutes; a success clears the count."""

import pytest
from axes.models import AccessAttempt
from django.test import Client

from organisation.middleware import client_ip

SITE_LOGIN = "/accounts/login/"
ADMIN_LOGIN = "/admin/login/"


def sign_in(client, url, username, password):
    return client.post(url, {"username": username, "password": password})


def signed_in(response):
    return response.status_code == 302 and "/login/" not in response["Location"]


def assert_locked_out(response, username):
    assert response.status_code == 429
    text = response.content.decode()
    assert "Sign-in paused for 15 minutes" in text
    assert f"the username <strong>{username}</strong>" in text
    assert "Wait 15 minutes after your last try" in text
    assert '<link rel="stylesheet"' in text  # the site's layout, not a bare refusal


@pytest.mark.parametrize(("url", "username"), [(SITE_LOGIN, "officer"), (ADMIN_LOGIN, "editor")])
def test_five_wrong_passwords_lock_the_right_one_out_until_the_cool_off(
    client, demo_users, clock, url, username
):
    for _ in range(4):
        response = sign_in(client, url, username, "wrong")
        assert response.status_code == 200  # the form again, with its error
    assert_locked_out(sign_in(client, url, username, "wrong"), username)
    assert_locked_out(sign_in(client, url, username, demo_users), username)
    assert "_auth_user_id" not in client.session

    clock(minutes=14)
    assert_locked_out(sign_in(client, url, username, demo_users), username)
    # That try counted as a failure during the lockout: 15 minutes from it, not from the first.
    clock(minutes=14)
    assert_locked_out(sign_in(client, url, username, demo_users), username)
    clock(minutes=16)
    assert signed_in(sign_in(client, url, username, demo_users))
    assert not AccessAttempt.objects.filter(username=username).exists()  # the count reset


def test_the_site_and_the_admin_share_one_count(client, demo_users):
    for _ in range(3):
        assert sign_in(client, SITE_LOGIN, "editor", "wrong").status_code == 200
    for _ in range(2):
        response = sign_in(client, ADMIN_LOGIN, "editor", "wrong")
    assert_locked_out(response, "editor")
    assert_locked_out(sign_in(client, SITE_LOGIN, "editor", demo_users), "editor")


def test_a_success_resets_the_count(client, demo_users):
    for _ in range(4):
        sign_in(client, SITE_LOGIN, "officer", "wrong")
    assert signed_in(sign_in(client, SITE_LOGIN, "officer", demo_users))
    client.post("/accounts/logout/")
    for _ in range(4):
        assert sign_in(client, SITE_LOGIN, "officer", "wrong").status_code == 200
    assert signed_in(sign_in(client, SITE_LOGIN, "officer", demo_users))


def test_the_lockout_is_for_one_username_from_one_address(client, demo_users):
    for _ in range(5):
        sign_in(client, SITE_LOGIN, "officer", "wrong")
    # Another person signing in from the same address is not locked out...
    assert signed_in(sign_in(Client(), SITE_LOGIN, "spoc", demo_users))
    # ...nor the same person from another address.
    elsewhere = Client(REMOTE_ADDR="10.1.2.3")
    assert signed_in(sign_in(elsewhere, SITE_LOGIN, "officer", demo_users))


def test_the_client_address_comes_from_the_proxy_only_when_it_is_trusted(rf, settings):
    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 192.0.2.7", REMOTE_ADDR="10.0.0.1")
    settings.TRUST_X_FORWARDED_FOR = False
    assert client_ip(request) == "10.0.0.1"
    settings.TRUST_X_FORWARDED_FOR = True
    # The last entry is the one our proxy appended; the client wrote the ones before it.
    assert client_ip(request) == "192.0.2.7"
    assert client_ip(rf.get("/", REMOTE_ADDR="10.0.0.1")) == "10.0.0.1"
