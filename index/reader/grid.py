"""Table lines cut into label, value and heading pieces; tables cut where new headings start; value
columns found from rule lines or from where the values stand."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.reader.layout import Piece, RawLine

YEAR_TOKEN = re.compile(r"^(?:19|20)\d\d$")
KEYWORD = re.compile(
    r"\b(ended|months|quarter|year|as of|fy\d*|q[1-4]|[1-4]q\d\d|unaudited|audited|weeks)\b", re.I
)


@dataclass
class GridLine:
    raw: RawLine
    label: list[Piece] = field(default_factory=list)
    values: list[Piece] = field(default_factory=list)
    texts: list[Piece] = field(default_factory=list)

    @property
    def data(self) -> bool:
        return any(not _is_year(p.text) for p in self.values)


def _is_year(text: str) -> bool:
    return bool(YEAR_TOKEN.match(text.strip()))


def split_line(raw: RawLine, mode: str) -> GridLine:
    """Label pieces, value pieces and other text pieces of a line, before columns are known."""
    pieces = [p for p in raw.pieces if p.text.strip() and not p.is_rule]
    line = GridLine(raw)
    if not pieces:
        return line
    if mode == "char":
        k = len(pieces)
        while k > 0 and pieces[k - 1].is_value:
            k -= 1
        if k == 0 and pieces[0].start < 12 and not _is_year(pieces[0].text):
            k = 1
        line.values = pieces[k:]
        head = pieces[:k]
        if line.data:
            line.label = head
        else:
            single = len(head) == 1 and head[0].start < 20 and not KEYWORD.search(head[0].text)
            line.label = [p for p in head if p.start < 14 or single]
            line.texts = [p for p in head if p not in line.label]
        return line
    first_value = next((n for n, p in enumerate(pieces) if p.is_value), None)
    if first_value == 0 and pieces[0].start == 0 and len(pieces) > 1:
        first_value = next((n for n, p in enumerate(pieces[1:], 1) if p.is_value), None)
    # a heading row ("| december 31 , ( in millions ) | december 31 , 2010 | ... | 2010 | 2009 |") holds no
    # figure but years: its text cells are headings, never more of the label
    heading = first_value is not None and all(_is_year(p.text) for p in pieces[first_value:] if p.is_value)
    for n, p in enumerate(pieces):
        if first_value is not None and n >= first_value and p.is_value:
            line.values.append(p)
        elif p.start == 0 or (first_value is not None and n < first_value and not line.texts and not heading):
            line.label.append(p)
        else:
            line.texts.append(p)
    return line


def _header_like(line: GridLine, mode: str) -> bool:
    """A line that starts a new set of column headings after data rows."""
    if line.data or not (line.texts or line.values):
        return False
    words = " ".join(p.text for p in line.texts + line.values)
    years = sum(1 for p in line.values if _is_year(p.text)) + len(re.findall(r"\b(?:19|20)\d\d\b", words))
    return years >= 2 or bool(KEYWORD.search(words)) or len(line.texts) >= 2


def split_segments(lines: list[GridLine], mode: str) -> list[list[GridLine]]:
    """Cut a region where a new set of column headings follows data rows."""
    segments: list[list[GridLine]] = [[]]
    seen_data = False
    for line in lines:
        if seen_data and _header_like(line, mode):
            # label-only lines just above the new headings belong to the new table's caption
            k = len(segments[-1])
            while k > 0 and not segments[-1][k - 1].data and not segments[-1][k - 1].values:
                k -= 1
            moved = segments[-1][k:]
            segments[-1] = segments[-1][:k]
            segments.append(moved)
            seen_data = False
        segments[-1].append(line)
        seen_data = seen_data or line.data
    return [s for s in segments if any(x.data for x in s)]


@dataclass
class GridColumn:
    start: int
    end: int


def find_columns(segment: list[GridLine], mode: str) -> list[GridColumn]:
    """Value columns from the widest rule line (text layouts) or from where values stand."""
    if mode == "char":
        best: list[GridColumn] = []
        for line in segment:
            if line.raw.rule:
                runs = [p for p in line.raw.pieces if p.text.strip()]
                if len(runs) > 1:
                    runs = [p for p in runs if p.start >= 3] or runs
                if len(runs) > len(best):
                    best = [GridColumn(p.start, p.end) for p in runs]
        ends = sorted({p.end for line in segment if line.data for p in line.values})
        if best and all(any(_overlap(p, c) for c in best) or (_is_year(p.text) and p.end < best[0].start)
                        for line in segment if line.data for p in line.values):
            return best
        clusters: list[list[int]] = []
        for e in ends:
            if clusters and e - clusters[-1][-1] <= 3:
                clusters[-1].append(e)
            else:
                clusters.append([e])
        cols = []
        for cl in clusters:
            starts = [p.start for line in segment if line.data for p in line.values if p.end in cl]
            cols.append(GridColumn(min(starts), max(cl)))
        return cols
    anchors = sorted({p.end for line in segment if line.data for p in line.values})
    return [GridColumn(a, a) for a in anchors]


def _overlap(p: Piece, c: GridColumn) -> int:
    return max(0, min(p.end, c.end) - max(p.start, c.start))


def column_of(p: Piece, cols: list[GridColumn], mode: str) -> int | None:
    if mode == "char":
        scores = [_overlap(p, c) for c in cols]
        if max(scores, default=0) > 0:
            return scores.index(max(scores))
        if p.end < cols[0].start - 1:
            return None
        return min(range(len(cols)), key=lambda i: abs(cols[i].end - p.end))
    for i, c in enumerate(cols):
        if c.start == p.end:
            return i
    if p.end < cols[0].start:
        return None
    return min(range(len(cols)), key=lambda i: abs(cols[i].end - p.end))
