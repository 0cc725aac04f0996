"""Reading an HTML newsroom page: the release's paragraphs and tables, without the page chrome."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from index.document import Block
from index.reader.layout import Layout, RawLine, Region, cell_pieces

SKIP_TAGS = {"script", "style", "noscript", "nav", "header", "footer", "svg", "form", "button",
             "select", "iframe", "template", "head"}
BLOCK_TAGS = {"p": "paragraph", "li": "bullet", "h1": "heading", "h2": "heading", "h3": "heading",
              "h4": "heading", "h5": "heading", "h6": "heading"}


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.blocks: list[Block] = []
        self.regions: list[Region] = []
        self.title = ""
        self.og_title = ""
        self._in_title = False
        self._block: tuple[str, int, list[str]] | None = None
        self._table_depth = 0
        self._rows: list[RawLine] = []
        self._row: list[tuple[int, int, str]] | None = None
        self._row_line = 0
        self._col = 0
        self._cell: list[str] | None = None
        self._span = 1
        self.section = ""

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
            self._table_depth += 1
            if self._table_depth == 1:
                self._rows = []
        elif tag == "tr" and self._table_depth:
            self._row, self._row_line, self._col = [], self.getpos()[0], 0
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
            try:
                self._span = max(1, int(a.get("colspan") or 1))
            except ValueError:
                self._span = 1
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")
        elif tag in BLOCK_TAGS and not self._table_depth and self._block is None:
            self._block = (tag, self.getpos()[0], [])

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_TAGS and tag != "head":
            self.skip = max(0, self.skip - 1)
            return
        if tag == "title":
            self._in_title = False
        if self.skip:
            return
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            text = re.sub(r"\s+", " ", "".join(self._cell)).strip()
            self._row.append((self._col, self._col + self._span - 1, text))
            self._col += self._span
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self._rows.append(RawLine(self._row_line, " | ".join(t for _, _, t in self._row),
                                      cell_pieces(self._row)))
            self._row = None
        elif tag == "table" and self._table_depth:
            self._table_depth -= 1
            if self._table_depth == 0 and self._rows:
                self.regions.append(Region("cells", self._rows))
        elif self._block is not None and tag == self._block[0]:
            kind_tag, line, parts = self._block
            text = re.sub(r"\s+", " ", "".join(parts)).strip()
            self._block = None
            if text:
                kind = BLOCK_TAGS[kind_tag]
                bold_heading = kind == "paragraph" and len(text) < 90 and not text.endswith(".")
                if kind == "heading" or bold_heading:
                    self.section = text
                    kind = "heading"
                self.blocks.append(Block(kind, text, line, self.section))

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if self.skip:
            return
        if self._cell is not None:
            self._cell.append(data)
        elif self._block is not None:
            self._block[2].append(data)


def parse_html(text: str) -> Layout:
    """Layout of an HTML release: narrative from p, li and headings; tables cell by cell."""
    parser = _Parser()
    parser.feed(text)
    parser.close()
    title = unescape(parser.og_title or parser.title).split("|")[0].strip() or None
    blocks = [b for b in parser.blocks if b.text]
    for region in parser.regions:
        above = [b for b in blocks if b.line < region.line][-2:]
        region.captions = [(b.line, b.text) for b in above if len(b.text) < 110]
    return Layout(blocks=blocks, regions=parser.regions, title=title)
