"""Row matching and fact picking, table-driven on the sample release: the row a question's words name,
and the column for the period asked."""

from __future__ import annotations

from datetime import date

import pytest

from bot.answer.question import parse_question
from bot.answer.select import asks_per_share, best_row, match_rows, pick_fact
from tests.conftest import read

SAMPLE = "capstone-turbine-q1-fy2008.txt"


@pytest.mark.parametrize(("question", "label", "value", "end", "months"), [
    ("What was cost of goods sold?", "Cost of goods sold", 8_088_000, date(2007, 6, 30), 3),
    ("What were total assets?", "Total assets", 85_945_000, date(2007, 6, 30), 0),
    ("What was net loss per share?", "Net loss per share of common stock -- Basic and Diluted", -0.07,
     date(2007, 6, 30), 3),
    ("What were inventories?", "Inventories", 19_439_000, date(2007, 6, 30), 0),
    ("What was gross loss?", "Gross loss", -2_473_000, date(2007, 6, 30), 3),
    ("What was gross loss a year earlier?", "Gross loss", -1_236_000, date(2006, 6, 30), 3),
    ("What were total current liabilities at March 31, 2007?", "Total current liabilities", 14_630_000,
     date(2007, 3, 31), 0),
])
def test_row_and_column(question: str, label: str, value: float, end: date, months: int) -> None:
    doc = read(SAMPLE)
    q = parse_question(question)
    rows = match_rows(doc, q.terms)
    assert rows and rows[0].label == label
    fact = pick_fact(doc, rows[0].facts, q.period)
    assert fact is not None and fact.value == value
    assert fact.period is not None and fact.period.end == end and fact.period.months == months


def test_the_total_outranks_its_part() -> None:
    rows = match_rows(read(SAMPLE), parse_question("What were total assets?").terms)
    labels = [r.label for r in rows]
    assert labels.index("Total assets") < labels.index("Total current assets")


def test_a_period_the_release_does_not_report_picks_nothing() -> None:
    doc = read(SAMPLE)
    q = parse_question("What was revenue for the three months ended June 30, 2005?")
    rows = match_rows(doc, q.terms)
    assert rows and pick_fact(doc, rows[0].facts, q.period) is None


def test_words_that_name_no_row_match_nothing() -> None:
    assert match_rows(read(SAMPLE), parse_question("What was the dividend?").terms) == []


@pytest.mark.parametrize(("text", "wanted"), [("What was EPS?", True), ("earnings per share", True),
                                              ("How many shares were outstanding?", False),
                                              ("What was revenue?", None)])
def test_asks_per_share(text: str, wanted: bool | None) -> None:
    assert asks_per_share(text) is wanted


def test_best_row_prefers_a_row_with_the_period_asked() -> None:
    doc = read(SAMPLE)
    q = parse_question("What was revenue a year earlier?")
    picked = best_row(q, [doc], set(), {})
    assert picked is not None and picked[1].label == "Revenue"


def test_a_row_of_percentages_does_not_answer_an_amount() -> None:
    from bot.answer.question import parse_question
    from bot.answer.select import unit_fits

    amount = parse_question("What was Enterprise revenue in the quarter?")
    assert not unit_fits(amount, "percent") and unit_fits(amount, "USD")
    growth = parse_question("What was comparable sales growth in the quarter?")
    assert unit_fits(growth, "percent")


def test_a_row_under_cost_of_sales_is_not_the_revenue_of_that_name(tmp_path) -> None:
    from bot.answer.pipeline import Pipeline
    from index.reader import read_release
    from tests.conftest import DATA, make_store

    store = make_store(tmp_path / "i")
    store.add(read_release(DATA / "edgar" / "apple_q3_fy2026.htm"))
    answer = Pipeline(store).ask("Apple services revenue?")
    assert answer.figures and answer.figures[0].value == 30_739_000_000, answer.text


def test_a_headcount_is_never_an_amount() -> None:
    from bot.answer.question import parse_question
    from bot.answer.select import unit_fits

    assert not unit_fits(parse_question("Salesforce headcount?"), "USD")
