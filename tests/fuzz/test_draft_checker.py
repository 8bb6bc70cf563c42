"""Fuzzing the draft checker (/check/, scenarios/forms.py): whatever a browser posts, the form
either says which question is wrong or gives facts the RAG contract accepts; the page never
fails."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scenarios.forms import DraftCheckForm
from scenarios.rules import initial_rulebook, parse_facts
from tests.fuzz.profile import FUZZ, FUZZ_DB

RB = initial_rulebook()
FIELDS = [*DraftCheckForm(rulebook=RB).fields, "questions_for", "csrfmiddlewaretoken"]
values = (
    st.sampled_from(["yes", "no", "on", "", "none", "general", "suspect", "other", "-1"])
    | st.sampled_from(sorted(RB.topics))
    | st.sampled_from(sorted(RB.green_sources))
    | st.integers().map(str)
    | st.text(max_size=40)
    | st.just("9" * 5000)
    | st.just("@" + "a" * 300)
)
posts = st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), values, max_size=12)


@FUZZ
@given(posts)
def test_the_form_refuses_or_gives_valid_facts(data):
    form = DraftCheckForm(data, rulebook=RB)
    if not form.is_valid():
        assert form.errors
        for messages in form.errors.values():
            assert all(str(message) for message in messages)
        return
    facts = form.facts()
    assert parse_facts(facts, RB).topic == facts["topic"]  # raises FactsError if not


@pytest.mark.django_db
@FUZZ_DB
@given(posts)
def test_the_page_answers_any_post(client, officer, data):
    client.force_login(officer)
    response = client.post("/check/", data)
    assert response.status_code == 200
