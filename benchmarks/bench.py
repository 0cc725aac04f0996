"""Benchmarks: read + audit time per corpus release (median of several runs)."""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.audit import audit  # noqa: E402
from index.reader import read_release  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "corpus"


def bench_audit(runs: int = 5) -> list[tuple[str, float, int, int]]:
    """(release, median seconds, facts, checks) for each corpus release."""
    rows = []
    for path in sorted(CORPUS.iterdir()):
        if path.suffix not in (".txt", ".md", ".html") or path.name == "SOURCES.md":
            continue
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            result = audit(read_release(path))
            times.append(time.perf_counter() - t0)
        rows.append((path.name, statistics.median(times), len(result.doc.facts), len(result.checks)))
    return rows


def main() -> None:
    print("| release | read + audit (median of 5) | facts | checks |")
    print("|---|---|---|---|")
    for name, seconds, facts, checks in bench_audit():
        print(f"| {name} | {seconds * 1000:.0f} ms | {facts} | {checks} |")


if __name__ == "__main__":
    main()
