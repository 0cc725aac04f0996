"""index.reader.pdf: real earnings-release PDFs become space-aligned text page by page; bad PDFs raise
PdfError subclasses that say what to do.

The releases in tests/data/pdf/ are the eight of shared/pdf (see SOURCES.md there). The bad PDFs are
written here byte by byte: an RC4-encrypted one (the PDF standard security handler, revision 2), an
image-only page, a text file named .pdf, a truncated one.
"""

from __future__ import annotations

import hashlib
import re
import time
from functools import cache
from pathlib import Path

import pdfplumber
import pytest

from index.reader.pdf import (
    EncryptedPdfError,
    PdfError,
    PdfLine,
    PdfText,
    ScannedPdfError,
    TooManyPagesError,
    UnreadablePdfError,
    read_pdf,
)

PDFS = Path(__file__).parent.parent / "data" / "pdf"
RELEASES = sorted(p.name for p in PDFS.glob("*.pdf"))


@cache
def read(name: str) -> PdfText:
    return read_pdf(PDFS / name)


def page_lines(doc: PdfText, page: int) -> list[PdfLine]:
    return [ln for ln in doc.lines if ln.page == page]


def row(doc: PdfText, page: int, label: str) -> PdfLine:
    """The first line of ``page`` whose first piece (text up to two spaces) is ``label``."""
    for ln in page_lines(doc, page):
        if re.split(r"\s{2,}", ln.text.strip())[0] == label:
            return ln
    shown = "\n".join(x.text for x in page_lines(doc, page))
    raise AssertionError(f"no row {label!r} on page {page}:\n{shown}")


def values(line: PdfLine) -> list[str]:
    """The figures of a table row as the reader cuts them: pieces after the label, a lone currency sign
    joined to the figure after it (and dropped here)."""
    pieces = re.split(r"\s{2,}", line.text.strip())[1:]
    return [re.sub(r"^\$\s*", "", p) for p in pieces if p != "$"]


def figure_spans(line: PdfLine) -> list[tuple[int, int]]:
    """(start, end) character columns of the figures of a table row (the pieces after its label)."""
    pieces = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+(?: \S+)*", line.text)][1:]
    out = []
    for start, end, text in pieces:
        if text == "$":
            continue
        if text.startswith("$ "):
            start += 2
        out.append((start, end))
    return out


def digit_ends(line: PdfLine) -> list[int]:
    """Character column just after the last digit of each figure of a row."""
    ends = []
    for start, end in figure_spans(line):
        text = line.text[start:end]
        ends.append(start + max(i for i, ch in enumerate(text) if ch.isdigit()) + 1)
    return ends


# ---------------------------------------------------------------------------------------------
# real releases: rows, columns, pages


# release, page, three consecutive rows of its income statement (label, figures in print order)
INCOME_ROWS = {
    "bestbuy_2024q2_earnings.pdf": (5, [
        ("Revenue", ["9,583", "10,329", "19,050", "20,976"]),
        ("Cost of sales", ["7,363", "8,042", "14,680", "16,336"]),
        ("Gross profit", ["2,220", "2,287", "4,370", "4,640"])]),
    "costco_2023q1_earnings.pdf": (3, [
        ("Net sales", ["53,437", "49,417"]),
        ("Membership fees", ["1,000", "946"]),
        ("Total revenue", ["54,437", "50,363"])]),
    "ebay_2023q1_earnings.pdf": (8, [
        ("Net revenues", ["2,510", "2,483"]),
        ("Cost of net revenues (1)", ["700", "689"]),
        ("Gross profit", ["1,810", "1,794"])]),
    "intel_2022q4_earnings.pdf": (8, [
        ("Net revenue", ["14,042", "20,528", "63,054", "79,024"]),
        ("Cost of sales", ["8,542", "9,519", "36,188", "35,209"]),
        ("Gross margin", ["5,500", "11,009", "26,866", "43,815"])]),
    "mcdonalds_2023q1_earnings.pdf": (4, [
        ("Sales by Company-operated restaurants", ["2,224.3", "2,302.4", "(78.1)", "(3)%"]),
        ("Revenues from franchised restaurants", ["3,587.5", "3,262.8", "324.7", "10"]),
        ("Other revenues", ["86.0", "100.4", "(14.4)", "(14)"])]),
    "pepsico_2022q4_earnings.pdf": (9, [
        ("Net Revenue", ["27,996", "25,248", "86,392", "79,474"]),
        ("Cost of sales", ["13,420", "12,130", "40,576", "37,075"]),
        ("Gross profit", ["14,576", "13,118", "45,816", "42,399"])]),
    "salesforce_2024q1_earnings.pdf": (6, [
        ("Subscription and support", ["7,642", "6,856"]),
        ("Professional services and other", ["605", "555"]),
        ("Total revenues", ["8,247", "7,411"])]),
    "ultabeauty_2023q1_earnings.pdf": (5, [
        ("Net sales", ["2,634,263", "100.0%", "2,345,901", "100.0%"]),
        ("Cost of sales", ["1,579,406", "60.0%", "1,404,875", "59.9%"]),
        ("Gross profit", ["1,054,857", "40.0%", "941,026", "40.1%"])]),
}


