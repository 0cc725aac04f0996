"""Words of the finance lexicon as releases print them: capital expenditures printed as "Investment in
equipment"; a margin is what is left of sales, so a sales row is never a margin's numerator."""

from __future__ import annotations

import pytest

from tests.answer.conftest import asker, first

RELEASE = """Lotus Goods Reports Second Quarter Fiscal 2025 Results

ATLANTA -- Lotus Goods, Inc. (OTCQB: LOTG) today reported results for the second quarter of fiscal 2025
ended December 31, 2024.

CONSOLIDATED STATEMENTS OF OPERATIONS (in thousands)
                                                  Three Months Ended
                                           December 31, 2024   December 31, 2023
 Sales by company-operated stores                  4,000               3,800
 Revenues from franchised stores                   2,000               1,900
 Total revenues                                    6,000               5,700
 Company-operated store expenses                   3,300               3,100
 Operating income                                    900                 850

CONSOLIDATED STATEMENTS OF CASH FLOWS (in thousands)
                                                   Six Months Ended
                                           December 31, 2024   December 31, 2023
 Net cash provided by operating activities         1,200               1,100
 Investment in equipment, software and
   leasehold improvements                             (3)                (39)
"""


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    return asker(tmp_path_factory.mktemp("lexicon"), "lotus", RELEASE)


def test_capex_printed_as_investment_in_equipment(ask) -> None:
    answer = ask("Lotus Goods capex for the six months ended December 31, 2024")
    assert abs(first(answer)) == pytest.approx(3000)


def test_a_sales_row_is_not_a_margin(ask) -> None:
    # "company-operated margin" is what is left of those sales after their expenses, not sales over revenue
    answer = ask("Lotus Goods company-operated store margin in the quarter, percent")
    assert all(f.value != pytest.approx(4000 / 6000 * 100) for f in answer.figures), answer.text


def test_a_parts_margin_is_its_sales_less_its_own_expenses(ask) -> None:
    answer = ask("Lotus Goods company-operated store margin in the quarter, percent")
    assert first(answer) == pytest.approx((4000 - 3300) / 4000 * 100), answer.text
    assert "Company-operated store expenses" in answer.text
