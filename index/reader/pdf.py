"""PDF releases as space-aligned text, page by page, for the text reader.

``read_pdf(path)`` gives a :class:`PdfText`: the printed lines of each page in reading order, each
with its page and line number, the words of a line placed on a character grid by their x position
so that the columns of a table stay aligned, like the space-aligned text tables the reader already
parses. ``PdfText.text()`` joins them: one blank line between pages (no form feeds) and where the
page leaves a vertical gap (a new paragraph, a table after text); ``PdfText.locate(n)`` gives the
PdfLine printed as line ``n`` of that text, for citing page and line.

How a page becomes lines
  * Characters come from pdfplumber's engine (pdfminer.six, which pdfplumber is built on and
    installs): ``pdfplumber.open`` opens and checks the file and lists the pages; a small pdfminer
    device then records each character's text, box, baseline and size and ignores paths and
    images, about twice as fast as ``page.chars`` (a dict of ~20 attributes per character).
    Rotated or mirrored text and vertical fonts are left out, as are characters outside the crop
    box, characters under 1.5 pt and characters printed twice on the same spot (fake bold).
  * Lines: characters grouped by baseline (within a third of the font size); superscript or
    subscript marks (a few smaller characters whose box lies within a neighbouring line's box)
    join that line: ``Net of Tax4``.
  * Words: a space character (unless it is printed over the letters of a word) or a gap of more
    than 0.15 em ends a word. Pieces: words closer than 1 em are one piece, joined by single
    spaces; a gap of 1 em or more is a column gap. A gap of 0.45-1 em also separates two figures,
    and two column headings that stand over two different columns of figures on the page
    (``Domestic  International  Consolidated``).
  * Grid: one character per ``cw`` points from the page's left text margin, ``cw`` the median
    character width of the page, made finer (down to 0.6 of it) where a table row's pieces would
    not otherwise fit between their neighbours. Figures are placed by their right edge and other
    pieces by their left edge, so right-aligned figures end in the same character column on
    every row; a piece that would come closer than two spaces to the one before it moves right.
    ``$`` signs and parentheses stay attached to a figure as printed (``$1,364``, ``(34)``); a
    ``$`` printed apart stays apart, moving towards its figure (down to no space) rather than
    pushing the figure, and a ``%`` or ``)`` printed apart may stand one space after its figure.
  * Glyphs that some generators leave without a Unicode mapping (a NUL character) for the
    fi/fl/ff/ffi ligatures are read back from their width and the next letter (``benefit``,
    ``cash flow``, ``effects``); mapped ligature characters (U+FB00-FB06) are spelled out.
  * Gaps: a line whose baseline is clearly further (in em) from the previous line's than the
    lines around it are from each other starts after a blank line in ``text()``, except between
    a table's column-heading lines (which stand over its columns of figures) and its first row.

Running headers, footers and page numbers
  Lines among the first or last three of a page and within its top or bottom fifth are dropped
  when their text (digits blanked out, spaces ignored) repeats so on more than half of the pages,
  and on at least three (both pages of a two-page release): ``Intel/Page 9``. Lone page numbers
  among the first or last two lines within the top or bottom eighth are dropped on any page:
  ``3``, ``- 3 -``, ``Page 3 of 17``, ``3/17``, ``A - 3``; where the other pages print their numbers
  alone, a number at the same place that shares its baseline with an edge line is taken off
  that line (``2023  2022  2022   9``). ``(Continued on following page)`` notes near the foot of a
  page are dropped too. Line numbers count the lines left, from 1 on each page.

Tables continued on the next page
  A page continues the previous page's table when a line above its first row of figures carries
  a continued mark (``Consolidated Statement of Cash Flows (continued)``, ``... - Continued``,
  ``(cont'd)``), the previous page has table rows among its last lines, and every line above
  that first row either repeats a line of the previous page (the mark aside: company name,
  title, scale caption, column headings) or is a row label at the left margin (at most two,
  ``Financing Activities``). Then the repeated lines are dropped and the page is laid on the
  previous page's grid (same scale and margin), so in ``text()`` its rows follow the previous
  page's rows after one blank line and line up with them: the reader sees one table under one
  set of headings. The pages joined so are listed in ``PdfText.continued``. Elsewhere a
  continued title is kept as printed, which marks the page for a caller (PepsiCo prints
  ``Reconciliation of GAAP and Non-GAAP Information (continued)`` over new tables).

Bad input
  A :class:`PdfError` subclass, whose message names the file and says what to do: the file is
  missing or not a PDF (no ``%PDF-`` header), damaged (no pages, or a page pdfminer cannot
  interpret), needs a password (a PDF encrypted only to restrict permissions, with an empty user
  password, is read; its permissions are not enforced), has no text layer (a scan, or blank; or
  most of its pages are scans), has text that cannot be decoded (most characters without a
  Unicode mapping), or has more pages than ``max_pages``. No pdfplumber or pdfminer exception
  leaves ``read_pdf`` (an exception raised by the caller's ``progress`` callback does, as it is);
  their log warnings (odd fonts) are kept below ERROR while a file is read.
"""

