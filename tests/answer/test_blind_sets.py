"""The blind sets, written 2026-11-29 and 2026-11-30 by helpers who read only the releases, over the eight
PDF releases, the six corpus releases and the two EDGAR exhibits: `eval/blind2` (six a release, tuned on),
`heldout2` (six a release, held aside, never tuned on, only its totals looked at), `eval/blind3` (five a
release, tuned on), `eval/qa`, `eval/qa2` and `eval/qa3` (the questions three QA sessions found answered
wrongly through the CLI, tuned on; qa3 written in the eighth session), `eval/qa4` (all 281 questions of a
fourth QA session, tuned on), `heldout3` and `heldout4` (five a release, held aside, never tuned on;
heldout4 written in the seventh session, after the code it measures), `heldout5` (ten a release, written
by a helper over commit eac0f47, held aside), `eval/qa6` (all 192 questions of a sixth QA session over
commit 252c9a0, tuned on), `eval/qa7` (262 questions of an adversarial QA session over commit 0ee5a50,
tuned on) and `heldout6` (ten a release, written by a helper who never ran the bot, its
gold rechecked by another, held aside). Each question is asked of its own release alone. Asserted here so
that none can silently get worse."""

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


# measured 2026-11-30: questions, right answers, and wrong figures marked verified (open work where > 0)
@pytest.mark.parametrize(("folder", "files", "count", "right", "wrong_verified"), [
    ("eval/blind2", 16, 96, 96, 0),
    ("heldout2", 16, 96, 93, 0),
    ("eval/blind3", 16, 80, 80, 0),
    ("eval/qa", 12, 86, 84, 0),
    ("eval/qa2", 16, 178, 165, 0),
    ("eval/qa3", 14, 29, 25, 0),
    ("eval/qa4", 16, 281, 267, 0),
    ("eval/qa6", 16, 192, 189, 0),
    ("eval/qa7", 16, 262, 240, 0),
    ("heldout3", 16, 80, 79, 0),
    ("heldout4", 16, 80, 73, 0),
    ("heldout5", 16, 160, 145, 0),
    ("heldout6", 16, 160, 154, 3),
])
def test_blind_set_does_not_get_worse(tmp_path, folder: str, files: int, count: int, right: int,
                                      wrong_verified: int) -> None:
    sets = sorted((DATA / folder).glob("*.jsonl"))
    outcomes = []
    for gold in sets:
        store = make_store(tmp_path / gold.stem)
        store.add(read_release(release(gold.stem)))
        outcomes += run_gold(Pipeline(store).ask, load_gold(gold)).outcomes
    assert len(sets) == files and len(outcomes) == count
    verdicts = [o.verdict for o in outcomes]
    assert verdicts.count(Verdict.RIGHT) >= right
    assert verdicts.count(Verdict.WRONG_VERIFIED) <= wrong_verified
