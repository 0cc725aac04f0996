"""PDF releases as space-aligned text, page by page, for the text reader.

``read_pdf(path)`` gives a :class:`PdfText`: the printed lines of each page in reading order, each
with its page and line number, the words of a line placed on a character grid by their x position
so that the columns of a table stay aligned, as the space-aligned text tables the reader already
parses. ``PdfText.text()`` joins them (a blank line between pages and where the page leaves a
vertical gap); ``PdfText.locate(n)`` names the page and line of line ``n`` of that text.

How a page becomes lines
  * Characters come from pdfplumber's engine (pdfminer.six, which pdfplumber is built on and
    ships with): ``pdfplumber.open`` opens and checks the file; a small pdfminer device then
    records each character's text, box, baseline and size and skips paths and images, which is
    about twice as fast as ``page.chars`` (that builds a dict of ~20 attributes per character).
    Rotated (not upright) and vertical-font text is left out, as are characters outside the
    crop box and characters printed twice on the same spot (fake bold).
  * Lines: characters grouped by baseline (within a third of the font size); superscript marks
    (smaller type whose box lies within a line's box) join the line they belong to.
  * Words: a gap of more than 0.15 em, or a space character, ends a word. Pieces: words closer
    than 1 em are one piece joined by single spaces; a gap of 1 em or more is a column gap.
    A gap of 0.45-1 em also separates two figures, and two column headings that stand over two
    different columns of figures on the page (``Domestic International Consolidated``).
  * Grid: one character per ``cw`` points, ``cw`` the median character width of the page, from the
    page's left text margin. Figures are placed by their right edge and other pieces by their
    left edge, so right-aligned figures end at the same character column on every row; pieces
    that would touch are pushed right to keep two spaces between them. ``$`` signs and
    parentheses stay attached to a figure as printed (``$1,364``, ``(34)``), and a ``$`` printed
    apart stays apart, as the reader joins it to the figure after it.
  * Glyphs with no Unicode mapping that some generators print for the fi/fl/ff/ffi ligatures
    (a NUL character) are read back from their width (``benefit``, ``cash flow``, ``effects``).

Running headers, footers and page numbers
  Lines among the first or last three of a page, near its top or bottom edge, are dropped when
  their text with digits blanked out repeats on more than half of the pages (and on at least
  three, or on both pages of a two-page release): ``Intel/Page 9``. Lone page numbers at the
  top or bottom edge are dropped on any page: ``3``, ``- 3 -``, ``Page 3 of 17``, ``A - 3``.
  ``(Continued on following page)`` / ``continued on next page`` notes are dropped too.

Tables continued on the next page
  When a page's first lines (before its first row of figures) carry a ``continued`` title
  (``Consolidated Statement of Cash Flows (continued)``), the lines above that first row that
  repeat a line of the previous page (company name, title without the ``(continued)`` mark,
  scale caption, column headings) are dropped, and the page is laid on the previous page's grid
  (same scale and margin). Its rows then follow the previous page's rows after one blank line,
  so the reader sees one table under one set of headings. A ``continued`` title that does not
  repeat the previous page's title is kept as printed: it marks the page for a caller to join.
  The pages treated so are listed in ``PdfText.continued``.

Bad input raises a :class:`PdfError`; no pdfplumber or pdfminer exception leaves ``read_pdf``.
"""

from __future__ import annotations

import logging
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber
from pdfminer.pdfcolor import PDFColorSpace
from pdfminer.pdfdevice import PDFTextDevice
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFGraphicState, PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import PDFStream
from pdfminer.utils import Matrix, Rect, apply_matrix_rect

__all__ = [
    "EncryptedPdfError",
    "PdfError",
    "PdfLine",
    "PdfText",
    "ScannedPdfError",
    "TooManyPagesError",
    "UnreadablePdfError",
    "read_pdf",
]


# ---------------------------------------------------------------------------------------------
# public API


@dataclass(frozen=True)
class PdfLine:
    """One printed line of a page."""

    page: int  # 1-based
    line: int  # 1-based line on that page, after running headers, footers and page numbers are dropped
    text: str  # the line's words placed by their x position, so that table columns stay aligned