from __future__ import annotations

import logging
import re
import statistics
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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

from index.errors import (
    EncryptedPdfError,
    PdfError,
    ScannedPdfError,
    TooManyPagesError,
    UnreadablePdfError,
)

__all__ = ["EncryptedPdfError", "PdfError", "PdfLine", "PdfText", "ScannedPdfError", "TooManyPagesError",
           "UnreadablePdfError", "read_pdf"]

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

    def positions(self) -> list[tuple[int, int] | None]:
        """The (page, line) of each line of :meth:`text`; None for a blank line."""
        return [(ln.page, ln.line) if ln else None for ln in self._rows()]

    def locate(self, text_line: int) -> PdfLine | None:
        """The PdfLine printed as line ``text_line`` (1-based) of :meth:`text`; None for a blank line."""
        for n, ln in enumerate(self._rows(), 1):
            if n == text_line:
                return ln
        return None




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
    except _ProgressError as exc:  # the caller's own callback failed: its exception, untouched
        raise exc.original from None
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
    with _quiet(), pdfplumber.open(path) as pdf:
        plumber_pages = pdf.pages
        total = len(plumber_pages)
        if total == 0:
            raise UnreadablePdfError(f"{path.name} has no pages (its page tree is missing or damaged); "
                                     "re-save the PDF or give the text/HTML release")
        if total > max_pages:
            raise TooManyPagesError(
                f"{path.name} has {total} pages, more than the limit of {max_pages}; give only the pages "
                "of the release (or raise the limit)")
        device = _CharCollector(pdf.rsrcmgr)
        interpreter = PDFPageInterpreter(pdf.rsrcmgr, device)
        out: list[_Page] = []
        for n, page in enumerate(plumber_pages, 1):
            try:
                interpreter.process_page(page.page_obj)
            except Exception as exc:
                raise UnreadablePdfError(
                    f"{path.name}: page {n} of {total} cannot be read ({_detail(exc)}); re-save the PDF "
                    "(for example print it to PDF) or give the text/HTML release") from exc
            out.append(_Page(n, float(page.width), float(page.height), device.chars, device.undefined,
                             device.images))
            if progress is not None:
                try:
                    progress(n, total)
                except Exception as exc:
                    raise _ProgressError(exc) from exc
    return out


class _ProgressError(Exception):
    """Carries an exception raised by the caller's progress callback past the translation."""

    def __init__(self, original: Exception) -> None:
        super().__init__(original)
        self.original = original


_QUIET_LOCK = threading.Lock()
_quiet_depth = 0
_quiet_levels: dict[str, int] = {}


