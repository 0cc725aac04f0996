"""What every layout is split into: narrative blocks and table regions of lines cut into pieces
(character spans for space-aligned text, cell spans for tabs, pipes and HTML)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.document import Block
from index.reader.numbers import CURRENCY_PREFIXES, is_nil, read_number

HEADING_WORDS = re.compile(r"\b(months? ended|quarter ended|year ended|weeks ended|as of)\b", re.I)
RULE_RE = re.compile(r"^[\s\-=_—–]*[-=_—–]{3,}[\s\-=_—–]*$")
SPLIT_RE = re.compile(r"\S+(?: \S+)*")


@dataclass
class Piece:
    """A stretch of a table line: character span (text layouts) or cell span (grids)."""

    start: int
    end: int
    text: str

    @property
    def is_rule(self) -> bool:
        return bool(RULE_RE.match(self.text))

    @property
    def is_value(self) -> bool:
        return read_number(self.text) is not None or is_nil(self.text)


@dataclass
class RawLine:
    """One printed line of a table region, cut into pieces."""

    line: int
    text: str
    pieces: list[Piece]

    @property
    def blank(self) -> bool:
        return not any(p.text.strip() for p in self.pieces)

    @property
    def rule(self) -> bool:
        pieces = [p for p in self.pieces if p.text.strip()]
        return bool(pieces) and all(p.is_rule for p in pieces)


@dataclass
class Region:
    """A run of table lines with the caption lines printed above it."""

    mode: str  # "char" (space-aligned text) or "cells" (tabs, pipes, HTML)
    lines: list[RawLine]
    captions: list[tuple[int, str]] = field(default_factory=list)

    @property
    def line(self) -> int:
        return self.lines[0].line if self.lines else 0


@dataclass
class Layout:
    """What a source splits into."""

    blocks: list[Block]
    regions: list[Region]
    title: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    # the text that line numbers count, when it is not the source's own lines (an HTML page's rendering)
    rendering: list[str] | None = None


def char_pieces(text: str) -> list[Piece]:
    """Cut a space-aligned line at runs of two or more spaces, keeping ``$``, ``)`` and ``%`` with
    their numbers. A no-break space is a space ("31,\u00a02023" is one date)."""
    text = text.replace("\t", "  ").replace("\u00a0", " ")
    raw = [Piece(m.start(), m.end(), m.group()) for m in SPLIT_RE.finditer(text)]
    return merge_marks(raw)


def merge_marks(pieces: list[Piece]) -> list[Piece]:
    """Join currency signs to the number after them, and ``)``, ``%`` or ``bps`` to the one before."""
    out: list[Piece] = []
    pending: Piece | None = None
    for p in pieces:
        t = p.text.strip()
        if not t:
            continue
        if pending is not None:
            p = Piece(pending.start, p.end, pending.text + " " + p.text)
            pending = None
        if t in CURRENCY_PREFIXES or t == "\\$":
            pending = p
            continue
        if out and t in (")", "%", ")%", "%)", "bps", "pts") and read_number(out[-1].text + t) is not None:
            prev = out.pop()
            p = Piece(prev.start, prev.end, prev.text + t)
        out.append(p)
    if pending is not None:
        out.append(pending)
    return out


def cell_pieces(cells: list[tuple[int, int, str]]) -> list[Piece]:
    """Pieces for grid cells given as (start, end, text)."""
    return merge_marks([Piece(s, e, t.strip()) for s, e, t in cells if t.strip()])
