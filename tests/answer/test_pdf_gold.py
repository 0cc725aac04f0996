"""Questions over the eight PDF releases, written blind from the PDFs (80, ten a release), each asked of
its release alone: no wrong figure marked verified, and no fewer right than when last measured."""

from __future__ import annotations

import pytest

from bot.answer.pipeline import Pipeline
from bot.evaluate import Verdict
from index.reader import read_release
from tests.answer.conftest import run_each_alone
from tests.conftest import DATA, make_store

SETS = sorted((DATA / "eval" / "pdf").glob("*.jsonl"))


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict[str, object]:
    return run_each_alone(tmp_path_factory, SETS, lambda stem: DATA / "pdf" / f"{stem}.pdf")


def test_no_wrong_figure_is_marked_verified(results) -> None:
    wrong = {name: [o.id for o in r.outcomes if o.verdict == Verdict.WRONG_VERIFIED]  # type: ignore[attr-defined]
             for name, r in results.items()}
    assert all(not ids for ids in wrong.values()), wrong


def test_right_answers_do_not_fall(results) -> None:
    right = sum(r.count(Verdict.RIGHT) for r in results.values())  # type: ignore[attr-defined]
    assert right >= 78  # measured 2026-11-30: 78 of 80 (76 on 2026-11-29, 71 earlier that day)


def test_a_pdf_answer_quotes_and_cites_by_page(tmp_path) -> None:
    store = make_store(tmp_path / "index")
    store.add(read_release(DATA / "pdf" / "costco_2023q1_earnings.pdf"))
    answer = Pipeline(store).ask("What was Costco's net income for the quarter?")
    assert answer.figures[0].value == 1_364_000_000
    assert "The release says (page 1, line " in answer.text
    assert all(c.where.startswith("page ") for c in answer.citations)
    assert answer.as_json()["figures"][0]["page"] == 3  # type: ignore[index]
    assert answer.understood is not None and answer.understood.sentence().startswith("Read as: net income")
