"""Every gold question reworded three ways by hand (an analyst's shorthand, a journalist's plain words,
a finance person's formal terms), asked of its release with the six corpus releases indexed: the same
figure must come back, and no wrong figure may be marked verified."""

from __future__ import annotations

import pytest

from bot.evaluate import Verdict, load_gold, run_gold
from tests.answer.test_pipeline import GOLD
from tests.conftest import DATA


@pytest.mark.parametrize("gold", sorted(GOLD))
def test_rewordings(corpus_engine, gold: str) -> None:
    doc = GOLD[gold].rsplit(".", 1)[0]
    items = load_gold(DATA / "eval" / "rewordings" / gold)
    assert len(items) == 3 * len(load_gold(DATA / "eval" / gold))
    report = run_gold(lambda q: corpus_engine.ask(q, doc=doc), items)
    misses = [f"{o.id} ({o.verdict.value}): {o.question} :: {o.why}" for o in report.outcomes if not o.ok]
    assert report.count(Verdict.WRONG_VERIFIED) == 0, misses
    # measured 2026-11-29: 387 of the 405 rewordings right (96%); each set stays at or above 80%
    assert report.accuracy >= 80.0, misses
