"""What a change is measured against, as the question names it, and the period it is of: "y/y" alone asks
for the rate; "q/q" the quarter before (from the narrative when the tables hold no such column); "vs a
year ago" for a balance is the balance a year earlier, not the fiscal year's end; a date named is that
date; "39 weeks" is the year to date; a year on its own ("revenue 2024") is the year."""

from __future__ import annotations

import pytest

from tests.answer.conftest import asker, first

RELEASE = """Acme Outfitters Reports Fourth Quarter Fiscal 2024 Results

KEARNEY -- Acme Outfitters, Inc. (NYSE: AOUT) today reported results for the fourth quarter of 2024 ended
December 31, 2024. Record quarterly revenue of $300.0 million, up 15% from Q3 and up 22% from a year ago.

CONSOLIDATED STATEMENTS OF INCOME ($ in thousands)
                              Three Months Ended                     Twelve Months Ended
                       December 31, 2024   December 31, 2023   December 31, 2024   December 31, 2023
 Net sales                   $ 300,000           $ 245,900          $ 1,100,000         $ 1,000,000
 Net income                     40,000              36,000              118,000             140,000

CONSOLIDATED BALANCE SHEETS ($ in thousands)
                       December 31, 2024   September 30, 2024   December 31, 2023
 Inventory                     149,351             126,290              152,289
 Receivables, net of $789        4,432               4,100                3,900
 Total assets                  900,000             880,000              850,000
 Current portion of long-term debt  71               1,081                   73
 Long-term debt, excluding CP    6,472               6,484                6,590
"""


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    return asker(tmp_path_factory.mktemp("bases"), "acme", RELEASE)


@pytest.mark.parametrize(("question", "value"), [
    ("Acme net sales y/y", (300_000 - 245_900) / 245_900 * 100),
    ("Acme revenue growth q/q", 15),
    ("How much did Acme's revenue grow sequentially?", 15),
    ("Acme sequential revenue growth", 15),
    ("Acme inventory at December 31, 2024 vs a year ago", 149_351_000 - 152_289_000),
    ("Acme inventory at December 31, 2024 vs September 30, 2024", 149_351_000 - 126_290_000),
    ("Acme net income twelve months y/y change %", (118_000 - 140_000) / 140_000 * 100),
    ("Acme net sales 2024", 1_100_000_000),
])
def test_the_base_and_period_asked(ask, question: str, value: float) -> None:
    assert first(ask(question)) == pytest.approx(value, rel=1e-3)


def test_what_a_label_says_was_taken_out_does_not_name_the_row(ask) -> None:
    # "Receivables, net of $789" is the receivables row, not a figure of $789 printed in its label
    assert first(ask("Acme receivables at December 31, 2024?")) == pytest.approx(4_432_000)
    assert first(ask("Acme receivables at September 30, 2024?")) == pytest.approx(4_100_000)


def test_a_row_is_not_the_allowance_its_label_names(corpus_engine) -> None:
    # "Inventories, net of allowance for inventory reserve of $165 ... and $214 on June 30, 2024"
    assert first(corpus_engine.ask("Luvu inventory at June 30 2024")) == pytest.approx(3_287_000)
    allowance = corpus_engine.ask("Luvu allowance for inventory reserve at June 30, 2024?")
    assert first(allowance) == pytest.approx(214_000)


def test_units_sold_are_a_count_never_the_revenue_of_the_units() -> None:
    from bot.answer.question import parse_question
    from bot.answer.select import asks_count, unit_fits

    assert asks_count("Apple iPhone unit sales Q3")
    assert not unit_fits(parse_question("Apple iPhone unit sales Q3"), "USD")


def test_what_a_label_excludes_does_not_name_the_row(ask) -> None:
    # "Long-term debt, excluding CP" (current portion) is long-term debt; "Current portion of ..." is not
    assert first(ask("Acme long-term debt at December 31, 2024?")) == pytest.approx(6_472_000)
