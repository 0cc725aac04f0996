"""A table of changes whose columns name no period ("Reported % Change", "Foreign Exchange Translation",
"Organic % Change") under a title that does ("Summary Fourth-Quarter 2022 Performance", "Summary
Full-Year 2022 Performance"): every column is of the title's period, so the quarter's and the year's
rows are told apart."""

from __future__ import annotations

from datetime import date

import pytest

from index.reader.load import Source
from index.reader.release import read_source
from tests.answer.conftest import asker, first

RELEASE = """Orchard Foods Reports Fourth Quarter 2022 Results

PURCHASE, N.Y. -- Orchard Foods, Inc. (NASDAQ: ORCH) today reported results for the fourth quarter ended
December 31, 2022. Net revenue was $28.0 billion.

Summary Fourth-Quarter 2022 Performance

                            Reported    Foreign      Organic
                               %        Exchange        %
                            Change    Translation    Change
 Snacks North America          25          1            18
 Latin America                 21         (2)           19
 Europe                        (2)         8            12
 Total                         11          3            15

Summary Full-Year 2022 Performance

                            Reported    Foreign      Organic
                               %        Exchange        %
                            Change    Translation    Change
 Snacks North America          19          -            17
 Latin America                 23          -            22
 Europe                        (3)         9            11
 Total                          9          3            14

CONSOLIDATED STATEMENT OF INCOME (in millions)
                                          Quarter Ended
                                  12/31/2022          12/25/2021
 Net revenue                        $ 28,000            $ 25,248
 Operating profit                      1,235               3,882
"""


def test_each_table_takes_the_period_its_title_names() -> None:
    doc = read_source(Source("orchard.txt", "orchard", "text", RELEASE, "0"))
    organic = {(f.period.months if f.period else None): f.value for f in doc.facts
               if f.label == "Latin America" and "Organic" in f.column}
    assert organic == {3: 19, 12: 22}
    assert all(f.period is not None and f.period.end == date(2022, 12, 31) for f in doc.facts
               if f.label == "Latin America")


@pytest.mark.parametrize(("question", "value"), [
    ("Orchard Latin America organic % change in Q4", 19),
    ("Orchard Latin America organic % change for the full year 2022", 22),
])
def test_the_quarter_and_the_year_are_told_apart(tmp_path, question: str, value: float) -> None:
    assert first(asker(tmp_path, "orchard", RELEASE)(question)) == pytest.approx(value)
