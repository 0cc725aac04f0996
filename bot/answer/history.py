"""A company's history: its releases in order, the release that reports a period, and questions across
quarters (a series, an extreme, a change between two quarters in different releases).

A figure for a period comes from that period's own release; a later release's comparative column is
the fallback. Each figure keeps its own check and citation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Any

from bot.answer.question import PeriodSpec, parse_period
from index.document import Document
from index.reader.metadata import fiscal_quarter
from index.reader.periods import ORDINAL_NAMES, near


@dataclass(frozen=True, order=True)
class FiscalQuarter:
    """A quarter of a company's own fiscal calendar."""

    year: int
    quarter: int

    @property
    def label(self) -> str:
        """``Q3 FY24``."""
        return f"Q{self.quarter} FY{self.year % 100:02d}"

    @property
    def next(self) -> FiscalQuarter:
        """The quarter after this one (the one its release's outlook is for)."""
        if self.quarter == 4:
            return FiscalQuarter(self.year + 1, 1)
        return FiscalQuarter(self.year, self.quarter + 1)

    @property
    def words(self) -> str:
        """``the third quarter of fiscal 2024``."""
        return f"the {ORDINAL_NAMES[self.quarter]} quarter of fiscal {self.year}"


@dataclass(frozen=True)
class Filing:
    """One release of a company: the quarter it reports and when that quarter ended."""

    name: str
    end: date
    quarter: FiscalQuarter | None


def filings(store: Any, names: list[str]) -> list[Filing]:
    """The releases named, oldest first, each with the quarter it reports."""
    out = []
    for n in names:
        doc: Document = store.document(n)
        period = doc.metadata.period
        if period is None:
            continue
        fq = fiscal_quarter(doc.metadata)
        out.append(Filing(n, period.end, FiscalQuarter(fq[1], fq[0]) if fq else None))
    return sorted(out, key=lambda f: f.end)


def one_company(store: Any, names: list[str]) -> bool:
    """Whether the releases are all of one company."""
    return len({(store.document(n).metadata.company or n).lower() for n in names}) == 1


def covering(history: list[Filing], spec: PeriodSpec) -> tuple[Filing | None, PeriodSpec]:
    """The release whose own quarter is the period asked, and the period as that release sees it
    (``current`` when it is its own quarter); ``None`` when no release reports it as its own."""
    if not history:
        return None, spec
    latest = history[-1]
    own = PeriodSpec("current", months=spec.months if spec.months in (3, 6, 9, 12) else None,
                     instant=spec.instant)
    if spec.relative == "current" and spec.end is None and spec.fiscal is None and \
            spec.fiscal_year is None and spec.calendar_year is None:
        return latest, spec
    if spec.relative == "prior_quarter":
        return (history[-2], replace_relative(spec)) if len(history) > 1 else (None, spec)
    if spec.relative == "prior_year" and latest.quarter is not None:
        year_ago = FiscalQuarter(latest.quarter.year - 1, latest.quarter.quarter)
        match = next((f for f in history if f.quarter == year_ago), None)
        return (match, replace_relative(spec)) if match else (latest, spec)
    if spec.fiscal is not None:
        q, y = spec.fiscal
        match = next((f for f in history if f.quarter == FiscalQuarter(y, q)), None)
        return (match, own) if match else (None, spec)
    if spec.end is not None:
        match = next((f for f in history if near(f.end, spec.end)), None)
        return (match, own) if match else (None, spec)
    if spec.fiscal_year is not None:
        match = next((f for f in history if f.quarter == FiscalQuarter(spec.fiscal_year, 4)), None)
        if match is None and spec.months in (3, 6, 9):
            wanted = FiscalQuarter(spec.fiscal_year, spec.months // 3)
            match = next((f for f in history if f.quarter == wanted), None)
            return (match, own) if match else (None, spec)
        return (match, replace(spec, relative="current", fiscal_year=None)) if match else (None, spec)
    return latest, spec


def replace_relative(spec: PeriodSpec) -> PeriodSpec:
    return PeriodSpec("current", months=spec.months, instant=spec.instant)


def guided(history: list[Filing]) -> list[Filing]:
    """The releases as the quarters their outlooks are for (each release guides to the next quarter)."""
    return [Filing(f.name, f.end, f.quarter.next if f.quarter else None) for f in history]


def coverage(history: list[Filing]) -> str:
    """``Q1 FY23 to Q2 FY25`` (or the period ends when no fiscal quarter is known)."""
    first, last = history[0], history[-1]
    def name(f: Filing) -> str:
        return f.quarter.label if f.quarter else f.end.isoformat()
    return name(first) if first is last else f"{name(first)} to {name(last)}"


class Across(StrEnum):
    """A question over several quarters."""

    SERIES = "series"    # the value in each quarter of a range
    EXTREME = "extreme"  # the quarter with the highest or lowest value
    CHANGE = "change"    # between two quarters reported in different releases


@dataclass(frozen=True)
class AcrossSpec:
    """Which quarters a question over several quarters spans, and what it asks of them."""

    kind: Across
    quarters: tuple[FiscalQuarter, ...] = ()  # the two ends (change) or the bounds of a range
    last_n: int | None = None
    fiscal_year: int | None = None
    highest: bool = True
    percent: bool = False


NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "ten": 10,
                "twelve": 12}