@contextmanager
def _quiet() -> Iterator[None]:
    """pdfminer logs a warning for every odd font or object; raise its loggers (and pdfplumber's) to
    ERROR while files are read. Safe when several threads read at once."""
    global _quiet_depth
    names = ("pdfminer", "pdfplumber")
    with _QUIET_LOCK:
        if _quiet_depth == 0:
            for name in names:
                _quiet_levels[name] = logging.getLogger(name).level
                logging.getLogger(name).setLevel(logging.ERROR)
        _quiet_depth += 1
    try:
        yield
    finally:
        with _QUIET_LOCK:
            _quiet_depth -= 1
            if _quiet_depth == 0:
                for name in names:
                    logging.getLogger(name).setLevel(_quiet_levels.pop(name, logging.NOTSET))


def _detail(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:120] if text else type(exc).__name__


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
    return UnreadablePdfError(f"{name} is damaged or not a valid PDF ({_detail(chain[-1])}); re-download or "
                              "re-save it, or give the text/HTML release")


# ---------------------------------------------------------------------------------------------
# characters -> lines of words and pieces

# a figure as printed: $1,364  (34)  $(0.16)  (0.3%)  12.6 %  -3.1%  2023  11 bps  1.5x
_NUMERIC = re.compile(
    r"^[(\[]?[-−–+]?(?:US\$|C\$|A\$|HK\$|NT\$|[$€£¥])?\s?\(?[-−–+]?"
    r"(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?\s?\)?\s?(?:%|pts|bps|x)?[)\]]?[*†‡]?$"
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

    @property
    def figures(self) -> bool:
        """A line of pieces with a figure after the first (a table row, maybe ending in words)."""
        return len(self.pieces) >= 2 and any(_anchor(p)[1] for p in self.pieces[1:])


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
    # superscript marks (footnote numbers printed a little higher, in smaller type) make lines of a few
    # small characters of their own: each joins the neighbouring line whose box holds it
    i = 0
    while i < len(lines):
        target = _host(lines, i)
        if target is None:
            i += 1
            continue
        lines[target].extend(lines[i])
        del lines[i]
        i = max(0, min(i, target) - 1)
    for ln in lines:
        ln.sort(key=lambda c: c.x0)
    return lines


def _box(line: list[_Char]) -> tuple[float, float, float]:
    ink = [c for c in line if not c.text.isspace()] or line
    return min(c.top for c in ink), max(c.bottom for c in ink), max(c.size for c in ink)


def _host(lines: list[list[_Char]], i: int) -> int | None:
    """The neighbouring line that line ``i`` is a superscript (or subscript) mark of, if it is one."""
    ink = [c for c in lines[i] if not c.text.isspace()]
    if len(ink) > 6:
        return None
    top, bottom, size = _box(lines[i])
    best, best_overlap = None, 0.0
    for j in (i - 1, i + 1):
        if not 0 <= j < len(lines):
            continue
        t, b, s = _box(lines[j])
        if size > 0.85 * s or top < t - 0.3 * s or bottom > b + 0.3 * s:
            continue
        overlap = min(bottom, b) - max(top, t)
        if overlap > best_overlap:
            best, best_overlap = j, overlap
    return best


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
    for i, c in enumerate(chars):
        if c.text.isspace() or c.text == "":
            # a space ends a word unless it is a stray one printed over the letters of a word
            nxt = next((x for x in chars[i + 1:] if not x.text.isspace()), None)
            slack = 0.3 * (c.x1 - c.x0)
            if (last is None or last.x1 <= c.x0 + slack) and (nxt is None or nxt.x0 >= c.x1 - slack):
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


def _is_mark(a: _Piece, b: _Piece) -> bool:
    """A ``%`` or ``)`` printed apart after a figure (the reader joins it to the figure)."""
    return b.text in _MARKS and a.numeric


def _cells(line: _Line) -> list[tuple[_Piece | None, _Piece]]:
    """The pieces of a line, a currency sign printed apart paired with the figure after it."""
    cells: list[tuple[_Piece | None, _Piece]] = []
    pieces = line.pieces
    i = 0
    while i < len(pieces):
        p = pieces[i]
        if p.text in _CURRENCY and i + 1 < len(pieces) and _anchor(pieces[i + 1])[1]:
            cells.append((p, pieces[i + 1]))
            i += 2
        else:
            cells.append((None, p))
            i += 1
    return cells


def _render(line: _Line, left: float, cw: float) -> str:
    """The line on a character grid of ``cw`` points a character from ``left``: each piece at its pin
    unless that leaves fewer than two spaces after the piece before it (one before a ``%`` or ``)``
    printed apart), then it moves right. A currency sign printed apart before a figure stays at its
    own place if there is room, else moves up to the figure, down to no space between them."""
    out = ""
    prev: _Piece | None = None
    for sign, p in _cells(line):
        x, before = _anchor(p)
        start = round((x - left) / cw) - before
        floor = 0 if prev is None else len(out) + (1 if _is_mark(prev, p) else 2)
        if sign is None:
            start = max(start, floor)
        else:
            want = round((sign.x0 - left) / cw)
            start = max(start, floor + len(sign.text))
            at = max(floor, min(want, start - 1 - len(sign.text)), 0)
            at = min(at, start - len(sign.text))
            out += " " * (at - len(out)) + sign.text
        out += " " * (start - len(out)) + p.text
        prev = p
    return out


def _scale(lines: list[_Line], median: float) -> float:
    """Points per character: the median character width, made finer where needed so that the pieces
    of every table row fit between their neighbours' pins (down to 0.6 of the median)."""
    cw = median
    for ln in lines:
        if not ln.figures:
            continue
        cells = _cells(ln)
        for (_, a), (sign, b) in zip(cells, cells[1:], strict=False):
            if _is_mark(a, b):
                continue
            xa, ra = _anchor(a)
            xb, rb = _anchor(b)
            room = len(a.text) + 2 + rb - ra + (len(sign.text) if sign else 0) + 0.6
            if room > 0 and xb - xa > 0:
                cw = min(cw, (xb - xa) / room)
    return max(cw, 0.6 * median)


# ---------------------------------------------------------------------------------------------
# pages -> lines, headers and footers dropped

# a page number alone on a line: 3, - 3 -, Page 3, Page 3 of 17, 3/17, A - 3, A-3
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–—]?\s*(?:[a-z]{1,2}\s*[-–]\s*)?\d{1,3}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,3})?$", re.I)
_CONTINUED_NOTE = re.compile(r"^\(?\s*continued\s+(?:on|to)\s+(?:the\s+)?(?:next|following)\s+page\s*\)?\.?$",
                             re.I)
