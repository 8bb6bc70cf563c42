"""The question bank: generation and re-grading jobs, in-process and on a real worker."""

import os
import select
import signal
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import django_rq
import pytest
from django.db import connection, transaction
from django.utils import timezone

from outbox.models import QueuedJob
from outbox.services import jobs_relay, lease_of
from outbox.workers import JSONSimpleWorker
from scenarios import jobs
from scenarios.library_loader import load_starter_library
from scenarios.models import AnswerChange, BankQuestion, JobRun, RulebookVersion, Topic
from scenarios.rulebook import published_rulebook, rulebook_from_snapshot
from scenarios.rules import evaluate, parse_facts

ROOT = Path(__file__).resolve().parents[2]


class WorkerDied(Exception):
    pass


def bank_state():
    return sorted(BankQuestion.objects.values_list("key", "rating", "rulebook_version", "active"))


def assert_consistent():
    """Every stored answer follows from the rulebook version the question records."""
    rulebooks = {
        v.number: rulebook_from_snapshot(v.number, v.snapshot)
        for v in RulebookVersion.objects.all()
    }
    for key, facts, rating, version in BankQuestion.objects.values_list(
        "key", "facts", "rating", "rulebook_version"
    ):
        rulebook = rulebooks[version]
        assert evaluate(parse_facts(facts, rulebook), rulebook).rating == rating, key


def make_burglary_red():
    topic = Topic.objects.get(slug="burglary")
    topic.rating = "RED"
    topic.guidance_url = "/guidance/rag/#red"
    topic.save_revision().publish()


def templates_only():
    """The starter library's templates, without the bank their approval fed: these tests
    generate the bank themselves."""
    load_starter_library()
    BankQuestion.objects.all().delete()
    JobRun.objects.all().delete()


@pytest.fixture
def run_queued_jobs(settings):
    """As tests/conftest.py's, with a worker that reads the queue's JSON jobs."""

    def run():
        if settings.REDIS_URL:
            django_rq.get_worker("default", worker_class=JSONSimpleWorker).work(burst=True)

    return run


@pytest.fixture
def library(db):
    templates_only()


@pytest.fixture
def library_after_flush(migrated_data):
    templates_only()


@pytest.fixture
def bank(library):
    jobs.bank_generate()
    return BankQuestion.objects.count()


@pytest.mark.django_db
class TestGeneration:
    @pytest.mark.embedded
    def test_runs_in_process_through_django_rq(self, library):
        run = jobs.enqueue_generate()
        run.refresh_from_db()
        assert run.status == JobRun.DONE
        assert run.done == run.total >= 40
        assert run.created == BankQuestion.objects.count() > 1000

    def test_every_stored_answer_is_the_engines_verdict(self, bank):
        rulebook = published_rulebook()
        for facts, rating, answer, version in BankQuestion.objects.values_list(
            "facts", "rating", "correct_answer", "rulebook_version"
        ):
            verdict = evaluate(parse_facts(facts, rulebook), rulebook)
            assert (rating, answer, version) == (verdict.rating, verdict.action, 1)

    def test_running_twice_leaves_the_same_bank(self, bank):
        before = bank_state()
        result = jobs.bank_generate()
        assert result["created"] == 0
        assert bank_state() == before

    def test_a_worker_dying_mid_job_leaves_the_bank_consistent_and_a_rerun_finishes(
        self, library, monkeypatch
    ):
        jobs.bank_generate()
        clean = bank_state()
        BankQuestion.objects.all().delete()

        def die(kind, done):
            if done == 5:
                raise WorkerDied

        monkeypatch.setattr(jobs, "checkpoint", die)
        run = JobRun.objects.create(kind=JobRun.GENERATE)
        with pytest.raises(WorkerDied):
            jobs.bank_generate(run_id=run.pk)
        run.refresh_from_db()
        assert run.status == JobRun.FAILED and "WorkerDied" in run.message
        assert run.done == 5
        partial = BankQuestion.objects.values("template").distinct().count()
        assert partial == 5  # whole templates only: nothing half-written
        assert_consistent()
        monkeypatch.setattr(jobs, "checkpoint", None)
        jobs.bank_generate()
        assert bank_state() == clean

    def test_a_template_that_changes_retires_questions_it_no_longer_makes(self, bank):
        from scenarios.models import ScenarioTemplate

        template = ScenarioTemplate.objects.order_by("pk").first()
        slot = template.slots.first()
        first_value = slot.values.splitlines()[0]
        slot.values = "\n".join(slot.values.splitlines()[1:]) or first_value
        slot.save()
        jobs.bank_generate(template_ids=[template.pk])
        retired = BankQuestion.objects.filter(template=template, active=False).count()
        assert retired > 0
        assert BankQuestion.objects.filter(active=False).count() == retired


