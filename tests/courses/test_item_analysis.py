"""Item analysis: facility, discrimination (top 27% minus bottom 27%) and the flag on what strong
officers get wrong, computed by hand on plain answers, then in the admin, scoped to the people
each trainer sees, and linked from the template."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from courses.dashboards.item_analysis import (
    Answer,
    analyse,
    group_size,
    item_stats,
    judgement,
)
from quizzes.factories import QuizFactory
from scenarios.factories import ScenarioTemplateFactory
from scenarios.models import ScenarioTemplate

from .dashboard_helpers import answered, bank_question, borough, person

SCORES = [5 * i for i in range(1, 21)]  # twenty attempts: 5, 10, … 100


def answers_where(right) -> list[Answer]:
    return [Answer(attempt=i, score=score, correct=right(score)) for i, score in enumerate(SCORES)]


# --------------------------------------------------------------------------- the pure core


@pytest.mark.parametrize(
    "attempts, size", [(0, 0), (1, 0), (2, 1), (3, 1), (4, 1), (10, 3), (20, 5), (100, 27)]
)
def test_group_size_is_27_percent_without_overlap(attempts, size):
    assert group_size(attempts) == size


def test_a_question_strong_officers_get_wrong_is_flagged():
    stats = item_stats(answers_where(lambda score: score <= 50))
    # Right: the ten attempts scoring 5 to 50. Top five (100…80): all wrong; bottom five
    # (5…25): all right.
    assert (stats.answers, stats.attempts, stats.facility) == (20, 20, 0.5)
    assert (stats.top.answers, stats.top.right) == (5, 0)
    assert (stats.bottom.answers, stats.bottom.right) == (5, 5)
    assert stats.discrimination == -1.0
    assert stats.enough and stats.flagged and stats.reversed
    assert judgement(stats) == "Check it: strong officers mostly get it wrong"


def test_a_good_question_discriminates_and_is_not_flagged():
    stats = item_stats(answers_where(lambda score: score >= 30))
    # Right: 30 to 100, fifteen of twenty. Top five all right; bottom five (5…25) all wrong.
    assert stats.facility == 0.75
    assert (stats.top.facility, stats.bottom.facility, stats.discrimination) == (1.0, 0.0, 1.0)
    assert not stats.flagged and not stats.reversed
    assert judgement(stats) == "No concern"


def test_too_few_answers_are_never_judged():
    stats = item_stats([Answer(1, 100, False), Answer(2, 90, False), Answer(3, 10, True)])
    assert stats.top.facility == 0.0 and not stats.enough and not stats.flagged
    assert judgement(stats) == "Too few answers to judge"
    empty = item_stats([])
    assert empty.facility is None and empty.discrimination is None and not empty.flagged


def test_an_attempt_asked_twice_ranks_once_with_both_answers():
    answers = [Answer(1, 90, True), Answer(1, 90, False), Answer(2, 50, True), Answer(3, 10, False)]
    stats = item_stats(answers)
    assert stats.attempts == 3 and stats.answers == 4
    assert (stats.top.answers, stats.top.right) == (2, 1)  # attempt 1, both its answers
    assert (stats.bottom.answers, stats.bottom.right) == (1, 0)  # attempt 3


def test_ties_at_the_edge_are_broken_by_attempt_order():
    answers = [Answer(i, 50, i % 2 == 0) for i in range(8)]
    assert item_stats(answers) == item_stats(list(reversed(answers)))
    assert item_stats(answers).top.right == 1  # attempts 0 and 1 of the tied eight


def test_analyse_keeps_each_item_apart():
    keyed = [("a", a) for a in answers_where(lambda s: s <= 50)]
    keyed += [("b", a) for a in answers_where(lambda s: s >= 30)]
    found = analyse(keyed)
    assert found["a"].flagged and not found["b"].flagged


# --------------------------------------------------------------------------- in the admin


@pytest.fixture
def answered_templates(demo_users):
    """Twenty Lewisham attempts scoring 5 to 100. Template "Stolen bikes" (two questions,
    alternating): right only by attempts scoring 50 or less. Template "Fun run": right by
    attempts scoring 30 or more. Croydon's thirty attempts (score 99) get bikes right."""
    quiz = QuizFactory(question_count=0)
    bikes = ScenarioTemplateFactory(key="stolen-bikes", title="Stolen bikes", publish=False)
    run = ScenarioTemplateFactory(key="fun-run", title="Fun run", publish=False)
    bikes_q = [bank_question(bikes, 1), bank_question(bikes, 2, rating="RED")]
    run_q = bank_question(run, 1)
    lewisham = [person(f"l{i}", "Lew", f"Isham{i}", place=borough("lewisham")) for i in range(4)]
    for i, score in enumerate(SCORES):
        answered(
            lewisham[i % 4],
            quiz,
            score=score,
            answers=[
                (["amber-not-public-domain"], score <= 50, bikes_q[i % 2]),
                (["green-topic"], score >= 30, run_q),
            ],
        )
    croydon = person("c0", "Croy", "Don", place=borough("croydon"))
    for _ in range(30):
        answered(croydon, quiz, score=99, answers=[(["amber-not-public-domain"], True, bikes_q[0])])
    return bikes, run