# a title marked as continued: "... (continued)", "... (cont'd)", "... - continued", "Continued: ..."
_CONTINUED = re.compile(
    r"\(\s*(?:continued|cont['’]?d\.?)\s*\)|[-–—,:]\s*continued\s*:?\s*$|^\s*continued\b", re.I)


def _norm(text: str) -> str:
    """A line's text for spotting repeats: lower case, each run of digits as one ``#``, no spaces."""
    return re.sub(r"\s+", "", re.sub(r"\d+", "#", text.lower()))


def _title_key(text: str) -> str:
    """A line's text for matching a continued page's headings: the continued mark taken out."""
    return re.sub(r"\s+", " ", _CONTINUED.sub("", text)).strip().lower()


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
    # a repeated line must have a word: lone numbers are left to the page-number rule
    running = {k for k, v in counts.items() if v >= needed and n >= 2 and re.search(r"[a-z]{2}", k)}
    numbered: list[tuple[int, float]] = []  # (printed number - page number, x centre) of lone page numbers
    for pl in pages:
        keep: list[_Line] = []
        last = len(pl.lines) - 1
        for i, ln in enumerate(pl.lines):
            text = ln.plain.strip()
            near_edge = i < 3 or i > last - 3
            if near_edge and _edge(ln, pl.page, 0.2) and _norm(text) in running:
                continue
            if (i < 2 or i > last - 2) and _edge(ln, pl.page, 0.12) and _PAGE_NUMBER.match(text):
                digits = re.findall(r"\d+", text)
                if len(digits) == 1 and text == digits[0]:
                    numbered.append((int(digits[0]) - pl.page.number, (ln.x0 + ln.x1) / 2))
                continue
            if i > last - 4 and _CONTINUED_NOTE.match(text):
                continue
            keep.append(ln)
        pl.lines = keep
    if len(numbered) >= 2:
        _drop_glued_numbers(pages, numbered)