@dataclass(frozen=True)
class PdfText:
    """The printed lines of a PDF release, in reading order."""

    lines: list[PdfLine]
    pages: int
    # (page, line) of lines printed after a vertical gap (a new paragraph, a table after text)
    gaps: frozenset[tuple[int, int]] = frozenset()
    # pages whose table continues the previous page's, with the repeated headings dropped
    continued: tuple[int, ...] = ()

    def _rows(self) -> Iterator[PdfLine | None]:
        """Each line of :meth:`text`: its PdfLine, or None for a blank line."""
        page = 0
        for ln in self.lines:
            if page and ln.page != page:
                yield None
            elif page and (ln.page, ln.line) in self.gaps:
                yield None
            page = ln.page
            yield ln

    def text(self) -> str:
        """All lines joined with newlines; one blank line between pages and at vertical gaps."""
        return "\n".join("" if ln is None else ln.text for ln in self._rows())

    def locate(self, text_line: int) -> PdfLine | None:
        """The PdfLine printed as line ``text_line`` (1-based) of :meth:`text`; None for a blank line."""
        for n, ln in enumerate(self._rows(), 1):
            if n == text_line:
                return ln
        return None


class PdfError(Exception):
    """A PDF that cannot be turned into text; ``str()`` says what to do."""


class EncryptedPdfError(PdfError):
    """The PDF needs a password."""


class ScannedPdfError(PdfError):
    """The PDF has no text layer (a scan, or text drawn as shapes)."""


class TooManyPagesError(PdfError):
    """More pages than the caller allows."""


class UnreadablePdfError(PdfError):
    """Not a PDF, a damaged one, or one whose text cannot be decoded."""


def read_pdf(
    path: str | Path, max_pages: int = 200, progress: Callable[[int, int], None] | None = None
) -> PdfText:
    """The printed lines of the PDF at ``path``; ``progress(done, total)`` is called after each page."""
    path = Path(path)
    name = path.name
    try:
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError as exc:
        raise UnreadablePdfError(f"{name} cannot be opened ({exc.strerror or exc}); check the path") from exc
    if b"%PDF-" not in head:
        raise UnreadablePdfError(f"{name} is not a PDF (no %PDF- header); give the PDF itself, or the "
                                 "release as text or HTML")
    try:
        pages = _read_pages(path, max_pages, progress)
    except PdfError:
        raise
    except Exception as exc:  # pdfplumber/pdfminer raise many kinds; none leaves this module
        raise _translate(exc, name) from exc
    return _assemble(pages, name)


# ---------------------------------------------------------------------------------------------
# reading characters


@dataclass(slots=True)
class _Char:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    base: float  # baseline, from the top of the page
    size: float


class _CharCollector(PDFTextDevice):
    """A pdfminer device that records upright characters and ignores everything else."""

    def __init__(self, rsrcmgr: PDFResourceManager) -> None:
        super().__init__(rsrcmgr)
        self.chars: list[_Char] = []
        self.height = 0.0
        self.box: Rect = (0.0, 0.0, 0.0, 0.0)
        self.undefined = 0
        self.images = 0

    def begin_page(self, page: PDFPage, ctm: Matrix) -> None:
        x0, y0, x1, y1 = apply_matrix_rect(ctm, page.mediabox)
        self.height = abs(y1 - y0)
        cx0, cy0, cx1, cy1 = apply_matrix_rect(ctm, page.cropbox)
        self.box = (max(cx0, 0.0), max(cy0, 0.0), min(cx1, abs(x1 - x0)), min(cy1, self.height))
        self.chars = []
        self.undefined = 0
        self.images = 0

    def render_image(self, name: str, stream: PDFStream) -> None:
        self.images += 1

    def render_char(
        self,
        matrix: Matrix,
        font: PDFFont,
        fontsize: float,
        scaling: float,
        rise: float,
        cid: int,
        ncs: PDFColorSpace,
        graphicstate: PDFGraphicState,
    ) -> float:
        adv = font.char_width(cid) * fontsize * scaling
        if font.is_vertical():
            return adv
        a, b, c, d, e, f = matrix
        if not (a * d * scaling > 0 and b * c <= 0) or abs(b) > 1e-6 * abs(a):
            return adv  # rotated or mirrored text
        try:
            text = font.to_unichr(cid)
        except PDFUnicodeNotDefined:
            self.undefined += 1
            text = "\ufffd"
        descent = font.get_descent() * fontsize
        x0 = e
        x1 = e + a * adv
        y0 = f + d * (descent + rise)
        y1 = f + d * (descent + rise + fontsize)
        if x1 < x0:
            x0, x1 = x1, x0
        if y1 < y0:
            y0, y1 = y1, y0
        bx0, by0, bx1, by1 = self.box
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        if not (bx0 - 1 <= cx <= bx1 + 1 and by0 - 1 <= cy <= by1 + 1):
            return adv  # outside the crop box: not printed
        h = self.height
        self.chars.append(_Char(text, x0, x1, h - y1, h - y0, h - (f + d * rise), y1 - y0))
        return adv


