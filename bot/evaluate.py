"""Running a gold question set (the format of tests/data/eval/README.md) and scoring each answer."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from bot.answer.result import Answer
from bot.checks.status import CheckStatus
from index.errors import InputError, PressbotError
from index.reader.numbers import close


class Verdict(StrEnum):
    """How an answer to a gold question fared. A wrong figure marked verified is the worst outcome."""

    RIGHT = "right"
    WRONG_VERIFIED = "wrong-verified"  # a wrong figure (or a figure where none exists) marked verified
    WRONG_OTHER = "wrong-other"        # a wrong figure marked unverifiable or contradicted, or wrong words
    REFUSED = "refused"                # "the release does not say" of a question it answers


@dataclass
class Outcome:
    """One gold question, the answer, and how it fared (with why not)."""

    id: str
    question: str
    verdict: Verdict
    why: str
    answer: Answer | None

    @property
    def ok(self) -> bool:
        return self.verdict == Verdict.RIGHT


@dataclass
class Report:
    """The outcomes of a gold set."""

    outcomes: list[Outcome]

    def count(self, verdict: Verdict) -> int:
        return sum(o.verdict == verdict for o in self.outcomes)

    @property
    def accuracy(self) -> float:
        return 100.0 * self.count(Verdict.RIGHT) / len(self.outcomes) if self.outcomes else 0.0

    def summary(self) -> str:
        n = len(self.outcomes)
        return (f"accuracy: {self.count(Verdict.RIGHT)}/{n} ({self.accuracy:.1f}%)\n"
                f"wrong figures marked verified: {self.count(Verdict.WRONG_VERIFIED)}, "
                f"wrong otherwise: {self.count(Verdict.WRONG_OTHER)}, refused: {self.count(Verdict.REFUSED)}")


def classify(item: dict[str, Any], answer: Answer) -> tuple[Verdict, str]:
    """Right, or which kind of wrong, by the gold set's rules."""
    ok, why = judge(item, answer)
    if ok:
        return Verdict.RIGHT, ""
    if not answer.answerable and not answer.figures:
        return Verdict.REFUSED, why
    if answer.figures and answer.figures[0].check == CheckStatus.VERIFIED and not _right_figure(item, answer):
        return Verdict.WRONG_VERIFIED, why
    return Verdict.WRONG_OTHER, why


def _right_figure(item: dict[str, Any], answer: Answer) -> bool:
    """Whether the first figure is one the gold set expects (the answer may still be wrong in its
    words or its citation: that is not a wrong figure)."""
    expect = item.get("expect", {})
    values = expect.get("values")
    if expect.get("answerable") is False or not values or not answer.figures:
        return False
    first, tol = answer.figures[0].value, expect.get("tol", 0.005)
    return any(abs(abs(first) - abs(v)) <= tol * max(abs(v), 1e-9) for v in values)


def run_gold(ask: Callable[[str], Answer], items: list[dict[str, Any]]) -> Report:
    """Ask every gold question (``ask`` answers one question as a new conversation) and judge it; a
    question the bot refuses with a pressbot error counts as refused."""
    outcomes = []
    for item in items:
        qid = str(item.get("id", "?"))
        try:
            answer = ask(item["question"])
        except PressbotError as exc:
            outcomes.append(Outcome(qid, item["question"], Verdict.REFUSED, str(exc), None))
            continue
        verdict, why = classify(item, answer)
        outcomes.append(Outcome(qid, item["question"], verdict, why, answer))
    return Report(outcomes)


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Gold questions, one JSON object per line; a bad line is an error that names it."""
    items = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read the gold set ({exc.strerror})") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            item["question"]
        except (json.JSONDecodeError, KeyError, TypeError):
            raise InputError(f"{path}:{n}: not a gold question "
                             "(JSON with 'id', 'question', 'expect')") from None
        items.append(item)
    return items


def judge(item: dict[str, Any], answer: Answer) -> tuple[bool, str]:
    """Right or wrong, by the gold set's rules."""
    expect = item.get("expect", {})
    text = answer.shown.lower()
    if expect.get("answerable") is False:
        if answer.answerable or answer.figures:
            return False, "expected 'the release does not say'"
        return True, ""
    if not answer.answerable:
        return False, "answered that the release does not say"
    values = expect.get("values")
    if values:
        if not answer.figures:
            return False, "no figure"
        if not _right_figure(item, answer):
            return False, f"first figure {answer.figures[0].value:g}, expected one of {values}"
    for v in expect.get("no_value", []):
        if answer.figures and close(answer.figures[0].value, v, rel=1e-9):
            return False, f"gave the excluded value {v}"
    for s in expect.get("text_all", []):
        if s.lower() not in text:
            return False, f"answer lacks {s!r}"
    anys = expect.get("text_any", [])
    if anys and not any(s.lower() in text for s in anys):
        return False, f"answer lacks any of {anys}"
    lines = item.get("lines")
    if lines and not any(c.line in lines for c in answer.citations):
        return False, f"no citation of lines {lines} (cited {[c.line for c in answer.citations]})"
    return True, ""
