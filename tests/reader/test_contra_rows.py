"""An unlabelled line of figures under a contra line ("Less accumulated depreciation") is the net of
the item above it, and is read as that item, net."""

from __future__ import annotations

from index.reader.load import Source
from index.reader.release import read_source

RELEASE = """Lariat Outfitters Reports Third Quarter Fiscal 2025 Results

KEARNEY, Neb. -- Lariat Outfitters, Inc. (NYSE: LRT) today reported results for the quarter ended
November 1, 2025. Net sales were $294 million.

CONDENSED CONSOLIDATED BALANCE SHEETS (Amounts in Thousands)
                                                  November 1,      February 1,
                                                     2025             2025
Total current assets                              $ 504,928        $ 444,256
Property and equipment                              508,273          489,037
Less accumulated depreciation and amortization     (365,241)        (360,200)
                                                    143,032          128,837
Operating lease right-of-use assets                 287,687          280,813
Total assets                                      $ 935,647        $ 853,906
"""


def test_the_line_under_a_contra_line_is_the_item_net() -> None:
    doc = read_source(Source("lariat.txt", "lariat", "text", RELEASE, "0"))
    net = [f.value for f in doc.facts if f.label == "Property and equipment, net"]
    assert net == [143_032_000, 128_837_000]


ADDED_UP = """Lariat Outfitters Reports Fiscal 2019 Results

Property and equipment consisted of the following (in thousands):

|  | 2019 | 2018 |
|---|---|---|
| Equipment and software | $260 | $1,555 |
| Leasehold improvements | 33 | 786 |
| Furniture and fixtures | 43 | 182 |
|  | 336 | 2,523 |
| Less accumulated depreciation | (266) | (2,394) |
|  | $70 | $129 |
"""


def test_an_unlabelled_line_that_adds_up_the_rows_above_is_their_total() -> None:
    doc = read_source(Source("lariat.md", "lariat", "markdown", ADDED_UP, "0"))
    by_label = {}
    for f in doc.facts:
        by_label.setdefault(f.label, []).append(f.value)
    assert by_label["Total"] == [336_000, 2_523_000]
    assert by_label["Net"] == [70_000, 129_000]  # the total less its contra line


def test_an_unlabelled_line_that_does_not_add_up_is_not_named() -> None:
    text = ADDED_UP.replace("|  | 336 | 2,523 |", "|  | 999 | 2,523 |")
    doc = read_source(Source("lariat.md", "lariat", "markdown", text, "0"))
    assert "Total" not in {f.label for f in doc.facts}
