"""The change of a balance is measured between balance-sheet dates: from the balances themselves, never
from the cash-flow statement's working-capital line of the same name (whose figures are movements
already), and from the date the question names, written as people write it ("since the end of fiscal
2025", "from Jan 31 to Apr 30, 2026")."""

from __future__ import annotations

from datetime import date

import pytest

from bot.answer.question import dates_asked, parse_question
from tests.answer.conftest import asker, first

RELEASE = """Lantern Goods Reports First Quarter Fiscal 2026 Results

MINNEAPOLIS -- Lantern Goods, Inc. (NASDAQ: LNTN) today reported results for its fiscal 2026 first quarter
ended April 30, 2026.

CONDENSED CONSOLIDATED BALANCE SHEETS (In thousands)
                                        April 30,      January 31,      April 30,
                                          2026            2026            2025
Cash and cash equivalents                 80,000          95,000          70,000
Receivables, net                          40,000          52,000          38,000
Merchandise inventories, net             150,000         120,000         140,000
Total current assets                     270,000         267,000         248,000
Total assets                             500,000         490,000         470,000

CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS (In thousands)
                                                      Three Months Ended
                                                   April 30,     April 30,
                                                     2026          2025
Net income                                           20,000        18,000
Changes in operating assets and liabilities:
  Receivables                                        12,000         4,000
  Merchandise inventories                           (30,000)      (25,000)
Net cash provided by operating activities             2,000         (3,000)
"""


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    return asker(tmp_path_factory.mktemp("lantern"), "lantern", RELEASE)


@pytest.mark.parametrize("question, value", [
    # a year earlier: the balance sheet's year-ago column, not the change of the cash-flow movement
    ("Lantern inventories y/y change?", 10_000_000),
    ("By how much did Lantern's merchandise inventories change year over year?", 10_000_000),
    # between two dates, the first written without its year
    ("Change in Lantern receivables from Jan 31 to Apr 30, 2026?", -12_000_000),
    ("How much did Lantern's receivables change between January 31, 2026 and April 30, 2026?", -12_000_000),
    # since a fiscal year's end
    ("By how much did Lantern's inventories change since the end of fiscal 2025?", 30_000_000),
    ("LNTN cash change since FY25 year-end?", -15_000_000),
])
def test_a_balance_change_is_measured_between_balances(ask, question: str, value: float) -> None:
    answer = ask(question)
    change = next((f for f in answer.figures if f.label.startswith("change in")), None)
    assert change is not None and change.value == value, answer.text
    assert answer.citations and "Changes in operating" not in " ".join(c.text for c in answer.citations)


@pytest.mark.parametrize("question, value", [
    ("Lantern inventories at the end of fiscal 2025?", 120_000_000),
    ("What were Lantern's total assets at the end of fiscal 2025?", 490_000_000),
    ("Lantern total assets fiscal 2025", 490_000_000),
])
def test_a_balance_asked_for_a_fiscal_year_is_its_closing_balance(ask, question: str, value: float) -> None:
    answer = ask(question)
    assert first(answer) == value, answer.text
    assert "January 31, 2026" in answer.text


def test_a_length_named_is_never_a_balance() -> None:
    # "full-year" names a length: no balance answers it
    assert parse_question("Lantern total assets full-year fiscal 2025").period.length_said
    assert parse_question("Lantern inventories at the end of fiscal 2025").period.instant


@pytest.mark.parametrize("text, dates", [
    ("from Jan 31 to Apr 30, 2026", [date(2026, 1, 31), date(2026, 4, 30)]),
    ("from Dec 31 to Mar 31, 2024", [date(2023, 12, 31), date(2024, 3, 31)]),
    ("between May 5 and June 30, 2024", [date(2024, 5, 5), date(2024, 6, 30)]),
    ("at June 30, 2024", [date(2024, 6, 30)]),
    ("from Feb 30 to Mar 31, 2024", [date(2024, 3, 31)]),
])
def test_a_date_without_its_year_takes_the_next_dates(text: str, dates: list[date]) -> None:
    assert dates_asked(text) == dates
