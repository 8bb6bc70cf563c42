"""Trainer dashboards: who may see them, what each trainer sees (never another borough's
people), the numbers on a hand-built force, the SQL status against `status_of`, filters that
refuse bad values in words, charts with a table behind them, and query counts that do not grow
with the force."""

import re
from datetime import date, datetime, time, timedelta
from itertools import product

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.dashboards import charts
from courses.dashboards.filters import PERIODS
from courses.dashboards.params import trend_buckets
from courses.dashboards.scope import scope_of
from courses.dashboards.selectors import (
    completion_by_module,
    completion_by_team,
    modules,
    passes_over_time,
    rule_errors,
)
from courses.dashboards.status_sql import overdue_q, status_expression
from courses.models import TrainingRecord
from courses.standing import EXPIRING_WITHIN, OVERDUE, STATUSES, status_of

from .dashboard_helpers import borough, bulk_force, small_force

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("courses:dashboard")
PAGES = [
    reverse(f"courses:{name}")
    for name in ("dashboard", "dashboard_people", "dashboard_overdue", "dashboard_trends")
] + [reverse("courses:dashboard_rules")]
LEWISHAM = ("Ada Lewis", "Ben Lamb", "Cat Long")
CROYDON = ("Dan Cross", "Eve Croft")
PERIOD = {period.value: period for period in PERIODS}


@pytest.fixture
def force(training, demo_users):
    return small_force(training, timezone.localdate())


def counts(row) -> dict:
    return {"people": row.total, "assigned": row.assigned, **row.counts}


def status_counts(**given) -> dict:
    return dict.fromkeys(STATUSES, 0) | given


# --------------------------------------------------------------------------- the SQL status


def test_sql_status_agrees_with_status_of_on_every_boundary(db):
    """Every due date, start and pass around each boundary (expired today, expiring within 30
    days, overdue), on ordinary days and on the days the clocks change."""
    person = get_user_model().objects.create(username="boundaries")
    todays = [date(2025, 6, 15), date(2025, 3, 30), date(2025, 10, 26), date(2024, 2, 29)]
    rows = []
    for today in todays:
        edges = [today, today + EXPIRING_WITHIN]
        moments = [None]
        for edge in edges:
            midnight = timezone.make_aware(datetime.combine(edge, time.min))
            for shift in (-1, 0, 1):
                moments.append(midnight + timedelta(microseconds=shift))
            moments.append(midnight + timedelta(minutes=30))  # 23:30 UTC the day before in BST
            moments.append(midnight - timedelta(hours=1, minutes=30))
        dues = [None, today - timedelta(days=1), today, today + timedelta(days=1)]
        passes = [None, timezone.make_aware(datetime.combine(today, time(9)))]
        starts = [None, timezone.make_aware(datetime.combine(today, time(8)))]
        for due, started, passed, expires in product(dues, starts, passes, moments):
            rows.append(
                TrainingRecord(
                    person=person,
                    module=None,
                    module_title=str(today),
                    due_date=due,
                    started_at=started,
                    passed_at=passed,
                    expires_at=expires,
                )
            )
    TrainingRecord.objects.bulk_create(rows)
    checked = 0
    for today in todays:
        found = TrainingRecord.objects.filter(module_title=str(today)).annotate(
            status=status_expression(today)
        )
        for record in found:
            expected = status_of(
                today=today,
                due_date=record.due_date,
                started=record.started_at is not None,
                passed_at=record.passed_at,
                expires_at=timezone.localtime(record.expires_at) if record.expires_at else None,
            )
            assert record.status == expected, (today, record.__dict__)
            checked += 1
        # The plain overdue condition the overdue list filters on picks the same records.
        overdue = set(found.filter(overdue_q(today)).values_list("pk", flat=True))
        assert overdue == {r.pk for r in found if r.status == OVERDUE}, today
    assert checked == len(rows) and len({r.status for r in found}) == len(STATUSES)


# --------------------------------------------------------------------------- who may see


