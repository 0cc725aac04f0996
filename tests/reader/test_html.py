"""HTML releases: generated EDGAR exhibits (Workiva: text in div/font, no <p>, the body on one line, an
SGML wrapper), captions in a paragraph above the table, narrative set in layout tables, and the text
rendering whose lines citations count. Two real EX-99.1 exhibits (tests/data/edgar/SOURCES.md) read with
hand-checked facts."""

from __future__ import annotations

import json
import time
from datetime import date
from functools import cache

import pytest

from bot.checks.audit import audit
from index.document import Document
from index.errors import NotAReleaseError
from index.reader import read_release
from index.reader.load import edgar_exhibit, load_source
from index.reader.periods import near
from index.reader.release import rendered_lines
from tests.conftest import DATA

EDGAR = DATA / "edgar"
FACTS = json.loads((EDGAR / "facts.json").read_text())

WORKIVA = """<DOCUMENT>
<TYPE>EX-99.1
<SEQUENCE>2
<FILENAME>ex991.htm
<DESCRIPTION>EX-99.1
<TEXT>
<html><head><title>Document</title></head><body><div style="text-align:center"><font style="font-weight:700">\
ACME ROBOTICS, INC. REPORTS SECOND QUARTER RESULTS</font></div><div><font><br></font></div><div><font>\
SAN JOSE, Calif. -- Acme Robotics, Inc. (NASDAQ: ACME) today reported revenue of $48.3 million for the \
second quarter ended June 30, 2025, up 12 percent from $43.1 million a year earlier.</font></div>\
<div><font>Net loss was $2.1 million, compared with a net loss of $5.0 million in the second quarter of 2024.\
</font></div>\
<table><tr><td><font>•</font></td><td><font>Gross margin improved to 41 percent on higher volumes of the \
new arm and lower freight costs across all regions.</font></td></tr></table>\
<div style="text-align:center"><font style="font-weight:700">ACME ROBOTICS, INC.</font></div>\
<div style="text-align:center"><font style="font-weight:700">STATEMENTS OF OPERATIONS</font></div>\
<div style="text-align:center"><font>(Unaudited; in thousands, except per share amounts)</font></div>\
<table><tr><td></td><td colspan="3"><font>Three Months Ended June 30,</font></td></tr>\
<tr><td></td><td colspan="3"><font>2025</font></td><td></td><td colspan="3"><font>2024</font></td></tr>\
<tr><td><font>Revenue</font></td><td><font>$</font></td><td><font>48,312</font></td><td></td><td></td>\
<td><font>$</font></td><td><font>43,105</font></td><td></td></tr>\
<tr><td><font>Cost of revenue</font></td><td></td><td><font>28,500</font></td><td></td><td></td><td></td>\
<td><font>27,000</font></td><td></td></tr>\
<tr><td><font>Gross profit</font></td><td></td><td><font>19,812</font></td><td></td><td></td><td></td>\
<td><font>16,105</font></td><td></td></tr>\
<tr><td><font>Net loss</font></td><td><font>$</font></td><td><font>(2,100</font></td><td><font>)</font></td>\
<td></td><td><font>$</font></td><td><font>(5,000</font></td><td><font>)</font></td></tr>\
</table></body></html>
</TEXT>
</DOCUMENT>
"""


@cache
def exhibit(name: str) -> Document:
    return read_release(EDGAR / name)


@pytest.mark.parametrize("name", sorted(FACTS))
def test_edgar_exhibit_golden_facts(name: str) -> None:
    doc = exhibit(name)
    missed = [f["label"] for f in FACTS[name] if not any(
        x.period is not None and near(x.period.end, date.fromisoformat(f["period_end"]))
        and x.period.months == f["months"] and abs(x.value - f["value"]) <= 1e-6 * max(1.0, abs(f["value"]))
        for x in doc.facts)]
    assert len(FACTS[name]) >= 10 and not missed


