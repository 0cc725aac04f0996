"""Chunks for retrieval: narrative split to fit the model, and one chunk per table row."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Any

from index.document import Document, Row, Table
from index.reader.claims import sentences
from index.reader.numbers import currency_symbol

MAX_TOKENS = 240  # the model reads 256 word pieces; a little room for the section prefix


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    from tokenizers import Tokenizer

    from index.store.embed import model_path

    tok = Tokenizer.from_file(str(model_path() / "tokenizer.json"))
    tok.no_truncation()
    tok.no_padding()
    return tok


def count_tokens(text: str) -> int:
    """Word pieces of the embedding model's tokenizer, special tokens included."""
    return len(_tokenizer().encode(text).ids)


class ChunkKind(StrEnum):
    """What a chunk holds: a piece of narrative, or one table row that reads on its own."""

    NARRATIVE = "narrative"
    ROW = "row"


@dataclass(frozen=True)
class Chunk:
    """A piece of a release that is embedded and searched on its own."""

    id: str
    doc: str
    kind: ChunkKind
    text: str
    line: int
    section: str
    table: str = ""
    row: int = -1


def describe_scale(table: Table) -> str:
    """``in thousands`` and the like, for a row chunk that reads on its own."""
    word = {1e3: "in thousands", 1e6: "in millions", 1e9: "in billions"}.get(table.scale, "")
    return f"{currency_symbol(table.currency).strip()} {word}" if word else ""


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
        prefix = f"{block.section}: " if block.section else ""
        for k, part in enumerate(_fit(block.text, MAX_TOKENS - count_tokens(prefix) + 2)):
            prefix = f"{block.section}: " if block.section and block.section not in part else ""
            chunks.append(Chunk(f"{doc.name}:n{n}:{k}", doc.name, ChunkKind.NARRATIVE, prefix + part,
                                block.line, block.section))
    for table in doc.tables:
        for r, row in enumerate(table.rows):
            if not row.cells:
                continue
            chunks.append(Chunk(f"{doc.name}:{table.id}:r{r}", doc.name, ChunkKind.ROW,
                                row_text(doc, table, row), row.line, " > ".join(row.section),
                                table.id, r))
    return chunks


def _fit(text: str, limit: int = MAX_TOKENS) -> list[str]:
    """Split a paragraph at sentence bounds into pieces of at most ``limit`` tokens; a sentence longer
    than that is cut at word bounds."""
    if count_tokens(text) <= limit:
        return [text]
    parts: list[str] = []
    current = ""
    for sentence in sentences(text):
        pieces = [sentence]
        if count_tokens(sentence) > limit:
            pieces, words = [], sentence.split()
            while words:
                n = len(words)
                while n > 1 and count_tokens(" ".join(words[:n])) > limit:
                    n = max(1, n * 3 // 4)
                pieces.append(" ".join(words[:n]))
                words = words[n:]
        for piece in pieces:
            joined = f"{current} {piece}".strip()
            if current and count_tokens(joined) > limit:
                parts.append(current)
                current = piece
            else:
                current = joined
    if current:
        parts.append(current)
    return [re.sub(r"\s+", " ", p).strip() for p in parts if p.strip()]