@dataclass
class _Page:
    number: int
    width: float
    height: float
    chars: list[_Char]
    undefined: int
    images: int


def _read_pages(path: Path, max_pages: int, progress: Callable[[int, int], None] | None) -> list[_Page]:
    # pdfminer logs a warning for every odd font; those are not the caller's business
    quiet = _Quiet()
    with quiet, pdfplumber.open(path) as pdf:
        plumber_pages = pdf.pages
        total = len(plumber_pages)
        if total > max_pages:
            raise TooManyPagesError(
                f"{path.name} has {total} pages, more than the limit of {max_pages}; split it or give "
                "only the pages of the release")
        device = _CharCollector(pdf.rsrcmgr)
        interpreter = PDFPageInterpreter(pdf.rsrcmgr, device)
        out: list[_Page] = []
        for n, page in enumerate(plumber_pages, 1):
            interpreter.process_page(page.page_obj)
            out.append(_Page(n, float(page.width), float(page.height), device.chars, device.undefined,
                             device.images))
            if progress is not None:
                progress(n, total)
    return out


class _Quiet:
    """Raise the pdfminer and pdfplumber loggers to ERROR while a file is read."""

    NAMES = ("pdfminer", "pdfplumber")

    def __init__(self) -> None:
        self.levels: list[int] = []

    def __enter__(self) -> None:
        self.levels = [logging.getLogger(n).level for n in self.NAMES]
        for n in self.NAMES:
            logging.getLogger(n).setLevel(logging.ERROR)

    def __exit__(self, *exc: object) -> None:
        for n, level in zip(self.NAMES, self.levels, strict=True):
            logging.getLogger(n).setLevel(level)


def _translate(exc: Exception, name: str) -> PdfError:
    """A PdfError for an exception raised inside pdfplumber or pdfminer."""
    chain: list[BaseException] = []
    e: BaseException | None = exc
    while e is not None and len(chain) < 10:
        chain.append(e)
        e = e.args[0] if e.args and isinstance(e.args[0], BaseException) else (e.__cause__ or e.__context__)
    if any(isinstance(x, PDFPasswordIncorrect) for x in chain):
        return EncryptedPdfError(f"{name} is encrypted and needs a password; save an unprotected copy "
                                 "(or print it to PDF) and give that, or give the text/HTML release")
    if any(isinstance(x, PDFEncryptionError) for x in chain):
        return EncryptedPdfError(f"{name} is encrypted in a way that cannot be read here; save an "
                                 "unprotected copy and give that, or give the text/HTML release")
    detail = str(chain[-1]).strip().splitlines()[0][:120] if str(chain[-1]).strip() else type(chain[-1]).__name__
    return UnreadablePdfError(f"{name} is damaged or not a valid PDF ({detail}); re-download or re-save "
                              "it, or give the text/HTML release")


# ---------------------------------------------------------------------------------------------
# characters -> lines of words and pieces

_NUMERIC = re.compile(
    r"^[(\[]?[-−–+]?(?:US\$|C\$|A\$|HK\$|NT\$|[$€£¥])?\s?[(]?[-−–+]?"
    r"(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?\d?\s?[)\]]?\s?(?:%|pts|bps|x)?[)\]]?[*†‡]?$"
)
_NIL = {"-", "—", "–", "--", "---", "n/m", "nm", "n/a", "*", "**", "$", "€", "£", "%"}
_LIGATURE_ASCII = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                   "\ufb05": "st", "\ufb06": "st"}


