"""Grid and rows, table-driven on small space-aligned tables: columns found where values stand,
wrapped labels joined, sections kept, signs and scales read."""

from __future__ import annotations

import pytest

from index.document import Document
from index.reader.grid import split_line
from index.reader.layout import RawLine, char_pieces
from index.reader.load import Source
from index.reader.release import read_source

TABLE = """Acme Corp Reports Results

Acme Corp (NASDAQ: ACME) today reported revenue of $12.5 million for the quarter ended March 31, 2025.

CONDENSED STATEMENTS OF OPERATIONS
({scale}, except per share data)

                                  Three Months Ended March 31,
                                      2025          2024
Revenue                           $ 12,500      $ 10,000
Cost of revenue                      7,500         6,500
Gross profit                         5,000         3,500
Operating expenses:
  Research and
    development                      2,000         1,800
  Selling and marketing              1,000           900
Total operating expenses             3,000         2,700
Net income (loss)                 $  1,500      $   (200)
Net income (loss) per share       $   0.15      $  (0.02)
"""


def read_table(scale: str = "in thousands") -> Document:
    return read_source(Source("acme.txt", "acme", "text", TABLE.format(scale=scale), "0"))


def facts(doc: Document, label: str) -> list[tuple[float, int]]:
    return [(f.value, f.period.end.year) for f in doc.facts if f.label == label and f.period]


@pytest.mark.parametrize(("label", "expected"), [
    ("Revenue", [(12_500_000, 2025), (10_000_000, 2024)]),
    ("Research and development", [(2_000_000, 2025), (1_800_000, 2024)]),
    ("Net income (loss)", [(1_500_000, 2025), (-200_000, 2024)]),
    ("Net income (loss) per share", [(0.15, 2025), (-0.02, 2024)]),
])
def test_rows_read_with_scale_sign_and_period(label: str, expected: list[tuple[float, int]]) -> None:
    assert facts(read_table(), label) == expected


@pytest.mark.parametrize(("caption", "factor"), [("in thousands", 1e3), ("in millions", 1e6),
                                                 ("dollars in thousands", 1e3)])
def test_caption_scale(caption: str, factor: float) -> None:
    assert facts(read_table(caption), "Revenue")[0][0] == 12_500 * factor


def test_wrapped_label_is_joined_under_its_section() -> None:
    doc = read_table()
    rnd = [f for f in doc.facts if f.label == "Research and development"]
    assert rnd and rnd[0].section == "Operating expenses" and rnd[0].line == 15


@pytest.mark.parametrize(("text", "labels", "values"), [
    ("Revenue                           $ 12,500      $ 10,000", ["Revenue"], ["$ 12,500", "$ 10,000"]),
    ("Net loss                          $  (1,500)    $   (200)", ["Net loss"], ["$  (1,500)", "$   (200)"]),
    ("Gross margin                         44.0%         38.5%", ["Gross margin"], ["44.0%", "38.5%"]),
])
def test_split_line_into_label_and_values(text: str, labels: list[str], values: list[str]) -> None:
    line = split_line(RawLine(1, text, char_pieces(text)), "char")
    assert [p.text for p in line.label] == labels
    assert [" ".join(p.text.split()) for p in line.values] == [" ".join(v.split()) for v in values]


def test_scale_from_the_caption_is_known() -> None:
    table = read_table().tables[0]
    assert table.scale == 1e3 and table.scale_source.known


def test_no_caption_and_the_narrative_agrees_at_thousands() -> None:
    text = TABLE.format(scale="unaudited").replace(
        "today reported revenue of $12.5 million", "today reported revenue of $12.5 million and gross profit "
        "of $5.0 million")
    doc = read_source(Source("acme.txt", "acme", "text", text, "0"))
    table = doc.tables[0]
    assert table.scale == 1e3 and table.scale_source == "narrative" and "$12.5 million" in table.scale_note
    assert facts(doc, "Revenue")[0][0] == 12_500_000


def test_no_caption_and_no_agreement_leaves_the_scale_unknown() -> None:
    text = TABLE.format(scale="unaudited").replace("today reported revenue of $12.5 million",
                                                   "today reported results")
    table = read_source(Source("acme.txt", "acme", "text", text, "0")).tables[0]
    assert table.scale == 1.0 and not table.scale_source.known
