"""Group headings printed on one line over runs of columns ("Revenue" over five columns, "Volume" over
the last two), with no rule line under them: each heading is centred over the columns it spans, so each
column takes the heading it stands under, not only the column the heading's letters touch. And a row of
percentage-point impacts with no period is not the amount asked when a dated row of amounts carries it."""

from __future__ import annotations

import pytest

from index.reader.load import Source
from index.reader.release import read_source
from tests.answer.conftest import asker, first

RELEASE = """Orchard Foods Reports Fourth Quarter 2022 Results

PURCHASE, N.Y. -- Orchard Foods, Inc. (NASDAQ: ORCH) today reported results for the fourth quarter ended
December 31, 2022.

Summary Fourth-Quarter 2022 Performance

                                               Revenue                                  Volume
                       Reported     Foreign      Acquired       Organic        Snacks      Drinks
                       % Change    Exchange      Business      % Change
 Snacks North America        25           1             -            18             2           -
 Latin America               21          (2)            1            19             1           2
 Europe                      (2)          8             -            12            (3)         (1)

                                        Operating Profit
                       Reported         Items       Foreign
                       % Change     Affecting      Exchange
 Snacks North America         9             7             -
 Latin America                5            (3)           (2)

Supplemental Financial Information (in millions)
                                        Quarter Ended
                                  12/31/2022          12/25/2021
 Operating Profit
 Snacks North America              $ 1,803             $ 1,654
 Latin America                         455                 386
"""


def _read():
    return read_source(Source("orchard.txt", "orchard", "text", RELEASE, "0"))


def test_a_group_heading_covers_every_column_it_is_centred_over() -> None:
    columns = {f.column for f in _read().facts
               if f.label == "Latin America" and f.table_title.startswith("Summary")}
    revenue = {c for c in columns if c.startswith("Revenue")}
    volume = {c for c in columns if c.startswith("Volume")}
    assert len(revenue) == 4 and any("Organic" in c for c in revenue)
    assert len(volume) == 2 and not any("Organic" in c for c in volume)


@pytest.mark.parametrize(("question", "value"), [
    ("Orchard Latin America organic revenue growth Q4", 19),
    ("Orchard Snacks North America operating profit Q4 2022", 1_803_000_000),
])
def test_the_heading_and_the_unit_pick_the_row(tmp_path, question: str, value: float) -> None:
    assert first(asker(tmp_path, "orchard", RELEASE)(question)) == pytest.approx(value)