def test_all_eight_releases_are_fixtures() -> None:
    assert RELEASES == sorted(INCOME_ROWS)


@pytest.mark.parametrize("name", sorted(INCOME_ROWS))
def test_income_statement_rows_are_one_line_with_figures_in_order(name: str) -> None:
    page, rows = INCOME_ROWS[name]
    doc = read(name)
    for label, figures in rows:
        assert values(row(doc, page, label)) == figures


@pytest.mark.parametrize("name", sorted(INCOME_ROWS))
def test_figure_columns_line_up_across_consecutive_rows(name: str) -> None:
    page, rows = INCOME_ROWS[name]
    doc = read(name)
    lines = [row(doc, page, label) for label, _ in rows]
    # the three rows are consecutive printed lines of one table
    assert [ln.line for ln in lines] == list(range(lines[0].line, lines[0].line + 3))
    ends = [digit_ends(ln) for ln in lines]
    assert all(len(e) == len(rows[0][1]) for e in ends), ends
    for column in zip(*ends, strict=True):
        # figures are right-aligned in print: each column's last digits share a character column
        assert max(column) - min(column) <= 1, (ends, [ln.text for ln in lines])
    for a, b in zip(lines, lines[1:], strict=False):
        for (s1, e1), (s2, e2) in zip(figure_spans(a), figure_spans(b), strict=True):
            if e1 - s1 == e2 - s2:
                # figures of the same width start in the same column too
                assert abs(s1 - s2) <= 1, (a.text, b.text)


def test_known_line_has_its_page_and_line_number() -> None:
    doc = read("costco_2023q1_earnings.pdf")
    net_sales = row(doc, 3, "Net sales")
    assert (net_sales.page, net_sales.line) == (3, 9)
    first = page_lines(doc, 3)[0]
    assert (first.line, first.text.strip()) == (1, "COST-Earn")
    # line numbers count the printed lines of each page from 1, without gaps
    for page in range(1, doc.pages + 1):
        assert [ln.line for ln in page_lines(doc, page)] == list(range(1, len(page_lines(doc, page)) + 1))


def test_text_joins_pages_with_a_blank_line_and_locate_maps_back() -> None:
    doc = read("costco_2023q1_earnings.pdf")
    text = doc.text()
    assert "\f" not in text
    rows = text.split("\n")
    net_sales = row(doc, 3, "Net sales")
    n = rows.index(net_sales.text) + 1
    assert doc.locate(n) == net_sales
    first_of_page_2 = page_lines(doc, 2)[0]
    k = rows.index(first_of_page_2.text)
    assert rows[k - 1] == "" and doc.locate(k) is None
    assert doc.locate(len(rows) + 5) is None
    # every PdfLine appears once, in order
    assert [doc.locate(i + 1) for i, r in enumerate(rows) if r] == doc.lines


def test_running_headers_footers_and_page_numbers_are_dropped() -> None:
    # the PDFs do print them
    with pdfplumber.open(PDFS / "costco_2023q1_earnings.pdf") as pdf:
        assert [p.extract_text().strip().splitlines()[-1].strip() for p in pdf.pages] == ["1", "2", "3", "4"]
    with pdfplumber.open(PDFS / "intel_2022q4_earnings.pdf") as pdf:
        assert "Intel/Page 9" in pdf.pages[8].extract_text()
    with pdfplumber.open(PDFS / "pepsico_2022q4_earnings.pdf") as pdf:
        assert "A - 1" in pdf.pages[8].extract_text()
    for name in RELEASES:
        doc = read(name)
        for ln in doc.lines:
            t = ln.text.strip()
            assert not re.fullmatch(r"\d{1,3}|[A-Z]\s*-\s*\d{1,3}|Page \d+( of \d+)?", t), (name, ln)
            assert "Intel/Page" not in t
            assert not re.fullmatch(r"\(?Continued on (the )?(following|next) page\)?", t, re.I), (name, ln)
    # a page number printed on the baseline of a table's last heading line is taken off that line
    ebay = read("ebay_2023q1_earnings.pdf")
    years = [ln for ln in page_lines(ebay, 9) if ln.text.split() == ["2023", "2022", "2022", "2022", "2022"]]
    assert len(years) == 1


