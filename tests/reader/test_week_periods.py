"""A retail calendar's column ("12 Weeks Ended November 20, 2025") is the quarter when periods are matched,
and is said as printed: "the 12 weeks ended November 20, 2025", never "the three months"; the weeks
survive the index."""

from __future__ import annotations

from datetime import date

from index.reader.load import Source
from index.reader.periods import Period, duration_months, duration_weeks
from index.reader.release import read_source
from index.store.serialize import dump_document, load_document
from tests.answer.conftest import asker, first

RELEASE = """Wexford Stores Reports First Quarter Results

ISSAQUAH, Wash. -- Wexford Stores, Inc. today reported results for the quarter ended November 20, 2025.

CONDENSED CONSOLIDATED STATEMENTS OF INCOME (in millions)
                                              12 Weeks Ended
                                              November 20,   November 21,
                                                  2025           2024
Total revenue                                   54,000         50,000
Net income                                       1,380          1,300

CONDENSED CONSOLIDATED BALANCE SHEETS (in millions)
                                              November 20,    August 31,
                                                  2025           2025
Total assets                                    70,000         68,000
"""


def test_weeks_are_named_and_said() -> None:
    assert duration_weeks("12 Weeks Ended November 20, 2025") == 12
    assert duration_months("12 Weeks Ended November 20, 2025") == 3
    assert duration_weeks("Thirty-Nine Weeks Ended") == 39
    assert duration_weeks("Three Months Ended") is None
    assert duration_weeks("13 weeks ended, year to date: fiscal year") is None  # the last length named
    p = Period(date(2025, 11, 20), 3, weeks=12)
    assert p.describe() == "the 12 weeks ended November 20, 2025"
    assert p.start == date(2025, 8, 29)
    assert p == Period(date(2025, 11, 20), 3)  # the quarter, when periods are matched


def test_a_week_column_keeps_its_weeks_through_the_index() -> None:
    doc = read_source(Source("wexford.txt", "wexford", "text", RELEASE, "0"))
    fact = next(f for f in doc.facts if f.label == "Net income" and f.period and f.period.end.year == 2025)
    assert fact.period is not None and fact.period.weeks == 12 and fact.period.months == 3
    balance = next(f for f in doc.facts if f.label == "Total assets")
    assert balance.period is not None and balance.period.weeks is None
    again = load_document(dump_document(doc))
    kept = next(f for f in again.facts if f.line == fact.line and f.column == fact.column)
    assert kept.period is not None and kept.period.weeks == 12


def test_an_answer_says_the_weeks(tmp_path) -> None:
    answer = asker(tmp_path, "wexford", RELEASE)("Wexford net income in the first quarter")
    assert first(answer) == 1380e6, answer.text
    assert "the 12 weeks ended November 20, 2025" in answer.text
    assert "three months" not in answer.text
