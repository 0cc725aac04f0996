"""Counts: things a release counts in a table under a "$ in millions" caption are counts, not money; an
item of a list in prose takes the list's noun ("847 warehouses, including ... 107 in Canada"); a
headcount is read past the verb that follows it ("150,000 employees are dedicated to ...")."""

from __future__ import annotations

import pytest

from bot.answer.wording import amount
from tests.answer.conftest import asker, first

RELEASE = """Acme Clubs Reports First Quarter Fiscal 2023 Results

ISSAQUAH -- Acme Clubs Corporation (NASDAQ: ACLB) today reported results for the first quarter of fiscal
2023 ended November 20, 2022.

Acme currently operates 847 warehouses, including 583 in the United States, 107 in Canada and 40 in
Mexico, totaling 125.3 million square feet. Comparable sales (sales of warehouses open at least 12 months)
rose 6.6%. The company is headquartered in a 230,000-square-foot office campus.
Acme's more than 300,000 employees are dedicated to serving members. Our total number of shares
outstanding at the end of the quarter was 1,414,930,537, including treasury stock. Basic earnings per share
of $0.13 were based on 1,324,469,567 weighted average shares outstanding.

Supplemental Operating Data (In millions, except percentages)
                                                  Three Months Ended
                                        November 20, 2022     November 21, 2021
 Active Buyers                                   133                   142
 New store openings, net                           4                    10
 Revenue                                    $ 54,437              $ 50,363
 Net income                                    1,364                 1,324
"""


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    return asker(tmp_path_factory.mktemp("counts"), "acme", RELEASE)


def test_things_counted_under_a_money_caption_are_a_count(ask) -> None:
    answer = ask("How many active buyers did Acme have?")
    assert first(answer) == pytest.approx(133e6)
    assert answer.figures[0].unit == "count"
    assert "133 million" in answer.text and "$" not in answer.text.split(".")[0]


@pytest.mark.parametrize(("question", "value"), [
    ("How many warehouses does Acme have in Canada?", 107),
    # every word of a place named after the figure ("583 in the United States"), not "United" alone
    ("How many Acme warehouses are in the United States?", 583),
    ("How many warehouses does Acme operate?", 847),
    ("How many employees does Acme have?", 300_000),
    # a count at the end of a sentence; not the weighted average, nor the earnings per share
    ("Acme shares outstanding at the end of the quarter?", 1_414_930_537),
])
def test_a_count_stated_in_prose(ask, question: str, value: float) -> None:
    assert first(ask(question)) == pytest.approx(value)


def test_places_are_counted_one_by_one_whatever_the_caption(ask) -> None:
    answer = ask("Acme net new stores in the quarter?")
    assert first(answer) == pytest.approx(4)
    assert answer.figures[0].unit == "count"


def test_a_share_count_is_shares_not_a_per_share_amount() -> None:
    from bot.answer.select import asks_per_share

    assert asks_per_share("NVIDIA diluted share count Q2") is False


def test_a_count_of_millions_is_said_in_millions() -> None:
    assert amount(133e6, "count") == "133 million"
    assert amount(1_250_000, "count") == "1.2 million"
    assert amount(95_492, "count") == "95,492"


@pytest.mark.parametrize(("question", "value"), [
    ("Acme total square footage", 125.3e6),
    ("How many square feet is Acme's headquarters campus?", 230_000),  # "a 230,000-square-foot campus"
])
def test_an_area_stated_in_prose(ask, question: str, value: float) -> None:
    answer = ask(question)
    assert first(answer) == pytest.approx(value), answer.text
    assert answer.figures[0].unit == "count"


def test_the_number_of_places_is_not_the_number_opened(ask) -> None:
    # "New store openings, net" counts openings, not stores; "open at least 12 months" is a length of time
    for question in ("Acme warehouses at quarter end", "Acme warehouse count",
                     "How many warehouses does Acme have?"):
        assert first(ask(question)) == pytest.approx(847), question


REPURCHASE_RELEASE = """Acme Valves Reports Fourth Quarter and Full Year 2024 Results

NORTH ANDOVER, Mass. -- Acme Valves Technologies, Inc. (NYSE: AVT) today reported results for the fourth
quarter and full year ended December 31, 2024.

The Company repurchased approximately 20,000 shares of Class A common stock at an aggregate cost of $4
million during the fourth quarter of 2024. For full year 2024, the Company repurchased approximately 85,000
shares at an aggregate cost of $17 million.
"""


@pytest.mark.parametrize(("question", "value"), [
    ("How many shares did Acme Valves repurchase in full year 2024?", 85_000),
    ("How many shares did Acme Valves buy back in Q4?", 20_000),
])
def test_a_count_over_a_period_is_that_periods(tmp_path, question: str, value: float) -> None:
    # a count has no length of its own, but shares bought "during the fourth quarter" are the quarter's
    assert first(asker(tmp_path, "acme", REPURCHASE_RELEASE)(question)) == pytest.approx(value)
