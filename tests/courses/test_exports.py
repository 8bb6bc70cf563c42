"""CSV exports of the dashboard tables: streamed, scoped like the pages, the same rows as the
pages, named after the scope and the day, and never a formula in a spreadsheet."""

import csv
import io
import re

import pytest
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone

from courses.dashboards.exports import guarded

from .dashboard_helpers import borough, person, record, small_force

pytestmark = pytest.mark.django_db


@pytest.fixture
def force(training, demo_users):
    return small_force(training, timezone.localdate())


def export_url(table: str) -> str:
    return reverse("courses:dashboard_export", args=[table])


def rows_of(response) -> list[list[str]]:
    assert isinstance(response, StreamingHttpResponse)
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def page_rows(html: str, table_id: str) -> list[list[str]]:
    """The cells of a page's table, as text, row by row (header row excluded)."""
    table = re.search(rf'<table class="dash-table" id="{table_id}">(.*?)</table>', html, re.S)
    body = re.search(r"<tbody>(.*?)</tbody>", table.group(1), re.S).group(1)
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        rows.append([re.sub(r"<[^>]+>", "", cell).strip() for cell in cells])
    return rows


def test_exports_are_streamed_with_a_header_and_a_named_file(signed_in, force):
    response = signed_in("spoc").get(export_url("people"))
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="completion-by-person-lewisham-{today}.csv"'
    )
    header = rows_of(response)[0]
    assert header[:3] == ["Name", "Username", "Borough or unit"]
    smt = signed_in("social-media-team").get(export_url("modules"), {"team": "borough-croydon"})
    assert f'filename="completion-by-module-croydon-{today}.csv"' in smt["Content-Disposition"]
    whole = signed_in("social-media-team").get(export_url("overdue"))
    assert f'filename="overdue-whole-force-{today}.csv"' in whole["Content-Disposition"]


def test_people_csv_has_the_same_rows_as_the_page(signed_in, force):
    client = signed_in("spoc")
    html = client.get(reverse("courses:dashboard_people")).content.decode()
    on_page = [
        [re.sub(r"\s*\(.*\)$", "", row[0]), *row[1:]] for row in page_rows(html, "table-people")
    ]
    in_file = rows_of(client.get(export_url("people")))[1:]
    assert [[row[0], *row[2:]] for row in in_file] == on_page
    names = [row[0] for row in in_file]
    assert {"Ada Lewis", "Ben Lamb", "Cat Long"} <= set(names)
    ada = next(row for row in in_file if row[0] == "Ada Lewis")
    assert ada[1:] == ["ada", "Lewisham", "Passed", "Overdue", "Not assigned"]


def test_module_and_overdue_csvs_match_the_pages(signed_in, force):
    client = signed_in("borough-support")
    html = client.get(reverse("courses:dashboard")).content.decode()
    page = [row[:-1] + [row[-1].rstrip("%")] for row in page_rows(html, "table-modules")]
    assert rows_of(client.get(export_url("modules")))[1:] == page
    assert page[0] == [force.a.title, "4", "4", "1", "1", "0", "1", "1", "0", "50"]
    teams = rows_of(client.get(export_url("teams")))
    assert [row[0] for row in teams[1:]] == ["Greenwich", "Lewisham", "Southwark"]
    per_team = rows_of(client.get(export_url("team-modules")))[1:]
    assert [row[:2] for row in per_team] == [
        ["Greenwich", force.a.title],
        ["Lewisham", force.a.title],
        ["Lewisham", force.b.title],
    ]
    overdue_html = client.get(reverse("courses:dashboard_overdue")).content.decode()
    overdue_page = page_rows(overdue_html, "table-overdue")
    overdue_file = rows_of(client.get(export_url("overdue")))
    assert overdue_file[0] == [
        "Name",
        "Username",
        "Borough or unit",
        "Module",
        "Due date",
        "Days overdue",
    ]
    assert [[r[0], r[2], r[3], r[5]] for r in overdue_file[1:]] == [
        [re.sub(r"\s*\(.*\)$", "", r[0]), r[1], r[2], r[4]] for r in overdue_page
    ]
    assert [r[0] for r in overdue_file[1:]] == ["Ada Lewis"]


def test_trend_and_rule_csvs_follow_the_filters(signed_in, force):
    client = signed_in("spoc")
    trends = rows_of(client.get(export_url("trends")))
    assert trends[0] == ["Month starting", "Period", "Passes"] and len(trends) == 13
    assert sum(int(row[2]) for row in trends[1:]) == 2
    weekly = rows_of(client.get(export_url("trends"), {"period": "30"}))
    assert weekly[0][0] == "Week starting" and sum(int(row[2]) for row in weekly[1:]) == 1
    rules = rows_of(client.get(export_url("rules")))
    assert [row[0] for row in rules[1:]] == [
        "red-topic",
        "court-sentencing-window",
        "wider-interest",
        "amber-not-public-domain",
        "green-topic",
    ]
    assert rules[1] == ["red-topic", "A red topic", "2", "2", "100", "no"]
    quarter = rows_of(client.get(export_url("rules"), {"period": "90"}))
    assert "court-sentencing-window" not in [row[0] for row in quarter]
    one_module = rows_of(client.get(export_url("people"), {"module": force.b.pk}))
    assert one_module[0] == ["Name", "Username", "Borough or unit", force.b.title]


@pytest.mark.parametrize(
    "username, never",
    [
        ("spoc", ("Dan Cross", "Eve Croft", "Gus Green", "Uma Unwin")),
        ("spoc-2", ("Ada Lewis", "Ben Lamb", "Cat Long", "Gus Green", "Uma Unwin")),
        ("borough-support", ("Dan Cross", "Eve Croft", "Uma Unwin")),
    ],
)
def test_no_file_holds_another_boroughs_people(signed_in, force, username, never):
    client = signed_in(username)
    for table in ("people", "overdue", "modules", "teams", "team-modules", "trends", "rules"):
        text = "\n".join(",".join(row) for row in rows_of(client.get(export_url(table))))
        for name in never:
            assert name not in text, (table, name)
    refused = client.get(export_url("people"), {"team": "borough-hackney"})
    assert refused.status_code == 400
    assert "You can only choose a borough or unit" in refused.content.decode()


def test_who_may_export(client, signed_in, force):
    assert client.get(export_url("people")).status_code == 302
    for username in ("officer", "press-bureau", "editor"):
        assert signed_in(username).get(export_url("people")).status_code == 403
    assert signed_in("spoc").get(export_url("nothing")).status_code == 404


def test_formulas_are_never_written(signed_in, force, training):
    sly = person("=cmd", '=HYPERLINK("http://x")', "+Smith", place=borough("lewisham"))
    record(sly, training.modules["rag-table"], due=timezone.localdate())
    rows = rows_of(signed_in("spoc").get(export_url("people")))
    row = next(row for row in rows if "Smith" in row[0])
    assert row[0] == '\'=HYPERLINK("http://x") +Smith'
    assert row[1] == "'=cmd"
    for value in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert guarded(value) == "'" + value
    assert guarded("Ada") == "Ada" and guarded(5) == 5
