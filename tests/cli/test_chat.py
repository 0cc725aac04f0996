"""The chat loop with scripted input and an exact output check; slash commands."""

from __future__ import annotations

import io
import json

from bot.answer.pipeline import Pipeline
from bot.cli.chat import run_lines


def run(engine: Pipeline, lines: list[str], as_json: bool = False) -> str:
    out = io.StringIO()
    run_lines(lines, engine, as_json=as_json, out=out)
    return out.getvalue()


def test_scripted_conversation_exact_output(engine) -> None:
    got = run(engine, ["what was revenue?", "and a year earlier?", "/quit", "never asked"])
    expected = (
        "Revenue was $5.6 million ($5,615 thousand) for the three months ended June 30, 2007 (the first "
        "quarter of fiscal 2008), against $6.6 million ($6,566 thousand) a year earlier. The release says "
        "(line 17): \"Capstone's revenue for the first quarter ended June 30, 2007 was $5.6 million, a "
        "decrease of approximately 14% from the same period last year.\"\n"
        "Read as: revenue, the three months ended June 30, 2007, Capstone Turbine Corporation\n"
        "Figures:\n"
        "  ✓ verified     Revenue: 5,615,000 USD, the three months ended June 30, 2007 [line 99]\n"
        "  ✓ verified     Revenue: 6,566,000 USD, the three months ended June 30, 2006 [line 99]\n"
        "Sources:\n"
        "  capstone-turbine-q1-fy2008, line 99: CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS > Revenue: "
        "Three Months Ended June 30, 2007: $ 5,615; Three Months Ended June 30, 2006: $ 6,566\n"
        "  capstone-turbine-q1-fy2008, line 17: Capstone's revenue for the first quarter ended June 30, 2007 "
        "was $5.6 million, a decrease of approximately 14% from the same period last year.\n"
        "\n"
        "Revenue was $6.6 million ($6,566 thousand) for the three months ended June 30, 2006.\n"
        "Read as: revenue, the three months ended June 30, 2006, Capstone Turbine Corporation\n"
        "Figures:\n"
        "  ✓ verified     Revenue: 6,566,000 USD, the three months ended June 30, 2006 [line 99]\n"
        "Sources:\n"
        "  capstone-turbine-q1-fy2008, line 99: CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS > Revenue: "
        "Three Months Ended June 30, 2007: $ 5,615; Three Months Ended June 30, 2006: $ 6,566\n"
        "\n"
    )
    assert got == expected


def test_json_lines_one_per_answer(engine) -> None:
    got = run(engine, ["what was gross loss?", "what was EBITDA?"], as_json=True)
    lines = got.splitlines()
    assert len(lines) == 2
    first, second = (json.loads(x) for x in lines)
    assert first["answerable"] and first["figures"][0]["value"] == -2_473_000
    assert not second["answerable"] and second["answer"].startswith("The release does not say")


def test_slash_commands(engine) -> None:
    got = run(engine, ["/help", "/sources", "/docs", "what was net loss?", "/sources", "/nope"])
    assert "Commands: /help" in got
    assert "no sources yet" in got
    assert "capstone-turbine-q1-fy2008: Capstone Turbine Corporation" in got
    assert got.count("line 115:") >= 2
    assert "unknown command /nope; try /help" in got


def test_errors_do_not_end_the_conversation(engine) -> None:
    got = run(engine, ["x" * 10_001, "what was revenue?"])
    assert "pressbot: the question is 10,001 characters" in got
    assert "Revenue was $5.6 million" in got
