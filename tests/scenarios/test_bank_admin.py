"""The bank in the admin: jobs with their progress, changed answers, the consistency check."""

import pytest
from django.core.management import CommandError

from scenarios import jobs
from scenarios.authoring import read_library
from scenarios.library_loader import STARTER_LIBRARY, load_starter_library
from scenarios.models import BankQuestion, JobRun, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def bank(db):
    load_starter_library()
    jobs.bank_generate()


def test_a_trainer_starts_generation_and_sees_its_progress(signed_in, guidance, run_queued_jobs):
    load_starter_library()  # each approved template feeds the bank as it is published
    run_queued_jobs()
    before = BankQuestion.objects.count()
    assert before > 0
    BankQuestion.objects.all().delete()  # as if the bank had been lost: generate it again
    spoc = signed_in("spoc")
    response = spoc.post("/admin/question-bank/generate/", follow=True)
    assert response.status_code == 200
    assert "Bank generation started" in response.content.decode()
    run_queued_jobs()
    run = JobRun.objects.filter(kind=JobRun.GENERATE).latest("pk")
    assert run.status == JobRun.DONE
    assert run.total == len(read_library(STARTER_LIBRARY))
    html = spoc.get("/admin/question-bank/").content.decode()
    assert f"Generate the bank #{run.pk}" in html
    assert f'<progress max="{run.total}" value="{run.done}">' in html
    assert BankQuestion.objects.count() == run.created == before


def test_changed_answers_are_listed_after_a_rulebook_change(signed_in, guidance, bank):
    topic = Topic.objects.get(slug="burglary")
    topic.rating, topic.guidance_url = "RED", "/guidance/rag/#red"
    topic.save_revision().publish()
    jobs.bank_regrade()
    html = signed_in("editor").get("/admin/question-bank/").content.decode()
    assert "v1 → v2" in html
    assert "GREEN</td><td>RED" in html


def test_only_trainers_and_editors_may_generate_and_officers_see_nothing(signed_in, guidance):
    response = signed_in("press-bureau").post("/admin/question-bank/generate/")
    assert (response.status_code, response["Location"]) == (302, "/admin/")  # refused
    assert not JobRun.objects.exists()
    response = signed_in("editor").post("/admin/question-bank/generate/")
    assert (response.status_code, response["Location"]) == (302, "/admin/question-bank/")
    assert JobRun.objects.filter(kind=JobRun.GENERATE).count() == 1
    officer = signed_in("officer")
    assert officer.get("/admin/question-bank/").status_code == 403


def test_the_consistency_page_reports_rules_and_topics(signed_in, guidance, bank):
    response = signed_in("spoc").get("/admin/question-bank/consistency/?min=3")
    html = response.content.decode()
    assert "Consistent." in html
    assert "A court result past the sentencing window" in html  # rules and topics by name
    assert "Any discussion of the terror threat level" in html
    assert "court-sentencing-window" not in html
    response = signed_in("spoc").get("/admin/question-bank/consistency/?min=lots")
    assert response.status_code == 200  # a bad number is explained, not a 500


def test_the_consistency_command_fails_when_an_answer_is_wrong(guidance, bank, capsys):
    from django.core.management import call_command

    call_command("check_consistency")
    assert "OK" in capsys.readouterr().out
    BankQuestion.objects.filter(topic="terror-threat-level").update(rating="GREEN")
    with pytest.raises(CommandError) as failed:
        call_command("check_consistency")
    assert failed.value.returncode == 1
    out = capsys.readouterr().out
    assert "NOT CONSISTENT" in out
    assert "Questions that contradict the RAG table: 0" not in out


def test_the_consistency_check_needs_the_table_on_a_live_page(guidance, bank, capsys):
    from django.core.management import call_command

    guidance["rag"].unpublish()
    with pytest.raises(CommandError):
        call_command("check_consistency")
    assert "No live guidance page shows the RAG table." in capsys.readouterr().out
