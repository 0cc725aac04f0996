"""An answer as Slack Block Kit: the answer, its figures with their checks, its sources; within
Slack's limits (3,000 characters a section, 10 elements a context, 50 blocks)."""

from __future__ import annotations

from typing import Any

from bot.answer.result import Answer
from bot.checks.status import EMOJI, CheckStatus
from bot.cli.render import figure_value, series_chart

SECTION_LIMIT = 3000
CONTEXT_LIMIT = 10
TEXT_LIMIT = 3000


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def answer_blocks(answer: Answer) -> list[dict[str, Any]]:
    """Blocks for an answer."""
    blocks: list[dict[str, Any]] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": _clip(_escape(answer.shown), SECTION_LIMIT)}}]
    if answer.understood is not None and answer.figures:
        blocks.append({"type": "context", "elements": [
            {"type": "mrkdwn", "text": _clip(_escape(answer.understood.sentence()), 300)}]})
    chart = series_chart(answer, width=20)
    if chart:
        # a compact table in a code block: Slack has no chart block, and uploads may not be allowed
        table = _clip("```" + "\n".join(chart) + "```", SECTION_LIMIT)
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": table}})
    if answer.figures:
        lines = []
        for f in answer.figures[:12]:
            when = f" ({f.period.describe()})" if f.period else ""
            why = f" ({f.why})" if f.why and f.check != CheckStatus.VERIFIED else ""
            lines.append(f"{EMOJI[f.check]} {f.check.value} — {f.label}: {figure_value(f)}{when}, "
                         f"{f.where or 'line ' + str(f.line)}{why}")
        blocks.append({"type": "section", "text": {"type": "mrkdwn",
                                                   "text": _clip(_escape("\n".join(lines)), SECTION_LIMIT)}})
    if answer.citations:
        elements = [{"type": "mrkdwn", "text": _clip(_escape(f"{c.doc}, {c.place}: {c.text}"), 300)}
                    for c in answer.citations[:CONTEXT_LIMIT]]
        blocks.append({"type": "context", "elements": elements})
    return blocks


def fallback_text(answer: Answer) -> str:
    """The plain text Slack shows in notifications."""
    return _clip(answer.shown, TEXT_LIMIT)
