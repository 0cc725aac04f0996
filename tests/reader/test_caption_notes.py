"""A note line between a table and the caption above it ("(1) Classified as income tax expense ...")
does not hide the caption: its scale ("(in thousands)") still applies."""

from __future__ import annotations

from index.reader.load import Source
from index.reader.release import read_source

RELEASE = """Cedar Grove Foods Reports Fiscal 2019 Results

OMAHA -- Cedar Grove Foods, Inc. (NYSE: CGF) today reported results for the fiscal year ended August 31,
2019. Net sales were $410 million.

The following table represents stock-based compensation information for the periods indicated (in thousands):

(1) Classified as income tax expense within the Consolidated Statements of Operations.

                                                     Fiscal Year Ended August 31,
                                                       2019          2018
 Fair value of restricted stock units vested         49,725        62,592
 Tax benefit for stock compensation expense(1)          611         1,122
"""


def test_a_note_between_caption_and_table_keeps_the_scale() -> None:
    doc = read_source(Source("cedar.txt", "cedar", "text", RELEASE, "0"))
    benefit = [f.value for f in doc.facts if f.label.startswith("Tax benefit for stock compensation")]
    assert benefit[:2] == [611_000, 1_122_000]
