"""A figure whose arithmetic the question spells out: each part is its own line item for the period
asked, the figure is their sum and difference, never the first part alone nor the bot's own formula in
place of the one asked; a part the release does not give makes the whole unanswerable."""

from __future__ import annotations

import pytest

from bot.answer.spelled import Part, spelled_formula
from bot.checks.status import CheckStatus
from tests.answer.conftest import asker, first

RELEASE = """Kestrel Outfitters Reports Third Quarter 2024 Results

DENVER -- Kestrel Outfitters, Inc. (NYSE: KST) today reported results for the quarter ended November 2, 2024.

CONDENSED CONSOLIDATED BALANCE SHEETS (in thousands)
                                                November 2,    February 3,
                                                      2024           2024
Cash and cash equivalents                         $ 250,000      $ 240,000
Short-term investments                               23,500         20,000
Total current assets                                400,000        380,000
Long-term investments                                60,000         55,000
Total assets                                      $ 900,000      $ 860,000
Short-term debt                                      10,000         12,000
Total current liabilities                           150,000        140,000
Long-term debt                                      80,000         90,000
Total liabilities                                   300,000        310,000
Total stockholders' equity                          600,000        550,000

CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS (in thousands)
                                                   Thirty-Nine Weeks Ended
                                                November 2,    October 28,
                                                      2024           2023
Net cash provided by operating activities           120,000        110,000
Capital spending                                    (30,000)       (25,000)
Dividends paid                                      (40,000)       (38,000)
Repurchases of common stock                         (15,000)       (10,000)
"""


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    return asker(tmp_path_factory.mktemp("spelled"), "kestrel", RELEASE)


@pytest.mark.parametrize(("question", "parts"), [
    ("Net cash, i.e. cash and equivalents plus short-term investments less total long-term debt?",
     [("cash and equivalents", 1), ("short-term investments", 1), ("total long-term debt", -1)]),
    ("Net debt at December 31, 2022 (short-term plus long-term debt obligations minus cash)?",
     [("short-term debt obligations", 1), ("long-term debt obligations", 1), ("cash", -1)]),
    ("Total debt at Dec 31, 2024 (current plus long-term)",
     [("current debt at Dec 31, 2024", 1), ("long-term debt at Dec 31, 2024", 1)]),
    ("Net cash defined as cash plus current and non-current marketable securities",
     [("cash", 1), ("current marketable securities", 1), ("non-current marketable securities", 1)]),
    ("Net cash: cash less total long-term debt including current portion",
     [("cash", 1), ("long-term debt", -1), ("current portion of long-term debt", -1)]),
    # set off by commas, the parts taking the item's noun ("term" says which part only after "long")
    ("What was Apple's total term debt, current plus non-current, at June 27, 2026?",
     [("current term debt", 1), ("non-current term debt", 1)]),
    ("What was Apple's total term debt, current and non-current, at June 27, 2026?",
     [("current term debt", 1), ("non-current term debt", 1)]),
    ("Total debt at June 30, 2007, current plus long-term notes payable?",
     [("current notes payable", 1), ("long-term notes payable", 1)]),
    ("What was Acme's total long-term debt, including the current portion, at July 29, 2023?",
     [("Acme's total long-term debt at July 29, 2023", 1),
      ("current portion of Acme's total long-term debt at July 29, 2023", 1)]),
    # a balance and the portion printed apart from it
    ("What were Acme's total inventories at June 30, 2007, including the non-current portion?",
     [("current Acme's total inventories at June 30, 2007", 1),
      ("non-current portion of Acme's total inventories at June 30, 2007", 1)]),
    # the rest of the item is its other portion, never the item's total again
    ("What was Acme's term debt at June 27, 2026, including the current portion?",
     [("non-current Acme's term debt at June 27, 2026", 1),
      ("current portion of Acme's term debt at June 27, 2026", 1)]),
])
def test_the_parts_a_question_spells_out(question: str, parts: list[tuple[str, int]]) -> None:
    spelled = spelled_formula(question)
    assert spelled is not None and spelled.parts == tuple(Part(w, s) for w, s in parts)


@pytest.mark.parametrize("question", [
    "What was operating income less than a year ago?",
    "Operating expenses (selling plus G&A) as a percent of net sales?",  # a ratio's top: not a sum
    "How much did revenue increase (product plus services)?",
    "What was gross profit?",
    "What was revenue in 2024, and how did it compare with 2023?",
])
def test_no_sum_is_read_into_other_questions(question: str) -> None:
    assert spelled_formula(question) is None


