"""Dates and periods as releases print them, table-driven; the fiscal calendar arithmetic."""

from __future__ import annotations

from datetime import date

import pytest

from index.reader.periods import (
    Period,
    add_months,
    calendar_quarter_end,
    duration_months,
    find_date,
    fiscal_quarter_end,
    fiscal_year_end,
    full_year,
    near,
    quarter_code,
)


@pytest.mark.parametrize(("text", "found"), [
    ("Three Months Ended June 30, 2007", date(2007, 6, 30)),
    ("As of Dec. 31 2024", date(2024, 12, 31)),
    ("12/31/24", date(2024, 12, 31)),
    ("30/6/2019", date(2019, 6, 30)),  # day first: read, not a crash
    ("45/45/2019", None),
    ("31 December 2024", date(2024, 12, 31)),
    ("January 28, 2024 and July 28, 2024", date(2024, 7, 28)),
    ("July 29, 20231", date(2023, 7, 29)),  # a footnote mark run into the year
    ("July 29, 202345", None),
    ("no date here", None),
])
def test_find_date(text: str, found: date | None) -> None:
    assert find_date(text) == found


@pytest.mark.parametrize(("text", "months"), [
    ("Three Months Ended", 3), ("Six months ended", 6), ("Nine Months", 9), ("twelve months", 12),
    ("13 weeks ended", 3), ("Thirty-nine weeks", 9), ("52 Weeks Ended", 12), ("Balance at", None),
])
def test_duration(text: str, months: int | None) -> None:
    assert duration_months(text) == months


@pytest.mark.parametrize(("text", "code"), [("4Q24", (4, 2024)), ("Q2 FY25", (2, 2025)),
                                           ("Q1 2023", (1, 2023)), ("Total", None)])
def test_quarter_code(text: str, code: tuple[int, int] | None) -> None:
    assert quarter_code(text) == code


def test_fiscal_calendar_arithmetic() -> None:
    # NVIDIA: Q2 of fiscal 2025 ended July 28, 2024; its fiscal year ends in late January
    q2 = date(2024, 7, 28)
    assert near(fiscal_quarter_end(q2, (2, 2025), 1, 2025), date(2024, 4, 28))
    assert near(fiscal_quarter_end(q2, (2, 2025), 3, 2024), date(2023, 10, 29))
    assert near(fiscal_year_end(q2, (2, 2025), 2024), date(2024, 1, 28))
    assert calendar_quarter_end(4, 2024) == date(2024, 12, 31)
    assert calendar_quarter_end(1, 2024) == date(2024, 3, 31)


def test_small_helpers() -> None:
    assert full_year("24") == 2024 and full_year("2007") == 2007
    assert near(date(2024, 1, 26), date(2024, 1, 31)) and not near(date(2024, 1, 1), date(2024, 1, 31))
    assert add_months(date(2007, 6, 30), -12) == date(2006, 6, 30)
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert Period(date(2007, 6, 30), 3).describe() == "the three months ended June 30, 2007"
    assert Period(date(2007, 6, 30), 0).describe() == "June 30, 2007"
