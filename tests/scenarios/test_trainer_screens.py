"""Trainer screens speak the trainer's language: facts as a labelled list, reasons as sentences
with their guidance links, rulebook versions with date, author and note, changed answers as
before and after with the reason."""

import re

import pytest
from django.urls import reverse

from organisation.factories import UserFactory
from organisation.roles import EDITOR
from scenarios import jobs
from scenarios.models import AnswerChange, BankQuestion, RulebookVersion, RuleParameters

pytestmark = pytest.mark.django_db

DEVELOPER_WORDS = re.compile(r"\{'|': |\bTrue\b|\bFalse\b|\bNone\b|days_since_sentencing|in_public")


def visible(html: str) -> str:
    main = html[html.index("<main") :]
    main = re.sub(r"<(script|style)\b.*?</\1>", " ", main, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


def test_a_bank_question_reads_as_facts_and_sentences(client, demo_site, run_queued_jobs):
    run_queued_jobs()
    question = BankQuestion.objects.filter(
        topic="court-result",
        facts__in_public_domain=True,
        facts__days_since_sentencing=8,
        facts__names_suspect_before_charge=False,
        facts__prejudicial_content=False,
    ).first()
    assert question is not None
    client.force_login(demo_site["spoc"])
    html = client.get(
        reverse("wagtailsnippets_scenarios_bankquestion:inspect", args=[question.pk])
    ).content.decode()
    text = visible(html)
    assert not DEVELOPER_WORDS.search(text), DEVELOPER_WORDS.search(text).group(0)
    assert "Topic Court results (amber)" in text
    assert "Already in the public domain Yes" in text
    assert "Days since sentencing" in text
    assert "Why it is red" in text
    assert "Read: Court cases: the sentencing window" in text
    assert "Rulebook version 1, published" in text


def test_a_rulebook_version_shows_when_who_what_changed_and_the_answers_it_changed(
    client, demo_site, run_queued_jobs
):
    run_queued_jobs()
    editor = UserFactory(
        username="dmc-editor", first_name="Dana", last_name="Okafor", roles=[EDITOR]
    )
    params = RuleParameters.objects.get()
    params.sentencing_window_days = 14
    params.save_revision(user=editor).publish(user=editor)
    run_queued_jobs()  # with a real Redis the re-grade is queued; else it already ran
    jobs.bank_regrade()
    version = RulebookVersion.objects.get(number=2)
    assert version.published_by == editor
    assert "Court results window: 7 days → 14 days after sentencing" in version.note
    changes = AnswerChange.objects.filter(to_version=2)
    assert changes.exists()
    change = changes.first()
    assert (change.old_rating, change.new_rating) == ("RED", "AMBER")
    assert "already in the public domain" in change.reason

    client.force_login(demo_site["editor"])
    html = client.get(
        reverse("wagtailsnippets_scenarios_rulebookversion:inspect", args=[version.pk])
    ).content.decode()
    text = visible(html)
    assert "from a change by Dana Okafor" in text
    assert "What changed since version 1" in text
    assert "Court results window: 7 days → 14 days after sentencing" in text
    assert "Red: do not post" in text and "Amber: ask DMC" in text
    assert change.question.text[:60] in html

    listing = visible(
        client.get(reverse("wagtailsnippets_scenarios_answerchange:list")).content.decode()
    )
    assert "Red: do not post → Amber: ask DMC" in listing
    assert "already in the public domain" in listing

    versions = visible(
        client.get(reverse("wagtailsnippets_scenarios_rulebookversion:list")).content.decode()
    )
    assert "Dana Okafor" in versions or "dmc-editor" in versions
