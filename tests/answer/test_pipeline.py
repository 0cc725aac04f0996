"""Answering: the gold sets (the shared one and our own, one per corpus release), follow-ups,
scoping, refusals and the JSON shape. The fake embedder stands in for the model."""

from __future__ import annotations

import json

import pytest

from bot.answer.pipeline import Conversation, Pipeline
from bot.answer.result import NOT_STATED
from bot.evaluate import Verdict, judge, load_gold, run_gold
from index.errors import IndexStoreError, QuestionError, UnknownDocumentError
from tests.conftest import DATA, RELEASES

GOLD = {
    "capstone-q1-fy2008.jsonl": "capstone-turbine-q1-fy2008.txt",
    "capstone-extra.jsonl": "capstone-turbine-q1-fy2008.txt",
    "evi-industries-q2-fy2025.jsonl": "evi-industries_fy2025-q2.md",
    "watts-water-q4-2024.jsonl": "watts-water_fy2024-q4.md",
    "luvu-brands-q2-fy2025.jsonl": "luvu-brands_fy2025-q2.md",
    "ase-technology-q4-2024.jsonl": "ase-technology_fy2024-q4.md",
    "nvidia-q2-fy2025.jsonl": "nvidia_fy2025-q2.html",
}
CASES = [(gold, release, item) for gold, release in GOLD.items()
         for item in load_gold(DATA / "eval" / gold)]




@pytest.mark.parametrize(("gold", "release", "item"), CASES,
                         ids=[f"{g.split('.')[0]}:{i['id']}" for g, _, i in CASES])
def test_gold(corpus_engine, gold: str, release: str, item: dict) -> None:
    doc = release.rsplit(".", 1)[0]
    answer = corpus_engine.ask(item["question"], doc=doc)
    ok, why = judge(item, answer)
    assert ok, f"{why}\n{answer.text}"


def test_every_release_has_its_own_gold_set() -> None:
    assert sorted(set(GOLD.values())) == RELEASES
    for gold in GOLD:
        assert len(load_gold(DATA / "eval" / gold)) >= 10


def test_capstone_gold_alone_in_the_index(engine) -> None:
    report = run_gold(engine.ask, load_gold(DATA / "eval" / "capstone-q1-fy2008.jsonl"))
    assert report.accuracy == 100.0, [o.why for o in report.outcomes if not o.ok]


@pytest.mark.parametrize("gold", sorted(GOLD))
def test_no_wrong_figure_is_marked_verified(corpus_engine, gold: str) -> None:
    doc = GOLD[gold].rsplit(".", 1)[0]
    report = run_gold(lambda q: corpus_engine.ask(q, doc=doc), load_gold(DATA / "eval" / gold))
    assert report.count(Verdict.WRONG_VERIFIED) == 0, report.summary()


def test_gross_loss_answer_reads_as_promised(engine) -> None:
    a = engine.ask("what was gross loss?")
    assert a.answerable
    assert "$2.5 million ($2,473 thousand), 44% of revenue" in a.text
    assert "June 30, 2007" in a.text and "$1.2 million" in a.text and "a year earlier" in a.text
    assert a.figures[0].value == -2_473_000 and a.figures[0].check == "verified"
    assert {c.line for c in a.citations} >= {102, 21}


def test_company_name_scopes_the_question(corpus_engine) -> None:
    a = corpus_engine.ask("What was NVIDIA's revenue for the quarter?")
    assert a.doc == "nvidia_fy2025-q2" and a.figures[0].value == 30_040_000_000
    b = corpus_engine.ask("What was Capstone's revenue for the quarter?")
    assert b.doc == "capstone-turbine-q1-fy2008" and b.figures[0].value == 5_615_000
    assert b.shown.startswith("Capstone Turbine Corporation: ")


def test_ticker_scopes_the_question(corpus_engine) -> None:
    a = corpus_engine.ask("What was WTS net income for the full year?")
    assert a.doc == "watts-water_fy2024-q4" and a.figures[0].value == 291_200_000


def test_follow_ups_resolve_against_the_conversation(engine) -> None:
    talk = Conversation()
    first = engine.ask("What was revenue?", conversation=talk)
    assert first.figures[0].value == 5_615_000
    earlier = engine.ask("And a year earlier?", conversation=talk)
    assert earlier.figures[0].value == 6_566_000
    rnd = engine.ask("What about R&D?", conversation=talk)
    assert rnd.figures[0].value in (2_749_000, 2_806_000)
    compare = engine.ask("How does that compare with last year?", conversation=talk)
    assert compare.figures[0].value == pytest.approx(2_749_000 - 2_806_000)


