"""Releases in layouts the corpus lacks: they read, audit clean, and answer their gold sets."""

from __future__ import annotations

import pytest

from bot.answer.pipeline import Pipeline
from bot.checks.audit import audit
from bot.evaluate import judge, load_gold
from index.reader import read_release
from tests.conftest import DATA, make_store

SYNTHETIC = DATA / "synthetic"
RELEASES = {"acme-q3-2025.txt": "acme-q3-2025.jsonl", "nimbus-q1-fy2026.html": "nimbus-q1-fy2026.jsonl",
            "europa-fy2025.md": "europa-fy2025.jsonl"}
CASES = [(release, item) for release, gold in RELEASES.items() for item in load_gold(SYNTHETIC / gold)]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    store = make_store(tmp_path_factory.mktemp("synthetic"))
    for release in RELEASES:
        store.add(read_release(SYNTHETIC / release))
    return Pipeline(store)


@pytest.mark.parametrize("release", sorted(RELEASES))
def test_audit_is_clean(release: str) -> None:
    result = audit(read_release(SYNTHETIC / release))
    statuses = {c.status for c in result.checks}
    assert "failed" not in statuses and "contradicted" not in statuses
    assert sum(c.status == "passed" for c in result.checks) >= 4


def test_headings_above_unfenced_tables_are_read() -> None:
    doc = read_release(SYNTHETIC / "acme-q3-2025.txt")
    nine = [f for f in doc.facts if f.line == 19 and f.period and f.period.months == 9]
    assert [f.value for f in nine] == [1_198_340_000, 1_120_455_000]
    assert doc.metadata.company == "Acme Widgets, Inc." and doc.metadata.ticker == "ACME"


@pytest.mark.parametrize(("release", "item"), CASES, ids=[f"{r.split('.')[0]}:{i['id']}" for r, i in CASES])
def test_gold(engine, release: str, item: dict) -> None:
    answer = engine.ask(item["question"], doc=release.rsplit(".", 1)[0])
    ok, why = judge(item, answer)
    assert ok, f"{why}\n{answer.text}"
