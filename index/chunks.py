"""Chunks for retrieval: narrative split to fit the model, and one chunk per table row."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.claims import sentences
from index.model import Document, Row, Table

MAX_WORDS = 150  # about 200 word-piece tokens: under the model's 256-token limit


@dataclass(frozen=True)
class Chunk:
    """A piece of a release that is embedded and searched on its own."""

    id: str
    doc: str
    kind: str  # narrative or row
    text: str
    line: int
    section: str
    table: str = ""
    row: int = -1


def describe_scale(table: Table) -> str:
    """``in thousands`` and the like, for a row chunk that reads on its own."""
    word = {1e3: "in thousands", 1e6: "in millions", 1e9: "in billions"}.get(table.scale, "")
    cur = "NT$" if table.currency == "TWD" else "$"
    return f"{cur} {word}".strip() if word else ""


def row_text(doc: Document, table: Table, row: Row) -> str:
    """``Capstone Turbine, statements of operations, in thousands: Gross loss, three months ended
    June 30, 2007: (2,473); ...``."""
    company = doc.metadata.company or doc.name
    cells = []
    for i, cell in sorted(row.cells.items()):
        header = table.column(i).header or f"column {i + 1}"
        cells.append(f"{header}: {cell.text}")
    scale = describe_scale(table)
    head = f"{company}, {table.title.lower()}" + (f", {scale}" if scale else "")
    section = " > ".join(row.section)
    label = f"{section} > {row.name}" if section else row.name
    return f"{head}: {label}, " + "; ".join(cells)


def chunk_document(doc: Document) -> list[Chunk]:
    """Narrative chunks at paragraph and sentence bounds, then one chunk per table row."""
    chunks: list[Chunk] = []
    for n, block in enumerate(doc.blocks):
        if block.kind == "heading":
            continue
        for k, part in enumerate(_fit(block.text)):
            prefix = f"{block.section}: " if block.section and block.section not in part else ""
            chunks.append(Chunk(f"{doc.name}:n{n}:{k}", doc.name, "narrative", prefix + part,
                                block.line, block.section))
    for table in doc.tables:
        for r, row in enumerate(table.rows):
            if not row.cells:
                continue
            chunks.append(Chunk(f"{doc.name}:{table.id}:r{r}", doc.name, "row",
                                row_text(doc, table, row), row.line, " > ".join(row.section),
                                table.id, r))
    return chunks


def _fit(text: str) -> list[str]:
    """Split a paragraph at sentence bounds into pieces of at most ``MAX_WORDS`` words."""
    if len(text.split()) <= MAX_WORDS:
        return [text]
    parts: list[str] = []
    current: list[str] = []
    for sentence in sentences(text):
        words = sentence.split()
        while len(words) > MAX_WORDS:
            parts.append(" ".join(words[:MAX_WORDS]))
            words = words[MAX_WORDS:]
        if current and len(" ".join(current).split()) + len(words) > MAX_WORDS:
            parts.append(" ".join(current))
            current = []
        current.append(" ".join(words))
    if current:
        parts.append(" ".join(current))
    return [re.sub(r"\s+", " ", p).strip() for p in parts if p.strip()]