def test_table_continued_on_next_page_is_joined() -> None:
    doc = read("pepsico_2022q4_earnings.pdf")
    assert 12 in doc.continued
    p12 = page_lines(doc, 12)
    # the repeated company name, title, scale and column headings are gone; the rows go on
    assert p12[0].text.strip() == "Financing Activities"
    assert not any("Statement of Cash Flows" in ln.text or "12/31/2022" in ln.text for ln in p12)
    # on the previous page's grid: the figures of the last row of page 11 and the first rows of
    # page 12 end in the same columns
    last_11 = row(doc, 11, "Net Cash Used for Investing Activities")
    first_12 = row(doc, 12, "Payments of long-term debt")
    assert values(last_11) == ["(2,430)", "(3,269)"] and values(first_12) == ["(2,458)", "(3,455)"]
    assert digit_ends(last_11) == digit_ends(first_12)
    # a new table under a "(continued)" section title is not joined, and keeps its headings
    assert 23 not in doc.continued
    assert "(continued)" in page_lines(doc, 23)[1].text


def test_words_read_as_printed() -> None:
    costco = read("costco_2023q1_earnings.pdf").text()
    # unmapped ligature glyphs (fi, fl, ff) are read back
    assert "first quarter" in costco and "fiscal 2023" in costco and "\x00" not in costco
    assert "tax benefit of $53 million" in costco and "inflation" in costco and "tariffs" in costco
    ebay = read("ebay_2023q1_earnings.pdf").text()
    assert "free cash flow" in ebay and "\x00" not in ebay
    # a stray space printed over a word does not split it
    assert "Unaudited Condensed Consolidated Balance Sheet" in ebay
    # a superscript footnote mark stays on its line
    bestbuy = read("bestbuy_2024q2_earnings.pdf")
    heading = [ln for ln in page_lines(bestbuy, 10) if "Net of Tax" in ln.text]
    assert heading and "Earnings" in heading[0].text and "Per Share" in heading[0].text
    # words of a phrase are one space apart; column headings over different columns two or more
    domestic = [ln for ln in page_lines(bestbuy, 10) if "International" in ln.text][0]
    assert re.split(r"\s{2,}", domestic.text.strip()) == ["Domestic", "International", "Consolidated"] * 2
    # $ signs and parentheses stay as printed
    intel = read("intel_2022q4_earnings.pdf")
    assert values(row(intel, 1, "Earnings (loss) per share")) == ["(0.16)", "1.13", "down 114%", "0.10",
                                                                   "1.15", "down 92%"]
    assert "$(0.16)" in row(intel, 1, "Earnings (loss) per share").text


def test_progress_is_called_after_each_page() -> None:
    calls: list[tuple[int, int]] = []
    doc = read_pdf(str(PDFS / "costco_2023q1_earnings.pdf"),
                   progress=lambda done, total: calls.append((done, total)))
    assert doc.pages == 4 and calls == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_an_exception_from_the_progress_callback_is_the_callers() -> None:
    def stop(done: int, total: int) -> None:
        raise KeyError("cancelled by the caller")

    with pytest.raises(KeyError, match="cancelled by the caller"):
        read_pdf(PDFS / "costco_2023q1_earnings.pdf", progress=stop)


def test_a_long_release_is_read_in_reasonable_time() -> None:
    # a loose bound against a pathological slowdown (24 pages take about 1 s on a 2-core machine)
    start = time.perf_counter()
    doc = read_pdf(PDFS / "pepsico_2022q4_earnings.pdf")
    assert doc.pages == 24
    assert time.perf_counter() - start < 15


# ---------------------------------------------------------------------------------------------
# bad input

PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def make_pdf(pages: list[bytes], *, image: bool = False, user_password: str | None = None,
             owner_password: str = "owner") -> bytes:
    """A PDF of pages with the given content streams (Helvetica as /F1, a 1x1 grey image as /Im1),
    RC4-40 encrypted (standard security handler, revision 2) when ``user_password`` is given."""
    n = len(pages)
    # objects: 1 catalog, 2 pages, 3 font, 4 image, then page i at 5 + 2i and its content at 6 + 2i
    kids = " ".join(f"{5 + 2 * i} 0 R" for i in range(n))
    objects: dict[int, tuple[bytes, bytes | None]] = {
        1: (b"<< /Type /Catalog /Pages 2 0 R >>", None),
        2: (f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode(), None),
        3: (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>", None),
        4: (b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
            b"/BitsPerComponent 8 /Length 1 >>", b"\x80"),
    }
    resources = b"<< /Font << /F1 3 0 R >>" + (b" /XObject << /Im1 4 0 R >>" if image else b"") + b" >>"
    for i, content in enumerate(pages):
        objects[5 + 2 * i] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
                              + resources + f" /Contents {6 + 2 * i} 0 R >>".encode(), None)
        objects[6 + 2 * i] = (b"", content)
    file_id = hashlib.md5(b"pressbot test pdf").digest()
    trailer_extra = b""
    key = b""
    if user_password is not None:
        p = -44
        user = (user_password.encode() + PAD)[:32]
        owner_key = hashlib.md5((owner_password.encode() + PAD)[:32]).digest()[:5]
        o_value = rc4(owner_key, user)
        key = hashlib.md5(user + o_value + (p & 0xFFFFFFFF).to_bytes(4, "little") + file_id).digest()[:5]
        u_value = rc4(key, PAD)
        enc_num = 5 + 2 * n
        objects[enc_num] = (f"<< /Filter /Standard /V 1 /R 2 /O <{o_value.hex()}> /U <{u_value.hex()}> "
                            f"/P {p} >>".encode(), None)
        trailer_extra = f" /Encrypt {enc_num} 0 R".encode()
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for num in sorted(objects):
        body, stream = objects[num]
        offsets[num] = len(out)
        out += f"{num} 0 obj\n".encode()
        if stream is None:
            out += body
        else:
            if key:
                # each stream is encrypted with a key made from the file key and the object's number
                obj_key = hashlib.md5(key + num.to_bytes(3, "little") + b"\x00\x00").digest()[:10]
                stream = rc4(obj_key, stream)
            dictionary = body if body else f"<< /Length {len(stream)} >>".encode()
            out += dictionary + b"\nstream\n" + stream + b"\nendstream"
        out += b"\nendobj\n"
    xref = len(out)
    size = max(objects) + 1
    out += f"xref\n0 {size}\n".encode() + b"0000000000 65535 f \n"
    for num in range(1, size):
        out += f"{offsets[num]:010d} 00000 n \n".encode()
    out += (f"trailer\n<< /Size {size} /Root 1 0 R /ID [<{file_id.hex()}> <{file_id.hex()}>]".encode()
            + trailer_extra + f" >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return bytes(out)


def text_page(*lines: tuple[float, float, str], size: float = 10) -> bytes:
    """A content stream printing each (x, y, text) in Helvetica."""
    ops = [f"BT /F1 {size} Tf 1 0 0 1 {x} {y} Tm ({t}) Tj ET" for x, y, t in lines]
    return "\n".join(ops).encode("latin-1")


def test_minimal_pdf_helper_is_read(tmp_path: Path) -> None:
    path = tmp_path / "plain.pdf"
    path.write_bytes(make_pdf([text_page((72, 700, "Net sales"), (300, 700, "1,234"), (400, 700, "1,111"))]))
    doc = read_pdf(path)
    assert doc.pages == 1 and values(doc.lines[0]) == ["1,234", "1,111"]


def test_encrypted_pdf_with_a_password_raises(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(make_pdf([text_page((72, 700, "Net sales 1,234"))], user_password="secret"))
    with pytest.raises(EncryptedPdfError) as err:
        read_pdf(path)
    assert "locked.pdf" in str(err.value) and "password" in str(err.value)
    assert isinstance(err.value, PdfError)


def test_encrypted_pdf_without_a_user_password_is_read(tmp_path: Path) -> None:
    # the same encryption with an empty user password (permissions only) opens for anyone: it is
    # read, which also shows the test's RC4 encryption is right
    path = tmp_path / "permissions.pdf"
    path.write_bytes(make_pdf([text_page((72, 700, "Net sales 1,234"))], user_password=""))
    doc = read_pdf(path)
    assert [ln.text for ln in doc.lines] == ["Net sales 1,234"]


def test_image_only_pdf_raises_scanned(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([b"q 400 0 0 500 100 150 cm /Im1 Do Q"], image=True))
    with pytest.raises(ScannedPdfError) as err:
        read_pdf(path)
    assert "no text layer (a scan)" in str(err.value) and "OCR" in str(err.value)


def test_mostly_scanned_pdf_raises_scanned_but_one_chart_page_does_not(tmp_path: Path) -> None:
    scan = b"q 400 0 0 500 100 150 cm /Im1 Do Q"
    cover = text_page((72, 700, "Quarterly results"), (72, 680, "Net sales rose."))
    mostly = tmp_path / "mostly.pdf"
    mostly.write_bytes(make_pdf([cover, scan, scan], image=True))
    with pytest.raises(ScannedPdfError, match=r"2 of its 3 pages have no text layer \(scans: pages 2, 3\)"):
        read_pdf(mostly)
    chart = tmp_path / "chart.pdf"
    chart.write_bytes(make_pdf([cover, scan, cover], image=True))
    doc = read_pdf(chart)
    assert [ln.page for ln in doc.lines] == [1, 1, 3, 3]


def test_blank_pdf_raises_scanned(tmp_path: Path) -> None:
    path = tmp_path / "blank.pdf"
    path.write_bytes(make_pdf([b""]))
    with pytest.raises(ScannedPdfError, match="no text layer"):
        read_pdf(path)


def test_text_file_named_pdf_raises_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "release.pdf"
    path.write_text("Costco reports first quarter results\nNet sales  53,437  49,417\n")
    with pytest.raises(UnreadablePdfError, match="is not a PDF"):
        read_pdf(path)


@pytest.mark.parametrize("data", [
    b"%PDF-1.4\n%%EOF\n",
    b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
    b"%PDF-1.4\n" + bytes(range(256)) * 20,
], ids=["header-only", "pages-missing", "garbage"])
def test_damaged_pdf_raises_unreadable(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "damaged.pdf"
    path.write_bytes(data)
    with pytest.raises(UnreadablePdfError) as err:
        read_pdf(path)
    assert "damaged.pdf" in str(err.value)


def test_truncated_release_raises_or_reads_without_leaking(tmp_path: Path) -> None:
    data = (PDFS / "costco_2023q1_earnings.pdf").read_bytes()
    for cut in (len(data) // 3, len(data) // 2, len(data) - 200):
        path = tmp_path / f"cut{cut}.pdf"
        path.write_bytes(data[:cut])
        try:
            doc = read_pdf(path)
        except PdfError:
            continue
        assert doc.pages >= 1


def test_missing_file_and_empty_file_raise_unreadable(tmp_path: Path) -> None:
    with pytest.raises(UnreadablePdfError, match="cannot be opened"):
        read_pdf(tmp_path / "nope.pdf")
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(UnreadablePdfError, match="not a PDF"):
        read_pdf(empty)


def test_too_many_pages_says_how_many_and_the_limit() -> None:
    with pytest.raises(TooManyPagesError) as err:
        read_pdf(PDFS / "intel_2022q4_earnings.pdf", max_pages=5)
    assert "17 pages" in str(err.value) and "limit of 5" in str(err.value)


def test_synthetic_running_header_footer_and_page_number_forms(tmp_path: Path) -> None:
    body = [["Revenue rose on higher volume.", "Costs fell."], ["Margins widened.", "Cash grew."],
            ["Guidance was raised.", "Dividends were kept."]]
    pages = []
    for n in range(1, 4):
        pages.append(text_page(
            (72, 760, "ACME Corp - Quarterly Report"),
            (72, 400, body[n - 1][0]),
            (72, 386, body[n - 1][1]),
            (280, 40, f"Page {n} of 3") if n != 2 else (300, 40, f"- {n} -")))
    path = tmp_path / "acme.pdf"
    path.write_bytes(make_pdf(pages))
    doc = read_pdf(path)
    assert [(ln.page, ln.line, ln.text) for ln in doc.lines] == [
        (n, k + 1, body[n - 1][k]) for n in range(1, 4) for k in range(2)]