@pytest.mark.parametrize("name, company, period_end", [
    ("buckle_q3_fy2024.htm", "The Buckle, Inc.", date(2024, 11, 2)),
    ("apple_q3_fy2026.htm", "Apple", date(2026, 6, 27)),
])
def test_edgar_exhibit_names_itself_and_audits_clean(name: str, company: str, period_end: date) -> None:
    doc = exhibit(name)
    assert doc.metadata.company == company
    assert doc.metadata.period is not None and near(doc.metadata.period.end, period_end)
    result = audit(doc)
    assert not [c.text for c in result.checks if c.status in ("failed", "contradicted")]
    narrative = [c for c in result.checks if c.kind != "arithmetic"]
    assert len(narrative) >= 5  # the narrative in div/font is read and checked


def test_edgar_citations_count_lines_of_the_rendering() -> None:
    doc = exhibit("buckle_q3_fy2024.htm")
    raw_lines = (EDGAR / "buckle_q3_fy2024.htm").read_text().count("\n")
    assert raw_lines < 20  # the whole body is one physical line of the file
    assert len(doc.lines) > 100
    sales = next(r for t in doc.tables for r in t.rows if r.label.startswith("SALES"))
    assert "293,618" in doc.lines[sales.line - 1]
    para = next(b for b in doc.blocks if "decreased 3.2 percent" in b.text)
    assert doc.lines[para.line - 1] == para.text


def test_workiva_page_reads_narrative_caption_scale_and_wrapper(tmp_path) -> None:
    path = tmp_path / "acme-ex991.txt"  # a filing saved with EDGAR's .txt suffix
    path.write_text(WORKIVA)
    source = load_source(path)
    assert source.kind == "html" and not source.text.lstrip().startswith("<DOCUMENT>")
    doc = read_release(path)
    assert doc.metadata.company == "Acme Robotics, Inc." and doc.metadata.ticker == "ACME"
    revenue = next(f for f in doc.facts if f.label == "Revenue" and f.period and f.period.end.year == 2025)
    assert revenue.value == 48_312_000  # the caption in the div above the table gives the scale
    loss = next(f for f in doc.facts if f.label == "Net loss" and f.period and f.period.end.year == 2025)
    assert loss.value == -2_100_000
    texts = [b.text for b in doc.blocks]
    assert any(t.startswith("Gross margin improved to 41 percent") for t in texts)  # a bullet set as a table
    assert not any("EX-99.1" in t for t in texts)
    assert all(c.status != "contradicted" for c in audit(doc).checks)


def test_a_full_submission_yields_its_press_release_exhibit() -> None:
    filing = ("<SEC-DOCUMENT>0001-25-000001.txt\n<DOCUMENT>\n<TYPE>8-K\n<TEXT>\n<html>the 8-K</html>\n"
              "</TEXT>\n</DOCUMENT>\n" + WORKIVA
              + "<DOCUMENT>\n<TYPE>GRAPHIC\n<TEXT>\nbegin 644 logo.jpg\n</TEXT>\n</DOCUMENT>\n")
    body = edgar_exhibit(filing)
    assert body is not None and "ACME ROBOTICS" in body and "the 8-K" not in body
    assert edgar_exhibit("<html><body>no wrapper</body></html>") is None


def test_newsroom_pages_keep_their_paragraph_reading() -> None:
    doc = read_release(DATA / "corpus" / "nvidia_fy2025-q2.html")
    text = " ".join(b.text for b in doc.blocks)
    assert "Skip to main content" not in text and "function(" not in text
    assert rendered_lines(load_source(DATA / "corpus" / "nvidia_fy2025-q2.html")) == doc.lines


def test_a_large_html_page_that_is_not_a_release_is_refused_in_bounded_time(tmp_path) -> None:
    page = "<html><body>" + "<div><p>Welcome to our store. Browse the catalogue.</p></div>" * 150_000
    path = tmp_path / "store.html"
    path.write_text(page + "</body></html>")
    assert path.stat().st_size > 8_000_000
    start = time.perf_counter()
    with pytest.raises(NotAReleaseError, match="does not look like an earnings release"):
        read_release(path)
    assert time.perf_counter() - start < 60  # a bound against hangs, not a speed target


def test_markup_the_standard_parser_asserts_on_is_read_as_text() -> None:
    from index.reader.html import parse_html

    layout = parse_html("<p>Revenue was $5.6 million.</p><p>A stray <![0 in the text.</p>")
    assert any("Revenue was $5.6 million." in b.text for b in layout.blocks)
