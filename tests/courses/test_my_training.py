"""My training: the person's own modules with where they stand (on a fixed clock), refreshers,
certificates and feedback, in a fixed number of queries; nobody else's."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses import standing
from courses.learner_selectors import due_words, module_row, my_training
from courses.models import Certificate, TrainingRecord
from organisation.factories import ProfileFactory, UserFactory
from organisation.models import Borough
from quizzes.models.attempt import IN_PROGRESS
from quizzes.models.quiz import PRACTICE

from .helpers import add_module, attempt, content_lesson

LONDON = ZoneInfo("Europe/London")
TODAY = date(2026, 3, 2)


def at(year, month, day, hour=12):
    return datetime(year, month, day, hour, tzinfo=LONDON)


def row(**fields):
    """A record as the services leave it (unsaved: the status needs no database)."""
    return module_row(TrainingRecord(module_title="The RAG table", **fields), today=TODAY)


# --------------------------------------------------------------------------- statuses, fixed clock


@pytest.mark.parametrize(
    ("due", "words"),
    [
        (date(2026, 3, 5), "due in 3 days"),
        (date(2026, 3, 3), "due tomorrow"),
        (date(2026, 3, 2), "due today"),
        (date(2026, 3, 1), "overdue by 1 day"),
        (date(2026, 2, 28), "overdue by 2 days"),
    ],
)
def test_due_dates_in_words(due, words):
    assert due_words(today=TODAY, due_date=due) == words


def test_assigned_not_started():
    found = row(due_date=date(2026, 3, 5))
    assert found.status == standing.NOT_STARTED and found.label == "Not started"
    assert found.when == "due in 3 days (5 Mar 2026)"


def test_assigned_and_started():
    found = row(due_date=date(2026, 3, 12), started_at=at(2026, 3, 1))
    assert found.status == standing.IN_PROGRESS
    assert found.when == "due in 10 days (12 Mar 2026)"


def test_overdue_started_or_not():
    for started in (None, at(2026, 2, 1)):
        found = row(due_date=date(2026, 2, 28), started_at=started)
        assert found.status == standing.OVERDUE and found.label == "Overdue"
        assert found.when == "overdue by 2 days (28 Feb 2026)"


def test_passed_is_valid_until_its_expiry():
    found = row(due_date=date(2026, 2, 1), passed_at=at(2026, 1, 20), expires_at=at(2027, 11, 26))
    assert found.status == standing.PASSED
    assert found.when == "valid until 26 Nov 2027"


def test_expiring_soon():
    found = row(passed_at=at(2025, 3, 20), expires_at=at(2026, 3, 20))
    assert found.status == standing.EXPIRING and found.label == "Expiring soon"
    assert found.when == "expiring soon: valid until 20 Mar 2026"


def test_expired():
    found = row(due_date=date(2025, 1, 1), passed_at=at(2025, 3, 1), expires_at=at(2026, 3, 1))
    assert found.status == standing.EXPIRED
    assert found.when == "expired on 1 Mar 2026"


def test_expiry_is_a_london_date():
    # 23:30 UTC on 1 March is still 1 March in London (GMT); 23:30 UTC on 1 July is 2 July.
    found = row(passed_at=at(2025, 7, 1), expires_at=datetime(2026, 7, 1, 23, 30, tzinfo=LONDON))
    assert found.when == "valid until 1 Jul 2026"
    utc = ZoneInfo("UTC")
    found = row(passed_at=at(2025, 7, 1), expires_at=datetime(2026, 7, 1, 23, 30, tzinfo=utc))
    assert found.when == "valid until 2 Jul 2026"


def test_taken_freely_has_no_due_date():
    assert row(started_at=at(2026, 2, 1)).when == "no due date"


def test_a_rule_change_makes_a_refresher_due_in_plain_words():
    found = row(
        passed_at=at(2025, 6, 1),
        expires_at=at(2026, 6, 1),
        refresher_rules=["ksi-collision", "court-sentencing-window"],
    )
    assert found.refresher_titles == (
        "A collision where someone was killed or seriously injured",
        "A court result past the sentencing window",
    )
    # Nothing to refresh before a pass.
    assert row(refresher_rules=["ksi-collision"]).refresher_titles == ()


# --------------------------------------------------------------------------- from the database


def person(username):
    return get_user_model().objects.get(username=username)


def record(user, module, **fields):
    return TrainingRecord.objects.create(
        person=user, module=module, module_title=module.title, **fields
    )


@pytest.fixture
def officers_training(training, demo_users):
    """The officer: one module assigned, one passed (with a certificate, a refresher due and
    feedback), one taken freely; and another officer's training beside it."""
    officer = person("officer")
    today = timezone.localdate()
    now = timezone.now()
    rag, court, roles = (
        training.modules[k] for k in ("rag-table", "court-and-images", "roles-and-contacts")
    )
    record(officer, rag, due_date=today + timedelta(days=3))
    record(
        officer,
        court,
        due_date=today - timedelta(days=10),
        started_at=now - timedelta(days=12),
        passed_at=now - timedelta(days=11),
        expires_at=now + timedelta(days=354),
        best_score=90,
        refresher_rules=["ksi-collision"],
    )
    record(officer, roles, started_at=now)
    passed = attempt(officer, court.quiz, score=90, passed=True)
    failed = attempt(officer, court.quiz, number=2, score=40, passed=False)
    attempt(officer, court.quiz, number=3, status=IN_PROGRESS)
    attempt(officer, court.quiz, mode=PRACTICE, score=100, passed=True)
    for done in (passed, failed):
        done.module, done.settings = court, {"title": "Courts and images quiz"}
        done.save()
    Certificate.objects.create(
        person=officer,
        module=court,
        module_title=court.title,
        attempt=passed,
        code="KLMNPQRSTU",
        score=90,
        issued_at=passed.finished_at,
        expires_at=now + timedelta(days=354),
    )
    other = UserFactory(username="other-officer", roles=["Officer"])
    ProfileFactory(user=other, borough=Borough.objects.get(slug="lewisham"))
    record(other, rag, due_date=today - timedelta(days=1))
    other_attempt = attempt(other, rag.quiz, score=95, passed=True)
    Certificate.objects.create(
        person=other,
        module=rag,
        module_title=rag.title,
        attempt=other_attempt,
        code="WXYZWXYZWX",
        score=95,
        issued_at=now,
        expires_at=now + timedelta(days=365),
    )
    return {
        "officer": officer,
        "other": other,
        "passed": passed,
        "failed": failed,
        **training.modules,
    }


