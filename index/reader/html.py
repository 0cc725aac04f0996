"""Reading an HTML release (a newsroom page, or an EDGAR exhibit in generated HTML): its paragraphs
and tables, without the page chrome, and a text rendering that citations count lines of.

Newsroom pages put their narrative in ``<p>``, ``<li>`` and headings, and wrap it in menus and footers
of ``<div>``s, so only those elements are read there. Generated HTML (Workiva and other EDGAR
filers) has no ``<p>`` at all: text stands in ``<div>``/``<font>``/``<span>``, often with the whole body
on one physical line. When a page has few paragraphs, any block element ends a piece of narrative.

The rendering has one line per narrative block and one per table row (cells joined by ``|``), with a
blank line around each table, so "line 212" names something a person can find (``pressbot show``)."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from index.document import Block
from index.errors import InputError
from index.reader.layout import Layout, RawLine, Region, cell_pieces
from index.reader.numbers import read_number

SKIP_TAGS = {"script", "style", "noscript", "nav", "header", "footer", "svg", "form", "button",
             "select", "iframe", "template", "head"}
BLOCK_TAGS = {"p": "paragraph", "li": "bullet", "h1": "heading", "h2": "heading", "h3": "heading",
              "h4": "heading", "h5": "heading", "h6": "heading"}
# elements that end a piece of narrative in generated HTML
FLOW_BREAKS = set(BLOCK_TAGS) | {"div", "center", "blockquote", "section", "article", "ul", "ol", "dd",
                                 "dt", "pre", "address", "hr", "body", "table"}
# pages with at least this many paragraphs are read from p, li and headings only
PARAGRAPH_PAGES = 5
BULLET_MARKS = re.compile(r"^[•●◦▪■·\-–—*]$|^\(?[a-z0-9]\)$|^[0-9]\.$")


class _Parser(HTMLParser):
    def __init__(self, flow: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.flow = flow
        self.skip = 0
        self.blocks: list[Block] = []
        self.regions: list[Region] = []
        self.rendering: list[str] = []
        self.title = ""
        self.og_title = ""
        self._in_title = False
        self._kind: str | None = None   # the block being read: a BLOCK_TAGS tag, or "flow"
        self._parts: list[str] = []
        self._table_depth = 0
        self._rows: list[RawLine] = []
        self._row: list[tuple[int, int, str]] | None = None
        self._col = 0
        self._cell: list[str] | None = None
        self._span = 1
        self.section = ""

    # the rendering
    def _emit(self, text: str) -> int:
        self.rendering.append(text)
        return len(self.rendering)

    def _gap(self) -> None:
        if self.rendering and self.rendering[-1]:
            self.rendering.append("")

    # narrative
    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self._parts)).strip()
        kind_tag, self._kind, self._parts = self._kind, None, []
        if not text or kind_tag is None:
            return
        self._add_block(BLOCK_TAGS.get(kind_tag, "paragraph"), text)

    def _add_block(self, kind: str, text: str) -> None:
        bold_heading = kind == "paragraph" and len(text) < 90 and not text.endswith(".")
        if kind == "heading" or bold_heading:
            self.section = text
            kind = "heading"
        self._gap()
        self.blocks.append(Block(kind, text, self._emit(text), self.section))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "meta" and a.get("property") == "og:title":
            self.og_title = a.get("content") or ""
        if tag in SKIP_TAGS and tag != "head":
            self.skip += 1
            return
        if tag == "title":
            self._in_title = True
        if self.skip:
            return
        if tag == "table":
            self._flush_if_outside()
            self._table_depth += 1
            if self._table_depth == 1:
                self._rows = []
        elif tag == "tr" and self._table_depth == 1:
            self._row, self._col = [], 0
        elif tag in ("td", "th") and self._row is not None and self._table_depth == 1:
            self._cell = []
            try:
                self._span = max(1, int(a.get("colspan") or 1))
            except ValueError:
                self._span = 1
        elif tag == "br":
            if self._cell is not None:
                self._cell.append(" ")
            elif self._kind is not None:
                self._parts.append(" ")
        elif not self._table_depth:
            if tag in BLOCK_TAGS and (self._kind is None or self._kind == "flow"):
                self._flush()
                self._kind = tag
            elif self.flow and tag in FLOW_BREAKS:
                self._flush()

    def _flush_if_outside(self) -> None:
        if not self._table_depth:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_TAGS and tag != "head":
            self.skip = max(0, self.skip - 1)
            return
        if tag == "title":
            self._in_title = False
        if self.skip:
            return
        row = self._row if self._table_depth == 1 else None
        if tag in ("td", "th") and self._cell is not None and row is not None:
            text = re.sub(r"\s+", " ", "".join(self._cell)).strip()
            row.append((self._col, self._col + self._span - 1, text))
            self._col += self._span
            self._cell = None
        elif tag == "tr" and row is not None:
            self._end_row(row)
            self._row = None
        elif tag == "table" and self._table_depth:
            self._table_depth -= 1
            if self._table_depth == 0:
                self._end_table()
        elif not self._table_depth:
            if self._kind is not None and tag == self._kind:
                self._flush()
            elif self.flow and tag in FLOW_BREAKS:
                self._flush()

    def _end_row(self, cells: list[tuple[int, int, str]]) -> None:
        texts = [t for _, _, t in cells if t]
        bullet = any(BULLET_MARKS.match(t) for t in texts)
        prose = [t for t in texts if len(t.split()) >= 12 and (bullet or t.endswith((".", ".)", '."')))]
        if prose and not any(read_number(t) is not None for t in texts if t not in prose):
            # a layout table holding narrative (a bullet list set as a table): read it as narrative
            self._add_block("bullet" if bullet else "paragraph", " ".join(t for t in texts
                                                                          if not BULLET_MARKS.match(t)))
            return
        if not texts:
            return
        if not self._rows:
            self._gap()
        self._rows.append(RawLine(self._emit(" | ".join(texts)), " | ".join(texts), cell_pieces(cells)))

    def _end_table(self) -> None:
        if self._rows:
            self.regions.append(Region("cells", self._rows))
            self._gap()
        self._rows = []

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
            return
        if self.skip:
            return
        if self._cell is not None:
            self._cell.append(data)
        elif self._table_depth:
            return
        elif self._kind is not None:
            self._parts.append(data)
        elif self.flow and data.strip():
            self._kind = "flow"
            self._parts.append(data)

    def close(self) -> None:
        super().close()
        if self._table_depth:
            self._end_table()
        self._flush()


BAD_DECLARATION = re.compile(r"<!(?!--|\[CDATA\[|[A-Za-z])")


def parse_html(text: str) -> Layout:
    """Layout of an HTML release: narrative blocks, tables cell by cell, and the text rendering whose
    line numbers the blocks and rows carry."""
    paragraphs = len(re.findall(r"<p[\s>]", text[:2_000_000], re.I))
    parser = _Parser(flow=paragraphs < PARAGRAPH_PAGES)
    # "<!" that opens no comment, CDATA or declaration ("<![0") is text: the standard parser asserts on it
    text = BAD_DECLARATION.sub("&lt;!", text)
    try:
        parser.feed(text)
        parser.close()
    except AssertionError as exc:  # other markup the standard parser cannot read
        raise InputError(f"the HTML cannot be read ({exc}); save the page again or as text") from None
    title = unescape(parser.og_title or parser.title).split("|")[0].strip() or None
    blocks = [b for b in parser.blocks if b.text]
    previous = 0
    for region in parser.regions:
        # the short blocks between the previous table and this one: company, title, scale, "(unaudited)"
        above: list[Block] = []
        for b in reversed([b for b in blocks if previous < b.line < region.line][-4:]):
            if len(b.text) >= 110:
                break
            above.insert(0, b)
        region.captions = [(b.line, b.text) for b in above[-4:]]
        previous = region.lines[-1].line if region.lines else region.line
    return Layout(blocks=blocks, regions=parser.regions, title=title, rendering=parser.rendering)
