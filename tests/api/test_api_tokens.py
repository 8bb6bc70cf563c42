"""Personal API tokens: made on the account page, shown once, kept hashed, bearer on /api/ only."""

import hashlib
import json
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test import Client
from django.utils import timezone

from api.models import ApiToken
from api.services import (
    MAX_LIVE_TOKENS,
    token_authenticate,
    token_create,
    token_list,
    token_revoke,
)
from organisation.demo import DEMO_USERS

pytestmark = pytest.mark.django_db

URL = "/api/rag/check"
FACTS = json.dumps({"topic": "burglary"})
ME = "/accounts/me/"
NEW = "/accounts/tokens/new/"


def user(username: str):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def officer(demo_users):
    return user("officer")


@pytest.fixture
def browser(demo_users):
    """Signed in as the officer, sending the CSRF token with each form as a browser does."""
    client = Client(enforce_csrf_checks=True)
    assert client.login(username="officer", password=demo_users)
    return client


def post_form(client: Client, path: str, data: dict | None = None):
    client.get(ME)  # the account page sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    return client.post(path, {**(data or {}), "csrfmiddlewaretoken": token})


def bearer(raw: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


class TestService:
    def test_the_secret_is_random_prefixed_and_only_its_hash_is_kept(self, officer):
        token, raw = token_create(user=officer, name="Scheduler")
        assert raw.startswith("mat_") and len(raw) > 40
        assert token.prefix == raw[:8]
        assert token.key_hash == hashlib.sha256(raw.encode()).hexdigest()
        assert token_create(user=officer, name="Scheduler")[1] != raw

    def test_the_secret_appears_nowhere_in_the_database(self, officer):
        _, raw = token_create(user=officer, name="Scheduler")
        # Every value of every row of every table, as text.
        dump = []
        with connection.cursor() as cursor:
            for table in connection.introspection.table_names(cursor):
                cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
                dump.extend(str(value) for row in cursor.fetchall() for value in row)
        text = "\n".join(dump)
        assert hashlib.sha256(raw.encode()).hexdigest() in text  # the token's row was read
        assert raw not in text and raw[8:] not in text

    @pytest.mark.parametrize("name", ["", "   "])
    def test_an_empty_name_is_refused(self, officer, name):
        with pytest.raises(ValidationError) as exc:
            token_create(user=officer, name=name)
        assert "Enter a name" in exc.value.message_dict["name"][0]
        assert not ApiToken.objects.exists()

    def test_an_over_long_name_is_refused(self, officer):
        with pytest.raises(ValidationError) as exc:
            token_create(user=officer, name="x" * (ApiToken.NAME_MAX + 1))
        assert f"{ApiToken.NAME_MAX} characters or fewer" in exc.value.message_dict["name"][0]
        token_create(user=officer, name="x" * ApiToken.NAME_MAX)

    def test_at_most_ten_live_tokens_and_revoked_ones_do_not_count(self, officer):
        tokens = [token_create(user=officer, name=f"t{i}")[0] for i in range(MAX_LIVE_TOKENS)]
        with pytest.raises(ValidationError) as exc:
            token_create(user=officer, name="one too many")
        assert "Revoke one" in exc.value.messages[0]
        assert token_list(user=officer).count() == MAX_LIVE_TOKENS
        token_revoke(user=officer, token_id=tokens[0].pk)
        token_create(user=officer, name="now there is room")
        # The limit is per person.
        token_create(user=user("spoc"), name="another person's")

    def test_revoking_twice_is_harmless(self, officer):
        token, raw = token_create(user=officer, name="Scheduler")
        first = token_revoke(user=officer, token_id=token.pk).revoked_at
        assert first is not None
        assert token_revoke(user=officer, token_id=token.pk).revoked_at == first
        assert token_authenticate(raw=raw) is None

    def test_no_one_can_revoke_another_person_s_token(self, officer):
        token, raw = token_create(user=officer, name="Scheduler")
        with pytest.raises(ApiToken.DoesNotExist):
            token_revoke(user=user("spoc"), token_id=token.pk)
        token.refresh_from_db()
        assert token.revoked_at is None
        assert token_authenticate(raw=raw) == officer

    @pytest.mark.parametrize(
        "raw", ["", "mat_", "mat_not-a-real-token", "wagtail_abc", "Bearer mat_x", "mat_" * 100]
    )
    def test_unknown_tokens_authenticate_no_one(self, officer, raw):
        token_create(user=officer, name="Scheduler")
        assert token_authenticate(raw=raw) is None

    def test_an_inactive_person_s_token_does_not_work(self, officer):
        _, raw = token_create(user=officer, name="Scheduler")
        officer.is_active = False
        officer.save()
        assert token_authenticate(raw=raw) is None

    def test_last_used_is_written_at_most_once_a_minute(self, officer, django_assert_num_queries):
        token, raw = token_create(user=officer, name="Scheduler")
        assert token.last_used_at is None
        assert token_authenticate(raw=raw) == officer
        token.refresh_from_db()
        first = token.last_used_at
        assert first is not None
        with django_assert_num_queries(1):  # the look-up only: no UPDATE
            assert token_authenticate(raw=raw) == officer
        token.refresh_from_db()
        assert token.last_used_at == first
        a_minute_ago = timezone.now() - timedelta(seconds=61)
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=a_minute_ago)
        token_authenticate(raw=raw)
        token.refresh_from_db()
        assert token.last_used_at > a_minute_ago


