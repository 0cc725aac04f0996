"""Running a gold question set (the format of shared/eval/README.md) and scoring each answer."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.answer.result import Answer
from index.errors import InputError
from index.reader.numbers import close


@dataclass
class Outcome:
    """One gold question and whether the answer was right (with why not)."""

    id: str
    question: str
    ok: bool
    why: str
    answer: Answer


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
        first = answer.figures[0].value
        tol = expect.get("tol", 0.005)
        if not any(abs(abs(first) - abs(v)) <= tol * max(abs(v), 1e-9) for v in values):
            return False, f"first figure {first:g}, expected one of {values}"
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
