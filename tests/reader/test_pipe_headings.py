"""Pipe tables flattened from annual reports (FinQA, TAT-QA) keep no spans: a heading row whose text
cells stand over the figures ("| december 31 , ( in millions ) | december 31 , 2010 | ... | 2010 |")
dates every column, none of them read as more of the label; a heading alone on its row ("|  |  | Payments
Due By Period (in thousands) |  |") stands over every column, not only the ones to its right."""

from __future__ import annotations

from index.reader.load import Source
from index.reader.release import read_source

CREDIT = """# Wholesale credit portfolio

| december 31 , ( in millions ) | december 31 , 2010 | december 31 , 2009 | 2010 | 2009 |
|---|---|---|---|---|
| loans retained | $ 222510 | $ 200077 | $ 5510 | $ 6559 |
| total wholesale credit exposure | $ 687125 | $ 650212 | $ 7045 | $ 9010 |
"""

OBLIGATIONS = """# Contractual obligations

|  |  |  | Payments Due By Period (in thousands)  |  |
|---|---|---|---|---|
| Contractual Obligations | Total | Less than 1 Year | 1-3 Years | 3-5  Years |
| Operating leases  | 47,774 | $15,363 | $22,919 | $ 9,492 |
| Total  | 47,774 | $15,363 | $22,919 | $ 9,492 |
"""


def _columns(text: str) -> list[tuple[str, object]]:
    doc = read_source(Source("x.md", "x", "markdown", text, "0"))
    return [(c.header, c.period.end.year if c.period else None) for c in doc.tables[0].columns]


def test_text_cells_of_a_heading_row_are_headings() -> None:
    cols = _columns(CREDIT)
    assert [year for _, year in cols] == [2010, 2009, 2010, 2009]
    doc = read_source(Source("x.md", "x", "markdown", CREDIT, "0"))
    assert {f.label for f in doc.facts} == {"loans retained", "total wholesale credit exposure"}


def test_a_heading_alone_on_its_row_stands_over_every_column() -> None:
    headers = [h for h, _ in _columns(OBLIGATIONS)]
    assert all(h.startswith("Payments Due By Period") for h in headers), headers
    assert headers[0].endswith("Total")