def test_gross_profit_when_asked_for_a_loss(corpus_engine) -> None:
    a = corpus_engine.ask("What was gross loss?", doc="evi-industries_fy2025-q2")
    assert a.answerable and "not a loss" in a.text and a.figures[0].value == 27_522_000


@pytest.mark.parametrize("question", [
    "What was EBITDA for the quarter?", "What dividend did the company declare?",
    "What revenue guidance did Capstone give for the second quarter?", "Who is the chief executive officer?",
    "How many employees does Capstone have?",
])
def test_not_stated(engine, question: str) -> None:
    a = engine.ask(question)
    assert not a.answerable and a.text.startswith(NOT_STATED) and a.figures == []


def test_derived_figures_are_verified(engine) -> None:
    a = engine.ask("What was working capital at June 30, 2007?")
    assert a.figures[0].derived and a.figures[0].check == "verified"
    assert a.figures[0].value == 62_529_000


def test_narrative_figure_is_unverifiable(engine) -> None:
    a = engine.ask("What was backlog at the end of the first quarter?")
    assert a.figures[0].value == 5_300_000 and a.figures[0].check == "unverifiable"


def test_json_shape(engine) -> None:
    data = json.loads(json.dumps(engine.ask("What was net loss per share?").as_json()))
    assert set(data) == {"question", "answer", "answerable", "figures", "citations", "understood"}
    fig = data["figures"][0]
    assert set(fig) == {"label", "value", "unit", "period", "doc", "line", "derived", "check", "why"}
    assert data["understood"]["line_item"].startswith("Net loss per share")
    assert data["understood"]["period"] == "the three months ended June 30, 2007"
    assert fig["value"] == -0.07 and fig["unit"] == "USD/share" and fig["period"]["months"] == 3
    assert data["citations"][0] == {"doc": "capstone-turbine-q1-fy2008", "line": 117,
                                    "text": data["citations"][0]["text"]}


@pytest.mark.parametrize("question", ["", "   ", "x" * 10_000])
def test_bad_questions(engine, question: str) -> None:
    with pytest.raises(QuestionError):
        engine.ask(question)


def test_unknown_doc(engine) -> None:
    with pytest.raises(UnknownDocumentError, match="no release named"):
        engine.ask("what was revenue?", doc="nope")


def test_empty_index(store) -> None:
    with pytest.raises(IndexStoreError, match="empty"):
        Pipeline(store).ask("what was revenue?")


def test_why_follow_up_keeps_the_subject(engine) -> None:
    talk = Conversation()
    engine.ask("How did revenue change from last year?", conversation=talk)
    why = engine.ask("Why did it fall?", conversation=talk)
    assert "North American and Asian markets" in why.text
    assert [c.line for c in why.citations] == [17]


def test_period_named_in_the_question_scopes_it(corpus_engine) -> None:
    a = corpus_engine.ask("What was revenue for the first quarter?")
    assert a.doc == "capstone-turbine-q1-fy2008" and a.figures[0].value == 5_615_000
    b = corpus_engine.ask("What were total assets at July 28, 2024?")
    assert b.doc == "nvidia_fy2025-q2"


TWO_DEFERRED = """Juniper Labs Reports Second Quarter 2026 Results

BOSTON -- Juniper Labs, Inc. (NASDAQ: JNPL) today reported results for the quarter ended June 30, 2026.

CONDENSED CONSOLIDATED BALANCE SHEETS (in thousands)
                                              June 30,      December 31,
                                                2026            2025
Cash and cash equivalents                    $ 52,000        $ 48,000
Total current assets                           90,000          85,000
Total assets                                  140,000         130,000
Deferred revenue, current                      12,000          11,000
Total current liabilities                      30,000          28,000
Deferred revenue, noncurrent                    4,000           5,000
Total liabilities                              34,000          33,000
"""


def test_two_rows_that_fit_about_equally_are_both_given_and_neither_verified(tmp_path) -> None:
    from tests.answer.conftest import asker

    a = asker(tmp_path, "juniper", TWO_DEFERRED)("What was Juniper's deferred revenue at June 30, 2026?")
    assert "The release also reports" in a.text and "say which you mean" in a.text
    assert "current" in a.text and "noncurrent" in a.text
    assert a.figures[0].check == "unverifiable"


def test_a_refusal_names_the_nearest_figure_without_giving_it(engine) -> None:
    a = engine.ask("How much free cash flow did Capstone generate?")
    assert not a.answerable and not a.figures
    assert "The nearest it reports is" in a.text and "Cash" in a.text


def test_a_profit_asked_where_a_loss_is_printed_says_so(engine) -> None:
    a = engine.ask("What was the gross profit?")
    assert a.text.startswith("The release reports gross loss, not a profit")
    assert a.figures[0].value == -2_473_000