def _is_numeric(text: str) -> bool:
    t = text.strip()
    if t.lower() in _NIL:
        return True
    return any(ch.isdigit() for ch in t) and bool(_NUMERIC.match(t))


@dataclass
class _Word:
    text: str
    x0: float
    x1: float
    size: float

    @property
    def numeric(self) -> bool:
        return _is_numeric(self.text)


@dataclass
class _Piece:
    words: list[_Word]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def numeric(self) -> bool:
        return _is_numeric(self.text)


@dataclass
class _Line:
    top: float
    bottom: float
    base: float
    size: float
    words: list[_Word]
    pieces: list[_Piece] = field(default_factory=list)
    rendered: str = ""

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def plain(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def data(self) -> bool:
        """A table row: a label or figures, with a figure last."""
        return len(self.pieces) >= 2 and self.pieces[-1].numeric and any(
            ch.isdigit() for p in self.pieces[1:] for ch in p.text)


def _group_lines(chars: list[_Char]) -> list[list[_Char]]:
    """Characters grouped by baseline, top to bottom, each line's characters left to right."""
    visible = [c for c in chars if c.size > 1.5]
    visible.sort(key=lambda c: (c.base, c.x0))
    lines: list[list[_Char]] = []
    ref = 0.0
    ref_size = 0.0
    for c in visible:
        if lines and c.base - ref <= max(ref_size, c.size) / 3:
            lines[-1].append(c)
            if c.size > ref_size and not c.text.isspace():
                ref_size = c.size
        else:
            lines.append([c])
            ref, ref_size = c.base, c.size
    lines = [ln for ln in lines if any(not c.text.isspace() for c in ln)]
    # superscript marks: smaller type whose box lies within a neighbouring line's box
    merged: list[list[_Char]] = []
    for ln in lines:
        size = max(c.size for c in ln if not c.text.isspace())
        top = min(c.top for c in ln)
        bottom = max(c.bottom for c in ln)
        if merged:
            prev = merged[-1]
            psize = max(c.size for c in prev if not c.text.isspace())
            ptop = min(c.top for c in prev)
            pbottom = max(c.bottom for c in prev)
            small, big = (ln, prev) if size < psize else (prev, ln)
            s_top, s_bottom = (top, bottom) if small is ln else (ptop, pbottom)
            b_top, b_bottom = (ptop, pbottom) if big is prev else (top, bottom)
            b_size = max(size, psize)
            if (min(size, psize) <= 0.85 * b_size and s_top >= b_top - 0.25 * b_size
                    and s_bottom <= b_bottom + 0.25 * b_size and len(small) <= 6):
                merged[-1] = prev + ln
                continue
        merged.append(ln)
    for ln in merged:
        ln.sort(key=lambda c: c.x0)
    return merged


def _ligature(c: _Char, nxt: str) -> str:
    """The letters of an unmapped ligature glyph, from its width and the letter after it."""
    em = (c.x1 - c.x0) / c.size if c.size else 0.0
    if em >= 0.8:
        return "ffi"
    if em >= 0.63:
        return "ff"
    if nxt[:1] in ("o", "a", "u", "i", "y") or nxt[:2] in ("ex", "ec", "ee"):
        return "fl"
    return "fi"


def _words(chars: list[_Char]) -> list[_Word]:
    """Words of one line: runs of characters without a space character or a gap of over 0.15 em."""
    words: list[_Word] = []
    cur: list[_Char] = []

    def flush() -> None:
        if not cur:
            return
        parts: list[str] = []
        for i, ch in enumerate(cur):
            t = ch.text
            if t == "\x00":
                nxt = "".join(x.text for x in cur[i + 1:i + 3])
                prev_alpha = i > 0 and cur[i - 1].text.isalpha()
                t = _ligature(ch, nxt) if (prev_alpha or nxt[:1].isalpha()) else ""
            elif t in _LIGATURE_ASCII:
                t = _LIGATURE_ASCII[t]
            parts.append(t)
        text = "".join(parts)
        if text.strip():
            words.append(_Word(text, cur[0].x0, cur[-1].x1, max(ch.size for ch in cur)))
        cur.clear()

    last: _Char | None = None
    for c in chars:
        if c.text.isspace() or c.text == "":
            flush()
            last = None
            continue
        if cur and last is not None:
            if abs(c.x0 - last.x0) < 0.3 and c.text == last.text and abs(c.top - last.top) < 0.5:
                continue  # printed twice on the same spot (fake bold)
            if c.x0 - last.x1 > 0.15 * max(c.size, last.size):
                flush()
        cur.append(c)
        last = c
    flush()
    return words


def _make_line(chars: list[_Char]) -> _Line | None:
    words = _words(chars)
    if not words:
        return None
    ink = [c for c in chars if not c.text.isspace()]
    sizes = Counter(round(c.size, 1) for c in ink)
    size = sizes.most_common(1)[0][0]
    main = [c for c in ink if round(c.size, 1) == size]
    return _Line(top=min(c.top for c in ink), bottom=max(c.bottom for c in ink),
                 base=statistics.median(c.base for c in main), size=size, words=words)


def _split_pieces(line: _Line) -> None:
    """Pieces of a line: words closer than 1 em; a gap of 0.45 em or more also splits two figures."""
    pieces = [_Piece([line.words[0]])]
    for w in line.words[1:]:
        prev = pieces[-1].words[-1]
        em = (w.x0 - prev.x1) / max(1.0, (w.size + prev.size) / 2)
        if em >= 1.0 or (em >= 0.45 and prev.numeric and w.numeric):
            pieces.append(_Piece([w]))
        else:
            pieces[-1].words.append(w)
    line.pieces = pieces


def _columns(lines: list[_Line]) -> list[tuple[float, float]]:
    """Spans (x0, x1) of the columns of figures on a page: figures of table rows whose right edges
    line up."""
    figures = sorted(((p.x0, p.x1) for ln in lines if ln.data for p in ln.pieces[1:] if p.numeric),
                     key=lambda s: s[1])
    spans: list[tuple[float, float]] = []
    group: list[tuple[float, float]] = []
    for s in figures:
        if group and s[1] - group[-1][1] > 3.0:
            if len(group) >= 2:
                spans.append((min(g[0] for g in group), max(g[1] for g in group)))
            group = []
        group.append(s)
    if len(group) >= 2:
        spans.append((min(g[0] for g in group), max(g[1] for g in group)))
    return spans


def _column_of(x0: float, x1: float, spans: list[tuple[float, float]]) -> int | None:
    best, best_overlap = None, 0.0
    for i, (s0, s1) in enumerate(spans):
        overlap = min(x1, s1) - max(x0, s0)
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    return best


def _split_headings(line: _Line, spans: list[tuple[float, float]], text_width: float) -> None:
    """Split a piece where two words 0.45-1 em apart stand over two different columns of figures."""
    if not spans or len(line.words) < 2:
        return
    if len(line.pieces) == 1 and len(line.words) >= 8 and line.x1 - line.x0 > 0.5 * text_width:
        return  # a line of prose
    out: list[_Piece] = []
    for piece in line.pieces:
        cur = _Piece([piece.words[0]])
        for w in piece.words[1:]:
            prev = cur.words[-1]
            em = (w.x0 - prev.x1) / max(1.0, (w.size + prev.size) / 2)
            if em >= 0.45:
                a = _column_of(prev.x0, prev.x1, spans)
                b = _column_of(w.x0, w.x1, spans)
                if a is not None and b is not None and a != b:
                    out.append(cur)
                    cur = _Piece([w])
                    continue
            cur.words.append(w)
        out.append(cur)
    line.pieces = out


_CURRENCY = {"$", "€", "£", "¥", "US$", "C$", "A$", "HK$", "NT$"}
_MARKS = {"%", ")", "%)", ")%", "bps", "pts"}


def _anchor(p: _Piece) -> tuple[float, int]:
    """Where a piece is pinned: (x, characters before the pin). Figures by their right edge, other
    pieces by their left edge."""
    if p.numeric and any(ch.isdigit() for ch in p.text):
        return p.x1, len(p.text)
    return p.x0, 0


def _glued(a: _Piece, b: _Piece) -> bool:
    """A currency sign printed apart before a figure, or a % or ) printed apart after one: the reader
    joins them to the figure, so one space between them is enough."""
    return a.text in _CURRENCY or (b.text in _MARKS and a.numeric)


def _render(line: _Line, left: float, cw: float) -> str:
    """The line on a character grid of ``cw`` points a character from ``left``: each piece at its pin
    unless that would leave fewer than two spaces (one between glued pieces) after the piece before
    it; then it moves right, or a currency sign before it moves left if there is room."""
    starts: list[int] = []
    pieces = line.pieces
    for i, p in enumerate(pieces):
        x, before = _anchor(p)
        start = round((x - left) / cw) - before
        if i:
            prev = pieces[i - 1]
            glued = _glued(prev, p)
            need = starts[-1] + len(prev.text) + (1 if glued else 2)
            if start < need and glued and prev.text in _CURRENCY:
                floor = starts[-2] + len(pieces[i - 2].text) + 2 if i >= 2 else 0
                starts[-1] = max(floor, start - 1 - len(prev.text))
                need = starts[-1] + len(prev.text) + 1
            start = max(start, need)
        else:
            start = max(start, 0)
        starts.append(start)
    out = ""
    for start, p in zip(starts, pieces, strict=True):
        out += " " * (start - len(out)) + p.text
    return out


def _scale(lines: list[_Line], median: float) -> float:
    """Points per character: the median character width, made finer where needed so that the pieces
    of every table row fit between their neighbours' pins (down to 0.6 of the median)."""
    cw = median
    for ln in lines:
        if not ln.data:
            continue
        for a, b in zip(ln.pieces, ln.pieces[1:], strict=False):
            if _glued(a, b):
                continue
            xa, ra = _anchor(a)
            xb, rb = _anchor(b)
            room = len(a.text) + 2 + rb - ra + 0.6
            if room > 0 and xb - xa > 0:
                cw = min(cw, (xb - xa) / room)
    return max(cw, 0.6 * median)


# ---------------------------------------------------------------------------------------------
# pages -> lines, headers and footers dropped

_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–—]?\s*(?:[a-z]{1,2}\s*[-–]\s*)?\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)
_CONTINUED_NOTE = re.compile(r"^\(?\s*continued\s+(?:on|to)\s+(?:the\s+)?(?:next|following)\s+page\s*\)?\.?$",
                             re.I)
