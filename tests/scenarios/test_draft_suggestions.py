"""Suggestions from a pasted draft, the Django side: the topic model trained on the bank and
stored with it, the three ways in (command, API, checker page), and the promise that the
verdict always comes from facts a person confirmed."""

from __future__ import annotations

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings

from outbox.models import QueuedJob
from scenarios.drafts import Draft, DraftsError, draft_suggest, parse_drafts
from scenarios.models import BankQuestion, TopicModelFile
from scenarios.topic_model import (
    TRAIN_JOB,
    TopicModelNotReady,
    bank_changed,
    current_model,
    forget_loaded,
    topic_model_train,
    topic_model_train_job,
    training_texts,
)

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 26)
NAMED_ARREST = (
    "John Smith, 32, of Ash Road was arrested yesterday on suspicion of burglary at a house "
    "on Ladywell Road. #Lewisham"
)


@pytest.fixture(autouse=True)
def fresh_process():
    forget_loaded()
    yield
    forget_loaded()


@pytest.fixture
def trained(db):
    return topic_model_train()


# --- input ------------------------------------------------------------------------------------


def test_drafts_are_strings_or_objects_with_their_own_today():
    drafts = parse_drafts(["a post", {"text": "another", "today": "2026-03-02"}], today=TODAY)
    assert drafts == [Draft("a post", TODAY), Draft("another", date(2026, 3, 2))]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": "x"}, None),
        (42, "expected a JSON array of drafts, not a number"),
        ([42], "item 0: expected a draft"),
        (["ok", {"today": "2026-01-01"}], "item 1: text: is required"),
        ([{"text": "   "}], "item 0: text: is empty"),
        (
            [{"text": "x", "today": "26/11/2026"}],
            "item 0: today: '26/11/2026' is not a date; write it as \"YYYY-MM-DD\"",
        ),
        ([{"text": "x", "today": "2026-02-30"}], "item 0: today: '2026-02-30' is not a date"),
        ([{"text": "x", "when": "now"}], "item 0: unknown field 'when'"),
        ([{"text": "x" * 5001}], "item 0: text: is 5,001 characters; a draft may be up to 5,000"),
    ],
)
def test_bad_drafts_are_named(data, message):
    if message is None:
        assert parse_drafts(data, today=TODAY) == [Draft("x", TODAY)]
        return
    with pytest.raises(DraftsError) as info:
        parse_drafts(data, today=TODAY)
    assert str(info.value).startswith(message)


# --- the model: trained on the bank, stored, loaded once ----------------------------------------


def test_no_model_yet_is_said_not_guessed():
    with pytest.raises(TopicModelNotReady):
        draft_suggest(draft=Draft(NAMED_ARREST, TODAY))


def test_training_learns_from_the_bank_and_is_skipped_when_nothing_changed(trained):
    bank, total, fingerprint = training_texts()
    assert trained.fingerprint == fingerprint
    assert (trained.bank_questions, trained.examples) == (len(bank), total)
    assert total > 32 * 8  # the hand-written examples, with an empty bank
    assert trained.topics == 32
    assert topic_model_train().pk == trained.pk  # the same texts: nothing new
    assert TopicModelFile.objects.count() == 1


def test_a_bank_change_gives_a_new_fingerprint(trained):
    BankQuestion.objects.create(
        key="x" * 16,
        text="Officers from the Safer Neighbourhoods Team held a street meeting on Elm Road.",
        facts={"topic": "community-meeting"},
        topic="community-meeting",
        rating="GREEN",
        correct_answer="GREEN",
        explanation="Go for it!",
        reasons=[],
        rulebook_version=1,
    )
    assert training_texts()[2] != trained.fingerprint
    newer = topic_model_train()
    assert newer.pk != trained.pk and newer.bank_questions == trained.bank_questions + 1


def test_the_model_loads_once_per_process(trained, django_assert_num_queries):
    current_model()
    with django_assert_num_queries(1):  # which model is latest; the model itself is loaded
        current_model()


