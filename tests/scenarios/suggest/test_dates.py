"""days_since_sentencing: every form of date, relative to a passed-in today (a Friday)."""

from __future__ import annotations

from datetime import date

import pytest

from scenarios.suggest import days_since_sentencing
from tests.scenarios.suggest.conftest import TODAY, assert_verbatim


@pytest.mark.parametrize(
    "text, days",
    [
        ("Lee Carter, 41, was sentenced on 19 November at Wood Green Crown Court.", 1),
        ("He was jailed on 19th Nov 2026 for burglary.", 1),
        ("Jailed on Thursday 19 November for a string of burglaries.", 1),
        ("Sentenced November 19 at Snaresbrook.", 1),
        ("She was sentenced on 19/11/2026.", 1),
        ("Sentenced 19.11.26 at Snaresbrook Crown Court.", 1),
        ("He was given a community order on 19-11-2026.", 1),
        ("He was sentenced yesterday at Croydon Crown Court.", 1),
        ("Jailed today: a burglar who targeted homes in Catford.", 0),
        ("He was sentenced last Friday.", 7),  # today is a Friday: the one before
        ("He was sentenced on Monday.", 4),
        ("He was jailed on Wednesday at the Old Bailey.", 2),
        ("She was jailed for two years at Inner London Crown Court a week ago today.", 7),
        ("Sentenced at Bromley Magistrates' Court eight days ago.", 8),
        ("He was given a two-year community order a fortnight ago.", 14),
        ("Kevin Doyle was sentenced last Thursday, five days ago.", 5),  # the exact one wins
        # yesterday is never "last Thursday": that is the Thursday of the week before
        ("He was sentenced last Thursday.", 8),
        ("He was sentenced on Thursday.", 1),
        ("Tuesday last week at Camberwell Green Mags, Pike was fined £400.", 10),
        ("He was jailed last week on Wednesday.", 9),
        ("On the 3rd of this month the shop was fined £2,000 at Greenwich Mags.", 17),
        ("Jailed on the 30th at Snaresbrook.", 21),  # still to come this month: October's
        ("A boy, 16, got a 12-month referral order at the Youth Court on 18.11.", 2),
        ("Pleaded guilty and got 18 months at Inner London Crown Court on Monday.", 4),
        ("He was given 6 yrs at Woolwich Crown Court on 13 November.", 7),
        ("Sentenced on 25 December.", 330),  # no year: the most recent 25 December
        ("Sentenced on 20 November.", 0),
        ("Jailed on 3 June 2025.", 535),
        # A weekday and a day of the month: this month's, or last month's if still to come.
        ("At the Youth Court on Weds 18th, a 15-year-old was given a referral order.", 2),
        ("Sentenced Thurs 26th at Snaresbrook.", 25),
        ("Earlier today a boy, 17, got a 2-year Detention & Training Order.", 0),
        # "her Saturday job" names no day: the date of sentence is the 2nd.
        ("Sentenced on 2 Nov: 7 years for assaulting a girl on her way to her Saturday job.", 18),
        # the date of another step of the case is not the sentencing date
        ("Convicted on 3 November, Smith was sentenced on 19 November.", 1),
        ("He was arrested yesterday and jailed today.", 0),
        ("Smith appeared at Wood Green Crown Court on 2 November. He was jailed for 4 years.", 18),
    ],
)
def test_days_since_sentencing(text, days):
    found, evidence = days_since_sentencing(text, TODAY)
    assert found == days, evidence
    assert_verbatim(evidence, text)


@pytest.mark.parametrize(
    "text",
    [
        "Smith, arrested on 3 May, was jailed for four years.",
        "He was jailed for burgling a home on 3 May.",
        "He will be sentenced on 19 December.",
        "She is due to be sentenced tomorrow.",
        "He was charged yesterday and appears in court on Monday.",
        "Sentenced at Snaresbrook for robbery.",
        "Jailed on 19 November 2027.",  # in the future: a mistake, not a sentencing
        "Jailed on 31 November.",  # no such day
        "He was jailed for 2.5 years at Snaresbrook.",  # a length, not a date
        "Fined £12.10 for fare evasion.",
        "",
    ],
)
def test_no_sentencing_date(text):
    assert days_since_sentencing(text, TODAY)[0] is None


def test_today_is_passed_in_not_read():
    text = "He was sentenced on Monday, 19 January."
    assert days_since_sentencing(text, date(2026, 1, 20))[0] == 1
    assert days_since_sentencing(text, date(2027, 1, 19))[0] == 0
    assert days_since_sentencing("He was sentenced yesterday.", date(2026, 3, 1))[0] == 1


def test_evidence_quotes_the_verb_and_the_date():
    assert days_since_sentencing("Jailed yesterday at Woolwich.", TODAY) == (
        1,
        "says 'Jailed'; date 'yesterday'",
    )