@pytest.mark.parametrize("username", ["officer", "press-bureau", "editor"])
def test_people_who_do_not_train_get_a_403_page(signed_in, force, username):
    client = signed_in(username)
    for url in PAGES + [reverse("courses:dashboard_export", args=["people"])]:
        response = client.get(url)
        assert response.status_code == 403
    assert "Training dashboards are for trainers" in response.content.decode()
    assert "Ada Lewis" not in response.content.decode()


def test_signed_out_people_are_sent_to_sign_in(client, force):
    for url in PAGES:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    "username, sees, never",
    [
        ("spoc", LEWISHAM, CROYDON + ("Gus Green", "Uma Unwin")),
        ("spoc-2", CROYDON, LEWISHAM + ("Gus Green", "Uma Unwin")),
        ("borough-support", LEWISHAM + ("Gus Green",), CROYDON + ("Uma Unwin",)),
        ("social-media-team", LEWISHAM + CROYDON + ("Gus Green", "Uma Unwin"), ()),
        ("admin", LEWISHAM + CROYDON + ("Gus Green", "Uma Unwin"), ()),
    ],
)
def test_each_trainer_sees_their_people_and_nobody_else(signed_in, force, username, sees, never):
    client = signed_in(username)
    html = client.get(reverse("courses:dashboard_people")).content.decode()
    for name in sees:
        assert name in html
    for name in never:
        assert name not in html
    for url in PAGES:
        assert client.get(url).status_code == 200


def test_a_spoc_cannot_reach_another_borough_through_the_filters(signed_in, force):
    client = signed_in("spoc")
    for url in PAGES:
        response = client.get(url, {"team": "borough-croydon"})
        html = response.content.decode()
        assert response.status_code == 200
        assert "You can only choose a borough or unit whose training you see." in html
        assert "Dan Cross" not in html and "Eve Croft" not in html
    response = client.get(
        reverse("courses:dashboard_export", args=["people"]), {"team": "borough-croydon"}
    )
    assert response.status_code == 400
    html = signed_in("spoc-2").get(
        reverse("courses:dashboard_overdue"), {"team": "borough-lewisham"}
    )
    assert "Ada Lewis" not in html.content.decode()


def test_bad_filter_values_get_a_message_not_an_error(signed_in, force):
    client = signed_in("social-media-team")
    bad = {"module": "not-a-number", "period": "7", "team": "nowhere", "page": "many"}
    for url in PAGES:
        response = client.get(url, bad)
        html = response.content.decode()
        assert response.status_code == 200
        assert "There is no such module: choose one from the list." in html
        assert "Choose one of the periods in the list." in html
        assert "Some filters could not be used" in html
    assert client.get(DASHBOARD, {"module": "999999"}).status_code == 200


# --------------------------------------------------------------------------- numbers by hand


def test_completion_by_module_for_a_spoc(force, demo_users):
    spoc = get_user_model().objects.get(username="spoc")
    rows = completion_by_module(scope_of(spoc), today=force.today, all_modules=modules())
    assert [row.label for row in rows] == [force.a.title, force.b.title]
    a, b = rows
    assert counts(a) == {"people": 3, "assigned": 3} | status_counts(
        **{"in-progress": 1, "passed": 1, "expiring": 1}
    )
    assert a.percent_complete == 67
    assert counts(b) == {"people": 3, "assigned": 2} | status_counts(
        **{"not-started": 1, "overdue": 1, "expired": 1}
    )
    assert b.percent_complete == 0


def test_borough_support_compares_its_boroughs(force, demo_users):
    support = get_user_model().objects.get(username="borough-support")
    scope = scope_of(support)
    assert [team.name for team in scope.teams] == ["Greenwich", "Lewisham", "Southwark"]
    teams = {
        t.team.name: t for t in completion_by_team(scope, today=force.today, all_modules=modules())
    }
    assert counts(teams["Greenwich"].overall) == {"people": 1, "assigned": 1} | status_counts(
        **{"not-started": 1}
    )
    assert teams["Lewisham"].overall.total == 6 and teams["Lewisham"].overall.completed == 2
    assert teams["Southwark"].overall.total == 0 and teams["Southwark"].by_module == []
    a = completion_by_module(scope, today=force.today, all_modules=modules())[0]
    assert counts(a) == {"people": 4, "assigned": 4} | status_counts(
        **{"not-started": 1, "in-progress": 1, "passed": 1, "expiring": 1}
    )


