"""Ratios asked in the words people use: any margin is its item over revenue, a part's gross margin is
its revenue less its cost of sales (when its gross profit is not printed), and a printed rate is found
under the name the question gives it ("non-GAAP tax rate", without "effective")."""

from __future__ import annotations

import pytest

from bot.checks.status import CheckStatus
from tests.answer.conftest import asker, first

RELEASE = """Acme Gadgets Reports Third Quarter Fiscal 2026 Results

CUPERTINO -- Acme Gadgets, Inc. (NASDAQ: AGAD) today reported results for its fiscal 2026 third quarter
ended June 27, 2026.

CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS (in millions, except percentages)
                                                  Three Months Ended
                                        June 27, 2026         June 28, 2025
Net sales:
 Products                                   $ 78,678             $ 66,613
 Services                                     30,739               27,423
 Total net sales                             109,417               94,036
Cost of sales:
 Products                                     47,153               43,620
 Services                                      7,494                6,698
 Total cost of sales                          54,647               50,318
Gross margin                                  54,770               43,718
Operating income                              35,695               28,202
Income before income taxes                    36,267               28,031
Income tax expense                             6,478                4,597
SG&A %                                          19.6 %               18.2 %

Reconciliation of Adjusted EBITDA (in millions)
                                                  Three Months Ended
                                        June 27, 2026         June 28, 2025
 Operating income                           $ 35,695             $ 28,202
 Depreciation and amortization                 3,100                2,900
 Adjusted EBITDA                            $ 38,795             $ 31,102

Non-GAAP reconciliation (in millions)
                                                  Three Months Ended
                                        June 27, 2026         June 28, 2025
 GAAP operating income                      $ 35,695             $ 28,202
 Amortization of intangibles in cost of net revenues   10         8
 Non-GAAP operating income                  $ 35,705             $ 28,210
 Non-GAAP operating margin                     32.6 %               30.0 %
 Income taxes                                  9,000                8,000

Tax rates
                                                  Three Months Ended
                                        June 27, 2026         June 28, 2025
 GAAP tax rate                                 17.0 %               11.0 %
 Non-GAAP tax rate                             15.5 %               12.0 %
"""


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    return asker(tmp_path_factory.mktemp("ratios"), "acme", RELEASE)


def test_any_margin_is_its_item_over_revenue(ask) -> None:
    answer = ask("What was Acme's adjusted EBITDA margin in the quarter?")
    assert first(answer) == pytest.approx(38795 / 109417 * 100)
    assert "35.5%" in answer.text


@pytest.mark.parametrize(("question", "value"), [
    ("Acme Services gross margin percentage?", (30739 - 7494) / 30739 * 100),
    ("What was Acme's Products gross margin a year ago?", (66613 - 43620) / 66613 * 100),
])
def test_a_parts_gross_margin_is_its_revenue_less_its_cost(ask, question: str, value: float) -> None:
    answer = ask(question)
    assert first(answer) == pytest.approx(value)
    assert answer.figures[0].check != CheckStatus.CONTRADICTED  # it follows from the two cells


def test_the_whole_companys_gross_margin_uses_the_printed_gross_margin(ask) -> None:
    assert first(ask("Acme gross margin?")) == pytest.approx(54770 / 109417 * 100)


@pytest.mark.parametrize(("question", "value"), [
    ("Acme non-GAAP tax rate?", 15.5),
    ("Acme GAAP tax rate last year?", 11.0),
])
def test_a_printed_rate_under_the_questions_name(ask, question: str, value: float) -> None:
    assert first(ask(question)) == pytest.approx(value)


def test_a_printed_share_row_is_the_share(ask) -> None:
    assert first(ask("Acme SG&A % of revenue?")) == pytest.approx(19.6)


def test_a_tax_rate_is_of_one_statement(ask) -> None:
    # the reconciliation's "Income taxes" is not the pre-tax income of the statement of operations
    assert first(ask("Acme effective tax rate?")) == pytest.approx(6478 / 36267 * 100)


def test_a_gaap_margin_is_never_the_non_gaap_row_nor_over_a_row_that_merely_names_revenue(ask) -> None:
    answer = ask("Acme GAAP operating margin last year?")
    assert first(answer) == pytest.approx(28202 / 94036 * 100)


TAXES = """Tern Software Reports First Quarter Fiscal 2024 Results

SAN FRANCISCO -- Tern Software, Inc. (NYSE: TERN) today reported results for its fiscal 2024 first quarter
ended April 30, 2023.

CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS (in millions)
                                                          Three Months Ended
                                                      April 30, 2023    April 30, 2022
Total revenues                                                 8,247             7,411
Income (loss) before benefit from (provision for) income taxes   326                 6
Benefit from (provision for) income taxes                       (127)               22
Net income                                                       199                28
"""


@pytest.mark.parametrize(("question", "value"), [
    # named benefit first: a provision prints negative, and is charged at a positive rate
    ("Tern effective tax rate in Q1 FY24?", 127 / 326 * 100),
    # a benefit on a small profit: a negative rate
    ("Tern effective tax rate for the three months ended April 30, 2022?", -22 / 6 * 100),
])
def test_a_tax_rate_is_the_tax_charged_over_pretax_income(tmp_path, question: str, value: float) -> None:
    answer = asker(tmp_path, "tern", TAXES)(question)
    assert first(answer) == pytest.approx(value, rel=1e-6), answer.text


EXPENSES_NEGATIVE = """Wren Semiconductor Reports Fourth Quarter 2024 Results

TAIPEI -- Wren Semiconductor Co. (NYSE: WREN) today reported results for the fourth quarter of 2024.

Consolidated Statements of Comprehensive Income (NT$ in millions)
                                                   4Q24            4Q23
Net revenues                                    162,642         138,000
Income before tax                                11,441           9,000
Income tax expense                               (1,862)         (1,500)
Net income                                        9,579           7,500
"""


def test_an_expense_printed_negative_is_still_an_expense(tmp_path) -> None:
    # "Income tax expense (1,862)" and the income after it, 11,441 - 1,862 = 9,579: the statement adds it
    answer = asker(tmp_path, "wren", EXPENSES_NEGATIVE)("Wren effective tax rate 4Q24?")
    assert first(answer) == pytest.approx(1862 / 11441 * 100, rel=1e-6), answer.text


@pytest.mark.parametrize(("question", "value"), [
    # a margin asked in dollars is an amount: the part's revenue less its cost, or the printed row
    ("What was Acme's services gross margin in dollars for the third quarter of fiscal 2026?", 23_245e6),
    ("Acme total gross margin in dollars, Q3 FY26?", 54_770e6),
])
def test_a_margin_asked_in_dollars_is_an_amount(ask, question: str, value: float) -> None:
    answer = ask(question)
    assert first(answer) == pytest.approx(value), answer.text
    assert answer.figures[0].unit == "USD"
