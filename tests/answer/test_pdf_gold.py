"""Questions over the eight PDF releases, written blind from the PDFs (80, ten a release), each asked of
its release alone: no wrong figure marked verified, and no fewer right than when last measured."""

from __future__ import annotations

import pytest

from bot.answer.pipeline import Pipeline
from bot.evaluate import Verdict, load_gold, run_gold
from index.reader import read_release
from tests.conftest import DATA, make_store

SETS = sorted((DATA / "eval" / "pdf").glob("*.jsonl"))


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict[str, object]:
    out = {}
    for gold in SETS:
        store = make_store(tmp_path_factory.mktemp(gold.stem))
        store.add(read_release(DATA / "pdf" / f"{gold.stem}.pdf"))
        out[gold.stem] = run_gold(Pipeline(store).ask, load_gold(gold))
    return out


def test_no_wrong_figure_is_marked_verified(results) -> None:
    wrong = {name: [o.id for o in r.outcomes if o.verdict == Verdict.WRONG_VERIFIED]  # type: ignore[attr-defined]
             for name, r in results.items()}
    assert all(not ids for ids in wrong.values()), wrong


def test_right_answers_do_not_fall(results) -> None:
    right = sum(r.count(Verdict.RIGHT) for r in results.values())  # type: ignore[attr-defined]
    assert right >= 47  # measured 2026-11-29: 47 of 80