def test_the_force_as_a_whole(force, demo_users):
    team = get_user_model().objects.get(username="social-media-team")
    scope = scope_of(team)
    assert scope.force and len(scope.teams) == 32 + 7
    a = completion_by_module(scope, today=force.today, all_modules=modules())[0]
    assert counts(a) == {"people": 7, "assigned": 7} | status_counts(
        **{"not-started": 1, "in-progress": 1, "overdue": 1, "passed": 3, "expiring": 1}
    )
    assert a.percent_complete == 57
    units = completion_by_team(scope, today=force.today, all_modules=modules())
    tsg = next(t for t in units if t.team.slug == "territorial-support-group")
    assert tsg.overall.counts["passed"] == 1


def test_overview_page_shows_the_spocs_numbers(signed_in, force):
    html = signed_in("spoc").get(DASHBOARD).content.decode()
    row = re.search(r"<tr><th scope=\"row\">The RAG table</th>(.*?)</tr>", html)
    assert row is not None, html
    assert re.findall(r"<td>(.*?)</td>", row.group(1)) == [
        "3", "3", "0", "1", "0", "1", "1", "0", "67%"
    ]  # fmt: skip
    assert "2 modules assigned and not passed" not in html
    assert "1 module assigned and not passed by its due date" in html
    assert html.count("<h1") == 1


def test_borough_support_gets_a_table_per_borough(signed_in, force):
    html = signed_in("borough-support").get(DASHBOARD).content.decode()
    for name in ("Greenwich", "Lewisham", "Southwark"):
        assert f"Completion by module in {name}" in html or f"Nobody in {name}" in html
    assert "Completion compared by borough and unit" in html
    assert "Croydon" not in html.split("<main")[1]


def test_overdue_lists_who_is_late_longest_first(signed_in, force):
    html = signed_in("social-media-team").get(reverse("courses:dashboard_overdue")).content
    html = html.decode()
    assert html.index("Ada Lewis") < html.index("Dan Cross")
    assert "Cat Long" not in html  # past her due date, but passed
    assert re.search(r"Dan Cross.*?<td>3</td>", html, re.S)
    spoc = signed_in("spoc-2").get(reverse("courses:dashboard_overdue")).content.decode()
    assert "Dan Cross" in spoc and "Ada Lewis" not in spoc


def test_passes_per_month_and_per_week(force, demo_users):
    spoc = get_user_model().objects.get(username="spoc")
    scope, today = scope_of(spoc), force.today
    months = PERIOD["365"]
    buckets = passes_over_time(scope, buckets=trend_buckets(months, today), weekly=False)
    assert len(buckets) == 12 and buckets[-1].start == today.replace(day=1)
    expected = {}
    for days in (10, 100):  # Ada's pass and Cat's; Cat's of 400 days ago is too old
        day = today - timedelta(days=days)
        expected[day.replace(day=1)] = expected.get(day.replace(day=1), 0) + 1
    assert {b.start: b.passes for b in buckets if b.passes} == expected
    weeks = passes_over_time(scope, buckets=trend_buckets(PERIOD["30"], today), weekly=True)
    assert sum(b.passes for b in weeks) == 1
    assert all(b.start.weekday() == 0 for b in weeks)


def test_rules_got_wrong_most(force, demo_users):
    spoc = get_user_model().objects.get(username="spoc")
    year = rule_errors(scope_of(spoc), since=PERIOD["365"].since(force.today))
    assert [(r.rule, r.asked, r.wrong, r.percent_wrong) for r in year] == [
        ("red-topic", 2, 2, 100),
        ("court-sentencing-window", 1, 1, 100),
        ("wider-interest", 1, 1, 100),
        ("amber-not-public-domain", 2, 1, 50),
        ("green-topic", 1, 0, 0),
    ]
    quarter = rule_errors(scope_of(spoc), since=PERIOD["90"].since(force.today))
    assert "court-sentencing-window" not in {r.rule for r in quarter}
    croydon = rule_errors(scope_of(get_user_model().objects.get(username="spoc-2")), since=None)
    assert [(r.rule, r.asked, r.wrong) for r in croydon] == [("green-topic", 1, 1)]