def test_a_model_saved_by_an_older_release_is_not_ready_and_is_retrained(trained):
    # The first format had no flag reader: such a file is refused, never half-used.
    header, body = bytes(trained.data).split(b"\n", 1)
    old = json.loads(header) | {"format": "scenarios.suggest.topic-model/1"}
    TopicModelFile.objects.filter(pk=trained.pk).update(
        data=json.dumps(old).encode() + b"\n" + body, fingerprint="older-release"
    )
    with pytest.raises(TopicModelNotReady, match="not a topic model file"):
        current_model()
    fresh = topic_model_train()
    assert fresh.pk != trained.pk
    assert "wanted_person_arrested" in current_model().raised_flags(
        "Nicked him this morning! Leaving his wanted pic pinned as a thank you for sharing"
    )


@override_settings(TOPIC_MODEL_TRAINS_ON_BANK_CHANGE=True)
def test_loading_the_library_queues_one_training_for_the_whole_bank(guidance, run_queued_jobs):
    call_command("load_scenario_library", stdout=StringIO())
    run_queued_jobs()  # with Redis, a worker generates the bank here (in-process it already has)
    # Dozens of templates each generated their questions; one training was queued after.
    assert QueuedJob.objects.filter(func=TRAIN_JOB).count() == 1
    if not TopicModelFile.objects.exists():  # with Redis it waits for a worker: run it here
        topic_model_train_job()
    row = TopicModelFile.objects.get()
    assert row.bank_questions == BankQuestion.objects.filter(active=True).count() > 1000


@override_settings(TOPIC_MODEL_TRAINS_ON_BANK_CHANGE=True)
def test_a_bank_change_queues_training_unless_one_is_waiting(trained):
    QueuedJob.objects.filter(func=TRAIN_JOB).delete()
    with transaction.atomic():
        waiting = QueuedJob.objects.create(func=TRAIN_JOB, kwargs={})
        bank_changed()  # a second change while one waits: that one covers it
        assert QueuedJob.objects.filter(func=TRAIN_JOB).count() == 1
        waiting.delete()
    bank_changed()
    assert QueuedJob.objects.filter(func=TRAIN_JOB).count() == 1


def test_bank_changes_train_nothing_when_switched_off(trained):
    QueuedJob.objects.filter(func=TRAIN_JOB).delete()
    bank_changed()
    assert not QueuedJob.objects.filter(func=TRAIN_JOB).exists()


# --- the three ways in -------------------------------------------------------------------------


def suggest_facts(stdin: str, *args, monkeypatch):
    monkeypatch.setattr("sys.stdin", StringIO(stdin))
    out, err = StringIO(), StringIO()
    try:
        call_command("suggest_facts", *args, stdout=out, stderr=err)
    except CommandError as error:
        return error.returncode, out.getvalue(), err.getvalue() + str(error)
    return 0, out.getvalue(), err.getvalue()


def test_the_command_prints_one_suggestion_per_draft(trained, monkeypatch, tmp_path):
    drafts = [
        NAMED_ARREST,
        {
            "text": "Dean Cole, 41, was jailed for six years at Woolwich Crown Court on "
            "19 November for a knifepoint robbery in Eltham.",
            "today": "2026-11-26",
        },
    ]
    path = tmp_path / "drafts.json"
    path.write_text(json.dumps(drafts))
    code, out, err = suggest_facts("", str(path), monkeypatch=monkeypatch)
    assert code == 0, err
    first, second = json.loads(out)
    for suggestion in (first, second):
        assert set(suggestion) >= {"topics", "facts", "evidence"}
        assert 1 <= len(suggestion["topics"]) <= 3
        assert all(0 <= t["confidence"] <= 1 for t in suggestion["topics"])
        assert suggestion["facts"]["topic"] == suggestion["topics"][0]["topic"]
    assert first["facts"]["names_suspect_before_charge"] is True
    assert "John Smith" in first["evidence"]["names_suspect_before_charge"]
    assert second["facts"]["days_since_sentencing"] == 7
    assert "19 November" in second["evidence"]["days_since_sentencing"]


