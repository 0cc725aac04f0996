"""Golden facts for every corpus release, checked by hand against the printed release."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.conftest import DATA, RELEASES, read

GOLDEN = json.loads((DATA / "golden" / "facts.json").read_text())
CASES = [(name, g) for name in RELEASES for g in GOLDEN[name]]


def test_every_release_has_golden_facts() -> None:
    assert sorted(GOLDEN) == RELEASES
    for name in RELEASES:
        assert len(GOLDEN[name]) >= 15, name


@pytest.mark.parametrize(("name", "gold"), CASES, ids=[f"{n}:{g['line']}:{g['end']}:{g['months']}"
                                                         for n, g in CASES])
def test_golden_fact(name: str, gold: dict) -> None:
    doc = read(name)
    on_line = [f for f in doc.facts if f.line == gold["line"]]
    assert on_line, f"no facts read on line {gold['line']}"
    match = [f for f in on_line if f.period and f.period.end == date.fromisoformat(gold["end"])
             and f.period.months == gold["months"]]
    assert match, f"no fact for {gold['end']}/{gold['months']} on line {gold['line']}: " + str(
        [(f.column, f.period) for f in on_line])
    assert any(abs(f.value - gold["value"]) <= 1e-6 * max(1, abs(gold["value"])) for f in match), [
        (f.value, f.unit) for f in match]
    fact = next(f for f in match if abs(f.value - gold["value"]) <= 1e-6 * max(1, abs(gold["value"])))
    assert fact.unit == gold["unit"]


def test_every_table_yields_facts() -> None:
    for name in RELEASES:
        doc = read(name)
        assert doc.tables, name
        for table in doc.tables:
            assert table.rows, (name, table.title)


def test_capstone_metadata(sample) -> None:
    meta = sample.metadata
    assert meta.company == "Capstone Turbine Corporation"
    assert (meta.exchange, meta.ticker) == ("NASDAQ", "CPST")
    assert meta.release_date == date(2007, 8, 8)
    assert meta.period is not None and meta.period.end == date(2007, 6, 30)
    assert meta.period.months == 3 and meta.period.start == date(2007, 4, 1)
    assert meta.fiscal_label == "first quarter of fiscal 2008"


def test_two_totals_told_apart_by_section(sample) -> None:
    names = {f.line: f.label for f in sample.facts if f.line in (61, 88)}
    assert names[61] == "Total assets"
    assert names[88] == "Total liabilities and stockholders' equity"


def test_wrapped_label_with_rule_is_joined(sample) -> None:
    fact = next(f for f in sample.facts if f.line == 120)
    assert fact.label.startswith("Weighted average shares used to calculate Basic and Diluted")


def test_section_paths(sample) -> None:
    fact = next(f for f in sample.facts if f.line == 74)
    assert fact.section.endswith("Current Liabilities")


def test_segment_columns_keep_their_dimension() -> None:
    doc = read("watts-water_fy2024-q4.md")
    americas = [f for f in doc.facts if f.line == 531 and "Americas" in f.column]
    assert americas and americas[0].value == pytest.approx(86_900_000)


def test_six_month_columns_first() -> None:
    doc = read("evi-industries_fy2025-q2.md")
    first = next(f for f in doc.facts if f.line == 132)
    assert first.period is not None and first.period.months == 6


def test_narrative_blocks_have_lines_and_sections(sample) -> None:
    para = next(b for b in sample.blocks if "Backlog at the end" in b.text)
    assert para.line == 19
    assert para.section == "Financial Summary"


def test_html_chrome_is_dropped() -> None:
    doc = read("nvidia_fy2025-q2.html")
    text = " ".join(b.text for b in doc.blocks)
    assert "function(" not in text and "window." not in text
    assert any("second quarter ended July 28, 2024" in b.text for b in doc.blocks)