def row_of(html: str, label: str) -> str:
    return re.search(rf"<tr[^>]*>\s*<th scope=\"row\">(?:<a [^>]*>)?{label}.*?</tr>", html, re.S)[0]


def test_a_spoc_sees_the_template_strong_officers_get_wrong_flagged(signed_in, answered_templates):
    bikes, run = answered_templates
    html = signed_in("spoc").get(reverse("courses_item_analysis")).content.decode()
    assert "Whose answers: <strong>Lewisham</strong>, in assessed quizzes" in html
    bikes_row = row_of(html, "Stolen bikes")
    cells = re.findall(r"<td>(.*?)</td>", bikes_row, re.S)
    assert [re.sub(r"<[^>]+>", "", c).strip() for c in cells] == [
        "20",
        "20",
        "50%",
        "0% of 5",
        "100% of 5",
        "-1.00",
        "Check it: strong officers mostly get it wrong",
    ]
    assert 'class="item-flagged"' in bikes_row
    run_row = row_of(html, "Fun run")
    assert "75%" in run_row and "+1.00" in run_row and "No concern" in run_row
    assert reverse("courses_item_analysis_template", args=[bikes.pk]) in html
    rule_row = row_of(html, "An amber item not yet in the public domain")
    assert "<td>20</td>" in rule_row and "Check it" in rule_row


def test_the_force_sees_everyones_answers(signed_in, answered_templates):
    for username in ("social-media-team", "editor"):
        html = signed_in(username).get(reverse("courses_item_analysis")).content.decode()
        bikes_row = row_of(html, "Stolen bikes")
        assert re.findall(r"<td>(.*?)</td>", bikes_row)[:3] == ["50", "50", "80%"]
        assert "Check it" not in bikes_row  # Croydon's strong officers get it right


def test_spoc_2_sees_only_croydon(signed_in, answered_templates):
    html = signed_in("spoc-2").get(reverse("courses_item_analysis")).content.decode()
    bikes_row = row_of(html, "Stolen bikes")
    assert re.findall(r"<td>(.*?)</td>", bikes_row)[:3] == ["30", "30", "100%"]
    assert "Fun run" not in html


def test_the_template_page_lists_its_questions_with_their_facility(signed_in, answered_templates):
    bikes, _ = answered_templates
    client = signed_in("spoc")
    html = client.get(reverse("courses_item_analysis_template", args=[bikes.pk])).content.decode()
    assert html.count("<h1") == 1
    assert "Check it: strong officers mostly get it wrong." in html
    first = row_of(html, "Question 1 from stolen-bikes")
    # Scores 5, 15 … 95: right at 5 to 45. Top three (95, 85, 75) wrong, bottom three right.
    assert re.findall(r"<td>(.*?)</td>", first)[:3] == ["10", "10", "50%"]
    assert "Too few answers to judge" in first
    assert "RED" in row_of(html, "Question 2 from stolen-bikes")
    inspect = reverse(ScenarioTemplate.snippet_viewset.get_url_name("inspect"), args=[bikes.pk])
    assert inspect in html
    page = client.get(inspect).content.decode()
    assert reverse("courses_item_analysis_template", args=[bikes.pk]) in page


def test_who_may_see_item_analysis(signed_in, answered_templates):
    bikes, _ = answered_templates
    urls = [
        reverse("courses_item_analysis"),
        reverse("courses_item_analysis_template", args=[bikes.pk]),
    ]
    for url in urls:
        assert Client().get(url).status_code == 302  # to the admin's sign-in
        assert signed_in("officer").get(url).status_code == 403
        # The admin answers a refusal by sending staff back to its dashboard, with a message.
        refused = signed_in("press-bureau").get(url)
        assert refused.status_code == 302 and refused["Location"] == reverse("wagtailadmin_home")
        assert signed_in("borough-support").get(url).status_code == 200
    missing = reverse("courses_item_analysis_template", args=[999999])
    assert signed_in("spoc").get(missing).status_code == 404
    bad = signed_in("spoc").get(urls[0], {"period": "forever"})
    assert (
        bad.status_code == 200 and "Choose one of the periods in the list." in bad.content.decode()
    )
    assert "Item analysis" in signed_in("spoc").get(reverse("wagtailadmin_home")).content.decode()
