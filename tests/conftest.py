"""Shared fixtures: corpus paths and a cached reader."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from index.model import Document
from index.reader import read_release

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "corpus"
SAMPLE = CORPUS / "capstone-turbine-q1-fy2008.txt"
RELEASES = sorted(p.name for p in CORPUS.iterdir() if p.suffix in (".txt", ".md", ".html")
                  and p.name != "SOURCES.md")


@cache
def read(name: str) -> Document:
    """A corpus release, read once per test session."""
    return read_release(CORPUS / name)


@pytest.fixture
def sample() -> Document:
    return read(SAMPLE.name)
