"""Table rows: labels joined over wrapped lines, section headings kept as paths, cells by column."""

from __future__ import annotations

import re

from index.document import Cell, Row
from index.reader.grid import GridColumn, GridLine, column_of
from index.reader.numbers import is_nil, read_number
from index.reader.words import stems

SECTION_WORDS = re.compile(
    r"^(assets|current assets|liabilities.*|current liabilities|.*(stockholders|shareholders)'? "
    r"(equity|deficit).*|operating activities|investing activities|financing activities)$",
    re.I,
)
CONNECTOR = re.compile(r"\b(of|and|to|for|in|on|the|from|by|with|per|less|net|or)$|[,&-]$", re.I)
FOOTNOTE = re.compile(r"\s*(\(\[?\d\]?\)|\[\d\]|\*+|\(\w\))\s*")


def clean_label(text: str) -> str:
    """A row label without footnote markers, leading dashes or stray dollar signs."""
    text = FOOTNOTE.sub(" ", text)
    text = re.sub(r"^[-—–\s]+", "", text.replace("\\$", "$"))
    text = re.sub(r"\s+", " ", text).strip()
    return text.rstrip("$ ").strip()


def read_rows(body: list[GridLine], cols: list[GridColumn], mode: str, pre_sections: list[str]) -> list[Row]:
    """Rows with labels joined over wrapped lines and section paths from headings."""
    rows: list[Row] = []
    stack: list[tuple[int, str]] = [(0, s.rstrip(":")) for s in pre_sections]
    pending: list[tuple[int, str, bool]] = []  # indent, text, forced continuation
    rule_above = False
    after_total = False
    since_total = 0  # the first row after the last total
    prev_indent = 0
    last_label = ""
    data_lines = [x for x in body if x.data]
    for idx, line in enumerate(body):
        raw = line.raw
        if raw.rule or raw.blank:
            if raw.rule:
                rule_above = True
                if pending and mode == "char":
                    pending = [(i, t if _closed(t) else t + ":", f) for i, t, f in pending]
            if raw.rule and line.label:
                pending.append((_indent(line, mode), " ".join(p.text for p in line.label), True))
            continue
        if not line.data:
            text = " ".join(p.text for p in line.label + line.texts).strip()
            if text:
                forced = mode == "cells" and any(p.is_rule for p in raw.pieces)
                pending.append((_indent(line, mode), text, forced))
            continue
        cells: dict[int, Cell] = {}
        extra_label: list[str] = []
        for p in line.values:
            ci = column_of(p, cols, mode)
            if ci is None:
                extra_label.append(p.text)
                continue
            r = read_number(p.text)
            cells[ci] = Cell(p.text.strip(), r.value if r else (0.0 if is_nil(p.text) else None),
                             percent=bool(r and r.percent), bps=bool(r and r.bps),
                             currency=r.currency if r else None, decimals=r.decimals if r else 0)
        own = " ".join([p.text for p in line.label] + extra_label).strip()
        indent = _indent(line, mode)
        row_indent = pending[0][0] if pending else indent
        if mode == "char" and row_indent < prev_indent:
            stack = [(i, s) for i, s in stack if i < row_indent]
        prev_indent = row_indent
        if after_total:
            if stack and stack[-1][0] >= 0 and _closes(last_label, stack[-1][1]):
                stack.pop()
            after_total = False
        label_parts: list[str] = []
        if pending:
            nxt = data_lines.index(line) + 1 if line in data_lines else -1
            following = body[idx + 1] if idx + 1 < len(body) else None
            sibling = (following is not None and following.data and 0 <= nxt
                       and _indent(following, mode) == indent and mode == "char")
            own_text = " ".join(p.text for p in line.label).strip()
            heads, cont = _resolve_pending(pending, mode, sibling, own_text)
            for h_indent, h in heads:
                top = _caps(h) and not h.endswith(":")
                h = clean_label(h).rstrip(":").strip()
                if top:
                    stack = [(h_indent - 100, h)]
                else:
                    stack = [(i, s) for i, s in stack if i < h_indent or (i < 0)]
                    stack.append((h_indent, h))
            label_parts = cont
            pending = []
        label = clean_label(" ".join(label_parts + [own]))
        if not label and not label_parts and rows and stack and rows[-1].section[-1:] == (stack[-1][1],):
            # an unlabelled line of figures closing a section ("Inventories:" ... its parts ... 5,222)
            # is the section's total
            label = stack[-1][1]
            stack = stack[:-1]
        if not label and len(rows) >= 2 and LESS_CONTRA.match(rows[-1].label) and cells:
            # "Property and equipment" / "Less accumulated depreciation" / an unlabelled line: the net
            label = "Net" if rows[-2].label == "Total" else net_of(rows[-2].label)
        if not label and cells and _adds_up(cells, rows[since_total:]):
            # an unlabelled line of figures under the rows it adds up ("|  | 336 | 2,523 |" under three
            # asset classes) is their total
            label = "Total"
        if not label:
            continue
        rows.append(Row(label=label, section=tuple(s for _, s in stack), line=raw.line, cells=cells,
                        rule_above=rule_above,
                        unit_note=next((n for n in map(_unit_note, [label] + [h for _, h in reversed(stack)])
                                        if n), "")))
        rule_above = False
        after_total = label.lower().startswith("total")
        if after_total:
            since_total = len(rows)
        last_label = label
    return rows


