"""Questions over two real EDGAR exhibits (tests/data/edgar), written blind from the exhibits before the
reader read them (15 each), each asked of its exhibit alone: no wrong figure marked verified, and no
fewer right than when last measured."""

from __future__ import annotations

import pytest

from bot.evaluate import Verdict
from tests.answer.conftest import run_each_alone
from tests.conftest import DATA

SETS = sorted((DATA / "edgar").glob("*.jsonl"))


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict[str, object]:
    return run_each_alone(tmp_path_factory, SETS, lambda stem: DATA / "edgar" / f"{stem}.htm")


def test_no_wrong_figure_is_marked_verified(results) -> None:
    wrong = {name: [o.id for o in r.outcomes if o.verdict == Verdict.WRONG_VERIFIED]  # type: ignore[attr-defined]
             for name, r in results.items()}
    assert all(not ids for ids in wrong.values()), wrong


def test_right_answers_do_not_fall(results) -> None:
    right = sum(r.count(Verdict.RIGHT) for r in results.values())  # type: ignore[attr-defined]
    assert len(SETS) == 2 and right >= 29  # measured 2026-11-29: 30 of 30 (23 before the EDGAR work)
