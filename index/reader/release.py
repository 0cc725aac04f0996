"""Reading a release file into a document: narrative, tables, facts and metadata."""

from __future__ import annotations

import re
from pathlib import Path

from index.document import Document, Table
from index.errors import NotAReleaseError
from index.reader.claims import find_claims
from index.reader.facts import facts_of
from index.reader.html import parse_html
from index.reader.layout import Layout
from index.reader.load import Source, load_source
from index.reader.metadata import read_metadata, reported_period, resolve_quarter_codes
from index.reader.tables import read_region
from index.reader.text import split_text

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
    meta = read_metadata(layout, tables)
    resolve_quarter_codes(tables, meta)
    if meta.period is None:
        meta.period = reported_period(tables)
    facts = [f for t in tables for f in facts_of(t)]
    return Document(name=source.name, path=source.path, sha256=source.sha256, lines=source.lines,
                    metadata=meta, blocks=layout.blocks, tables=tables, facts=facts)


def split_source(source: Source) -> Layout:
    """Narrative blocks and table regions of any release."""
    return parse_html(source.text) if source.kind == "html" else split_text(source)