class TestAccountPage:
    def test_the_account_page_offers_a_labelled_form_and_lists_no_tokens(self, browser):
        html = browser.get(ME).content.decode()
        assert "Personal API tokens" in html
        assert '<label for="id_token_name">' in html and 'id="id_token_name"' in html
        assert f'action="{NEW}"' in html
        assert "You have no API tokens." in html

    def test_creating_shows_the_secret_once(self, browser, officer):
        response = post_form(browser, NEW, {"name": "Hootsuite"})
        assert response.status_code == 200
        raw = response.context["secret"]
        html = response.content.decode()
        assert raw in html
        assert "Copy it now: you will not see it again." in html
        assert "no-store" in response["Cache-Control"]
        token = ApiToken.objects.get(user=officer)
        assert token.name == "Hootsuite"

        listing = browser.get(ME).content.decode()
        assert raw not in listing
        assert "Hootsuite" in listing and f"{token.prefix}…" in listing
        assert "Never" in listing  # not used yet
        assert f'action="/accounts/tokens/{token.pk}/revoke/"' in listing
        assert raw not in browser.get(NEW).content.decode()

    @pytest.mark.parametrize(
        ("name", "message"),
        [("", "Enter a name"), ("x" * (ApiToken.NAME_MAX + 1), "characters or fewer")],
    )
    def test_a_bad_name_is_explained_on_the_field(self, browser, name, message):
        response = post_form(browser, NEW, {"name": name})
        html = response.content.decode()
        assert response.status_code == 200
        assert "There is a problem" in html and message in html
        assert 'aria-invalid="true"' in html
        assert 'aria-describedby="id_token_name_hint id_token_name_error_1"' in html
        assert 'href="#id_token_name"' in html
        assert not ApiToken.objects.exists()

    def test_at_the_limit_the_page_says_so(self, browser, officer):
        for i in range(MAX_LIVE_TOKENS):
            token_create(user=officer, name=f"tool {i}")
        html = browser.get(ME).content.decode()
        assert f"You have {MAX_LIVE_TOKENS} tokens, the most one person may have" in html
        assert 'id="id_token_name"' not in html
        response = post_form(browser, NEW, {"name": "one too many"})
        assert "Revoke one you no longer use" in response.content.decode()
        assert token_list(user=officer).count() == MAX_LIVE_TOKENS

    def test_revoking_from_the_page(self, browser, officer):
        token, raw = token_create(user=officer, name="Old scheduler")
        response = post_form(browser, f"/accounts/tokens/{token.pk}/revoke/")
        assert response.status_code == 302 and response["Location"] == f"{ME}#api-tokens"
        token.refresh_from_db()
        assert token.revoked_at is not None
        html = browser.get(ME).content.decode()
        assert "revoked" in html and "You have no API tokens." in html
        anonymous = Client(enforce_csrf_checks=True)
        assert anonymous.post(URL, FACTS, "application/json", **bearer(raw)).status_code == 401

    def test_revoking_needs_a_post_with_the_csrf_token(self, browser, officer):
        token, _ = token_create(user=officer, name="Scheduler")
        assert browser.get(f"/accounts/tokens/{token.pk}/revoke/").status_code == 405
        assert browser.post(f"/accounts/tokens/{token.pk}/revoke/").status_code == 403
        token.refresh_from_db()
        assert token.revoked_at is None

    def test_another_person_s_token_cannot_be_revoked(self, browser):
        theirs, raw = token_create(user=user("spoc"), name="SPOC's tool")
        response = post_form(browser, f"/accounts/tokens/{theirs.pk}/revoke/")
        assert response.status_code == 404
        theirs.refresh_from_db()
        assert theirs.revoked_at is None
        assert token_authenticate(raw=raw) == user("spoc")

    def test_another_person_s_tokens_are_not_listed(self, browser):
        token_create(user=user("spoc"), name="SPOC's tool")
        assert "SPOC&#x27;s tool" not in browser.get(ME).content.decode()

    @pytest.mark.parametrize("username", [d.username for d in DEMO_USERS])
    def test_every_role_may_create_tokens(self, demo_users, username):
        client = Client(enforce_csrf_checks=True)
        assert client.login(username=username, password=demo_users)
        assert post_form(client, NEW, {"name": "Scheduler"}).status_code == 200
        assert token_list(user=user(username)).count() == 1

    def test_signed_out_people_are_sent_to_sign_in(self, client):
        for path in (NEW, "/accounts/tokens/1/revoke/"):
            response = client.post(path, {"name": "x"})
            assert response.status_code == 302 and "/accounts/login/" in response["Location"]


