"""Refreshers after a rule change: a real rulebook publish and re-grade marks the officers whose
pass relied on the changed rule, the mini-quiz asks about that rule only, passing it clears it,
and trainers see who owes one, within their scope."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from courses import refreshers
from courses.models import TrainingRecord
from courses.refreshers import (
    PassEvidence,
    changed_rules,
    hits,
    refresher_quiz_get,
    refresher_rule_of,
    refresher_title,
    refreshers_due_for,
    refreshers_mark,
    refreshers_to_add,
)
from organisation.factories import ProfileFactory, UserFactory
from organisation.models import Borough
from organisation.roles import OFFICER
from outbox.models import QueuedJob
from outbox.services import jobs_relay
from quizzes.factories import QuizFactory
from quizzes.models import Quiz
from quizzes.services import answer_save, attempt_start, attempt_submit
from scenarios import jobs
from scenarios.factories import ScenarioTemplateFactory
from scenarios.models import RuleParameters
from scenarios.rulebook import published_rulebook
from tests.killed_workers import WorkerKilled, after_the_lease

WINDOW = "court-sentencing-window"
AMBER_PD = "amber-public-domain"

# --------------------------------------------------------------------------- the pure core


def test_changed_rules_are_the_deciding_rules_with_topic_rules_tied_to_their_topic():
    verdicts = [
        (
            [{"rule": WINDOW, "decides": True}, {"rule": "amber-public-domain", "decides": False}],
            "court-result",
        ),
        ([{"rule": "red-topic", "decides": True}], "burglary"),
        ([{"rule": "green-topic", "decides": True}], "burglary"),
    ]
    changed = changed_rules(verdicts)
    assert changed == {(WINDOW, None), ("red-topic", "burglary"), ("green-topic", "burglary")}
    assert changed_rules([]) == frozenset()
    # A burglary flip refreshes those tested on burglary, not on any green topic.
    assert hits(changed, ["green-topic"], "burglary") == {"green-topic"}
    assert hits(changed, ["green-topic"], "assault") == set()
    assert hits(changed, [WINDOW, "amber-public-domain"], "court-result") == {WINDOW}


def test_refreshers_are_added_once_and_only_for_changed_rules():
    passes = [
        PassEvidence(1, 10, frozenset({WINDOW, "green-topic"})),
        PassEvidence(2, 11, frozenset({"green-topic"})),
        PassEvidence(3, 12, frozenset({WINDOW}), has=(WINDOW,)),
        PassEvidence(4, 13, frozenset({WINDOW, "red-topic"}), has=("ksi-collision",)),
        PassEvidence(5, 14, frozenset({WINDOW})),
    ]
    changed = frozenset({WINDOW, "red-topic"})
    added = refreshers_to_add(passes, changed, done=frozenset({(14, WINDOW)}))
    assert added == {1: [WINDOW], 4: ["ksi-collision", WINDOW, "red-topic"]}


def test_refresher_titles_are_the_marker():
    assert refresher_title(WINDOW) == "Refresher: A court result past the sentencing window"
    assert refresher_rule_of(Quiz(title=refresher_title(WINDOW), rules=[WINDOW])) == WINDOW
    assert refresher_rule_of(Quiz(title="Court cases", rules=[WINDOW])) is None
    assert refresher_rule_of(Quiz(title=refresher_title(WINDOW), rules=[WINDOW, "x"])) is None


# --------------------------------------------------------------------------- with a real change


@pytest.fixture
def bank(db, run_queued_jobs):
    lewisham = Borough.objects.get(slug="lewisham")
    for key, text, facts, slots in [
        (
            "court-window",
            "Court: a Lewisham man was jailed for {years} years, sentenced {when}.",
            "topic: court-result, in_public_domain: true",
            [
                ("years", "3\n5\n7"),
                (
                    "when",
                    "7 days ago => days_since_sentencing: 7\n8 days ago => "
                    "days_since_sentencing: 8",
                ),
            ],
        ),
        (
            "burglary",
            "Officers in {ward} arrested a man after a burglary.",
            "topic: burglary",
            [("ward", "Catford\nLee Green\nBrockley\nDeptford")],
        ),
    ]:
        ScenarioTemplateFactory(
            key=key, text=text, fixed_facts=facts, slots=slots, borough=lewisham
        )
    run_queued_jobs()


def officer(username, borough="lewisham"):
    user = UserFactory(username=username, roles=[OFFICER])
    ProfileFactory(user=user, borough=Borough.objects.get(slug=borough))
    return user


def take(user, quiz, module=None, *, right=True):
    """Start, answer every question (rightly or wrongly) and submit."""
    attempt = attempt_start(user=user, quiz=quiz, module=module)
    for question in attempt.questions.all():
        rating = question.rating if right else ("GREEN" if question.rating != "GREEN" else "RED")
        answer_save(user=user, attempt=attempt, position=question.position, rating=rating)
    return attempt_submit(user=user, attempt=attempt)


def shorten_the_sentencing_window():
    """DMC publishes a 6-day window: court results 7 days after sentencing turn RED."""
    params = RuleParameters.objects.get()
    params.sentencing_window_days = 6
    params.save_revision().publish()
    assert published_rulebook().sentencing_window_days == 6


@pytest.fixture
def regrade(run_queued_jobs, django_capture_on_commit_callbacks):
    """Re-grade the bank; its `bank_regraded` signal queues the marking once the re-grade has
    committed, and it runs here (in-process, or on the real queue's worker)."""

    def run():
        with django_capture_on_commit_callbacks(execute=True):
            result = jobs.bank_regrade()
        run_queued_jobs()
        return result

    return run


@pytest.fixture
def world(bank, training, demo_users):
    court = QuizFactory(title="Court results", topics=["court-result"], question_count=6)
    burglary = QuizFactory(title="Burglary", topics=["burglary"], question_count=4)
    rag, court_module = training.modules["rag-table"], training.modules["court-and-images"]
    people = {
        name: officer(name, borough)
        for name, borough in [
            ("alice", "lewisham"),
            ("bob", "lewisham"),
            ("carol", "lewisham"),
            ("dave", "lewisham"),
            ("frank", "lewisham"),
            ("gina", "croydon"),
        ]
    }
    assert take(people["alice"], court, court_module).passed
    assert take(people["gina"], court, court_module).passed
    assert take(people["bob"], burglary, rag).passed  # never asked about the window
    assert not take(people["carol"], court, court_module, right=False).passed
    assert take(people["dave"], court, court_module).passed
    TrainingRecord.objects.filter(person=people["dave"]).update(
        expires_at=timezone.now() - timezone.timedelta(days=1)
    )
    return {"court": court, "modules": (rag, court_module), **people}


def refresher_rules(user):
    return {
        rule
        for rules in TrainingRecord.objects.filter(person=user).values_list(
            "refresher_rules", flat=True
        )
        for rule in rules
    }


def test_a_rule_change_marks_the_officers_whose_pass_relied_on_it(world, regrade):
    shorten_the_sentencing_window()
    # Frank passes under the new rulebook, before the bank catches up: nothing to refresh.
    assert take(world["frank"], world["court"], world["modules"][1]).passed
    result = regrade()
    assert result["changed"] > 0
    # The window now decides 7-day results, which "amber in the public domain" used to: both
    # changed for court results.
    assert refresher_rules(world["alice"]) == {WINDOW, AMBER_PD}
    assert refresher_rules(world["gina"]) == {WINDOW, AMBER_PD}
    for name in ("bob", "carol", "dave", "frank"):
        assert refresher_rules(world[name]) == set(), name
    # Only the record of the module the pass was on.
    marked = TrainingRecord.objects.exclude(refresher_rules=[])
    assert {(r.person.username, r.module_id) for r in marked} == {
        ("alice", world["modules"][1].pk),
        ("gina", world["modules"][1].pk),
    }


def test_marking_twice_adds_nothing(world, regrade):
    shorten_the_sentencing_window()
    regrade()
    before = sorted(TrainingRecord.objects.values_list("pk", "refresher_rules"))
    assert refreshers_mark(version=published_rulebook().version) == 0
    regrade()  # a second run of the re-grade sends the signal again
    assert sorted(TrainingRecord.objects.values_list("pk", "refresher_rules")) == before


def test_the_refresher_asks_only_about_its_rule_and_passing_it_clears_it(world, regrade, client):
    shorten_the_sentencing_window()
    regrade()
    alice = world["alice"]
    client.force_login(alice)
    page = client.get(reverse("courses:refreshers"))
    assert page.status_code == 200
    assert "A court result past the sentencing window" in page.text
    start = reverse("courses:refresher_start", args=[WINDOW])
    assert start in page.text

    response = client.post(start)
    quiz = Quiz.objects.get(title="Refresher: A court result past the sentencing window")
    assert (quiz.rules, quiz.question_count, quiz.mode, quiz.pass_mark, quiz.live) == (
        [WINDOW],
        5,
        "assessed",
        80,
        True,
    )
    attempt = alice.attempts.get(quiz=quiz)
    assert response.url == reverse("quizzes:attempt", args=[attempt.pk])
    questions = list(attempt.questions.all())
    assert len(questions) == 5
    for question in questions:
        assert WINDOW in [reason["rule"] for reason in question.verdict["reasons"]]
        assert WINDOW in question.rules

    # Reused, not made again.
    assert refresher_quiz_get(rule=WINDOW).pk == quiz.pk
    assert Quiz.objects.filter(title=quiz.title).count() == 1

    for question in questions:
        answer_save(user=alice, attempt=attempt, position=question.position, rating=question.rating)
    assert attempt_submit(user=alice, attempt=attempt).passed
    assert refresher_rules(alice) == {AMBER_PD}  # the other refresher is still due
    # Marking again (the re-grade re-run) does not bring it back: the refresher is done.
    refreshers_mark(version=published_rulebook().version)
    assert refresher_rules(alice) == {AMBER_PD}


def test_failing_the_refresher_leaves_it_due(world, regrade):
    shorten_the_sentencing_window()
    regrade()
    quiz = refresher_quiz_get(rule=WINDOW)
    assert not take(world["gina"], quiz, right=False).passed
    assert refresher_rules(world["gina"]) == {WINDOW, AMBER_PD}


def test_only_a_refresher_you_owe_can_be_started(world, regrade, client):
    shorten_the_sentencing_window()
    regrade()
    client.force_login(world["bob"])
    assert client.post(reverse("courses:refresher_start", args=[WINDOW])).status_code == 404
    assert client.get(reverse("courses:refresher_start", args=[WINDOW])).status_code == 405
    assert not Quiz.objects.filter(title__startswith="Refresher:").exists()


def test_trainers_see_who_owes_a_refresher_within_their_scope(world, regrade, client):
    shorten_the_sentencing_window()
    regrade()
    users = {user.username: user for user in get_user_model().objects.all()}
    assert {r.person.username for r in refreshers_due_for(users["spoc"])} == {"alice"}
    assert {r.person.username for r in refreshers_due_for(users["spoc-2"])} == {"gina"}
    assert {r.person.username for r in refreshers_due_for(users["social-media-team"])} == {
        "alice",
        "gina",
    }
    assert not refreshers_due_for(users["officer"]).exists()

    url = reverse("courses:refreshers_people")
    client.force_login(users["spoc"])
    page = client.get(url)
    assert page.status_code == 200
    assert "(alice)" in page.text and "(gina)" not in page.text
    assert "A court result past the sentencing window" in page.text
    client.force_login(users["officer"])
    assert client.get(url).status_code == 403


@pytest.mark.embedded
def test_a_marking_killed_mid_job_marks_once_after_recovery(world, regrade, monkeypatch):
    def killed(*args, **kwargs):
        raise WorkerKilled

    shorten_the_sentencing_window()
    monkeypatch.setattr(refreshers, "refreshers_to_add", killed)  # inside its transaction
    regrade()
    row = QueuedJob.objects.get(func="courses.jobs.refreshers_mark_job")
    assert row.state == QueuedJob.STARTED
    assert not TrainingRecord.objects.exclude(refresher_rules=[]).exists()
    monkeypatch.undo()

    assert jobs_relay(now=after_the_lease())["recovered"] == 1  # runs again, in-process
    jobs_relay(now=after_the_lease())
    row.refresh_from_db()
    assert (row.state, row.attempts) == (QueuedJob.DONE, 2)
    assert refresher_rules(world["alice"]) == refresher_rules(world["gina"]) == {WINDOW, AMBER_PD}
    for name in ("bob", "carol", "dave"):
        assert refresher_rules(world[name]) == set(), name
