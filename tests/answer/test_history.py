"""A company's history: the ten NVIDIA releases indexed with the corpus; questions across quarters
(a value in a named quarter, the latest, changes across releases, series, extremes, refusals) from a
gold set written blind, before the code."""

from __future__ import annotations

import pytest

from bot.answer.history import Across, Filing, FiscalQuarter, covering, parse_across, quarters_in
from bot.answer.pipeline import Pipeline
from bot.answer.question import PeriodSpec, parse_period
from bot.evaluate import Verdict, load_gold, run_gold
from index.reader import read_release
from tests.conftest import DATA, RELEASES, make_store, read

HISTORY = DATA / "history" / "nvidia"
GOLD = DATA / "eval" / "nvidia-history" / "nvidia-history.jsonl"


@pytest.fixture(scope="module")
def history_pipeline(tmp_path_factory) -> Pipeline:
    store = make_store(tmp_path_factory.mktemp("history"))
    for path in sorted(HISTORY.glob("*.html")):
        store.add(read_release(path))
    for name in RELEASES:
        if not name.startswith("nvidia"):
            store.add(read(name))
    return Pipeline(store)


def test_history_gold_set(history_pipeline) -> None:
    report = run_gold(history_pipeline.ask, load_gold(GOLD))
    misses = [f"{o.id}: {o.why}" for o in report.outcomes if not o.ok]
    assert report.count(Verdict.WRONG_VERIFIED) == 0, misses
    assert report.accuracy >= 95.0, misses  # measured 2026-11-29: 57 of 57


def test_a_series_carries_its_points_and_checks(history_pipeline) -> None:
    answer = history_pipeline.ask("What was NVIDIA's revenue in each quarter of fiscal 2024?")
    assert [p.period for p in answer.series] == ["Q1 FY24", "Q2 FY24", "Q3 FY24", "Q4 FY24"]
    assert [p.value for p in answer.series] == [7_192_000_000, 13_507_000_000, 18_120_000_000, 22_103_000_000]
    assert answer.figures[0].value == 22_103_000_000 and {p.doc for p in answer.series} == {
        "nvidia_fy2024-q1", "nvidia_fy2024-q2", "nvidia_fy2024-q3", "nvidia_fy2024-q4"}
    assert "series" in answer.as_json()


def test_a_quarter_no_release_reports_is_named(history_pipeline) -> None:
    answer = history_pipeline.ask("What was NVIDIA's revenue in Q3 FY2025?")
    assert not answer.answerable and not answer.figures
    assert "Q1 FY23 to Q2 FY25" in answer.text


def test_a_change_across_releases_cites_both_ends(history_pipeline) -> None:
    answer = history_pipeline.ask("How much did NVIDIA's revenue change from Q1 FY24 to Q1 FY25?")
    assert answer.figures[0].derived and answer.figures[0].value == pytest.approx(26_044e6 - 7_192e6)
    assert {c.doc for c in answer.citations} == {"nvidia_fy2024-q1", "nvidia_fy2025-q1"}


@pytest.mark.parametrize(("question", "kind", "span"), [
    ("What was revenue in each quarter of fiscal 2024?", Across.SERIES, (2024, None, ())),
    ("Show data center revenue for each of the last four quarters.", Across.SERIES, (None, 4, ())),
    ("Which quarter of fiscal 2023 had the lowest gross margin?", Across.EXTREME, (2023, None, ())),
    ("How much did gaming revenue change from Q1 FY23 to Q1 FY24?", Across.CHANGE,
     (None, None, (FiscalQuarter(2023, 1), FiscalQuarter(2024, 1)))),
])
def test_parse_across(question: str, kind: Across, span: tuple) -> None:
    from bot.answer.question import parse_question

    q = parse_question(question)
    spec = parse_across(question, q.kind.is_change, False)
    assert spec is not None and spec.kind == kind
    assert (spec.fiscal_year, spec.last_n, spec.quarters) == span


def test_one_quarter_is_not_across() -> None:
    assert parse_across("What was revenue in Q3 FY24?", False, False) is None


def test_covering_picks_the_own_release() -> None:
    from datetime import date

    history = [Filing(f"r{q}", date(2023, 3 * q, 28), FiscalQuarter(2024, q)) for q in (1, 2, 3, 4)]
    assert covering(history, PeriodSpec())[0] == history[-1]
    assert covering(history, parse_period("Q2 FY24"))[0] == history[1]
    assert covering(history, parse_period("the prior quarter"))[0] == history[2]
    assert covering(history, parse_period("Q1 FY23"))[0] is None
    spec = parse_across("revenue for the last two quarters", False, False)
    assert spec is not None and quarters_in(history, spec) == history[-2:]


def test_a_series_is_drawn_in_the_terminal_and_in_slack(history_pipeline) -> None:
    import json

    from bot.cli.render import answer_lines
    from bot.slack.blocks import answer_blocks

    answer = history_pipeline.ask("What was NVIDIA's revenue in each quarter of fiscal 2024?")
    chart = [text for text, style in answer_lines(answer) if style == "cyan"]
    assert len(chart) == 4 and chart[0].startswith("  Q1 FY24") and chart[-1].count("█") == 40
    assert chart[0].count("█") == round(40 * 7_192 / 22_103)
    slack = json.dumps(answer_blocks(answer), ensure_ascii=False)
    assert "```" in slack and "Q4 FY24" in slack and "█" in slack


def test_a_later_release_that_prints_another_figure_is_named(history_pipeline) -> None:
    answer = history_pipeline.ask("What was NVIDIA's non-GAAP diluted EPS in Q2 FY24?")
    assert answer.figures[0].value == 2.70 and answer.doc == "nvidia_fy2024-q2"
    assert "The release for Q2 FY25, which is later, prints $0.27 per share" in answer.text