class TestBearer:
    @pytest.fixture
    def raw(self, officer):
        return token_create(user=officer, name="Scheduler")[1]

    def test_a_token_works_without_a_session_or_csrf_token(self, raw, officer):
        client = Client(enforce_csrf_checks=True)
        response = client.post(URL, FACTS, "application/json", **bearer(raw))
        assert response.status_code == 200 and response.json()["rating"] == "GREEN"
        assert ApiToken.objects.get(user=officer).last_used_at is not None
        assert "sessionid" not in response.cookies

    def test_a_token_works_beside_a_session_without_csrf(self, raw, demo_users):
        client = Client(enforce_csrf_checks=True)
        assert client.login(username="spoc", password=demo_users)
        response = client.post(URL, FACTS, "application/json", **bearer(raw))
        assert response.status_code == 200

    @pytest.mark.parametrize("header", ["Bearer mat_unknown", "Bearer ", "bearer nonsense"])
    def test_a_bad_token_is_401_even_with_a_session(self, raw, demo_users, header):
        client = Client(enforce_csrf_checks=True)
        assert client.login(username="officer", password=demo_users)
        response = client.post(URL, FACTS, "application/json", HTTP_AUTHORIZATION=header)
        assert response.status_code == 401
        assert response["Content-Type"] == "application/json"
        assert "auth" in response.json()["errors"]
        assert 'error="invalid_token"' in response["WWW-Authenticate"]

    def test_a_revoked_token_is_401_even_with_a_session(self, raw, officer, demo_users):
        token_revoke(user=officer, token_id=ApiToken.objects.get(user=officer).pk)
        client = Client(enforce_csrf_checks=True)
        assert client.login(username="officer", password=demo_users)
        response = client.post(URL, FACTS, "application/json", **bearer(raw))
        assert response.status_code == 401
        assert "revoked" in response.json()["errors"]["auth"]

    @pytest.mark.parametrize("path", ["/check/", ME, "/admin/", "/django-admin/"])
    def test_a_token_signs_no_one_in_to_the_site_or_the_admin(self, raw, path):
        client = Client(enforce_csrf_checks=True)
        response = client.get(path, **bearer(raw))
        assert response.status_code == 302
        assert "login" in response["Location"]

    def test_a_staff_token_does_not_open_the_admin(self, demo_users):
        _, raw = token_create(user=user("admin"), name="Superuser's tool")
        response = Client().get("/admin/", **bearer(raw))
        assert response.status_code == 302 and "login" in response["Location"]


def test_the_migration_exists_and_matches_the_model():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    assert ("api", "0001_initial") in loader.disk_migrations
    call_command("makemigrations", "api", "--check", "--dry-run", stdout=StringIO())