@pytest.mark.django_db
class TestRegrade:
    def test_publishing_a_rulebook_change_regrades_the_bank_and_lists_changed_answers(
        self, bank, django_capture_on_commit_callbacks, run_queued_jobs
    ):
        not_red_burglary = set(
            BankQuestion.objects.filter(topic="burglary")
            .exclude(rating="RED")
            .values_list("pk", flat=True)
        )
        assert not_red_burglary
        with django_capture_on_commit_callbacks(execute=True):
            make_burglary_red()
        run_queued_jobs()
        assert published_rulebook().version == 2
        assert not BankQuestion.objects.exclude(rulebook_version=2).exists()
        changed = set(AnswerChange.objects.filter(to_version=2).values_list("question", flat=True))
        assert changed == not_red_burglary
        assert not BankQuestion.objects.filter(topic="burglary").exclude(rating="RED").exists()
        run = JobRun.objects.filter(kind=JobRun.REGRADE).latest("pk")
        assert (run.status, run.done, run.changed) == (JobRun.DONE, bank, len(changed))
        assert_consistent()

    def test_running_the_regrade_twice_changes_nothing(self, bank):
        make_burglary_red()
        jobs.bank_regrade()
        before, changes = bank_state(), AnswerChange.objects.count()
        result = jobs.bank_regrade()
        assert result["checked"] == 0
        assert bank_state() == before and AnswerChange.objects.count() == changes

    def test_a_worker_dying_mid_regrade_leaves_the_bank_consistent_and_a_rerun_finishes(
        self, bank, monkeypatch, settings
    ):
        will_change = BankQuestion.objects.filter(topic="burglary").exclude(rating="RED").count()
        make_burglary_red()
        settings.BANK_REGRADE_CHUNK = 100

        def die(kind, done):
            if done >= 300:
                raise WorkerDied

        monkeypatch.setattr(jobs, "checkpoint", die)
        with pytest.raises(WorkerDied):
            jobs.bank_regrade()
        assert BankQuestion.objects.filter(rulebook_version=2).count() == 300
        assert_consistent()
        monkeypatch.setattr(jobs, "checkpoint", None)
        jobs.bank_regrade()
        assert not BankQuestion.objects.exclude(rulebook_version=2).exists()
        assert_consistent()
        assert AnswerChange.objects.filter(to_version=2).count() == will_change

    def test_regrade_queries_do_not_grow_with_the_bank(
        self, bank, django_assert_max_num_queries, settings
    ):
        # As in production: the refresher job the re-grade queues at its end runs apart.
        settings.RQ = {**settings.RQ, "COMMIT_MODE": "on_db_commit"}
        make_burglary_red()
        # ~1,200 questions in one chunk: a handful of queries, not one per question (with the
        # outbox row of the refresher job and the audit entry the end of the re-grade writes).
        with django_assert_max_num_queries(30):
            jobs.bank_regrade()


@pytest.mark.real_services
@pytest.mark.django_db(transaction=True)
def test_generation_and_regrade_run_on_real_redis_through_a_worker(library_after_flush):
    queue = django_rq.get_queue("default")
    assert "FakeRedis" not in type(queue.connection).__name__
    queue.empty()
    run = jobs.enqueue_generate()
    run.refresh_from_db()
    assert run.status == JobRun.QUEUED  # waiting for a worker
    django_rq.get_worker("default", worker_class=JSONSimpleWorker).work(burst=True)
    run.refresh_from_db()
    assert run.status == JobRun.DONE and run.created > 1000
    make_burglary_red()  # outside a test transaction: the regrade is queued on commit
    django_rq.get_worker("default", worker_class=JSONSimpleWorker).work(burst=True)
    assert not BankQuestion.objects.exclude(rulebook_version=2).exists()
    assert AnswerChange.objects.filter(to_version=2).exists()
    assert_consistent()


def next_report(reports, worker: subprocess.Popen, log: Path) -> bytes:
    """What the worker writes next on the pipe ``reports``; b"" once every process holding its
    write end (the worker and its work horse) has exited. Fails, rather than hangs, after a
    minute."""
    ready, _, _ = select.select([reports], [], [], 60)
    if not ready:
        worker.kill()
        pytest.fail(f"the worker said nothing for a minute:\n{log.read_text()}")
    return reports.read(4096)