def _drop_glued_numbers(pages: list[_PageLines], numbered: list[tuple[int, float]]) -> None:
    """Take a page number off the end of an edge line it shares a baseline with, where the other pages
    print their numbers alone at that place: ``2023  2022  2022   9``."""
    offset = Counter(o for o, _ in numbered).most_common(1)[0][0]
    centre = statistics.median(x for _, x in numbered)
    for pl in pages:
        for ln in pl.lines[:2] + pl.lines[-2:]:
            if len(ln.pieces) < 2 or not _edge(ln, pl.page, 0.12):
                continue
            tail = ln.pieces[-1]
            if (tail.text.isdigit() and int(tail.text) - pl.page.number == offset
                    and abs((tail.x0 + tail.x1) / 2 - centre) < 12):
                ln.pieces.pop()
                ln.words = [w for w in ln.words if w not in tail.words]


def _join_continued(pages: list[_PageLines]) -> list[int]:
    """Drop the headings a continued table repeats at the top of a page; the pages treated so.

    A page continues the previous page's table when a line above its first row of figures carries a
    ``continued`` title, the previous page has table rows among its last lines, and every line above
    that first row either repeats a line of the previous page (the ``continued`` mark aside) or is a
    row label at the left margin (at most two of those, as ``Financing Activities``)."""
    joined: list[int] = []
    keys = [{_title_key(ln.plain) for ln in pl.lines} - {""} for pl in pages]
    for n in range(1, len(pages)):
        prev, pl = pages[n - 1], pages[n]
        first_data = next((i for i, ln in enumerate(pl.lines) if ln.data), None)
        if first_data is None or first_data > 12 or not any(ln.data for ln in prev.lines[-8:]):
            continue
        head = pl.lines[:first_data]
        if not any(_CONTINUED.search(ln.plain) and len(ln.plain) < 120 for ln in head):
            continue
        drop = {i for i, ln in enumerate(head) if _title_key(ln.plain) in keys[n - 1]}
        margin = min((ln.x0 for ln in pl.lines), default=0.0)
        rest = [ln for i, ln in enumerate(head) if i not in drop]
        if not drop or len(rest) > 2 or any(len(ln.pieces) > 1 or ln.x0 - margin > 2 * ln.size
                                            for ln in rest):
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
    clearly larger (in em) than the steps between the lines around it. No gap is marked between a
    table's column-heading lines, nor between them and its first row, so that the headings stay
    next to the figures they head (captions further left keep theirs)."""
    lines = pl.lines
    spans = _columns(lines)
    start = min((s0 for s0, _ in spans), default=None)

    def heading(ln: _Line) -> bool:
        return start is not None and not ln.data and ln.x0 >= start - 2 * ln.size

    steps = [0.0] + [(b.base - a.base) / max(a.size, b.size, 1.0)
                     for a, b in zip(lines, lines[1:], strict=False)]
    out: set[int] = set()
    for i in range(1, len(lines)):
        near = [steps[k] for k in range(max(1, i - 3), min(len(lines), i + 4))
                if k != i and 0 < steps[k] < 2.2]
        ref = statistics.median(near) if near else 1.2
        if steps[i] > 1.15 * ref and steps[i] - ref >= 0.25:
            if heading(lines[i - 1]) and (heading(lines[i]) or lines[i].data):
                continue
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
    scans = [p.number for p in pages if p.images and not any(not c.text.isspace() for c in p.chars)]
    if 2 * len(scans) > len(pages):
        shown = ", ".join(map(str, scans[:8])) + (", ..." if len(scans) > 8 else "")
        raise ScannedPdfError(f"{name}: {len(scans)} of its {len(pages)} pages have no text layer (scans: "
                              f"pages {shown}); run OCR on it first or give the text/HTML release")
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
