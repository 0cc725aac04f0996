"""A page break cuts a paragraph or a bullet in two ("... comprised of dividends of $6.7" / "billion and
share repurchases ..."): the narrative reads them as one, so a figure keeps its scale."""

from __future__ import annotations

from index.reader.load import Source
from index.reader.release import read_source

RELEASE = """Fairmont Foods Reports Fourth-Quarter 2025 Results

PURCHASE, N.Y. -- Fairmont Foods, Inc. today reported results for the fourth quarter of 2025.

For 2026, the Company expects:
• Total cash returns to shareholders of approximately $7.7 billion, comprised of dividends of $6.7
billion and share repurchases of $1.0 billion.
• Core constant currency EPS growth of 8 percent.

Net income for the quarter was $518 million, including a charge of $0.12 per diluted
share, related to restructuring.

• Excluding $0.18 per share of restructuring charges related to our program (Accelerating the

Organization), diluted earnings per share was $2.63.
"""


def _texts() -> list[str]:
    doc = read_source(Source("fairmont.txt", "fairmont", "text", RELEASE, "0"))
    return [b.text for b in doc.blocks]


def test_a_bullet_cut_by_a_page_break_is_one() -> None:
    texts = _texts()
    assert any("dividends of $6.7 billion and share repurchases of $1.0 billion." in t for t in texts)
    assert "billion and share repurchases of $1.0 billion." not in texts


def test_a_paragraph_cut_in_two_is_one_and_the_next_bullet_stays_apart() -> None:
    texts = _texts()
    assert any(t.endswith("$0.12 per diluted share, related to restructuring.") for t in texts)
    assert "Core constant currency EPS growth of 8 percent." in texts


def test_a_bullet_left_inside_a_bracket_goes_on_whatever_the_case() -> None:
    assert any(t.endswith("(Accelerating the Organization), diluted earnings per share was $2.63.")
               for t in _texts())
