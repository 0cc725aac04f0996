"""The second blind sets, written 2026-11-29 by helpers who read only the releases: six questions per
release over the eight PDF releases, the six corpus releases and the two EDGAR exhibits, in two halves.
`eval/blind2` is tuned on; `heldout2` is held aside, never tuned on, and only its totals are looked at.
Asserted here so that neither can silently get worse."""

from __future__ import annotations

import pytest

from bot.answer.pipeline import Pipeline
from bot.evaluate import Verdict, load_gold, run_gold
from index.reader import read_release
from tests.conftest import DATA, make_store


def release(stem: str):
    for folder in ("pdf", "corpus", "edgar"):
        for path in (DATA / folder).glob(f"{stem}.*"):
            if path.suffix in (".pdf", ".txt", ".md", ".html", ".htm"):
                return path
    raise FileNotFoundError(stem)


# measured 2026-11-29: right answers, and wrong figures marked verified (heldout2's two are open work)
@pytest.mark.parametrize(("folder", "right", "wrong_verified"), [
    ("eval/blind2", 87, 0),
    ("heldout2", 78, 2),
])
def test_blind_set_does_not_get_worse(tmp_path, folder: str, right: int, wrong_verified: int) -> None:
    sets = sorted((DATA / folder).glob("*.jsonl"))
    outcomes = []
    for gold in sets:
        store = make_store(tmp_path / gold.stem)
        store.add(read_release(release(gold.stem)))
        outcomes += run_gold(Pipeline(store).ask, load_gold(gold)).outcomes
    assert len(sets) == 16 and len(outcomes) == 96
    verdicts = [o.verdict for o in outcomes]
    assert verdicts.count(Verdict.RIGHT) >= right
    assert verdicts.count(Verdict.WRONG_VERIFIED) <= wrong_verified
