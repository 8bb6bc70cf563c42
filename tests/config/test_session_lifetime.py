"""Sessions end after 2 hours without a request and 12 hours after signing in, and an active
session is saved at most once every 5 minutes, not on every request."""

from django.conf import settings

PAGE = "/accounts/me/"


def is_signed_in(client) -> bool:
    response = client.get(PAGE)
    return response.status_code == 200


def session_saved(response) -> bool:
    return settings.SESSION_COOKIE_NAME in response.cookies


def test_a_session_idles_out_after_two_hours(signed_in, clock):
    client = signed_in("officer")
    assert is_signed_in(client)
    clock(hours=1, minutes=59)
    assert is_signed_in(client)  # and that request pushed the expiry on
    clock(hours=1, minutes=55)
    assert is_signed_in(client)
    clock(hours=2, minutes=1)
    response = client.get(PAGE)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_an_active_session_is_saved_at_most_every_five_minutes(signed_in, clock):
    client = signed_in("officer")
    assert session_saved(client.get(PAGE))  # the first request stamps it
    for _ in range(4):
        clock(minutes=1)
        assert not session_saved(client.get(PAGE))
    clock(minutes=1, seconds=1)
    response = client.get(PAGE)
    assert session_saved(response)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == 2 * 60 * 60
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


def test_a_session_ends_twelve_hours_after_signing_in_however_active(signed_in, clock):
    client = signed_in("officer")
    for _ in range(11):
        assert is_signed_in(client)
        clock(hours=1)
    clock(minutes=59)
    assert is_signed_in(client)
    clock(minutes=1)
    assert not is_signed_in(client)
    assert "_auth_user_id" not in client.session
