"""Chunks carry the currency and scale of their table, so a row reads on its own."""

from __future__ import annotations

import pytest

from index.reader import read_release
from index.store.chunks import ChunkKind, chunk_document, describe_scale
from tests.conftest import DATA, read


@pytest.mark.parametrize(("path", "expected"), [
    (DATA / "synthetic" / "europa-fy2025.md", "€ in millions"),
    (DATA / "corpus" / "ase-technology_fy2024-q4.md", "NT$ in millions"),
    (DATA / "corpus" / "capstone-turbine-q1-fy2008.txt", "$ in thousands"),
])
def test_row_chunks_name_currency_and_scale(path, expected: str) -> None:
    doc = read_release(path) if "synthetic" in str(path) else read(path.name)
    rows = [c for c in chunk_document(doc) if c.kind == ChunkKind.ROW]
    assert rows and any(expected in c.text for c in rows)
    if not expected.startswith("$"):
        scaled = [t for t in doc.tables if t.scale > 1 and t.currency != "USD"]
        assert scaled and all(describe_scale(t).startswith(expected.split()[0]) for t in scaled)
