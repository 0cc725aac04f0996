"""Growth in constant currency: asked so ("in constant currencies", "FX-neutral", "excluding currency
translation"), only a source that says so answers (a column headed so, or the words of the narrative
right after the figure); asked plainly, never that source. Growth is a rate, and a narrative "increased
4%" never vouches for a fall of 4%."""

from __future__ import annotations

import pytest

from bot.checks.answers import direction
from bot.checks.status import CheckStatus
from index.reader.claims import find_claims
from tests.answer.conftest import asker, first

RELEASE = """Burger Corp Reports First Quarter 2023 Results

CHICAGO -- Burger Corp (NYSE: BGR) today reported results for the quarter ended March 31, 2023.
Consolidated revenues increased 4% (8% in constant currencies) to $5.90 billion. Consolidated
operating income increased 10% (14% in constant currencies). Revenue was up 4% on an as-reported
basis and up 9% on a foreign exchange (FX) neutral basis in Europe. Delivery revenue was $346 million,
up 5% from the previous quarter and up 37% from a year ago. Licensing revenues were $90 million, up by
4.0% year-over-year and up by 1.3% sequentially.

CONDENSED CONSOLIDATED STATEMENT OF INCOME
Dollars in millions

                                                                                  Inc/ (Dec)
                                                                                 Excluding
                                                                                 Currency
 Quarters Ended March 31,           2023        2022       Inc/ (Dec)           Translation
 TOTAL REVENUES                  5,897.8     5,665.6     232.2      4 %              8 %
 Operating costs and expenses    3,279.4     3,252.6      26.8      1               5
 OPERATING INCOME                2,618.4     2,413.0     205.4     10 %             14 %

NET REVENUE RECONCILIATION (YEAR TO DATE)
                                 Twelve Months Ended
                                      March 31,             Reported        Organic
                                   2023        2022         % Change        % Change
 Europe net revenue                 900.0       800.0         12.5            10.0
 Asia net revenue                   450.0       400.0         12.5             9.0
 Total net revenue                1,350.0     1,200.0         12.5             9.7
"""


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    return asker(tmp_path_factory.mktemp("currency"), "burger", RELEASE)


@pytest.mark.parametrize(("question", "value"), [
    ("Burger revenue growth in constant currencies?", 8),
    ("What was Burger's FX-neutral revenue growth?", 8),
    ("Burger operating income increase excluding currency translation?", 14),
    ("How much did Burger's operating income grow in Q1 2023 in constant currencies?", 14),
])
def test_constant_currency_asked(ask, question: str, value: float) -> None:
    answer = ask(question)
    assert first(answer) == pytest.approx(value), answer.text
    assert answer.figures[0].check == CheckStatus.VERIFIED  # the narrative states the same figure


@pytest.mark.parametrize(("question", "value"), [
    ("How much did Burger's delivery revenue grow year over year?", 37),
    ("Burger delivery revenue growth from the previous quarter?", 5),
    ("Burger licensing revenue growth y/y?", 4),
    ("Burger licensing revenue growth sequentially?", 1.3),
])
def test_a_stated_rate_over_the_base_asked(ask, question: str, value: float) -> None:
    answer = ask(question)
    assert first(answer) == pytest.approx(value), answer.text


def test_growth_asked_plainly_is_the_reported_rate(ask) -> None:
    answer = ask("Burger revenue growth?")
    assert answer.figures[0].value == pytest.approx((5897.8 - 5665.6) / 5665.6 * 100, rel=1e-3)
    assert not any(f.value == 8 for f in answer.figures)


@pytest.mark.parametrize(("sentence", "sign"), [
    ("Revenues increased 4% to $5.9 billion.", 1),
    ("GMV was down 2% on an FX-Neutral basis.", -1),
    ("Gross margin was 44%.", 0),
])
def test_the_direction_a_sentence_gives_a_figure(sentence: str, sign: int) -> None:
    claim = next(c for c in find_claims(sentence) if c.kind == "percent")
    assert direction(claim) == sign


def test_a_change_column_is_of_its_tables_length(ask) -> None:
    # "Organic % Change" beside twelve-month columns is the twelve months' change, never the quarter's
    assert not ask("Burger Europe organic revenue growth in the first quarter?").figures
    answer = ask("Burger Europe organic revenue growth for the twelve months?")
    assert answer.figures and answer.figures[0].value == pytest.approx(10)


TAIWAN = """Chip Assembly Holding Reports Fourth Quarter 2024 Results

TAIPEI -- Chip Assembly Holding Co., Ltd. (NYSE: CAH) today reported results for the fourth quarter of
2024 ended December 31, 2024. Capital expenditures in 4Q24 totaled US$640 million.

CONSOLIDATED STATEMENTS OF CASH FLOWS (In NT$ millions)
                                        Three Months Ended
                                   December 31, 2024    December 31, 2023
 Net income                                15,000               12,000
 Payments for property and equipment      (31,546)             (11,859)
 Net cash used in investing activities    (30,000)             (11,000)
"""


@pytest.fixture(scope="module")
def ask_taiwan(tmp_path_factory):
    return asker(tmp_path_factory.mktemp("taiwan"), "chip", TAIWAN)


def test_a_figure_asked_in_another_currency_comes_only_from_a_source_in_it(ask_taiwan) -> None:
    answer = ask_taiwan("Chip Assembly's capital expenditures in 4Q24 in US dollars?")
    assert first(answer) == pytest.approx(640e6)
    assert answer.figures[0].unit == "USD"
    # asked plainly, the statement's NT$ figure answers
    assert ask_taiwan("Chip Assembly payments for property and equipment in 4Q24?").figures[0].unit == "TWD"


def test_no_figure_when_none_is_printed_in_the_currency_asked(ask_taiwan) -> None:
    answer = ask_taiwan("Chip Assembly net income in 4Q24 in US dollars?")
    assert not answer.figures, answer.text