@pytest.mark.real_services
@pytest.mark.django_db(transaction=True)
def test_a_worker_process_killed_mid_regrade_leaves_the_bank_consistent(
    library_after_flush, tmp_path
):
    """A real `rqworker` process, killed with SIGKILL part-way through a re-grade: as soon as
    it reports its first committed chunk (tests/scenarios/rqworker_until_killed.py). After
    recovery a second worker process finishes it: exactly one result, nothing counted twice."""
    db = connection.settings_dict
    if not db["ENGINE"].endswith("postgresql"):
        pytest.fail("the real-services run uses PostgreSQL (DATABASE_URL)")
    queue = django_rq.get_queue("default")
    queue.empty()
    jobs.bank_generate()
    # The library's approvals queued generations, emptied from the queue above: done directly.
    QueuedJob.objects.all().delete()
    total = BankQuestion.objects.count()
    changed = BankQuestion.objects.filter(topic="burglary").exclude(rating="RED").count()
    with transaction.atomic():
        make_burglary_red()  # queues the re-grade when this commits
    env = dict(
        os.environ,
        DATABASE_URL=f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}",
        BANK_REGRADE_CHUNK="5",  # many small commits, so the kill lands mid-job
    )
    log = tmp_path / "rqworker.log"
    read_end, write_end = os.pipe()
    with open(read_end, "rb", buffering=0) as reports:
        with log.open("wb") as output:
            worker = subprocess.Popen(
                [sys.executable, "-m", "tests.scenarios.rqworker_until_killed", str(write_end)],
                cwd=ROOT,
                env=env,
                stdin=subprocess.PIPE,  # held open while the test runs: see the launcher
                stdout=output,
                stderr=subprocess.STDOUT,
                pass_fds=(write_end,),
            )
        os.close(write_end)  # the worker and its work horse now hold the only write ends
        horse = None
        try:
            line = next_report(reports, worker, log)
            assert line, f"the worker exited before a chunk was committed:\n{log.read_text()}"
            kind, done, horse = line.decode().split()
            assert (kind, int(done)) == ("regrade", 5)
        finally:
            worker.send_signal(signal.SIGKILL)
            if horse:
                os.kill(int(horse), signal.SIGKILL)
            worker.stdin.close()
            worker.wait(timeout=30)
        # End of file: every process that could still write to the bank is gone.
        assert next_report(reports, worker, log) == b""
    regraded = BankQuestion.objects.filter(rulebook_version=2).count()
    assert 0 < regraded < total, "the kill should land part-way through the job"
    assert regraded == int(done)  # the chunk it reported, and nothing after it
    assert_consistent()  # every question agrees with the version it records
    row = QueuedJob.objects.get(func="scenarios.jobs.bank_regrade")
    assert row.state == QueuedJob.STARTED  # claimed, never finished
    # Recovery: past its lease the outbox puts the job back; a new worker process finishes it.
    lease_over = timezone.now() + lease_of("default") + timedelta(seconds=1)
    assert jobs_relay(now=lease_over)["recovered"] == 1
    result = subprocess.run(
        [sys.executable, "manage.py", "rqworker", "default", "--burst"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    run = JobRun.objects.get(kind=JobRun.REGRADE)
    row.refresh_from_db()
    assert (row.state, row.attempts) == (QueuedJob.DONE, 2), result.stderr
    assert BankQuestion.objects.filter(rulebook_version=2).count() == total
    assert_consistent()
    # Exactly one result: one run, every question counted once, each changed answer once.
    assert (run.status, run.done, run.total, run.changed) == (JobRun.DONE, total, total, changed)
    assert AnswerChange.objects.filter(to_version=2).count() == changed
    assert AnswerChange.objects.values("question").distinct().count() == changed


@pytest.mark.django_db
class TestBankKeepsUpWithTheRulebook:
    def test_questions_on_an_unpublished_topic_are_retired_not_a_failed_job(self, bank):
        on_topic = BankQuestion.objects.filter(topic="asbo").count()
        assert on_topic
        Topic.objects.get(slug="asbo").unpublish()
        result = jobs.bank_regrade()
        assert result["retired"] == on_topic
        assert not BankQuestion.objects.filter(topic="asbo", active=True).exists()
        run = JobRun.objects.filter(kind=JobRun.REGRADE).latest("pk")
        assert run.status == JobRun.DONE and "retired" in run.message
        from scenarios.consistency import check_consistency

        assert not check_consistency(minimum=0).wrong_answers

    def test_an_older_regrade_never_grades_over_a_newer_one(self, bank):
        make_burglary_red()  # version 2
        jobs.bank_regrade()
        BankQuestion.objects.update(rulebook_version=3)  # as if a newer job had run
        assert jobs.bank_regrade()["checked"] == 0
        assert not BankQuestion.objects.exclude(rulebook_version=3).exists()

    def test_questions_of_an_unpublished_template_leave_the_bank(self, bank):
        from scenarios.models import ScenarioTemplate

        template = ScenarioTemplate.objects.order_by("pk").first()
        template.unpublish()
        jobs.bank_generate()
        assert not BankQuestion.objects.filter(template=template, active=True).exists()
        assert BankQuestion.objects.filter(active=True).exists()

    def test_a_second_generation_is_not_queued_while_one_waits(self, library):
        waiting = JobRun.objects.create(kind=JobRun.GENERATE, status=JobRun.QUEUED)
        assert jobs.enqueue_generate() == waiting
        assert JobRun.objects.filter(kind=JobRun.GENERATE).count() == 1
