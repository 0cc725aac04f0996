"""A division table that prints each division under "Net Revenue" and again under "Operating Profit": a
division's operating margin is its profit over its own revenue; "segment earnings" asked is the segment
row, not net income; "gross profit rate" is the gross profit percentage; "adjusted" asks for what a
release prints as "Non-GAAP"."""

from __future__ import annotations

import pytest

from tests.answer.conftest import asker, first

RELEASE = """Orchard Foods Reports Fourth Quarter 2022 Results

PURCHASE, N.Y. -- Orchard Foods, Inc. (NASDAQ: ORCH) today reported results for the fourth quarter ended
December 31, 2022.

Condensed Consolidated Statement of Income (in millions except per share amounts)
                                              Quarter Ended
                                        12/31/2022      12/25/2021
 Net revenue                            $ 11,000        $ 10,000
 Gross profit                              5,500           5,200
 Gross profit %                             50.0%           52.0%
 Net income                                  518             813

Supplemental Financial Information (in millions)
                                              Quarter Ended
                                        12/31/2022      12/25/2021
 Net Revenue
 Snacks North America                  $   7,708       $   6,167
 Latin America                             3,292           3,833
 Total                                    11,000          10,000
 Segment Operating Profit
 Snacks North America                  $   1,803       $   1,654
 Latin America                               421             386
 Segment earnings                          2,224           2,040

Net Income Reconciliation (in millions, except per share data)
                                              Quarter Ended
                                        12/31/2022      12/25/2021
 Reported net income                         518             813
 Items affecting comparability               700             100
 Non-GAAP net income                       1,218             913
 Non-GAAP diluted EPS                     $ 0.88          $ 0.66
"""


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    return asker(tmp_path_factory.mktemp("divisions"), "orchard", RELEASE)


@pytest.mark.parametrize(("question", "value"), [
    ("Orchard Latin America operating margin in Q4 2022", 421 / 3_292 * 100),
    ("Snacks North America operating margin for Orchard's fourth quarter of 2022?", 1_803 / 7_708 * 100),
    ("Orchard gross profit rate Q4 2022?", 50.0),
    ("Orchard adjusted net income Q4 2022?", 1_218e6),
    ("Orchard adjusted diluted EPS Q4 2022?", 0.88),
])
def test_the_item_asked(ask, question: str, value: float) -> None:
    assert first(ask(question)) == pytest.approx(value, rel=1e-3)
