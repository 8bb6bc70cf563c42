"""Fuzzing POST /api/rag/check: any bytes, any JSON, any content type, any size. The answer is
always JSON, 200 with verdicts or 400/413 with ``{"errors": {field: message}}``; never a 500."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from api.middleware import MAX_API_BODY
from api.services import token_create
from organisation.factories import UserFactory
from scenarios.rules import FACT_FIELDS, initial_rulebook
from tests.fuzz.profile import FUZZ_DB

pytestmark = pytest.mark.django_db

URL = "/api/rag/check"
SLUGS = sorted(initial_rulebook().topics)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=15,
)
fact_objects = st.dictionaries(
    st.sampled_from(FACT_FIELDS) | st.text(max_size=10),
    json_values | st.sampled_from(SLUGS) | st.sampled_from(["none", "general", "suspect"]),
    max_size=8,
)
json_bodies = (fact_objects | st.lists(fact_objects, max_size=5) | json_values).map(
    lambda value: json.dumps(value).encode()
)
# Raw bytes, and JSON-ish texts Python's parser treats specially (NaN, huge numbers, nesting).
odd_bodies = st.binary(max_size=300) | st.sampled_from(
    [
        b"",
        b"NaN",
        b'{"topic": "burglary", "ksi": NaN}',
        b'{"topic": "court-result", "days_since_sentencing": Infinity}',
        b'{"topic": "court-result", "days_since_sentencing": ' + b"9" * 5000 + b"}",
        b"[" * 50_000 + b"]" * 50_000,
        b'{"a":' * 5000 + b"1" + b"}" * 5000,
        b'{"topic": "burglary", "source": ' + b"[" * 900 + b"]" * 900 + b"}",
        b'{"topic": "\xff\xfe"}',
        b'{"topic": "\\ud800"}',
        b"\xef\xbb\xbf" + b'{"topic": "burglary"}',
        b'{"topic": "burglary", "topic": "nope"}',
        b"\x00" * 100,
    ]
)
content_types = st.sampled_from(
    [
        "application/json",
        "application/json; charset=latin-1",
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=xyz",
        "multipart/form-data",
        "",
        "application/json; charset=nonsense",
    ]
)


@pytest.fixture
def token_client(db):
    user = UserFactory(username="fuzz-tool-owner")
    _, secret = token_create(user=user, name="fuzzer")
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def assert_json_answer(response) -> None:
    assert response.status_code in (200, 400, 413), (response.status_code, response.content[:300])
    assert response["Content-Type"] == "application/json"
    body = json.loads(response.content)
    if response.status_code == 200:
        verdicts = body if isinstance(body, list) else [body]
        assert all({"rating", "action", "contact", "reasons"} <= set(v) for v in verdicts)
        return
    assert set(body) <= {"errors", "index"}
    assert body["errors"], "a refusal names what is at fault"
    for field, message in body["errors"].items():
        assert isinstance(field, str) and isinstance(message, str) and message
        assert "Traceback" not in message


@FUZZ_DB
@given(body=json_bodies | odd_bodies, content_type=content_types)
def test_any_body_gets_a_json_answer(token_client, body, content_type):
    assert_json_answer(token_client.generic("POST", URL, body, content_type=content_type))


@FUZZ_DB
@given(
    batch=st.lists(
        st.fixed_dictionaries({"topic": st.sampled_from(SLUGS)}) | fact_objects,
        min_size=1,
        max_size=6,
    )
)
def test_an_array_names_the_first_bad_item(token_client, batch):
    response = token_client.post(URL, json.dumps(batch), content_type="application/json")
    assert_json_answer(response)
    if response.status_code == 400:
        index = response.json()["index"]
        assert 0 <= index < len(batch)
        assert all(set(item) == {"topic"} for item in batch[:index] if "topic" in item)


@FUZZ_DB
@given(header=st.text(alphabet=st.characters(max_codepoint=255), max_size=80))
def test_any_authorization_header_is_answered_in_json(db, header):
    response = Client(HTTP_AUTHORIZATION=header).post(
        URL, b'{"topic": "burglary"}', content_type="application/json"
    )
    assert response.status_code == 401
    assert response["Content-Type"] == "application/json"
    assert "auth" in response.json()["errors"]


@pytest.mark.parametrize("size", [MAX_API_BODY + 1, MAX_API_BODY * 3])
def test_a_body_over_the_limit_is_413_json(token_client, size):
    body = b'{"topic": "' + b"a" * (size - 13) + b'"}'
    response = token_client.generic("POST", URL, body, content_type="application/json")
    assert response.status_code == 413
    assert "body" in response.json()["errors"]


@pytest.mark.parametrize("length", ["abc", "-5", "1e9", " ", "9" * 30])
def test_a_bad_content_length_is_answered_in_json(token_client, length):
    response = token_client.generic(
        "POST",
        URL,
        b'{"topic": "burglary"}',
        content_type="application/json",
        CONTENT_LENGTH=length,
    )
    assert response.status_code in (200, 400, 413)
    assert response["Content-Type"] == "application/json"
