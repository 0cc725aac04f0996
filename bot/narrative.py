"""Answers from the narrative: why, when, where, who, and figures the tables do not carry."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.question import Query, Term, stems
from bot.resolve import matches
from index.claims import Claim, find_claims, sentences
from index.model import Document

EVIDENCE = {
    "why": re.compile(r"\b(due to|attributable|attributed|because|driven by|result of|as a result|primarily|"
                      r"reflect|reflecting|offset|led by|caused|owing to|thanks to|on account of)\b", re.I),
    "when": re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2} ?(a\.m\.|p\.m\.|am|pm)\b|\b(today|tomorrow|"
                       r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|"
                       r"\b(january|february|march|april|may|june|july|august|september|october|"
                       r"november|december) \d{1,2}\b", re.I),
    "where": re.compile(r"\b(headquartered|based in|located in|headquarters|offices? in)\b", re.I),
    "who": re.compile(r"\b[A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z]+)+,? (?:the |our |its |[A-Z]\w+'s )?"
                      r"(?:chief|chairman|president|ceo|cfo|coo|founder|director|vice)", re.I),
    "how": re.compile(r"."),
}


@dataclass
class Passage:
    """A sentence of the release (with the one before it when that names the subject)."""

    text: str
    line: int
    score: float


def _sentences(doc: Document) -> list[tuple[str, int, str]]:
    """(sentence, line, previous sentence in the same block)."""
    out = []
    for b in doc.blocks:
        if b.kind == "heading":
            continue
        prev = ""
        for s in sentences(b.text):
            out.append((s, b.line, prev))
            prev = s
    return out


def _required(terms: tuple[Term, ...], ignore: set[str]) -> list[Term]:
    return [t for t in terms if not all(len(a) == 1 and a[0] in ignore for a in t)]


def find_passage(doc: Document, q: Query, ignore: set[str], boost: dict[int, float]) -> Passage | None:
    """The sentence that answers a why/when/where/who question, or ``None``."""
    kind = q.narrative or "how"
    evidence = EVIDENCE.get(kind, EVIDENCE["how"])
    required = _required(q.terms, ignore)
    best: Passage | None = None
    for s, line, prev in _sentences(doc):
        if not evidence.search(s):
            continue
        own = stems(s)
        words = own | stems(prev)
        if kind == "who":
            if not all(matches(t, own) or matches(t, stems(s.lower())) for t in required):
                continue
        elif not all(matches(t, words) for t in required):
            continue
        covered_here = sum(1 for t in required if matches(t, own))
        score = covered_here + boost.get(line, 0.0) - len(s) / 2000
        text = s if covered_here == len(required) or not prev else f"{prev} {s}"
        if best is None or score > best.score:
            best = Passage(text, line, score)
    return best


def find_stated_figure(doc: Document, q: Query, ignore: set[str]) -> tuple[Claim, str] | None:
    """A figure the narrative states for the asked item (such as backlog), with its sentence."""
    required = _required(q.terms, ignore)
    if not required:
        return None
    for b in doc.blocks:
        for s in sentences(b.text):
            if not all(matches(t, stems(s)) for t in required):
                continue
            claims = find_claims(s, b.line)
            for c in claims:
                if c.kind in ("money", "count") and all(
                        matches(t, stems(s[: c.start])) for t in required):
                    return c, s
    return None