def test_rules_page_names_rules_in_plain_words(signed_in, force):
    html = signed_in("spoc").get(reverse("courses:dashboard_rules")).content.decode()
    assert "A red topic" in html and "(red-topic)" in html
    assert "too few answers to judge" in html


def test_module_filter_narrows_every_page(signed_in, force):
    client = signed_in("spoc")
    html = client.get(reverse("courses:dashboard_people"), {"module": force.b.pk}).content
    assert force.a.title not in re.search(r"<thead>.*?</thead>", html.decode(), re.S).group(0)
    html = client.get(DASHBOARD, {"module": force.b.pk}).content.decode()
    assert "Nobody here has any training" not in html and "The RAG table</th>" not in html


# --------------------------------------------------------------------------- charts, markup


def test_charts_have_a_name_a_description_and_a_table_behind_them(signed_in, force):
    html = signed_in("borough-support").get(DASHBOARD).content.decode()
    for chart_id in ("chart-modules", "chart-teams"):
        svg = re.search(rf'<svg class="chart" id="{chart_id}".*?</svg>', html, re.S).group(0)
        assert f'aria-labelledby="{chart_id}-title {chart_id}-desc"' in svg
        assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert '<table class="dash-table" id="table-modules">' in html
    assert re.search(r'role="region" aria-labelledby="table-modules-caption" tabindex="0"', html)
    trends = signed_in("spoc").get(reverse("courses:dashboard_trends")).content.decode()
    assert 'id="chart-trends"' in trends and '<caption id="table-trends-caption">' in trends


def test_chart_markup_escapes_labels_and_sums_to_the_table():
    svg = charts.stacked_bars(
        "c",
        "Title <b>",
        "Desc & more",
        [charts.Series("x", "X", "#000"), charts.Series("y", "Y", "#fff")],
        [("<script>", [1, 3]), ("Empty", [0, 0])],
    )
    assert "<script>" not in svg and "&lt;script&gt; (4)" in svg
    assert "Title &lt;b&gt;" in svg and "Desc &amp; more" in svg
    widths = [
        float(w)
        for w in re.findall(r'<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="16', svg)
    ]
    assert widths[:2] == [charts.WIDTH / 4, charts.WIDTH * 3 / 4]  # 1 of 4, and 3 of 4
    columns = charts.columns("m", "Passes", "d", [(f"M{i}", i) for i in range(12)])
    assert columns.count("<rect") == 12


# --------------------------------------------------------------------------- query counts


def _queries(client, urls) -> dict[str, int]:
    found = {}
    for url in urls:
        client.get(url)  # warm: caches that fill once per process
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
            if response.streaming:
                b"".join(response.streaming_content)
        assert response.status_code == 200, url
        found[url] = len(captured)
    return found


def test_query_counts_do_not_grow_with_the_force(training, signed_in):
    """Every page and every CSV file, for a SPOC (one borough) and the Social Media Team (the
    force, every team compared): the same queries for 10 officers as for 10,000."""
    today = timezone.localdate()
    keys = ("rag-table", "court-and-images", "roles-and-contacts")
    shown = [training.modules[key] for key in keys]
    lewisham = borough("lewisham")
    urls = PAGES + [
        reverse("courses:dashboard_export", args=[table])
        for table in ("modules", "teams", "team-modules", "people", "overdue", "trends", "rules")
    ]
    urls += [url + "?module=" + str(shown[0].pk) for url in PAGES]

    def measure() -> dict:
        return {who: _queries(signed_in(who), urls) for who in ("spoc", "social-media-team")}

    bulk_force(10, place=lewisham, modules=shown, quiz=shown[0].quiz, today=today, prefix="s")
    small = measure()
    bulk_force(9_990, place=lewisham, modules=shown, quiz=shown[0].quiz, today=today, prefix="l")
    assert get_user_model().objects.filter(profile__borough=lewisham).count() >= 10_000
    large = measure()
    assert large == small
    print("queries (10 officers, then 10,000):", small, large)
