"""The gold runner: how each answer is judged and counted."""

from __future__ import annotations

import pytest

from bot.answer.result import Answer, Figure
from bot.evaluate import Verdict, classify, run_gold
from index.errors import QuestionError

ITEM = {"id": "rev", "question": "What was revenue?", "expect": {"values": [5_615_000]}}
REFUSAL = {"id": "ebitda", "question": "What was EBITDA?", "expect": {"answerable": False}}


def answer(value: float | None, check: str = "verified", answerable: bool = True) -> Answer:
    figures = [Figure("Revenue", value, "USD", None, "d", 1, check=check)] if value is not None else []
    return Answer("q", "text", answerable, figures)


@pytest.mark.parametrize(("item", "given", "verdict"), [
    (ITEM, answer(5_615_000), Verdict.RIGHT),
    (ITEM, answer(6_566_000), Verdict.WRONG_VERIFIED),
    (ITEM, answer(6_566_000, "unverifiable"), Verdict.WRONG_OTHER),
    (ITEM, answer(6_566_000, "contradicted"), Verdict.WRONG_OTHER),
    (ITEM, answer(None, answerable=False), Verdict.REFUSED),
    (REFUSAL, answer(None, answerable=False), Verdict.RIGHT),
    (REFUSAL, answer(1_000), Verdict.WRONG_VERIFIED),
    (REFUSAL, answer(1_000, "unverifiable"), Verdict.WRONG_OTHER),
])
def test_classify(item: dict, given: Answer, verdict: Verdict) -> None:
    assert classify(item, given)[0] == verdict


def test_run_gold_counts_and_treats_errors_as_refusals() -> None:
    replies = {"What was revenue?": answer(5_615_000), "What was EBITDA?": answer(1_000)}

    def ask(question: str) -> Answer:
        if question not in replies:
            raise QuestionError("the question is empty")
        return replies[question]

    report = run_gold(ask, [ITEM, REFUSAL, {"id": "x", "question": "", "expect": {"values": [1]}}])
    assert [o.verdict for o in report.outcomes] == [Verdict.RIGHT, Verdict.WRONG_VERIFIED, Verdict.REFUSED]
    assert report.accuracy == pytest.approx(100 / 3)
    assert "wrong figures marked verified: 1" in report.summary()


def test_a_right_figure_with_a_wrong_citation_is_not_a_wrong_figure() -> None:
    item = {**ITEM, "lines": [99]}
    verdict, why = classify(item, answer(5_615_000))
    assert verdict == Verdict.WRONG_OTHER and "citation" in why
