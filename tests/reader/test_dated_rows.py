"""Rows that carry their own date where the column headings carry none ("Net sales December 31, 2024" and
"Net sales December 31, 2023" under "Fourth Quarter Ended | Americas | Europe | Total"): each row's figures
are of the period its label dates, the change rows under the pair are the first (later) period's, and a
date wrapped onto the line of figures ("31,\u00a02023   $ 387.0", with a no-break space) is the label's,
not a column of figures."""

from __future__ import annotations

from datetime import date

import pytest

from index.reader.load import Source
from index.reader.release import read_source
from tests.answer.conftest import asker, first

RELEASE = """Harbor Valve Reports Fourth Quarter 2024 Results

NORTH ANDOVER -- Harbor Valve Technologies, Inc. (NYSE: HVT) today reported results for the fourth quarter
ended December 31, 2024. Net sales were $540.4 million.

SEGMENT INFORMATION - RECONCILIATION OF NET SALES (Amounts in millions)

```
                                 Fourth Quarter Ended
                    -----------------------------------------------
                     Americas       Europe       APMEA       Total
                    ----------      -------      ------      ------

Net sales December
 31,\u00a02024           $    398.0      $108.6      $  33.8      $540.4
Net sales December
 31,\u00a02023                387.0       128.0         32.5       547.5
                        ------       -----       ------       -----
Dollar change       $     11.0      $(19.4)     $   1.3      $(7.1)
Net sales %
 increase
 (decrease)                2.8%      (15.2)%        4.0%      (1.3)%



                                      Year Ended
                    -----------------------------------------------
                    Americas      Europe       APMEA        Total
                    --------      -------      ------      --------

Net sales December
 31, 2023           $1,428.1      $512.1      $ 116.1      $2,056.3
Net sales December
 31, 2022            1,390.0       499.1         90.4       1,979.5
                     -------       -----       ------       -------
Dollar change       $   38.1      $ 13.0      $  25.7      $   76.8
Net sales %
 increase                2.7%        2.6%        28.4%          3.9%
```
"""


def _facts():
    doc = read_source(Source("harbor.txt", "harbor", "text", RELEASE, "0"))
    return {(f.label, f.column.split()[-1], f.period.end if f.period else None,
             f.period.months if f.period else None): f.value for f in doc.facts}


def test_each_row_is_of_the_period_its_label_dates() -> None:
    facts = _facts()
    assert facts[("Net sales", "Europe", date(2024, 12, 31), 3)] == pytest.approx(108.6e6)
    assert facts[("Net sales", "Europe", date(2023, 12, 31), 3)] == pytest.approx(128.0e6)
    assert facts[("Net sales", "Total", date(2022, 12, 31), 12)] == pytest.approx(1979.5e6)
    # the change rows compare the first dated row with the second: the first's period
    assert facts[("Net sales % increase", "Total", date(2023, 12, 31), 12)] == pytest.approx(3.9)


def test_a_wrapped_date_is_no_column_of_figures() -> None:
    assert not any(value in (2022e6, 2023e6, 2024e6, 2022, 2023, 2024) for value in _facts().values())


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    return asker(tmp_path_factory.mktemp("dated"), "harbor", RELEASE)


@pytest.mark.parametrize(("question", "value"), [
    ("Harbor Valve Europe net sales Q4 2024", 108.6e6),
    ("What were Harbor Valve's Americas net sales in the fourth quarter of 2023?", 387.0e6),
    ("Harbor Valve net sales for full year 2022", 1979.5e6),
    # the row chosen has no year before 2023; the row that prints the change itself does
    ("Harbor Valve net sales growth for full year 2023", 3.9),
    ("Harbor Valve Europe net sales growth in 2023", 2.6),
])
def test_asked_by_period(ask, question: str, value: float) -> None:
    assert first(ask(question)) == pytest.approx(value)


def test_a_no_break_space_joins_like_a_space() -> None:
    from index.reader.layout import char_pieces

    assert [p.text for p in char_pieces(" 31,\u00a02023           $    387.0")] == ["31, 2023", "$ 387.0"]


def test_a_date_in_a_label_under_dated_columns_is_part_of_its_name() -> None:
    # "Business loan agreement dated March 14, 2014" under columns 2019 and 2018 (TAT-QA excerpt)
    from pathlib import Path

    from index.reader import read_release

    doc = read_release(Path(__file__).parents[1] / "data" / "extqa" / "tatqa-484d5ab2ad.md")
    long_term = [f for f in doc.facts if f.label == "Long-term position" and f.value == 88]
    assert long_term and all(f.period is not None and f.period.end.year == 2018 for f in long_term)
