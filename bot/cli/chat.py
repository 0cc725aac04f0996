"""The terminal conversation: prompt_toolkit and rich on a terminal, one question per line otherwise."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Any, TextIO

from bot.answer.pipeline import Conversation
from bot.cli.render import print_answer
from index.errors import PressbotError

HELP = """Ask about the indexed releases in plain English, for example:
  what was gross loss?        how did revenue change from last year?
  why did revenue decline?    what was the current ratio?
Follow-ups use the conversation: "and a year earlier?", "what about R&D?".
Commands: /help  /sources (of the last answer)  /docs (indexed releases)  /quit"""


def handle(line: str, engine: Any, conversation: Conversation, console: Any, doc: str | None,
           as_json: bool, out: TextIO) -> bool:
    """Answer one line of input; ``False`` ends the conversation."""
    text = line.strip()
    if not text:
        return True
    if text in ("/quit", "/exit", "/q"):
        return False
    if text == "/help":
        console.print(HELP, highlight=False, markup=False)
        return True
    if text == "/docs":
        for r in engine.store.catalog():
            console.print(f"{r.name}: {r.company}, {r.period} ({r.facts} facts, {r.chunks} chunks)",
                          highlight=False, markup=False)
        return True
    if text == "/sources":
        last = conversation.answers[-1] if conversation.answers else None
        if last is None or not last.citations:
            console.print("no sources yet: ask a question first", highlight=False, markup=False)
        else:
            for c in last.citations:
                console.print(f"{c.doc}, {c.place}: {c.text}", highlight=False, markup=False)
        return True
    if text.startswith("/"):
        console.print(f"unknown command {text}; try /help", highlight=False, markup=False)
        return True
    try:
        answer = engine.ask(text, doc=doc, conversation=conversation)
    except PressbotError as exc:
        console.print(f"pressbot: {exc}", highlight=False, markup=False)
        return True
    if as_json:
        out.write(json.dumps(answer.as_json(), ensure_ascii=False) + "\n")
        out.flush()
    else:
        print_answer(answer, console)
        console.print()
    return True


def run_lines(lines: Iterable[str], engine: Any, doc: str | None = None, as_json: bool = False,
              out: TextIO | None = None) -> int:
    """Questions one per line (standard input that is not a terminal), keeping the conversation."""
    from rich.console import Console

    out = out or sys.stdout
    console = Console(file=out, highlight=False, force_terminal=False, width=120, no_color=True)
    conversation = Conversation()
    for line in lines:
        if not handle(line, engine, conversation, console, doc, as_json, out):
            break
    return 0


def run_chat(engine: Any, doc: str | None = None, as_json: bool = False) -> int:
    """The conversation: interactive on a terminal, line by line otherwise."""
    if not sys.stdin.isatty():
        return run_lines(sys.stdin, engine, doc, as_json)
    from prompt_toolkit import PromptSession
    from prompt_toolkit.history import InMemoryHistory
    from rich.console import Console

    console = Console(highlight=False)
    releases = engine.store.catalog()
    if not releases:
        console.print("The index is empty: add a release with 'pressbot index add FILE' (or --sample).")
        return 1
    names = ", ".join(f"{r.company or r.name} ({r.period})" for r in releases)
    console.print(f"pressbot: ask about {names}. /help for help, /quit to leave.", markup=False)
    session: PromptSession[str] = PromptSession(history=InMemoryHistory())
    conversation = Conversation()
    while True:
        try:
            line = session.prompt("you> ")
        except (EOFError, KeyboardInterrupt):
            break
        if not handle(line, engine, conversation, console, doc, as_json, sys.stdout):
            break
    return 0