SERIES_RE = re.compile(r"\b(each|every|by) (of the )?(quarter|quarters)\b|\bquarter[- ]by[- ]quarter\b|"
                       r"\bover the (last|past) \w+ quarters\b|\beach quarter\b|\btrend\b|\bhistory\b", re.I)
LAST_N_RE = re.compile(r"\b(?:last|past|previous|trailing) (\d+|" + "|".join(NUMBER_WORDS) + r") quarters\b",
                       re.I)
EXTREME_RE = re.compile(r"\b(which|what) (fiscal )?quarter\b.*\b(highest|lowest|best|worst|largest|smallest|"
                        r"most|least|peak|strongest|weakest|record)\b|\b(highest|lowest|best|worst|peak)\b.*"
                        r"\b(which|what) quarter\b", re.I)
LOW_WORDS = {"lowest", "worst", "smallest", "least", "weakest"}
PAIR_RE = re.compile(r"\b(?:from|between) (.+?) (?:to|and|through|until|versus|vs\.?) (.+?)(?:[?.]|$)", re.I)
RANGE_RE = re.compile(r"\b(?:from|between) (.+?) (?:through|to|and|until) (.+?)(?:[?.]|$)", re.I)


def parse_across(text: str, change: bool, percent: bool) -> AcrossSpec | None:
    """A question over several quarters, or ``None`` for a question about one."""
    ends = _two_quarters(text)
    extreme = EXTREME_RE.search(text)
    if extreme:
        word = next((w for w in re.findall(r"[a-z]+", extreme.group(0).lower()) if w in LOW_WORDS), "")
        return AcrossSpec(Across.EXTREME, ends, _last_n(text), _year(text), highest=not word)
    if SERIES_RE.search(text) or _last_n(text):
        return AcrossSpec(Across.SERIES, ends, _last_n(text), _year(text))
    if change and len(ends) == 2 and ends[0] != ends[1]:
        return AcrossSpec(Across.CHANGE, ends, percent=percent)
    return None


def _two_quarters(text: str) -> tuple[FiscalQuarter, ...]:
    m = PAIR_RE.search(text) or RANGE_RE.search(text)
    if not m:
        return ()
    out = []
    for part in (m.group(1), m.group(2)):
        spec = parse_period(part)
        if spec.fiscal is None:
            return ()
        out.append(FiscalQuarter(spec.fiscal[1], spec.fiscal[0]))
    return tuple(out)


def _last_n(text: str) -> int | None:
    m = LAST_N_RE.search(text)
    if not m:
        return None
    word = m.group(1).lower()
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _year(text: str) -> int | None:
    spec = parse_period(text)
    return spec.fiscal_year


def quarters_in(history: list[Filing], spec: AcrossSpec) -> list[Filing]:
    """The releases a series or an extreme spans, oldest first."""
    dated = [f for f in history if f.quarter is not None]
    if spec.quarters and len(spec.quarters) == 2:
        lo, hi = sorted(spec.quarters)
        return [f for f in dated if f.quarter is not None and lo <= f.quarter <= hi]
    if spec.fiscal_year is not None:
        return [f for f in dated if f.quarter is not None and f.quarter.year == spec.fiscal_year]
    if spec.last_n is not None:
        return dated[-spec.last_n:]
    return dated
