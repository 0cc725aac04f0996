"""Guidance printed as a table under an "Outlook" or "Guidance" heading, read into sentences.

A guidance table prints ranges ("$2.47 - $2.54", "$10.5-11.5 billion", "14.5% to 14.8%"), words
("approximately $900 million", "no change") and a period in its headings ("Q2 2023 Guidance",
"Updated FY23 Outlook"), none of which a statement's grid reads as figures. Each row and column is
written out as the sentence the release would have printed in prose:

    "Q2 2023 Guidance: Revenue is expected to be $2.47 billion to $2.54 billion."

with the scale of its caption ("In billions, except per share data"), so that guidance is answered
the way guidance stated in words is: only when the future is asked, for the period it names, with
both ends of its range. A column of an earlier outlook ("Prior FY23 Outlook") is left out when an
updated one stands beside it, and "no change" repeats the earlier column's figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.document import Block
from index.reader.layout import RULE_RE, Piece, char_pieces

OUTLOOK_HEADING = re.compile(r"\b(outlook|guidance|forecast)\b", re.I)
EARLIER = re.compile(r"\b(prior|previous|original|earlier)\b", re.I)
UNCHANGED = re.compile(r"^(no change|unchanged|reaffirmed|maintained)$", re.I)
SCALE = re.compile(r"\bin (thousands|millions|billions)\b", re.I)
WRITTEN_SCALE = re.compile(r"\b(thousand|million|billion)s?\b|\b[kmb]n?\b", re.I)
NOT_SCALED = re.compile(r"per share|\beps\b|%|margin|rate\b|growth|stores|projects|count", re.I)
MONEY = re.compile(r"\$\s?\(?\d[\d,]*(?:\.\d+)?\)?")
DASH_RANGE = re.compile(r"(?<=[\d%])\s*(?:-|–|—)\s*(?=\$?\(?\d)")
FILLER = re.compile(r"\b(outlook|guidance|approximately|approx\.?|estimates?|updated|current|new|revised)\b"
                    r"|\*|\^", re.I)
PERIOD_WORDS = re.compile(r"\b(19|20)\d\d\b|\bq[1-4]\b|\bfy|\bfiscal\b|\bquarter\b|\byear\b", re.I)
MAX_GAP = 8
FIGURE = re.compile(r"^(~|≈|approximately |approx\.? |about |up to |at least )?[-–]?\$?\s?\(?\d", re.I)
NOT_GIVEN = re.compile(r"^(n/?a|none|nm|no impact|not provided|--?|—)$", re.I)
# a sub-row that measures the row above ("Revenue" > "Y/Y Growth"), not an item of its own
OF_PARENT = re.compile(r"growth|\by/y\b|\bq/q\b|change|impact|%|percent", re.I)
FOOTNOTE = re.compile(r"(\(\d\))+\s*$")  # lines between the heading and the first row


@dataclass
class _Column:
    header: str
    start: int
    end: int


def outlook_blocks(lines: list[str], kinds: list[str]) -> list[Block]:
    """Sentences for every guidance table of the text; the lines read are marked ``outlook`` in
    ``kinds`` (unless a statement's grid already holds them), so that they are not read as prose."""
    out: list[Block] = []
    done: set[int] = set()
    heading = ""
    for i, text in enumerate(lines):
        t = text.strip().strip("*#: ")
        if _heading(text):
            heading = t
        if not (OUTLOOK_HEADING.search(t) and len(t) < 140 and not t.endswith(".")) or kinds[i] not in (
                "text", "table"):
            continue
        first = next((k for k in range(i + 1, min(i + MAX_GAP, len(lines))) if _row(lines[k])), None)
        if first is None or first in done:
            continue
        top = first
        while top - 1 > 0 and first - top < 6 and (
                _header(lines[top - 1]) or RULE_RE.match(lines[top - 1])
                or (_heading(lines[top - 1]) and top == first)):
            top -= 1  # the column headings, their rules, and a section label over the first row
        if any(_heading(lines[k]) and not OUTLOOK_HEADING.search(lines[k]) and not _row(lines[k + 1])
               and not _header(lines[k + 1]) for k in range(i + 1, top)):
            continue  # another heading stands between: the table is not the outlook's ("2022 Results")
        rows, last = _rows(lines, first)
        done.update(range(first, last + 1))
        lead = " ".join(x.strip() for x in lines[i + 1:top] if x.strip())
        out.extend(_sentences(rows, heading, lead, lines[top:first]))
        for n in range(first, last + 1):
            if kinds[n] == "text":
                kinds[n] = "outlook"
    return out


def _rows(lines: list[str], first: int) -> tuple[list[tuple[int, str, list[Piece]]], int]:
    """The rows from ``first`` on: (line, label, value pieces); a sub-row ("Y/Y Growth" indented under
    "Revenue") is named with its parent, and a line of scale words under the figures ("Billion") joins
    the row above."""
    rows: list[tuple[int, str, list[Piece]]] = []
    parents: list[tuple[int, str]] = []
    k = last = first
    while k < len(lines) and k - last <= 2:
        text = lines[k]
        pieces = char_pieces(text)
        if _row(text):
            indent = pieces[0].start
            parents = [(n, name) for n, name in parents if n < indent]
            label = FOOTNOTE.sub("", pieces[0].text.strip()).rstrip(":*^ ")
            name = f"{parents[-1][1]} {label}" if parents and OF_PARENT.search(label) else label
            parents.append((indent, label))
            rows.append((k + 1, name, pieces[1:]))
            last = k
        elif RULE_RE.match(text) or (_heading(text) and k + 1 < len(lines) and _row(lines[k + 1])):
            last = k  # a rule, or a section label over the next rows ("Operating Margin")
        elif len(pieces) >= 2 and all(NOT_GIVEN.match(p.text.strip()) or UNCHANGED.match(p.text.strip())
                                      for p in pieces[1:]):
            last = k  # "FX Impact   no impact   no impact": nothing to say, and the table goes on
        elif rows and pieces and all(WRITTEN_SCALE.fullmatch(p.text.strip()) for p in pieces):
            for p in pieces:
                for v in rows[-1][2]:
                    if v.start < p.end and p.start < v.end:
                        v.text = f"{v.text} {p.text.strip()}"
            last = k
        elif text.strip():
            break
        k += 1
    return rows, last


def _heading(text: str) -> bool:
    """A heading line: one short piece of words, not a sentence."""
    t = text.strip().strip("*#: ")
    return len(char_pieces(text)) == 1 and 0 < len(t) < 80 and not t.endswith((".", ",", ";")) and \
        not t[:1].islower() and bool(re.search(r"[A-Za-z]", t))


def _row(text: str) -> bool:
    """A row of guidance: a label, then a figure under at least one column and words ("N/A", "no
    change") under the others."""
    pieces = char_pieces(text)
    if len(pieces) < 2 or not re.search(r"[A-Za-z]", pieces[0].text) or pieces[0].start > 8:
        return False
    values = [p.text.strip() for p in pieces[1:]]
    return len(text.strip()) < 160 and any(FIGURE.match(v) for v in values) and all(
        FIGURE.match(v) or UNCHANGED.match(v) or NOT_GIVEN.match(v) for v in values)


def _header(text: str) -> bool:
    """A column heading line: short pieces, no sentence, no figures."""
    t = text.strip()
    wide = len(char_pieces(text)) >= 2 or len(text) - len(text.lstrip()) >= 8
    return bool(t) and not t.endswith(".") and wide and len(t) < 140 and not _row(text)


def _columns(headers: list[str]) -> tuple[str, list[_Column]]:
    """The corner (the heading over the labels: "In billions, ...", "Q1 2023") and the columns: those of
    the heading line nearest the figures, each with the words printed above it ("Q2 FY24" over
    "Guidance"; "GAAP*" over "Approximately")."""
    corner: list[str] = []
    columns: list[_Column] = []
    for h in reversed(headers):
        pieces = [p for p in char_pieces(h) if not RULE_RE.match(p.text)]
        corner[:0] = [p.text for p in pieces if p.start <= 4]
        pieces = [p for p in pieces if p.start > 4]
        if not columns:
            columns = [_Column(p.text, p.start, p.end) for p in pieces]
            continue
        for p in pieces:
            over = [c for c in columns if c.start < p.end and p.start < c.end]
            if not over:
                centre = (p.start + p.end) / 2
                over = [min(columns, key=lambda c: abs((c.start + c.end) / 2 - centre))]
            for c in over:
                c.header = f"{p.text} {c.header}"
    return " ".join(corner), columns


def _column_of(p: Piece, columns: list[_Column], n: int, count: int) -> int:
    """The column a figure stands under: the heading it overlaps most, else the nearest; by order when
    the row fills every column."""
    if not columns or count == len(columns):
        return n
    centre = (p.start + p.end) / 2
    return min(range(len(columns)), key=lambda c: abs((columns[c].start + columns[c].end) / 2 - centre))


def _sentences(rows: list[tuple[int, str, list[Piece]]], heading: str, lead: str,
               headers: list[str]) -> list[Block]:
    corner, columns = _columns(headers)
    scale = SCALE.search(f"{corner} {' '.join(c.header for c in columns)} {lead}")
    scale_word = scale.group(1)[:-1].lower() if scale else ""
    keep = [c for c, col in enumerate(columns) if not EARLIER.search(col.header)] or list(range(len(columns)))
    dated = corner if PERIOD_WORDS.search(corner) and not SCALE.search(corner) else ""
    out: list[Block] = []
    for line, label, pieces in rows:
        values: dict[int, str] = {}
        for j, p in enumerate(pieces):
            values[_column_of(p, columns, j, len(pieces))] = p.text.strip()
        for c in sorted(values):
            value = values[c]
            if (columns and c not in keep) or NOT_GIVEN.match(value):
                continue
            if UNCHANGED.match(value):
                earlier = [values[x] for x in sorted(values) if x < c and FIGURE.match(values[x])]
                if not earlier:
                    continue
                value = earlier[-1]
            said = _figure(value, "" if NOT_SCALED.search(label) else scale_word, label)
            column = FILLER.sub(" ", columns[c].header).strip() if c < len(columns) else ""
            period = " ".join(x for x in (FILLER.sub(" ", dated).strip(), column) if x)
            subject = re.sub(r"\s+", " ", f"{period or heading} guidance").strip()
            out.append(Block("outlook", f"{subject}: {label} is expected to be {said}.", line, heading))
    return out


def _figure(value: str, scale: str, label: str) -> str:
    """A guidance cell as prose: both ends of a range, each with the scale and the per-share words."""
    text = re.sub(r"\$\s+(?=\d)", "$", re.sub(r"[*^]+$", "", value)).strip()
    text = re.sub(r"\((\d[\d,.]*)\)\s*%", r"-\1%", text)  # "(84)%" is negative; "$(0.80)" reads as printed
    text = re.sub(r"^~\s*|^≈\s*", "approximately ", text)
    written = WRITTEN_SCALE.search(text)
    word = written.group(1).lower() if written and written.group(1) else scale
    text = DASH_RANGE.sub(" to ", text)
    if word:
        text = WRITTEN_SCALE.sub("", text).strip()
        text = re.sub(r"(\$?-?\d[\d,]*(?:\.\d+)?)(?!\s*%)(?=\s+to\b|$)", rf"\1 {word}", text)
    if text.startswith("$"):
        text = re.sub(r"\bto (?=\d)", "to $", text)
    if MONEY.search(text) and re.search(r"per share|\beps\b", label, re.I) and "per share" not in text:
        text += " per share"
    return re.sub(r"\s+", " ", text)