def _adds_up(cells: dict[int, Cell], parts: list[Row]) -> bool:
    """Whether every figure of a line is the sum of the rows above it, column by column (two rows at
    least, each with a label)."""
    values = {c: cell.value for c, cell in cells.items() if cell.value is not None}
    if len(parts) < 2 or not values:
        return False
    return all(abs(sum(p.cells[c].value or 0.0 for p in parts if c in p.cells) - v) <= 0.5 + abs(v) * 1e-6
               for c, v in values.items())


def net_of(label: str) -> str:
    """The name of an item less its contra line: ``Property and equipment, net``."""
    return f"{label}, net"


# a contra line printed under the item it reduces ("Less accumulated depreciation and amortization")
LESS_CONTRA = re.compile(r"^(less:?|net of)\s+(accumulated|allowance|reserve)", re.I)


def _closes(total: str, section: str) -> bool:
    """Whether a total row closes a section: ``Total current assets`` closes ``Current Assets``."""
    def words(text: str) -> set[str]:
        return stems(text) - {"total", "net", "and", "of", "the"}

    return bool(words(section)) and words(section) <= words(total)


def _closed(text: str) -> bool:
    """A heading line that ends a heading: a colon, capitals, or a known section name."""
    return text.endswith(":") or _caps(text) or SECTION_WORDS.match(text) is not None


def _resolve_pending(pending: list[tuple[int, str, bool]], mode: str, sibling: bool,
                     own: str = "") -> tuple[list[tuple[int, str]], list[str]]:
    """Label-only lines above a data row: section headings, or the first lines of a wrapped label."""
    groups: list[list] = []
    for indent, text, forced in pending:
        # "Operating" / "expenses" / "  Research and" / "    development (7,676)": a capitalised line set
        # deeper than a whole phrase above it begins an item under that heading, not more of its words
        under = bool(groups) and mode == "char" and not forced and indent > groups[-1][3] and \
            text[:1].isupper() and not CONNECTOR.search(groups[-1][1])
        if groups and not under and (forced or groups[-1][2]) == groups[-1][2] and (
            (mode == "char" and not _closed(groups[-1][1])) or (forced and groups[-1][2])
        ):
            groups[-1][1] += " " + text
            groups[-1][3] = indent
        else:
            groups.append([indent, text, forced, indent])
    heads: list[tuple[int, str]] = []
    cont: list[str] = []
    for n, (indent, text, forced, _) in enumerate(groups):
        last = n == len(groups) - 1
        joins = last and mode == "char" and own and (
            (own[:1].islower() or own[:1].isdigit() or CONNECTOR.search(text) is not None)
            or (_caps(text) and _caps(own) and not text.endswith(":"))
        )
        head = not forced and not joins and (
            _closed(text) or mode == "cells" or (sibling and last) or not last)
        if head:
            heads.append((indent, text))
        else:
            cont.append(text)
    return heads, cont


def _caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _indent(line: GridLine, mode: str) -> int:
    pieces = line.label or line.texts or line.values
    return pieces[0].start if pieces else 0


def _unit_note(label: str) -> str:
    """The scale a label or its section heading prints for its own figures: ``(in millions)``,
    ``NT$ in thousands``, ``Shares used in calculation (000s)``."""
    if re.search(r"\((?:in\s+)?000'?s\)", label, re.I):
        return "thousands"
    m = re.search(r"\(\s*(?:in\s+)?((?:NT|US)?\$?\s*(?:thousand|million|billion)s?(?:\s+shares)?)\s*\)",
                  label, re.I)
    return m.group(1) if m else ""
