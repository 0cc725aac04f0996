"""A change in points of a margin or a share ("by how many basis points did SG&A as a percent of sales
change y/y?", "how many points did gross margin fall?"): each level composed for its own period, and the
difference in the unit asked; never one of the levels, and nothing when a level is missing."""

from __future__ import annotations

import pytest

from bot.answer.wording import amount
from tests.answer.conftest import asker

RELEASE = """Acme Clubs Reports First Quarter Fiscal 2023 Results

ISSAQUAH -- Acme Clubs Corporation (NASDAQ: ACLB) today reported results for the first quarter of fiscal
2023 ended November 20, 2022.

CONDENSED CONSOLIDATED STATEMENTS OF INCOME (in millions)
                                        12 Weeks Ended
                                  November 20, 2022   November 21, 2021
 Net sales                             $ 53,437            $ 49,417
 Merchandise costs                       47,769              43,952
 Selling, general and administrative      4,917               4,718
 Operating income                           751                 747
"""


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    return asker(tmp_path_factory.mktemp("points"), "acme", RELEASE)


def test_a_share_change_in_basis_points(ask) -> None:
    answer = ask("By how many basis points did Acme's SG&A as a percent of net sales change y/y in Q1?")
    expected = (4917 / 53437 - 4718 / 49417) * 10_000
    assert answer.figures and answer.figures[0].value == pytest.approx(expected, abs=0.01), answer.text
    assert answer.figures[0].unit == "bps" and "basis points" in answer.text


def test_a_margin_change_in_points(ask) -> None:
    answer = ask("How many percentage points did Acme's operating margin change y/y in Q1?")
    expected = (751 / 53437 - 747 / 49417) * 100
    assert answer.figures and answer.figures[0].value == pytest.approx(expected, abs=0.001), answer.text
    assert answer.figures[0].unit == "points"


def test_no_earlier_period_no_change(ask) -> None:
    # the release prints no quarter before the prior year's: never a level in place of the change
    answer = ask("How many basis points did Acme's operating margin change from fiscal 2021 to fiscal 2022?")
    assert not answer.figures or answer.figures[0].unit in ("bps", "points"), answer.text


def test_points_are_said_as_points() -> None:
    assert amount(-1.5, "points") == "-1.5 percentage points"
