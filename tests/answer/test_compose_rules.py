"""Rules of composing an answer from a table, on one small release: a row that is itself a change
(comparable sales) answers "growth" with its own figure; a ratio divides amounts by amounts, never by a
row of percentages of the same name; a segment the release prints is not taken for another company;
a row of percentages never answers an amount."""

from __future__ import annotations

import pytest

from tests.answer.conftest import asker, first

RELEASE = """Burger Corp Reports First Quarter 2025 Results

CHICAGO -- Burger Corp (NYSE: BGR) today reported results for the quarter ended March 31, 2025.

COMPARABLE SALES
                                                  Increase/(Decrease)
                                              Quarters Ended March 31,
                                                   2025          2024
 Revenues
 U.S.                                              12.6 %         3.5 %
 Frito Foods North America                         10.1           8.2
 Total                                             11.8 %         9.9 %

CONDENSED CONSOLIDATED STATEMENT OF INCOME
Dollars in millions, except per share data

 Quarters Ended March 31,                              2025        2024
 Revenues
 Sales by company-operated restaurants            $ 2,224.3   $ 2,302.4
 Revenues from franchised restaurants               3,587.5     3,262.8
 TOTAL REVENUES                                     5,811.8     5,565.2
 Operating costs and expenses                       3,279.4     3,252.6
 OPERATING INCOME                                   2,532.4     2,312.6
"""


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    return asker(tmp_path_factory.mktemp("burger"), "burger", RELEASE)


def test_comparable_sales_growth_is_the_rows_own_figure(ask) -> None:
    answer = ask("What was Burger Corp's U.S. comparable sales growth in the first quarter of 2025?")
    assert answer.figures and answer.figures[0].value == pytest.approx(12.6), answer.text


def test_operating_margin_divides_amounts(ask) -> None:
    answer = ask("What was Burger Corp's operating margin in the first quarter of 2025?")
    assert answer.figures and answer.figures[0].value == pytest.approx(2532.4 / 5811.8 * 100, rel=1e-3)


def test_a_segment_the_release_prints_is_not_another_company(ask) -> None:
    answer = ask("What was Frito Foods North America's comparable sales growth in 2025?")
    assert "index holds no release" not in answer.text
    assert answer.figures and answer.figures[0].value == pytest.approx(10.1), answer.text


def test_an_amount_is_not_answered_with_a_percentage(ask) -> None:
    answer = ask("What were Burger Corp's total revenues in the first quarter of 2025?")
    assert answer.figures and answer.figures[0].value == pytest.approx(5_811_800_000), answer.text


@pytest.mark.parametrize("question", [
    "What percentage of Burger Corp's total revenues came from operating costs in 2025?",
    "What portion of Burger Corp's operating costs and expenses are percent of the total?",
    "What is the ratio of Burger Corp's total revenues in 2025 to 2024?",
])
def test_a_percentage_is_not_answered_with_an_amount(ask, question: str) -> None:
    answer = ask(question)
    if answer.figures:  # the percentage, with the amounts it is computed from after it
        assert answer.figures[0].unit in ("percent", "ratio"), answer.text
    else:
        assert answer.text.startswith("The release does not say it as a percentage"), answer.text


def test_a_change_of_a_period_not_printed_is_not_answered_with_a_level(ask) -> None:
    answer = ask("What was the percentage decrease in Burger Corp's operating costs from 2022 to 2023?")
    assert not answer.figures, answer.text


def test_the_current_portion_is_an_amount(ask) -> None:
    from bot.answer.select import PERCENT_ASKED

    assert not PERCENT_ASKED.search("long-term debt excluding the current portion")
    assert PERCENT_ASKED.search("what portion of total assets are intangible assets?")


def test_a_change_with_no_earlier_period_is_not_answered_with_the_level(ask) -> None:
    # 2024 is the comparative column: nothing before it to compare with
    answer = ask("How much did Burger Corp's total revenues grow in the first quarter of 2024?")
    assert not answer.answerable and not answer.figures
    assert answer.text.startswith("The release does not give total revenues for a period before")
    assert "cannot say how it changed" in answer.text and "$5.6 billion" in answer.text


BALANCES = """Orchard Devices Reports Third Quarter Fiscal 2026 Results

CUPERTINO -- Orchard Devices Inc. (NASDAQ: ORCH) today reported results for its fiscal 2026 third quarter
ended June 27, 2026. Results include a charge for the restructuring of the services business.

CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS (In millions)
                                            Three Months Ended
                                       June 27, 2026    June 28, 2025
 Net sales                                   94,036           85,777
 Restructuring                                   42                0
 Operating income                            28,202           23,132

CONDENSED CONSOLIDATED BALANCE SHEETS (In millions)
                                       June 27, 2026    September 27, 2025
 Inventories                                 11,092            5,718
 Total current assets                       150,000          140,000
"""


@pytest.fixture(scope="module")
def ask_orchard(tmp_path_factory):
    return asker(tmp_path_factory.mktemp("orchard"), "orchard", BALANCES)


@pytest.mark.parametrize("question", [
    "Orchard inventories change since September",
    "How did Orchard's inventories change from September 27, 2025?",
])
def test_a_change_since_a_date_runs_from_that_date_to_the_release(ask_orchard, question: str) -> None:
    answer = ask_orchard(question)
    assert answer.figures and round(answer.figures[0].value / 1e6) == 5374, answer.text
    assert "from September 27, 2025 to June 27, 2026" in answer.text


def test_charge_is_not_a_word_the_row_must_print(ask_orchard) -> None:
    answer = ask_orchard("Orchard restructuring charge in the quarter")
    assert answer.figures and answer.figures[0].value == 42e6, answer.text


def test_a_small_share_of_revenue_keeps_its_decimal(tmp_path) -> None:
    # 2.56% is not "3% of revenue"
    from tests.reader.test_week_periods import RELEASE as WEXFORD  # 1,380 of 54,000 revenue

    answer = asker(tmp_path, "wexford", WEXFORD)("Wexford net income in the quarter")
    assert first(answer) == 1380e6, answer.text
    assert "2.6% of revenue" in answer.text
