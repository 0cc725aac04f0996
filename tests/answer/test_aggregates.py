"""Analyst wordings over a multi-year table (from the extqa set's kinds of question, on a release of our
own): an average or a total over the years named is computed from each year's column, never one year's
figure; "increase / (decrease) ... from 2018 to 2019" asks the change; a sentence's level ("decreased to
46%") is not a change; a part ("Subscription revenue") does not answer a question about the total."""

from __future__ import annotations

import pytest

from tests.answer.conftest import asker, first

RELEASE = """Meridian Health Systems Reports Full Year 2019 Results

NEW YORK -- Meridian Health Systems, Inc. (NASDAQ: MHS) today reported results for the year ended
December 31, 2019.

Maintenance revenue increased $0.7 million, or 7.2%, from $9.8 million in the year ended December 31, 2018
to $10.5 million for the year ended December 31, 2019. Subscription revenue increased by $7.2 million, or
19%, in 2019 when compared to 2018. Our overall gross margin percentage decreased to 46% for 2019 from 59%
for 2018.

CONSOLIDATED STATEMENTS OF OPERATIONS (Dollars in thousands)
                                              Year Ended December 31,
                                          2019          2018          2017
 Subscription revenue                   45,100        37,900        30,100
 Maintenance revenue                    10,528         9,825         9,100
 Total revenue                          55,628        47,725        39,200
 Cost of revenue                        30,000        19,600        16,000
 Gross profit                           25,628        28,125        23,200
"""


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    return asker(tmp_path_factory.mktemp("meridian"), "meridian", RELEASE)


@pytest.mark.parametrize(("question", "value"), [
    ("What is the average maintenance revenue in 2018 and 2019?", (10_528_000 + 9_825_000) / 2),
    ("What is the total revenue earned in both 2017 and 2018?", 47_725_000 + 39_200_000),
    ("What is the increase/ (decrease) in maintenance revenue from 2018 to 2019?", 703_000),
])
def test_figures_over_the_years_named(ask, question: str, value: float) -> None:
    assert first(ask(question)) == pytest.approx(value)


def test_an_average_of_a_year_not_printed_is_not_answered(ask) -> None:
    answer = ask("What is the average maintenance revenue in 2015 and 2016?")
    assert not answer.figures and answer.text.startswith("The release does not")


def test_a_level_in_a_sentence_is_not_a_change(ask) -> None:
    answer = ask("How did the percentage change of gross margin from 2018 to 2019?")
    assert not answer.figures or answer.figures[0].value not in (46.0, 59.0)


def test_a_part_does_not_answer_for_the_total(ask) -> None:
    answer = ask("What is the change in Total Revenue between 2018 and 2019 as a percentage?")
    assert first(answer) == pytest.approx((55_628 - 47_725) / 47_725 * 100, rel=1e-3)


OBLIGATIONS = """Meridian Health Systems Reports Full Year 2019 Results

NEW YORK -- Meridian Health Systems, Inc. (NASDAQ: MHS) today reported results for the year ended
December 31, 2019. Revenue was $55.6 million.

CONSOLIDATED STATEMENTS OF OPERATIONS (Dollars in thousands)
                                              Year Ended December 31,
                                                   2019          2018
 Total revenue                                   55,628        47,725
 Net income                                       5,100         4,200

CONTRACTUAL OBLIGATIONS AT DECEMBER 31, 2019 (Dollars in thousands)
                                  Total    Less than 1 year    1-3 years    More than 3 years
 Long-term debt                   1,127             100             400                627
 Operating leases                   369              90             150                129
 Purchase obligations               224             224               -                  -
 Total contractual obligations    1,720             414             550                756
"""


def test_a_part_as_a_percentage_of_a_total_named(tmp_path) -> None:
    ask = asker(tmp_path, "meridian", OBLIGATIONS)
    answer = ask("What percent of total contractual obligations was long-term debt?")
    assert first(answer) == pytest.approx(1_127 / 1_720 * 100, rel=1e-4)
    assert "in the column headed" in answer.text and "Total" in answer.text
