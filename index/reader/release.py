"""Reading a release file into a document: narrative, tables, facts and metadata."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from index.document import Document, ScaleSource, Table
from index.errors import NotAReleaseError
from index.reader.claims import Claim, find_claims
from index.reader.facts import facts_of
from index.reader.html import parse_html
from index.reader.layout import Layout
from index.reader.load import Source, load_source
from index.reader.metadata import read_metadata, reported_period, resolve_quarter_codes
from index.reader.tables import read_region, read_scale
from index.reader.text import split_text

PER_SHARE_LABEL = re.compile(r"per (common |diluted |basic )?share|\beps\b|%|margin|shares\b", re.I)
RELEASE_WORDS = re.compile(
    r"\b(revenues?|net (income|loss|sales)|earnings|quarter|fiscal|results|per share|ebitda|"
    r"operating (income|loss)|gross (profit|margin|loss))\b", re.I)


def read_release(path: str | Path, name: str | None = None) -> Document:
    """Read a release file; raise an ``InputError`` when it cannot be read as one."""
    return read_source(load_source(path, name))


def read_source(source: Source) -> Document:
    """Read a loaded source into a document."""
    layout = split_source(source)
    tables: list[Table] = []
    for region in layout.regions:
        tables.extend(read_region(region, len(tables)))
    words = len(RELEASE_WORDS.findall(source.text[:200_000]))
    figures = len(find_claims(" ".join(b.text for b in layout.blocks)[:200_000]))
    rows = sum(len(t.rows) for t in tables)
    if not rows and (words < 2 or figures < 2):
        raise NotAReleaseError(
            f"{source.path} does not look like an earnings release (no financial tables or "
            "results language); give a company's results press release"
        )
    continue_tables(tables)
    claims = [c for b in layout.blocks for c in find_claims(b.text, b.line)]
    for n, table in enumerate(tables):
        if table.scale_source == ScaleSource.NONE:
            before = max((r.line for r in tables[n - 1].rows), default=0) if n else 0
            adopt_lead_in_scale(table, layout, before)
        if table.scale_source == ScaleSource.NONE:
            adopt_narrative_scale(table, claims)
    meta = read_metadata(layout, tables)
    resolve_quarter_codes(tables, meta)
    if meta.period is None:
        meta.period = reported_period(tables)
    facts = [f for t in tables for f in facts_of(t)]
    lines = layout.rendering if layout.rendering is not None else source.lines
    return Document(name=source.name, path=source.path, sha256=source.sha256, lines=lines,
                    metadata=meta, blocks=layout.blocks, tables=tables, facts=facts, pages=source.pages)


CONTINUED_WITHIN = 15  # lines between a table's last row and a continuation without headings
STATEMENT_TITLE = re.compile(r"balance sheets?|statements? of|cash flows?|financial position|reconciliation|"
                             r"summary|highlights|segment", re.I)


def continue_tables(tables: list[Table]) -> None:
    """A table printed without column headings just after one with the same number of columns is its
    continuation (the liabilities half of a balance sheet under its own centred heading, a statement
    carried over a page break without "continued"): it takes that table's columns, title and scale."""
    for prev, table in zip(tables, tables[1:], strict=False):
        if not prev.rows or not table.rows or len(table.columns) != len(prev.columns):
            continue
        if any(c.period is not None or c.header.strip() for c in table.columns):
            continue
        if not any(c.period is not None for c in prev.columns):
            continue
        if table.rows[0].line - max(r.line for r in prev.rows) > CONTINUED_WITHIN:
            continue
        if table.scale_source == ScaleSource.CAPTION or STATEMENT_TITLE.search(table.caption):
            continue  # a caption of its own ("Condensed Consolidated Balance Sheets", "(in millions)")
        table.columns = [replace(c) for c in prev.columns]
        table.title = re.sub(r" \([A-Za-z][\w -]*\)$", "", prev.title)  # not "(ASSETS)"
        if not table.scale_source.known and prev.scale_source.known:
            table.scale, table.scale_except, table.currency = prev.scale, prev.scale_except, prev.currency
            table.scale_source = ScaleSource.EARLIER_TABLE


def rendered_lines(source: Source) -> list[str]:
    """The lines citations count: the file's own lines, a PDF's text rendering, or an HTML page's
    rendering (one line per paragraph and per table row)."""
    if source.kind == "html":
        return parse_html(source.text).rendering or []
    return source.lines


def split_source(source: Source) -> Layout:
    """Narrative blocks and table regions of any release."""
    return parse_html(source.text) if source.kind == "html" else split_text(source)


# a sentence or heading that announces a table and says its scale: "Property, plant and equipment consists
# of the following (in millions):", "Other non-current assets (in millions):"
LEAD_IN_SCALE = re.compile(r"\((?:[^()]*\b)?(?:in|amounts in|dollars in)\s+[^()]*\)\s*:?\s*$", re.I)


def adopt_lead_in_scale(table: Table, layout: Layout, after: int) -> None:
    """A table with no scale of its own, printed after a paragraph or two under the line that announces
    it with its scale, is read at that scale: the nearest such line since the table before."""
    for b in sorted(layout.blocks, key=lambda b: -b.line):
        if not after < b.line < table.line:
            continue
        for part in [b.text.strip(), *(s.strip() for s in re.split(r"(?<=:)\s+", b.text))]:
            if not (part.endswith(":") or b.kind == "heading") or not LEAD_IN_SCALE.search(part):
                continue
            scale, scale_except, source = read_scale(part)
            if source == ScaleSource.CAPTION and scale != 1.0:
                table.scale, table.scale_except, table.scale_source = scale, scale_except, ScaleSource.LEAD_IN
                return


def adopt_narrative_scale(table: Table, claims: list[Claim]) -> None:
    """A table printed without a scale whose money figures the narrative states at a larger one
    ($48.3 million beside 48,312) is read at the scale that agrees, and says so; otherwise its scale
    stays unknown."""
    values = [c.value for row in table.rows if not PER_SHARE_LABEL.search(row.label) and not row.unit_note
              for c in row.cells.values() if c.value and not c.percent and not c.bps and abs(c.value) >= 10]
    money = [c for c in claims if c.kind == "money" and c.scale >= 1e6 and c.currency == table.currency]
    if not values or not money:
        return
    agree: dict[float, list[tuple[Claim, float]]] = {}
    for factor in (1.0, 1e3, 1e6):
        agree[factor] = [(c, v) for c in money for v in values
                         if abs(abs(v) * factor - abs(c.value)) <= c.tolerance]
    best = max((1e3, 1e6), key=lambda f: len({id(c) for c, _ in agree[f]}))
    hits = {id(c) for c, _ in agree[best]}
    # one figure agreeing by chance is not enough: two, or one printed with a decimal ($48.3 million)
    precise = any(c.decimals > 0 for c, _ in agree[best])
    if (len(hits) >= 2 or precise) and len(hits) > len({id(c) for c, _ in agree[1.0]}):
        claim, value = agree[best][0]
        table.scale = best
        table.scale_source = ScaleSource.NARRATIVE
        word = "thousands" if best == 1e3 else "millions"
        table.scale_note = (f"read in {word}: the narrative states {claim.text} (line {claim.line}) beside "
                            f"{value:,.0f} printed, and {len(hits)} narrative figure(s) agree at this scale")
