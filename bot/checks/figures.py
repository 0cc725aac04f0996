"""Cross-checking a figure against the tables: direct facts and what follows from them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import combinations

from bot.checks.status import CheckStatus
from index.document import Document, Fact
from index.reader.claims import Claim
from index.reader.words import content_words as words

REVENUE = re.compile(r"^(total )?(net )?(revenues?|sales)$|^total net revenues$|^net sales$", re.I)


def is_revenue(label: str) -> bool:
    """Whether a row label is the company's revenue: "Net sales", "Total revenues", and the same with a
    qualifier after a comma or in brackets ("SALES, Net of returns and allowances", "Revenues (1)")."""
    name = re.sub(r"\s*\([^)]*\)|:$", "", label.split(",")[0]).strip()
    return bool(REVENUE.match(name))


@dataclass(frozen=True)
class Check:
    """The outcome of one check: arithmetic (passed or failed) or a figure (verified,
    unverifiable or contradicted), with what was expected, what was found and the line."""

    kind: str
    status: CheckStatus
    text: str
    expected: float | None
    found: float | None
    line: int
    source: str = ""
    # the table cells an arithmetic check took part in: (table id, row line, column index)
    cells: frozenset[tuple[str, int, int]] = frozenset()

    def as_json(self) -> dict[str, object]:
        return {"kind": self.kind, "status": self.status.value, "text": self.text,
                "expected": self.expected, "found": self.found, "line": self.line,
                "source": self.source}


@dataclass
class RowFacts:
    """The facts of one table row, by column index."""

    table: str
    row: int
    label: str
    words: set[str]
    facts: dict[int, Fact] = field(default_factory=dict)


@dataclass(frozen=True)
class Candidate:
    """A value that a stated figure may be: a fact, or derived from facts."""

    value: float
    kind: str  # money, percent, points, shares, per_share
    how: str
    line: int


class Verifier:
    """Checks figures against one document's facts."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        rows: dict[tuple[str, int], RowFacts] = {}
        for f in doc.facts:
            key = (f.table, f.row_index)
            if key not in rows:
                rows[key] = RowFacts(f.table, f.row_index, f.label, words(f.label + " " + f.section))
            rows[key].facts[f.column_index] = f
        self.rows = list(rows.values())
        self._checked: dict[Claim, Check] = {}
        self.vocabulary = set().union(*(r.words for r in self.rows)) if self.rows else set()
        self.by_table: dict[str, list[RowFacts]] = {}
        for r in self.rows:
            self.by_table.setdefault(r.table, []).append(r)

    def relevant(self, text: str) -> list[RowFacts]:
        """Rows whose label words appear in the text, best first."""
        ws = words(text)
        scored = []
        for r in self.rows:
            label_words = words(r.label)
            hit = len(label_words & ws)
            if hit and hit >= max(1, len(label_words) // 2):
                scored.append((hit / max(1, len(label_words)) + hit * 0.01, r))
        scored.sort(key=lambda x: -x[0])
        return [r for _, r in scored]

    def candidates(self, rows: list[RowFacts], topic: set[str] | None = None) -> list[Candidate]:
        """Facts of the rows and what follows: changes, percent changes, shares of revenue, sums."""
        out: list[Candidate] = []
        for r in rows:
            out.extend(self._row_candidates(r.label, r.facts))
            revenue = next((x for x in self.by_table.get(r.table, []) if is_revenue(x.label)), None)
            if revenue is not None and revenue is not r:
                for c, f in r.facts.items():
                    rev = revenue.facts.get(c)
                    if rev and rev.value and _kind(f) == "money":
                        out.append(Candidate(abs(f.value / rev.value) * 100, "percent",
                                             f"{f.label} as a share of {rev.label}", f.line))
        pairs = []
        for a in rows[:6]:
            for b in self.by_table.get(a.table, []):
                if b is not a and words(a.label) & words(b.label) & (topic or words(a.label)):
                    pairs.append((a, b))
        for a, b in pairs:
            summed: dict[int, Fact] = {}
            for c in a.facts.keys() & b.facts.keys():
                fa, fb = a.facts[c], b.facts[c]
                if _kind(fa) == _kind(fb) == "money":
                    summed[c] = Fact(**{**fa.__dict__, "value": fa.value + fb.value,
                                        "label": f"{fa.label} + {fb.label}"})
            out.extend(self._row_candidates(f"{a.label} + {b.label}", summed))
        return out

    def _row_candidates(self, label: str, facts: dict[int, Fact]) -> list[Candidate]:
        out = [Candidate(f.value, _kind(f), f"{label}, {f.column or 'as printed'}", f.line)
               for f in facts.values()]
        dated = [f for f in facts.values() if f.period is not None]
        for fa, fb in combinations(dated, 2):
            if fa.period is None or fb.period is None or fa.period.months != fb.period.months:
                continue
            new, old = (fa, fb) if fa.period.end > fb.period.end else (fb, fa)
            kind = _kind(new)
            diff = new.value - old.value
            how = f"change in {label} from {old.column} to {new.column}"
            if kind == "percent":
                out.append(Candidate(diff, "points", how, new.line))
                out.append(Candidate(diff * 100, "bps", how, new.line))
                continue
            out.append(Candidate(diff, kind, how, new.line))
            if old.value:
                out.append(Candidate(diff / abs(old.value) * 100, "percent", "percent " + how, new.line))
        return out

    def check_once(self, claim: Claim) -> Check:
        """``check`` of a claim without its clause, remembered (claims are frozen and hashable)."""
        if claim not in self._checked:
            self._checked[claim] = self.check(claim)
        return self._checked[claim]

    def check(self, claim: Claim, clause: str | None = None) -> Check:
        """Verified when the figure matches a fact or what follows from the facts it speaks of:
        first those its own clause names, then those its sentence names."""
        kind = _claim_kind(claim)
        rows: list[RowFacts] = []
        for context in ([clause] if clause else []) + [claim.sentence]:
            rows = self.relevant(context)
            if kind == "per_share":
                rows = rows + [r for r in self.rows if any(_kind(f) == "per_share"
                                                           for f in r.facts.values())]
            if not rows and context is clause and (words(context) - self.vocabulary):
                break
            for cand in self.candidates(rows, words(context)):
                if cand.kind == kind and abs(abs(cand.value) - abs(claim.value)) <= claim.tolerance:
                    return Check("narrative", CheckStatus.VERIFIED, claim.text, claim.value, cand.value,
                                 claim.line, f"{cand.how} (line {cand.line})")
        if not rows:
            return Check("narrative", CheckStatus.UNVERIFIABLE, claim.text, claim.value, None, claim.line,
                         "no table row speaks of this")
        focus = clause or claim.sentence
        strong = [r for r in self.relevant(focus) if words(r.label) <= words(focus)]
        fact = self._current(strong[0], kind) if strong else None
        cue = re.search(r"\b(increase|decrease|change|up|down|grew|fell|declin|rose|improv|higher|"
                        r"lower|margin|percent|of revenue)", focus, re.I)
        unknown = words(focus) - self.vocabulary
        if (fact is not None and not cue and not unknown and fact.value
                and 0.5 <= abs(claim.value / fact.value) <= 2):
            return Check("narrative", CheckStatus.CONTRADICTED, claim.text, claim.value, fact.value,
                         claim.line, f"{fact.label}, {fact.column} is {fact.text} (line {fact.line})")
        return Check("narrative", CheckStatus.UNVERIFIABLE, claim.text, claim.value, None, claim.line,
                     "no table figure or change matches at the stated precision")

    def _current(self, row: RowFacts, kind: str) -> Fact | None:
        period = self.doc.metadata.period
        for f in row.facts.values():
            if period and f.period == period and _kind(f) == kind:
                return f
        return None


def _kind(f: Fact) -> str:
    if f.unit == "percent":
        return "percent"
    if f.unit == "bps":
        return "bps"
    if f.unit == "shares":
        return "shares"
    if "/" in f.unit:
        return "per_share"
    if f.unit in ("count", "ratio"):
        return f.unit
    return "money"


def _claim_kind(claim: Claim) -> str:
    if claim.kind == "money":
        after = claim.sentence[claim.start + len(claim.text): claim.start + len(claim.text) + 25]
        if re.match(r"\s*(per|a)\s+(diluted\s+|basic\s+)?(share|ads)", after, re.I) or (
            claim.value < 10 and re.search(r"per share|\bEPS\b", claim.sentence, re.I)
            and claim.scale == 1
        ):
            return "per_share"
        return "money"
    if claim.kind == "count":
        return "shares" if re.search(r"shares", claim.sentence, re.I) else "money"
    return claim.kind