def test_the_command_trains_a_model_first_on_a_fresh_site(monkeypatch):
    code, out, err = suggest_facts(json.dumps([NAMED_ARREST]), "-", monkeypatch=monkeypatch)
    assert code == 0
    assert "Trained the topic model first" in err
    assert len(json.loads(out)) == 1


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        ("not json", "input is not valid JSON"),
        ("[1]", "item 0: expected a draft"),
        ('[{"text": "x", "today": "tomorrow"}]', "item 0: today:"),
    ],
)
def test_the_command_refuses_bad_input_with_exit_2(stdin, message, monkeypatch):
    code, out, err = suggest_facts(stdin, monkeypatch=monkeypatch)
    assert code == 2 and out == ""
    assert message in err and "Traceback" not in err


class TestApi:
    url = "/api/rag/suggest"

    def post(self, client, body):
        return client.post(self.url, json.dumps(body), content_type="application/json")

    def test_signed_out_is_refused_as_json(self, client):
        response = self.post(client, NAMED_ARREST)
        assert response.status_code == 401 and "errors" in response.json()

    def test_one_draft_or_an_array(self, signed_in, trained):
        client = signed_in("officer")
        one = self.post(client, {"text": NAMED_ARREST, "today": "2026-11-26"})
        assert one.status_code == 200
        assert one.json()["facts"]["names_suspect_before_charge"] is True
        many = self.post(client, [NAMED_ARREST, "Street meeting on Elm Road tonight at 7pm."])
        assert [len(s["topics"]) > 0 for s in many.json()] == [True, True]

    def test_bad_input_is_400_naming_it(self, signed_in, trained):
        response = self.post(signed_in("officer"), [{"text": 5}])
        assert response.status_code == 400
        assert response.json()["errors"]["drafts"].startswith("item 0: text: must be a string")

    def test_no_model_yet_is_503_and_queues_training(self, signed_in):
        response = self.post(signed_in("officer"), NAMED_ARREST)
        assert response.status_code == 503
        assert "being trained" in response.json()["errors"]["model"]
        assert QueuedJob.objects.filter(func=TRAIN_JOB).exists()
        if not TopicModelFile.objects.exists():  # with Redis it waits for a worker
            topic_model_train_job()
        assert self.post(signed_in("officer"), NAMED_ARREST).status_code == 200


class TestChecker:
    url = "/check/"

    def test_a_pasted_draft_fills_in_the_answers_for_the_officer_to_confirm(
        self, signed_in, trained
    ):
        response = signed_in("officer").post(self.url, {"draft": NAMED_ARREST})
        html = response.content.decode()
        assert response.context["verdict"] is None  # nothing is graded from a guess
        assert "What your draft suggests" in html
        assert "Likeliest from your draft" in html
        form = response.context["form"]
        assert form.initial["names_suspect_before_charge"] is True
        assert "John Smith" in html
        assert f'name="questions_for" value="{form.initial["topic"]}"' in html

    def test_the_verdict_comes_from_the_confirmed_answers(self, signed_in, trained):
        client = signed_in("officer")
        suggested = client.post(self.url, {"draft": NAMED_ARREST}).context["form"]
        topic = suggested.initial["topic"]
        # The officer confirms the topic, unticks the name (say it was removed) and checks.
        data = {"draft": NAMED_ARREST, "topic": topic, "questions_for": topic}
        verdict = client.post(self.url, data).context["verdict"]
        assert "named-before-charge" not in {r.rule for r in verdict.reasons}
        data["names_suspect_before_charge"] = "on"
        assert client.post(self.url, data).context["verdict"].rating == "RED"

    def test_an_unclear_topic_is_said_to_be_unclear(self, signed_in, trained):
        vague = "More to follow."
        html = signed_in("officer").post(self.url, {"draft": vague}).content.decode()
        assert "do not point clearly to one topic" in html

    def test_choosing_a_topic_yourself_skips_the_suggestion(self, signed_in, trained):
        response = signed_in("officer").post(self.url, {"draft": NAMED_ARREST, "topic": "burglary"})
        assert response.context["suggestion"] is None

    def test_without_a_model_the_officer_is_told_and_can_answer_by_hand(self, signed_in):
        from outbox.models import QueuedJob
        from scenarios.topic_model import TRAIN_JOB

        response = signed_in("officer").post(self.url, {"draft": NAMED_ARREST})
        assert "Suggestions are not ready yet" in response.content.decode()
        assert "What is it about?" in response.content.decode()
        assert QueuedJob.objects.filter(func=TRAIN_JOB).exists()
