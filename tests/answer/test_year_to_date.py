"""Wordings from analysts' questions on a third-quarter release of our own: "year to date" is as long as
the release's fiscal year has run (nine months at a third quarter), never a fixed six months; an item "as %
of net sales" is computed against a revenue row printed with a qualifier ("SALES, Net of returns"); "gross
margin as % of sales" is the margin itself; "net income from continuing operations" answers "net income"
before an operating-income row does ("operations" there is not the "operating" of operating income)."""

from __future__ import annotations

import pytest

from bot.answer.question import parse_question
from tests.answer.conftest import asker, first

RELEASE = """Harbor Outfitters Reports Third Quarter Fiscal 2025 Results

KEARNEY, Neb. -- Harbor Outfitters, Inc. today reported results for the third quarter of fiscal 2025, the
thirteen weeks ended November 1, 2025.

CONSOLIDATED STATEMENTS OF INCOME (Amounts in Thousands)
                                   Thirteen Weeks Ended           Thirty-Nine Weeks Ended
                               November 1,    November 2,     November 1,    November 2,
                                  2025           2024            2025           2024
SALES, Net of returns and allowances   300,000    280,000         840,000        800,000
COST OF SALES                          160,000    150,000         450,000        430,000
Gross profit                           140,000    130,000         390,000        370,000
Operating income                        52,000     47,000         141,000        130,000
Net income from continuing operations   40,000     36,000         108,000        100,000

RECONCILIATION OF NON-GAAP MEASURES (Amounts in Thousands)
                                                    Thirteen Weeks Ended
                                                 November 1,   November 2,
                                                    2025          2024
Non-GAAP operating income                          55,000        50,000
Non-GAAP net income from continuing operations     43,000        39,000
"""


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    return asker(tmp_path_factory.mktemp("harbor"), "harbor", RELEASE)


def test_year_to_date_is_left_to_the_release() -> None:
    for text in ("Harbor YTD net income", "net sales year to date", "fiscal year-to-date sales"):
        spec = parse_question(text).period
        assert spec.to_date and spec.months is None, text
    assert parse_question("net income for the first half").period.months == 6


@pytest.mark.parametrize(("question", "value"), [
    ("Harbor YTD net income", 108_000_000),
    ("What were net sales year to date?", 840_000_000),
    ("YTD net income last year", 100_000_000),
    ("net income for the quarter", 40_000_000),
])
def test_year_to_date_at_a_third_quarter_is_nine_months(ask, question: str, value: float) -> None:
    answer = ask(question)
    assert first(answer) == value
    if "YTD" in question or "year to date" in question:
        assert "nine months" in answer.text


@pytest.mark.parametrize(("question", "percent"), [
    ("Harbor gross profit as % of net sales Q3", 140 / 300 * 100),
    ("gross profit as a percentage of sales for the nine months", 390 / 840 * 100),
    ("Harbor gross margin Q3 as % of sales", 140 / 300 * 100),
])
def test_an_item_as_a_share_of_sales_printed_with_a_qualifier(ask, question: str, percent: float) -> None:
    answer = ask(question)
    assert first(answer) == pytest.approx(percent), answer.text
    assert answer.figures[0].unit == "percent"


def test_net_income_from_continuing_operations_is_the_net_income_asked(ask) -> None:
    assert first(ask("What was Harbor's non-GAAP net income in the quarter?")) == 43_000_000
    assert first(ask("What was Harbor's non-GAAP operating income in the quarter?")) == 55_000_000
    assert first(ask("Harbor income from continuing operations this quarter")) == 40_000_000
