"""Under /api/ every refusal is JSON, with the status that fits; the HTML site is unchanged."""

import json

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import Client

from api.middleware import MAX_API_BODY
from api.services import token_create

pytestmark = pytest.mark.django_db

URL = "/api/rag/check"
FACTS = json.dumps({"topic": "burglary"})


@pytest.fixture
def browser(demo_users):
    """A signed-in browser that sends CSRF tokens only when told to."""
    client = Client(enforce_csrf_checks=True)
    assert client.login(username="officer", password=demo_users)
    return client


@pytest.fixture
def anonymous():
    return Client(enforce_csrf_checks=True)


def csrf_token_of(client: Client) -> str:
    """What a page gives the browser: the CSRF cookie (set by any page with a form)."""
    client.get("/check/")
    return client.cookies["csrftoken"].value


def assert_json_refusal(response, status: int, what: str) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) <= {"errors", "index"}
    assert what in body["errors"], body
    text = response.content.decode()
    assert "Traceback" not in text and "<html" not in text.lower()
    return body


class TestSignedOut:
    def test_a_post_with_no_session_and_no_token_is_401_not_a_csrf_failure(self, anonymous):
        response = anonymous.post(URL, FACTS, content_type="application/json")
        assert_json_refusal(response, 401, "auth")
        assert response["WWW-Authenticate"].startswith("Bearer")

    def test_a_get_with_no_session_is_401(self, anonymous):
        assert_json_refusal(anonymous.get(URL), 401, "auth")


class TestCsrf:
    def test_a_session_post_without_the_token_is_403_json(self, browser):
        response = browser.post(URL, FACTS, content_type="application/json")
        body = assert_json_refusal(response, 403, "csrf")
        message = body["errors"]["csrf"]
        assert "CSRF token" in message and "API token" in message

    def test_a_session_post_with_a_wrong_token_is_403_json(self, browser):
        csrf_token_of(browser)
        response = browser.post(
            URL, FACTS, content_type="application/json", HTTP_X_CSRFTOKEN="x" * 32
        )
        assert_json_refusal(response, 403, "csrf")

    def test_a_session_post_with_the_token_is_graded(self, browser):
        token = csrf_token_of(browser)
        response = browser.post(URL, FACTS, content_type="application/json", HTTP_X_CSRFTOKEN=token)
        assert response.status_code == 200
        assert response.json()["rating"] == "GREEN"

    def test_outside_the_api_a_csrf_failure_is_still_django_s_page(self, browser):
        response = browser.post("/check/", {"topic": "burglary"})
        assert response.status_code == 403
        assert response["Content-Type"].startswith("text/html")
        assert "CSRF verification failed" in response.content.decode()


class TestMethodAndPath:
    def test_get_is_405_json_with_allow(self, browser):
        response = browser.get(URL)
        body = assert_json_refusal(response, 405, "method")
        assert response["Allow"] == "POST"
        assert "POST" in body["errors"]["method"]

    @pytest.mark.parametrize("path", ["/api/", "/api/nope", "/api/rag/check/", "/api/rag/x/y/"])
    def test_an_unknown_address_under_api_is_404_json(self, browser, path):
        assert_json_refusal(browser.get(path), 404, "path")

    def test_a_404_raised_in_a_view_is_json(self, browser, monkeypatch):
        def missing(*args, **kwargs):
            raise Http404("nothing here")

        monkeypatch.setattr("api.views.published_rulebook", missing)
        token = csrf_token_of(browser)
        response = browser.post(URL, FACTS, content_type="application/json", HTTP_X_CSRFTOKEN=token)
        assert_json_refusal(response, 404, "path")

    def test_a_403_raised_in_a_view_is_json(self, browser, monkeypatch):
        def refuse(*args, **kwargs):
            raise PermissionDenied

        monkeypatch.setattr("api.views.published_rulebook", refuse)
        token = csrf_token_of(browser)
        response = browser.post(URL, FACTS, content_type="application/json", HTTP_X_CSRFTOKEN=token)
        assert_json_refusal(response, 403, "permission")

    def test_the_html_site_keeps_its_html_404(self, browser):
        response = browser.get("/no-such-page/")
        assert response.status_code == 404
        assert response["Content-Type"].startswith("text/html")


