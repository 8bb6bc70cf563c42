"""Point 2 of issue 10's security list: with CSRF checks enforced, a POST to any address the
project serves (the same walk as the matrix, not a hand list) without a token is refused, by
someone the matrix lets use it; the same POST with the token is not; /api/ refuses in JSON,
and a bearer token needs no CSRF token. Nothing is exempt from the check."""

from __future__ import annotations

import json

import pytest
from django.conf import settings
from django.test import Client

from tests.security.conftest import VIEWERS
from tests.security.fills import FILLS
from tests.security.routes import REDIRECT, all_routes, cases_of, client_for
from tests.security.url_expectations import EXPECTED

ROUTES = {route.key: route for route in all_routes()}
SECRET = "s3cr3t" * 5 + "ab"  # 32 characters: a CSRF secret as the cookie holds it
USERS_FIRST = (*VIEWERS[1:], VIEWERS[0])  # a signed-in user when one may, else anonymous
MAY_USE = {200, 405, REDIRECT}  # a GET that is not a refusal (405: the address is POST-only)


def user_of(case) -> str | None:
    """The first viewer the matrix lets reach the address; None if nobody may (the superuser
    then sends the POST without a token: the check comes before any permission)."""
    row = EXPECTED.get(case.key)
    if row is None:
        return None
    by_viewer = dict(zip(VIEWERS, row, strict=True))
    return next((v for v in USERS_FIRST if by_viewer[v] in MAY_USE), None)


def is_csrf_refusal(response) -> bool:
    if response.status_code != 403:
        return False
    if response.get("Content-Type", "").startswith("application/json"):
        body = json.loads(response.content)
        # Ours under /api/; Django REST framework's (Wagtail's admin API) its own way.
        return "csrf" in body.get("errors", {}) or body.get("detail", "").startswith("CSRF Failed")
    return b"CSRF verification failed" in response.content


def with_token(client: Client) -> dict:
    client.cookies[settings.CSRF_COOKIE_NAME] = SECRET
    return {"HTTP_X_CSRFTOKEN": SECRET}


def test_no_view_is_exempt_from_the_csrf_check():
    """Django REST framework marks its views exempt and checks the token itself for a signed-in
    session (Wagtail's admin API is built on it; the walk shows each one refusing); any other
    exempt view is a hole."""
    exempt = [
        route.key
        for route in all_routes()
        if getattr(route.callback, "csrf_exempt", False)
        and not route.key.startswith("wagtailadmin_api:")
    ]
    assert exempt == []


@pytest.mark.parametrize("key", list(ROUTES))
def test_post_without_a_token_is_refused_and_with_one_is_not(security_world, db, key):
    wrong = []
    for case in cases_of(ROUTES[key], security_world, FILLS):
        allowed = user_of(case)
        viewer = allowed or "superuser"
        client = client_for(
            viewer, security_world.viewers, enforce_csrf_checks=True, raise_request_exception=False
        )
        refused = client.post(case.url, {"anything": "1"})
        if not is_csrf_refusal(refused):
            wrong.append(f"{case.key} as {viewer}: no token, got {refused.status_code}")
        if case.filler or allowed is None:
            continue  # nobody may use it, or "1" names nothing: the refusal above is all to show
        accepted = client.post(case.url, {"anything": "1"}, **with_token(client))
        if accepted.status_code == 403:
            wrong.append(f"{case.key} as {viewer}: with the token, still 403")
    assert wrong == [], "\n".join(wrong)


def test_the_api_refuses_a_session_post_without_a_token_in_json(security_world, db):
    client = client_for("officer", security_world.viewers, enforce_csrf_checks=True)
    body = json.dumps({"topic": "burglary"})
    refused = client.post("/api/rag/check", body, content_type="application/json")
    assert refused.status_code == 403
    assert refused["Content-Type"].startswith("application/json")
    assert "X-CSRFToken" in json.loads(refused.content)["errors"]["csrf"]
    accepted = client.post(
        "/api/rag/check", body, content_type="application/json", **with_token(client)
    )
    assert accepted.status_code == 200
    assert json.loads(accepted.content)["rating"]


def test_a_bearer_token_needs_no_csrf_token(security_world, db):
    _token, raw = security_world.make_token()
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/api/rag/check",
        json.dumps({"topic": "burglary"}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code == 200
