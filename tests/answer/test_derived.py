"""Figures the balance sheet adds up to but does not print: total debt (every borrowing row at the date
asked), net debt (less cash and cash equivalents) and debt to equity, each shown with its parts."""

from __future__ import annotations

import pytest

from bot.checks.status import CheckStatus
from tests.answer.conftest import asker, first

RELEASE = """Borealis Freight Reports Second Quarter 2025 Results

TORONTO -- Borealis Freight Inc. (NYSE: BFR) today reported results for the quarter ended June 30, 2025.
Revenue was $412.0 million.

CONDENSED CONSOLIDATED BALANCE SHEETS (in thousands)
                                                  June 30,    December 31,
                                                      2025            2024
Cash and cash equivalents                         $ 31,500        $ 28,000
Accounts receivable                                 90,000          85,000
Total current assets                               121,500         113,000
Property and equipment, net                        300,000         290,000
Total assets                                     $ 421,500       $ 403,000
Accounts payable                                  $ 40,000        $ 38,000
Current portion of long-term debt                   12,000          11,000
Total current liabilities                           52,000          49,000
Long-term debt, net of current portion             150,000         160,000
Operating lease liabilities                         20,000          21,000
Total liabilities                                  222,000         230,000
Total stockholders' equity                         199,500         173,000
Total liabilities and stockholders' equity       $ 421,500       $ 403,000

CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS (in thousands)
                                              Three Months Ended June 30,
                                                2025              2024
Revenue                                     $ 412,000         $ 380,000
Interest expense on debt                        4,000             4,200
Net income                                     18,000            15,000
"""


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    return asker(tmp_path_factory.mktemp("derived"), "borealis", RELEASE)


@pytest.mark.parametrize(("question", "value"), [
    ("What was Borealis's total debt at June 30, 2025?", 162_000_000),
    ("Borealis total debt at year-end 2024", 171_000_000),
    ("Borealis net debt?", 162_000_000 - 31_500_000),
    ("What was Borealis net debt at December 31, 2024?", 171_000_000 - 28_000_000),
])
def test_debt_is_every_borrowing_row_and_net_debt_takes_off_cash(ask, question: str, value: float) -> None:
    answer = ask(question)
    assert first(answer) == pytest.approx(value)
    assert "Current portion of long-term debt" in answer.text and "lease" not in answer.text
    assert answer.figures[0].check != CheckStatus.CONTRADICTED  # the sum is redone from the cells


@pytest.mark.parametrize("question", ["Borealis debt-to-equity ratio", "Borealis net debt to equity"])
def test_debt_to_equity_divides_total_debt_by_equity(ask, question: str) -> None:
    answer = ask(question)
    assert first(answer) == pytest.approx((162_000 - (31_500 if "net" in question else 0)) / 199_500)
    # redone from the printed rows it is made of: never contradicted by its own arithmetic
    assert answer.figures[0].check != CheckStatus.CONTRADICTED, answer.figures[0].why


def test_a_sum_that_does_not_follow_from_its_cells_is_contradicted() -> None:
    from bot.answer.result import Figure

    fig = Figure("total debt", 100.0, "USD", None, "x", 1, derived=True, basis=(40.0, 50.0), op="+")
    assert fig.recompute() == 90.0
    assert Figure("net debt", 60.0, "USD", None, "x", 1, derived=True, basis=(40.0, 50.0, 30.0),
                  op="net").recompute() == 60.0


def test_a_printed_total_answers_and_a_part_never_does(tmp_path) -> None:
    printed = RELEASE.replace("Operating lease liabilities", "Total debt".ljust(46) + "162,000".rjust(12)
                              + "171,000".rjust(16) + "\nOperating lease liabilities")
    answer = asker(tmp_path, "borealis", printed)("Borealis total debt at June 30, 2025")
    assert first(answer) == pytest.approx(162_000_000)
    assert answer.figures[0].derived is False


def test_a_length_asked_is_never_another_lengths_figure(tmp_path) -> None:
    """"Revenue for full-year 2025" from a release of one quarter: the quarter's revenue is not the
    year's; a balance asked for a year is the balance at its end."""
    ask_ = asker(tmp_path, "borealis", RELEASE)
    assert "does not" in ask_("What was Borealis revenue for full-year 2025?").text
    assert first(ask_("Borealis cash and cash equivalents in 2024")) == pytest.approx(28_000_000)


CASH_FLOWS = RELEASE + """
CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS (in thousands)
                                              Six Months Ended June 30,
                                                  2025            2024
Net income                                     $ 30,000        $ 26,000
Depreciation and amortization                    20,000          18,000
Net cash provided by operating activities        50,000          44,000
Purchases of property and equipment             (12,500)        (10,000)
Net cash used in investing activities           (12,500)        (10,000)
"""


def test_free_cash_flow_is_cash_from_operations_less_capital_expenditures(tmp_path) -> None:
    answer = asker(tmp_path, "borealis", CASH_FLOWS)("What was Borealis free cash flow for the six months?")
    assert first(answer) == pytest.approx(37_500_000)
    assert "Purchases of property and equipment" in answer.text
    assert answer.figures[0].check != CheckStatus.CONTRADICTED


def test_free_cash_flow_from_a_total_of_operating_cash(tmp_path) -> None:
    # Best Buy prints "Total cash provided by (used in) operating activities"
    label = "Net cash provided by operating activities"
    text = CASH_FLOWS.replace(label, "Total cash from operating activities".ljust(len(label)))
    answer = asker(tmp_path, "borealis", text)("Borealis free cash flow YTD?")
    assert first(answer) == pytest.approx(37_500_000), answer.text


HEADED_PARTS = """Gable Foods Reports First Quarter 2023 Results

CHICAGO -- Gable Foods Corporation (NYSE: GBF) today reported results for the quarter ended March 31, 2023.

CONSOLIDATED STATEMENT OF INCOME (In millions)
                                                     Quarters ended March 31,
                                                       2023           2022
REVENUES
  Sales by company-operated restaurants              2,224.3        2,136.6
  Revenues from franchised restaurants               3,623.0        3,505.1
  Total revenues                                     5,898.2        5,665.5
OPERATING COSTS AND EXPENSES
  Company-operated restaurant expenses               1,923.1        1,861.8
  Selling, general & administrative expenses
    Depreciation and amortization                       99.3           92.7
    Other                                              553.3          584.3
  Total operating costs and expenses                 3,251.4        3,192.7
Operating income                                     2,646.8        2,472.8
"""


@pytest.mark.parametrize("question", [
    "What was Gable's total SG&A expense in Q1 2023?",
    "Gable SG&A Q1 2023",
])
def test_an_item_printed_as_a_heading_over_its_parts_is_their_sum(tmp_path, question: str) -> None:
    answer = asker(tmp_path, "gable", HEADED_PARTS)(question)
    assert first(answer) == pytest.approx(652.6e6), answer.text
    assert "Depreciation and amortization" in answer.text and "Other" in answer.text


def test_a_part_asked_is_the_part(tmp_path) -> None:
    answer = asker(tmp_path, "gable", HEADED_PARTS)("Gable depreciation and amortization in SG&A Q1 2023")
    assert first(answer) == pytest.approx(99.3e6), answer.text