class TestBodySize:
    def test_over_our_limit_is_413_json(self, browser):
        token = csrf_token_of(browser)
        body = " " * (MAX_API_BODY + 1)
        response = browser.post(URL, body, content_type="application/json", HTTP_X_CSRFTOKEN=token)
        assert_json_refusal(response, 413, "body")

    def test_the_declared_length_is_refused_before_reading(self, browser):
        token = csrf_token_of(browser)
        response = browser.post(
            URL,
            FACTS,
            content_type="application/json",
            HTTP_X_CSRFTOKEN=token,
            CONTENT_LENGTH=str(MAX_API_BODY * 50),
        )
        assert_json_refusal(response, 413, "body")

    def test_over_django_s_own_limit_is_413_json_too(self, browser, settings):
        token = csrf_token_of(browser)
        settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100
        response = browser.post(
            URL, " " * 200 + FACTS, content_type="application/json", HTTP_X_CSRFTOKEN=token
        )
        body = assert_json_refusal(response, 413, "body")
        assert "100 bytes" in body["errors"]["body"]

    def test_a_form_post_over_django_s_limit_is_413_json_not_an_html_400(self, browser, settings):
        # A form body is read by the CSRF check itself: without the API middleware reading it
        # first, RequestDataTooBig would become Django's HTML 400 page.
        settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100
        response = browser.post(URL, {"x": "y" * 200})
        assert_json_refusal(response, 413, "body")

    def test_a_content_length_that_is_not_a_number_is_400_json(self, browser):
        response = browser.post(URL, FACTS, content_type="application/json", CONTENT_LENGTH="lots")
        assert_json_refusal(response, 400, "request")


class TestBadInput:
    @pytest.mark.parametrize(
        ("body", "what"),
        [
            ("{broken", "body"),
            ('{"topic": "no-such-topic"}', "topic"),
            ('{"topic": "burglary", "colour": "blue"}', "colour"),
        ],
    )
    def test_bad_json_or_facts_is_400_json(self, browser, body, what):
        token = csrf_token_of(browser)
        response = browser.post(URL, body, content_type="application/json", HTTP_X_CSRFTOKEN=token)
        assert_json_refusal(response, 400, what)

    def test_a_bad_item_in_an_array_is_named_by_index(self, browser):
        token = csrf_token_of(browser)
        body = json.dumps([{"topic": "burglary"}, {"topic": "nope"}])
        response = browser.post(URL, body, content_type="application/json", HTTP_X_CSRFTOKEN=token)
        assert assert_json_refusal(response, 400, "topic")["index"] == 1


class TestServerError:
    @pytest.fixture
    def broken(self, monkeypatch, demo_users):
        def explode(*args, **kwargs):
            raise RuntimeError("secret internals: /srv/app/settings.py line 42")

        monkeypatch.setattr("api.views.evaluate", explode)
        # The test client would re-raise the exception; a real server answers instead.
        client = Client(enforce_csrf_checks=True, raise_request_exception=False)
        raw = token_create(user=_user("officer"), name="scheduler")[1]
        return client, raw

    @pytest.mark.parametrize("debug", [False, True])
    def test_an_unexpected_error_is_500_json_without_a_stack_trace(self, broken, settings, debug):
        settings.DEBUG = debug
        client, raw = broken
        response = client.post(
            URL, FACTS, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {raw}"
        )
        assert_json_refusal(response, 500, "server")
        assert "secret internals" not in response.content.decode()
        assert "RuntimeError" not in response.content.decode()


def _user(username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)