@pytest.mark.parametrize(("question", "value"), [
    ("Kestrel net cash at November 2, 2024, i.e. cash and equivalents plus short-term investments less "
     "long-term debt?", 250_000_000 + 23_500_000 - 80_000_000),
    ("How much cash plus short-term investments did Kestrel hold at November 2, 2024?", 273_500_000),
    ("Kestrel net debt at February 3, 2024 (short-term plus long-term debt minus cash and short-term "
     "investments)?", 12_000_000 + 90_000_000 - 240_000_000 - 20_000_000),
    ("Kestrel free cash flow for the 39 weeks (operating cash flow minus capital spending)?", 90_000_000),
    ("How much did Kestrel return to shareholders year to date (dividends plus buybacks)?", 55_000_000),
    ("What was Kestrel's total debt at November 2, 2024, short-term plus long-term?", 90_000_000),
])
def test_the_figure_is_the_sum_asked(ask, question: str, value: float) -> None:
    answer = ask(question)
    assert first(answer) == pytest.approx(value)
    assert answer.figures[0].derived and answer.figures[0].recompute() == pytest.approx(value)


@pytest.mark.parametrize(("question", "value"), [
    ("How much cash and short-term investments did Kestrel hold at November 2, 2024?", 273_500_000),
    ("What did Kestrel pay in dividends and repurchases of common stock over the 39 weeks?", 55_000_000),
])
def test_two_items_joined_by_and_are_added_when_no_row_is_both(ask, question: str, value: float) -> None:
    assert first(ask(question)) == pytest.approx(value)


def test_two_flows_asked_side_by_side_are_not_added(ask) -> None:
    answer = ask("Kestrel net cash provided by operating activities and capital spending for the 39 weeks?")
    assert not any(f.value in (150_000_000, 90_000_000) for f in answer.figures)


def test_verified_only_when_every_part_is(ask) -> None:
    answer = ask("Kestrel cash plus short-term investments at November 2, 2024")
    parts = answer.figures[1:]
    expected = CheckStatus.VERIFIED if all(f.check == CheckStatus.VERIFIED for f in parts) \
        else CheckStatus.UNVERIFIABLE
    assert len(parts) == 2 and answer.figures[0].check == expected


def test_a_part_the_release_does_not_give_refuses_the_whole(ask) -> None:
    answer = ask("Kestrel net cash at November 2, 2024, i.e. cash plus short-term investments less "
                 "commercial paper?")
    assert not answer.answerable and not answer.figures
    assert "commercial paper" in answer.text


PRINTED = """Kestrel Outfitters Reports Third Quarter 2024 Results

DENVER -- Kestrel Outfitters, Inc. (NYSE: KST) today reported results for the quarter ended November 2, 2024.

CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS (in thousands)
                                                   Thirteen Weeks Ended
                                                November 2,    October 28,
                                                      2024           2023
Net sales                                         $ 300,000      $ 280,000
Cost of sales                                       180,000        170,000
Gross profit                                        120,000        110,000
"""


def test_an_item_the_release_prints_too_is_cited_and_vouches_for_the_sum(tmp_path) -> None:
    ask = asker(tmp_path, "kestrel", PRINTED)
    answer = ask("Kestrel gross profit (net sales less cost of sales) for Q3?")
    assert first(answer) == pytest.approx(120_000_000)
    assert answer.figures[0].check == CheckStatus.VERIFIED and "prints it too" in answer.figures[0].why
    assert "Gross profit" in answer.citations[0].text


@pytest.mark.parametrize(("question", "value"), [
    ("Kestrel gross margin (net sales minus cost of sales, as a % of net sales) for Q3?", 40.0),
    ("Kestrel gross profit ratio, i.e. gross profit divided by net sales, in the third quarter?", 0.4),
    ("Kestrel cost of sales (as a percent of net sales) for Q3?", 60.0),
])
def test_a_ratio_the_question_defines(tmp_path, question: str, value: float) -> None:
    answer = asker(tmp_path, "kestrel", PRINTED)(question)
    assert first(answer) == pytest.approx(value)
    assert answer.figures[0].derived


def test_a_ratio_with_a_part_missing_is_refused(tmp_path) -> None:
    ask = asker(tmp_path, "kestrel", PRINTED)
    answer = ask("Kestrel margin (net sales minus freight, as a % of net sales)?")
    assert not answer.answerable and not answer.figures and "freight" in answer.text


def test_a_figure_is_never_counted_twice() -> None:
    from bot.answer.result import Answer, Figure
    from bot.answer.spelled import Resolved, Spelled, combine

    debt = Figure("Current debt", 2_117_000, "USD", None, "luvu", 60, cells=(("t2", 60, 0),))
    answer = Answer("q", "Current debt was $2.1 million.", True, [debt], [], "luvu")
    parts = (Part("debt", 1), Part("current portion of debt", 1))
    assert combine(Spelled("debt", parts), [Resolved(p, answer) for p in parts]) is None
