"""Golden facts of the eight real PDF releases, checked by hand against the printed pages (188 facts,
tests/data/golden/pdf/facts.json): each release reads, and at least the facts it read right when last
measured are read right (value in base units, period end and length). The misses are the reader's open
work (README, Known limits)."""

from __future__ import annotations

import json
from datetime import date
from functools import cache

import pytest

from bot.checks.audit import audit
from index.document import Document
from index.reader import read_release
from index.reader.periods import near
from tests.conftest import DATA

GOLDEN = json.loads((DATA / "golden" / "pdf" / "facts.json").read_text())
# facts read right on 2026-11-29, by release: a floor, so a change that reads fewer fails
MEASURED = {"costco_2023q1_earnings.pdf": 19, "intel_2022q4_earnings.pdf": 24,
            "mcdonalds_2023q1_earnings.pdf": 17, "pepsico_2022q4_earnings.pdf": 16,
            "salesforce_2024q1_earnings.pdf": 20, "ultabeauty_2023q1_earnings.pdf": 19,
            "ebay_2023q1_earnings.pdf": 27, "bestbuy_2024q2_earnings.pdf": 23}


@cache
def pdf(name: str) -> Document:
    return read_release(DATA / "pdf" / name)


def found(doc: Document, fact: dict) -> bool:
    end, months = date.fromisoformat(fact["end"]), fact["months"]
    return any(f.period is not None and near(f.period.end, end) and f.period.months == months
               and abs(f.value - fact["value"]) <= 1e-6 * max(1.0, abs(fact["value"])) for f in doc.facts)


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_golden_pdf_facts(name: str) -> None:
    doc = pdf(name)
    right = [f for f in GOLDEN[name] if found(doc, f)]
    assert len(GOLDEN[name]) >= 12
    assert len(right) >= MEASURED[name], [f["label"] for f in GOLDEN[name] if f not in right]


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_pdf_citations_name_page_and_line(name: str) -> None:
    doc = pdf(name)
    assert doc.pages and doc.facts
    where = doc.where(doc.facts[0].line)
    assert where.startswith("page ") and ", line " in where


def test_a_pdf_audits() -> None:
    result = audit(pdf("costco_2023q1_earnings.pdf"))
    assert result.counts().get("passed", 0) >= 5


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_a_pdf_audit_finds_no_misreading(name: str) -> None:
    """Every failed check of these releases was a misreading, now mended: none may come back."""
    result = audit(pdf(name))
    failed = [c.text for c in result.checks if c.status in ("failed", "contradicted")]
    assert not failed
    assert result.counts().get("passed", 0) >= 5