_CONTINUED = re.compile(r"\bcontinued\b|\bcont['’]?d\b", re.I)


def _norm(text: str) -> str:
    """A line's text for spotting repeats: no spaces, lower case, each run of digits as one ``#``."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text.lower()))


def _title_key(text: str) -> str:
    t = re.sub(r"\(\s*continued\s*\)|[-–—,]?\s*continued\b", "", text, flags=re.I)
    return re.sub(r"\s+", " ", t).strip().lower()


@dataclass
class _PageLines:
    page: _Page
    lines: list[_Line]
    cw: float = 1.0
    left: float = 0.0


def _page_lines(page: _Page) -> _PageLines:
    lines = [ln for ln in (_make_line(g) for g in _group_lines(page.chars)) if ln is not None]
    for ln in lines:
        _split_pieces(ln)
    if lines:
        text_width = max(ln.x1 for ln in lines) - min(ln.x0 for ln in lines)
        spans = _columns(lines)
        for ln in lines:
            _split_headings(ln, spans, text_width)
    return _PageLines(page, lines)


def _edge(ln: _Line, page: _Page, share: float) -> bool:
    return ln.bottom <= share * page.height or ln.top >= (1 - share) * page.height


def _drop_running(pages: list[_PageLines]) -> None:
    """Drop running headers and footers, lone page numbers and 'continued on next page' notes."""
    n = len(pages)
    counts: Counter[str] = Counter()
    for pl in pages:
        zone = pl.lines[:3] + pl.lines[-3:]
        counts.update({_norm(ln.plain) for ln in zone if _edge(ln, pl.page, 0.2)})
    needed = 2 if n == 2 else max(3, n // 2 + 1)
    running = {k for k, v in counts.items() if v >= needed and n >= 2}
    for pl in pages:
        keep: list[_Line] = []
        last = len(pl.lines) - 1
        for i, ln in enumerate(pl.lines):
            near_edge = i < 3 or i > last - 3
            if near_edge and _edge(ln, pl.page, 0.2) and _norm(ln.plain) in running:
                continue
            if (i < 2 or i > last - 2) and _edge(ln, pl.page, 0.12) and _PAGE_NUMBER.match(ln.plain.strip()):
                continue
            if i > last - 4 and _CONTINUED_NOTE.match(ln.plain.strip()):
                continue
            keep.append(ln)
        pl.lines = keep


def _join_continued(pages: list[_PageLines]) -> list[int]:
    """Drop the headings a continued table repeats at the top of a page; the pages treated so."""
    joined: list[int] = []
    for prev, pl in zip(pages, pages[1:], strict=False):
        first_data = next((i for i, ln in enumerate(pl.lines) if ln.data), None)
        if first_data is None or first_data > 10 or not any(ln.data for ln in prev.lines):
            continue
        head = pl.lines[:first_data]
        if not any(_CONTINUED.search(ln.plain) and not _CONTINUED_NOTE.match(ln.plain.strip())
                   for ln in head):
            continue
        seen = {_title_key(ln.plain) for ln in prev.lines}
        drop = {i for i, ln in enumerate(head) if _title_key(ln.plain) in seen and _title_key(ln.plain)}
        if not drop:
            continue
        pl.lines = [ln for i, ln in enumerate(pl.lines) if i not in drop]
        pl.cw, pl.left = prev.cw, prev.left
        joined.append(pl.page.number)
    return joined


def _grid(pl: _PageLines) -> None:
    widths = [c.x1 - c.x0 for c in pl.page.chars if not c.text.isspace() and c.size > 1.5 and c.x1 > c.x0]
    pl.cw = _scale(pl.lines, statistics.median(widths) if widths else 5.0)
    pl.left = min((ln.x0 for ln in pl.lines), default=0.0)


def _gaps(pl: _PageLines) -> set[int]:
    """0-based indexes of lines printed after a vertical gap: a step from the previous baseline
    clearly larger (in em) than the steps between the lines around it."""
    lines = pl.lines
    steps = [0.0] + [(b.base - a.base) / max(a.size, b.size, 1.0) for a, b in zip(lines, lines[1:], strict=False)]
    out: set[int] = set()
    for i in range(1, len(lines)):
        near = [steps[k] for k in range(max(1, i - 3), min(len(lines), i + 4)) if k != i and 0 < steps[k] < 2.2]
        ref = statistics.median(near) if near else 1.2
        if steps[i] > 1.15 * ref and steps[i] - ref >= 0.25:
            out.add(i)
    return out


def _assemble(pages: list[_Page], name: str) -> PdfText:
    ink = sum(1 for p in pages for c in p.chars if not c.text.isspace())
    undefined = sum(p.undefined for p in pages)
    if ink == 0:
        what = "a scan" if any(p.images for p in pages) else "blank, or text drawn as shapes"
        raise ScannedPdfError(f"{name} has no text layer ({what}); run OCR on it first or give the "
                              "text/HTML release")
    if undefined > ink / 2:
        raise UnreadablePdfError(f"{name} has text whose characters cannot be decoded (fonts without a "
                                 "Unicode map); run OCR on it first or give the text/HTML release")
    plines = [_page_lines(p) for p in pages]
    _drop_running(plines)
    for pl in plines:
        _grid(pl)
    continued = _join_continued(plines)
    lines: list[PdfLine] = []
    gaps: set[tuple[int, int]] = set()
    for pl in plines:
        after_gap = _gaps(pl)
        for i, ln in enumerate(pl.lines):
            text = _render(ln, pl.left, pl.cw).rstrip()
            lines.append(PdfLine(pl.page.number, i + 1, text))
            if i in after_gap:
                gaps.add((pl.page.number, i + 1))
    return PdfText(lines=lines, pages=len(pages), gaps=frozenset(gaps), continued=tuple(continued))
