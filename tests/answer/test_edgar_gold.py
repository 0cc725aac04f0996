"""Questions over two real EDGAR exhibits (tests/data/edgar), written blind from the exhibits before the
reader read them (15 each), each asked of its exhibit alone: no wrong figure marked verified, and no
fewer right than when last measured."""

from __future__ import annotations

import pytest

from bot.answer.pipeline import Pipeline
from bot.evaluate import Verdict, load_gold, run_gold
from index.reader import read_release
from tests.conftest import DATA, make_store

SETS = sorted((DATA / "edgar").glob("*.jsonl"))


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict[str, object]:
    out = {}
    for gold in SETS:
        store = make_store(tmp_path_factory.mktemp(gold.stem))
        store.add(read_release(DATA / "edgar" / f"{gold.stem}.htm"))
        out[gold.stem] = run_gold(Pipeline(store).ask, load_gold(gold))
    return out


def test_no_wrong_figure_is_marked_verified(results) -> None:
    wrong = {name: [o.id for o in r.outcomes if o.verdict == Verdict.WRONG_VERIFIED]  # type: ignore[attr-defined]
             for name, r in results.items()}
    assert all(not ids for ids in wrong.values()), wrong


def test_right_answers_do_not_fall(results) -> None:
    right = sum(r.count(Verdict.RIGHT) for r in results.values())  # type: ignore[attr-defined]
    assert len(SETS) == 2 and right >= 29  # measured 2026-11-29: 30 of 30 (23 before the EDGAR work)
