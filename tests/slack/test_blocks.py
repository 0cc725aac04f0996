"""Block Kit rendering stays within Slack's limits."""

from __future__ import annotations

import json

from bot.answer.result import Answer, Citation, Figure
from bot.slack.app import RateLimit, Threads
from bot.slack.blocks import answer_blocks, fallback_text


def test_long_answer_is_clipped_to_slack_limits() -> None:
    long = Answer("q", "word " * 2000, True,
                  [Figure(f"figure {i}", float(i), "USD", None, "d", i, check="verified") for i in range(40)],
                  [Citation("d", i, "x" * 1000) for i in range(30)], "d")
    blocks = answer_blocks(long)
    assert len(blocks) <= 50
    for b in blocks:
        if b["type"] == "section":
            assert len(b["text"]["text"]) <= 3000
        else:
            assert len(b["elements"]) <= 10 and all(len(e["text"]) <= 300 for e in b["elements"])
    assert len(fallback_text(long)) <= 3000


def test_markup_is_escaped() -> None:
    blocks = answer_blocks(Answer("q", "a <b> & c", True))
    assert blocks[0]["text"]["text"] == "a &lt;b&gt; &amp; c"


def test_thread_memory_is_bounded() -> None:
    threads = Threads(limit=3)
    first = threads.get(("C", "1"))
    for n in range(2, 6):
        threads.get(("C", str(n)))
    assert threads.get(("C", "1"), create=False) is None and first is not None
    assert threads.get(("C", "5"), create=False) is not None


def test_rate_limit_per_user() -> None:
    limit = RateLimit(2)
    assert limit.allow("u1") and limit.allow("u1") and not limit.allow("u1")
    assert limit.allow("u2")


def test_understood_and_reasons_are_shown(engine) -> None:
    from bot.slack.blocks import answer_blocks

    answer = engine.ask("What was backlog at the end of the first quarter?")
    blocks = answer_blocks(answer)
    text = json.dumps(blocks)
    assert blocks[1]["type"] == "context" and "Read as:" in blocks[1]["elements"][0]["text"]
    assert "unverifiable" in text and answer.figures[0].why in text
