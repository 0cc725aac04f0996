"""A period printed on a line of its own over a block of line-item columns ("Quarter Ended 12/31/2025"
over "Gross profit | Operating profit | ... per share") holds for every column of the block; a line that
names two periods is the caption's, not a column's."""

from __future__ import annotations

from datetime import date

from index.reader.load import Source
from index.reader.release import read_source

RELEASE = """Orchard Foods Reports Fourth Quarter 2025 Results

PURCHASE, N.Y. -- Orchard Foods, Inc. (NASDAQ: ORCH) today reported results for the fourth quarter ended
December 31, 2025. Revenue was $9.4 billion.

                        Reconciliation of GAAP and Non-GAAP Information
                    Quarters Ended December 31, 2025 and December 31, 2024
                          (in millions except per share amounts)
                                                       Quarter Ended 12/31/2025
                                                                          Net income
                                              Gross       Operating      per common
                                              profit        profit         share
 Reported, GAAP Measure                      $ 4,576      $ 1,815        $ 0.87
 Restructuring charges                            27          257           0.17
 Core, Non-GAAP Measure                      $ 4,603      $ 2,072        $ 1.04

                                                       Quarter Ended 12/31/2024
                                                                          Net income
                                              Gross       Operating      per common
                                              profit        profit         share
 Reported, GAAP Measure                      $ 4,118      $ 1,562        $ 0.75
 Restructuring charges                            16          114           0.07
 Core, Non-GAAP Measure                      $ 4,134      $ 1,676        $ 0.82
"""


def test_each_block_takes_the_period_printed_over_it() -> None:
    doc = read_source(Source("orchard.txt", "orchard", "text", RELEASE, "0"))
    core = {(f.period.end if f.period else None, f.column.split()[-1]): f.value for f in doc.facts
            if f.label.startswith("Core")}
    assert core[(date(2025, 12, 31), "share")] == 1.04
    assert core[(date(2024, 12, 31), "share")] == 0.82
    assert all(f.period is not None and f.period.months == 3 for f in doc.facts if f.label.startswith("Core"))
