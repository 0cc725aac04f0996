"""What an answer is made of: the text, its figures with their checks, and its citations."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from bot.checks.status import CheckStatus
from index.reader.periods import Period

NOT_STATED = "The release does not say"


@dataclass
class Figure:
    """A number in an answer, in base units, with where it comes from and how it checked out."""

    label: str
    value: float
    unit: str
    period: Period | None
    doc: str
    line: int
    derived: bool = False
    check: CheckStatus = CheckStatus.UNVERIFIABLE
    how: str = ""
    basis: tuple[float, ...] = ()
    op: str = ""
    # the table cells it is read from or computed from: (table id, row line, column index)
    cells: tuple[tuple[str, int, int], ...] = ()
    why: str = ""  # what the check found: the second source, or why the figure is not verified
    where: str = ""  # "line 102", or "page 3, line 9" for a PDF

    def __post_init__(self) -> None:
        self.check = CheckStatus(self.check)  # a status given by its word becomes the enum

    def recompute(self) -> float | None:
        """The value again from its basis: ``+`` sum, ``avg`` mean, ``net`` the sum less the last,
        ``sum/`` the sum over the last, ``net/`` the sum less the one before the last, over the last,
        ``-`` difference, ``/`` ratio, ``%`` share, ``pct`` change,
        ``margin`` what is left of the first after the second, as a percentage of the first."""
        if self.op == "+":
            return sum(self.basis)
        if self.op == "avg":
            return sum(self.basis) / len(self.basis) if self.basis else None
        if self.op == "net":  # the parts added, less the last
            return sum(self.basis[:-1]) - self.basis[-1] if len(self.basis) > 1 else None
        if self.op == "sum/" and len(self.basis) > 1 and self.basis[-1]:  # the parts added, over the last
            return sum(self.basis[:-1]) / self.basis[-1]
        if self.op == "net/" and len(self.basis) > 2 and self.basis[-1]:  # the parts less one, over the last
            return (sum(self.basis[:-2]) - self.basis[-2]) / self.basis[-1]
        if len(self.basis) != 2:
            return None
        a, b = self.basis
        if self.op == "-":
            return a - b
        if self.op == "margin":
            return (a - abs(b)) / a * 100 if a else None
        if not b:
            return None
        return {"/": a / b, "%": a / b * 100, "pct": (a - b) / abs(b) * 100}.get(self.op)

    def as_json(self) -> dict[str, object]:
        return {"label": self.label, "value": self.value, "unit": self.unit,
                "period": self.period.as_json() if self.period else None, "doc": self.doc,
                "line": self.line, "derived": self.derived, "check": self.check.value, "why": self.why,
                **_page(self.where)}


@dataclass(frozen=True)
class Citation:
    """A place in a release: its line and the text there (a table row or a narrative sentence)."""

    doc: str
    line: int
    text: str
    where: str = ""  # "line 102", or "page 3, line 9" for a PDF

    @property
    def place(self) -> str:
        return self.where or f"line {self.line}"

    def as_json(self) -> dict[str, object]:
        return {"doc": self.doc, "line": self.line, "text": self.text, **_page(self.where)}


def _page(where: str) -> dict[str, object]:
    """``{"page": 3, "page_line": 9}`` for a PDF place, nothing otherwise."""
    m = re.match(r"page (\d+), line (\d+)", where)
    return {"page": int(m.group(1)), "page_line": int(m.group(2))} if m else {}


@dataclass(frozen=True)
class SeriesPoint:
    """One quarter of a series across releases: its label, figure, release, line and check."""

    period: str
    value: float
    unit: str
    doc: str
    line: int
    check: CheckStatus

    def as_json(self) -> dict[str, object]:
        return {"period": self.period, "value": self.value, "unit": self.unit, "doc": self.doc,
                "line": self.line, "check": self.check.value}


@dataclass
class Understood:
    """What the bot took the question to ask: the company and release, the line item as printed (row
    and section), the period, the kind of answer, and how sure the match is (0 to 1)."""

    company: str
    release: str
    line_item: str
    section: str
    period: str
    kind: str
    confidence: float

    def sentence(self) -> str:
        """``Read as: cost of sales, the three months ended June 30, 2007, Capstone Turbine``."""
        item = self.line_item
        if item.isupper() or (item[:1].isupper() and item[1:2].islower()):
            item = item.lower()  # "NET INCOME", "Net income" read as "net income"; "EBITDA" stays
        parts = [item, self.period, self.company]
        return "Read as: " + ", ".join(p for p in parts if p)

    def as_json(self) -> dict[str, object]:
        return {"company": self.company, "release": self.release, "line_item": self.line_item,
                "section": self.section, "period": self.period, "kind": self.kind,
                "confidence": round(self.confidence, 2)}


@dataclass
class Answer:
    """An answer to one question."""

    question: str
    text: str
    answerable: bool
    figures: list[Figure] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    doc: str = ""
    company: str = ""  # named when the index holds several releases: renderers put it first
    understood: Understood | None = None
    series: list[SeriesPoint] = field(default_factory=list)  # a figure per quarter, oldest first

    def locate(self, where: Any) -> None:
        """Name each citation's and figure's place in its release (``where(doc, line)``)."""
        self.citations = [replace(c, where=where(c.doc, c.line)) for c in self.citations]
        for f in self.figures:
            f.where = where(f.doc, f.line) if f.line else ""

    @property
    def shown(self) -> str:
        """The text as a person reads it: the company first when it was named."""
        return f"{self.company}: {self.text}" if self.company else self.text

    def as_json(self) -> dict[str, object]:
        return {"question": self.question, "answer": self.shown, "answerable": self.answerable,
                "figures": [f.as_json() for f in self.figures],
                "citations": [c.as_json() for c in self.citations],
                "understood": self.understood.as_json() if self.understood else None,
                **({"series": [p.as_json() for p in self.series]} if self.series else {})}
