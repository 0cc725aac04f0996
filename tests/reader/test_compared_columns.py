"""A column headed by one period set against another ("Three Months Ended April 30, 2023 Compared to Three
Months Ended April 30, 2022") holds the first period's growth, not the second's."""

from __future__ import annotations

from datetime import date

import pytest

from index.reader.load import Source
from index.reader.release import read_source
from tests.answer.conftest import asker, first

RELEASE = """Cloudline Announces First Quarter Fiscal 2024 Results

SAN FRANCISCO -- Cloudline, Inc. (NYSE: CLD) today announced results for its first quarter fiscal 2024 ended
April 30, 2023.

     Revenue constant currency growth rates by geographical region were as follows:
                                  Three Months Ended        Three Months Ended        Three Months Ended
                                     April 30, 2023           January 31, 2023          April 30, 2022
                                Compared to Three Months  Compared to Three Months  Compared to Three Months
                                  Ended April 30, 2022     Ended January 31, 2022     Ended April 30, 2021
 Americas                                 10%                       14%                      21%
 Europe                                   17%                       20%                      39%
 Total growth                             13%                       17%                      26%
"""


def test_the_column_is_the_first_period_compared() -> None:
    doc = read_source(Source("cloudline.txt", "cloudline", "text", RELEASE, "0"))
    europe = {f.period.end: f.value for f in doc.facts if f.label == "Europe" and f.period}
    assert europe == {date(2023, 4, 30): 17, date(2023, 1, 31): 20, date(2022, 4, 30): 39}
    assert all(c.dimension == "" for t in doc.tables for c in t.columns)  # "Compared to" names no segment


@pytest.mark.parametrize(("question", "value"), [
    ("Cloudline Europe revenue constant currency growth in Q1 FY24", 17),
    ("Cloudline Americas constant currency growth for the quarter ended January 31, 2023", 14),
])
def test_growth_asked_for_the_quarter_is_that_quarters(tmp_path, question: str, value: float) -> None:
    assert first(asker(tmp_path, "cloudline", RELEASE)(question)) == pytest.approx(value)
