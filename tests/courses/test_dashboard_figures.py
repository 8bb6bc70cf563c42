"""The overview's kept figures: reused within the minute (the page says when they were
counted), never shared between trainers, new after an assignment, and counted afresh when the
cache does not answer."""

import re
from datetime import timedelta

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from redis.exceptions import ConnectionError as RedisConnectionError

from courses.dashboards import figures
from courses.models import TrainingRecord
from courses.services import assignment_create

from .dashboard_helpers import borough, person, record, small_force

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("courses:dashboard")


@pytest.fixture
def kept(settings):
    settings.DASHBOARD_FIGURES_SECONDS = 60
    caches["dashboards"].clear()
    yield
    caches["dashboards"].clear()


@pytest.fixture
def force(training, demo_users):
    return small_force(training, timezone.localdate())


def rag_row(html: str) -> list[str]:
    row = re.search(r"<tr><th scope=\"row\">The RAG table</th>(.*?)</tr>", html)
    assert row is not None, html
    return re.findall(r"<td>(.*?)</td>", row.group(1))


def record_reads(client) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        html = client.get(DASHBOARD).content.decode()
    return html, sum("courses_trainingrecord" in q["sql"] for q in queries.captured_queries)


def test_the_overview_reuses_its_figures_and_says_when_they_were_counted(
    kept, signed_in, force, training
):
    spoc = signed_in("spoc")
    first, reads = record_reads(spoc)
    assert reads == 1 and rag_row(first)[0] == "3"
    assert re.search(r"Counted at \d\d:\d\d\. These figures are kept for up to a minute", first)
    newcomer = person("nia", "Nia", "Lane", place=borough("lewisham"))
    record(newcomer, training.modules["rag-table"], due=timezone.localdate() + timedelta(days=9))
    again, reads = record_reads(spoc)
    assert reads == 0 and rag_row(again) == rag_row(first)  # within the minute: kept
    caches["dashboards"].clear()  # the minute is up
    later, reads = record_reads(spoc)
    assert reads == 1 and rag_row(later)[0] == "4"


def test_figures_are_never_shared_between_trainers(kept, signed_in, force):
    spoc_html, _ = record_reads(signed_in("spoc"))
    smt_html, reads = record_reads(signed_in("social-media-team"))
    assert reads == 1
    assert rag_row(smt_html) != rag_row(spoc_html)  # the force, not Lewisham's figures


def test_an_assignment_shows_at_once(
    kept, signed_in, force, training, django_capture_on_commit_callbacks
):
    spoc = signed_in("spoc")
    before, _ = record_reads(spoc)
    newcomer = person("nia", "Nia", "Lane", place=borough("lewisham"))
    with django_capture_on_commit_callbacks(execute=True):
        assignment_create(
            by=newcomer.__class__.objects.get(username="spoc"),
            page=training.modules["rag-table"],
            due_date=timezone.localdate() + timedelta(days=30),
            person=newcomer,
        )
    after, reads = record_reads(spoc)
    assert reads == 1
    assert int(rag_row(after)[0]) == int(rag_row(before)[0]) + 1
    assert TrainingRecord.objects.filter(person=newcomer).count() == 1


def test_a_cache_that_does_not_answer_only_means_counting(kept, signed_in, force, monkeypatch):
    class Down:
        def get(self, *args, **kwargs):
            raise RedisConnectionError("Connection refused")

        set = incr = get

    monkeypatch.setattr(figures, "_cache", lambda: Down())
    html, reads = record_reads(signed_in("spoc"))
    assert reads == 1 and rag_row(html)[0] == "3"
    figures.figures_changed()  # no error either


def test_without_keeping_the_page_says_nothing_about_when(signed_in, force):
    html, reads = record_reads(signed_in("spoc"))
    assert reads == 1 and "Counted at" not in html