def test_the_helper_sorts_out_assigned_free_certificates_and_feedback(officers_training):
    mine = my_training(officers_training["officer"], today=timezone.localdate())
    assert [r.title for r in mine.assigned] == [
        officers_training["rag-table"].title,
        officers_training["court-and-images"].title,
    ]
    assert [r.status for r in mine.assigned] == [standing.NOT_STARTED, standing.PASSED]
    assert [r.title for r in mine.unassigned] == [officers_training["roles-and-contacts"].title]
    assert mine.unassigned[0].status == standing.IN_PROGRESS
    assert [r.title for r in mine.refreshers] == [officers_training["court-and-images"].title]
    assert [c.certificate.code for c in mine.certificates] == ["KLMNPQRSTU"]
    assert mine.certificates[0].valid
    # Finished assessed attempts only: not the open one, not practice.
    assert {a.pk for a in mine.feedback} == {
        officers_training["passed"].pk,
        officers_training["failed"].pk,
    }


def test_the_page_shows_it_all(officers_training, signed_in):
    response = signed_in("officer").get("/training/mine/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1 and "<caption>" in html
    rag, court = officers_training["rag-table"], officers_training["court-and-images"]
    assert f'<a href="{rag.url}">{rag.title}</a>' in html
    assert f'<a href="{court.url}">{court.title}</a>' in html
    assert "Not started" in html and "Due in 3 days" in html
    assert "Passed" in html and "Valid until" in html
    assert "Refreshers due" in html
    assert "A collision where someone was killed or seriously injured" in html
    assert "Taken without being assigned" in html
    assert 'href="/certificates/KLMNPQRSTU/"' in html and "KLMNP-QRSTU" in html
    for done in (officers_training["passed"], officers_training["failed"]):
        assert f'href="/attempts/{done.pk}/review/"' in html
    assert "Courts and images quiz" in html


def test_nobody_elses_training_is_shown(officers_training, signed_in):
    html = signed_in("officer").get("/training/mine/").content.decode()
    assert "WXYZWXYZWX" not in html and "Overdue" not in html
    other_attempt = officers_training["other"].attempts.get()
    assert f"/attempts/{other_attempt.pk}/" not in html
    # The trainer's own page is their own training, not their borough's.
    html = signed_in("spoc").get("/training/mine/").content.decode()
    assert "KLMNPQRSTU" not in html and "WXYZWXYZWX" not in html
    assert "Nothing has been assigned to you yet" in html


def test_signed_out_visitors_are_asked_to_sign_in(client, db):
    response = client.get("/training/mine/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_one_query_per_kind_of_thing_however_many_modules(training, demo_users, client):
    officer = person("officer")
    today = timezone.localdate()
    modules = list(training.modules.values())
    record(officer, modules[0], due_date=today)

    def count(call):
        with CaptureQueriesContext(connection) as queries:
            call()
        return len(queries)

    client.force_login(officer)
    client.get("/training/mine/")  # warm the caches of the site's root paths
    helper_one = count(lambda: my_training(officer, today=today))
    page_one = count(lambda: client.get("/training/mine/"))

    for module in modules[1:]:
        record(officer, module, started_at=timezone.now())
    for number in range(4):
        extra = add_module(training.course, f"Extra module {number}", [content_lesson("One")])
        record(officer, extra, due_date=today + timedelta(days=number))
        attempt(officer, modules[0].quiz, number=number + 1, score=50, passed=False)
    assert TrainingRecord.objects.filter(person=officer).count() == 7

    assert helper_one == count(lambda: my_training(officer, today=today)) == 3
    assert page_one == count(lambda: client.get("/training/mine/"))
