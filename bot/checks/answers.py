"""Checking an answer. A figure is **verified** only when it answers the question and a second source
agrees:

- it is read with a known scale and unit, from a row that is the line item asked (match confidence
  at least ``CONFIDENT``), for the period and company asked;
- and something independent agrees: the narrative states the same figure, or an arithmetic check of
  the release that includes the cell passes, or the same figure stands in a second table;
- and no arithmetic check that includes the cell fails (a failure means a misreading or an
  inconsistency of the release).

Otherwise it is **unverifiable**, with the reason in words; a derived figure that does not follow from
its figures is **contradicted**. Figures an (LLM-worded) text states are checked as prose.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.answer.result import Answer, Citation, Figure
from bot.checks.arithmetic import check_table
from bot.checks.figures import Verifier
from bot.checks.status import CheckStatus
from index.document import Document, Fact
from index.reader.claims import Claim, find_claims
from index.reader.numbers import close, is_money
from index.reader.words import content_words

# the least match confidence at which a row is taken to be the line item asked (calibrated on the gold
# sets: exact labels score 1, a label with a few unasked words about 0.8, a word found only in the
# section about 0.6 of a word)
CONFIDENT = 0.7

Cell = tuple[str, int, int]


NEAR_END = r")\W+(\w+\W+){0,3}$"  # at most three words between the verb and the figure
UP = re.compile(r"\b(increase[sd]?|up|r[io]se|grew|higher|gain(ed)?|improved?|growth of" + NEAR_END, re.I)
DOWN = re.compile(r"\b(decrease[sd]?|down|fell|declined?|lower|dropped|shrank|a decline of" + NEAR_END, re.I)


YEAR_OVER_YEAR = re.compile(r"^\S*\s*(\w+\s+){0,2}(year[- ]over[- ]year|y/y|yoy|from (a|the) year "
                            r"(ago|earlier)|(from|over|compared (to|with)) (the )?"
                            r"(same|prior[- ]year|year[- ]ago|last year))", re.I)
SEQUENTIAL = re.compile(r"^\S*\s*(\w+\s+){0,2}(sequential(ly)?|quarter[- ]over[- ]quarter|q/q|qoq|"
                        r"(from|over|compared (to|with)) (the )?(prior|previous|preceding|last) quarter)",
                        re.I)
FULL_YEAR_WORDS = re.compile(r"full[- ]year|for the year|fiscal year|twelve months|annual", re.I)
QUARTER_WORDS = re.compile(r"\bquarter\b|\b[1-4]Q\d\d\b|\bQ[1-4]\b|three months", re.I)
# a total row named after its section ("Total purchase obligations" under "Purchase obligations")
TOTAL_ROW = re.compile(r"^\s*total\b", re.I)


# words that name no particular line item in a sentence about one ("Net revenues were ..., down by 5.4%")
GENERIC_ITEM = content_words("revenue revenues net sales total grew rose fell declined compared increases "
                             "increased decreases decreased up down")


def _between_words(claim: Claim, item: set[str]) -> set[str]:
    """The words between the last mention of the item in a claim's sentence (its start, when only the
    heading names the item) and the claim, other figures left out."""
    text = claim.sentence[:claim.start]
    starts = [m.end() for m in re.finditer(r"[A-Za-z&]+", text) if content_words(m.group()) & item]
    between = text[starts[-1]:] if starts else text
    for other in find_claims(between):
        between = between.replace(other.text, " ")
    return content_words(between)


def direction(claim: Claim) -> int:
    """+1 when the words just before a figure say it rose ("increased 4%"), -1 when they say it fell,
    0 when they say neither."""
    before = claim.sentence[: claim.start]
    return 1 if UP.search(before) else -1 if DOWN.search(before) else 0


def _as_rate(fig: Figure) -> Figure:
    """A change figure as its rate of change (the percent it is of its base)."""
    if fig.op != "-" or len(fig.basis) != 2 or not fig.basis[1]:
        return fig
    now, base = fig.basis
    return replace(fig, value=(now - base) / abs(base) * 100, op="pct")


class AnswerChecker:
    """Checks answers about one release; its arithmetic and narrative figures are found once."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.verifier = Verifier(doc)
        self._claims: list[tuple[str, Claim]] | None = None
        self.passed: dict[Cell, list[frozenset[Cell]]] = {}  # a cell: the cells of each check it passes in
        self.failed: dict[Cell, str] = {}
        for table in doc.tables:
            for check in check_table(table):
                if check.status == CheckStatus.PASSED:
                    for c in check.cells:
                        self.passed.setdefault(c, []).append(check.cells)
                else:
                    self.failed.update({c: check.text for c in check.cells})
        self.facts: dict[Cell, Fact] = {(f.table, f.line, f.column_index): f for f in doc.facts}
        self.tables = {t.id: t for t in doc.tables}

    def narrative_claims(self) -> list[tuple[str, Claim]]:
        """Every figure the narrative states, with its block's kind."""
        if self._claims is None:
            self._claims = [(b.kind, c) for b in self.doc.blocks for c in find_claims(b.text, b.line)]
        return self._claims

    def check_figure(self, fig: Figure, confidence: float = 1.0) -> tuple[CheckStatus, str]:
        """The status of a table figure (or one derived from table figures), and why."""
        if fig.derived:
            again = fig.recompute()
            printed = all(any(close(abs(f.value), abs(b)) for f in self.doc.facts) for b in fig.basis)
            if again is None or not printed or not close(fig.value, again):
                return CheckStatus.CONTRADICTED, "does not follow from the figures it is computed from"
        elif not fig.cells:
            if any(close(f.value, fig.value) and f.unit == fig.unit for f in self.doc.facts):
                return CheckStatus.UNVERIFIABLE, "printed in a table, but not read from the row asked"
            return CheckStatus.UNVERIFIABLE, "not found in the tables"
        return self._corroborate(fig, confidence)

    def _corroborate(self, fig: Figure, confidence: float) -> tuple[CheckStatus, str]:
        facts = [self.facts.get(c) for c in fig.cells]
        if any(f is None for f in facts):
            return CheckStatus.UNVERIFIABLE, "not found in the tables"
        if fig.op in ("pct", "-") and (rate := self.narrative_rate(_as_rate(fig), [f for f in facts if f])):
            # the amount of a change and its rate come from the same two cells: neither is vouched for
            return CheckStatus.UNVERIFIABLE, (f"the narrative states {rate.text} for it "
                                              f"(line {rate.line}): the release measures it another way")
        for c in fig.cells:
            if c in self.failed:
                return CheckStatus.UNVERIFIABLE, f"the release's arithmetic fails there ({self.failed[c]})"
        if confidence < CONFIDENT:
            return CheckStatus.UNVERIFIABLE, "the row matched the question loosely"
        stated = self.narrative_support(fig)
        if stated is not None:
            return CheckStatus.VERIFIED, f"the narrative states it (line {stated.line})"
        found = [f for f in facts if f is not None]
        if any(not self.scale_known(f) for f in found):
            return CheckStatus.UNVERIFIABLE, "the table's scale is uncertain (no caption or narrative says)"
        why = []
        for cell, f in zip(fig.cells, found, strict=True):
            if self._sums_as_read(cell, f):
                why.append("the table's arithmetic includes it")
            elif (other := self.second_table(f)) is not None:
                why.append(f"it stands again in {other.table_title} (line {other.line})")
            else:
                return CheckStatus.UNVERIFIABLE, f"no second source for {f.label}, {f.column.strip()}"
        return CheckStatus.VERIFIED, "; ".join(dict.fromkeys(why))

    def _sums_as_read(self, cell: Cell, f: Fact) -> bool:
        """Whether a passing arithmetic check includes the cell as it was read: a total read as its
        section's ("Purchase obligations: ... Total", read "Total purchase obligations") is vouched for
        only by a sum of that section's rows, never by one that shows it totals rows outside it, nor by
        one along its own row."""
        checks = self.passed.get(cell, [])
        leaf = f.section.split(" > ")[-1].strip().lower()
        if not leaf or TOTAL_ROW.sub("", f.label).strip().lower() != leaf:
            return bool(checks)

        def inside(c: Cell) -> bool:
            g = self.facts.get(c)
            return g is not None and (g.section == f.section or g.section.startswith(f.section + " > "))

        return any(all(inside(c) for c in cells) and any(c[1] != cell[1] for c in cells) for cells in checks)

    def narrative_rate(self, fig: Figure, facts: list[Fact]) -> Claim | None:
        """A rate of change the narrative states for the same item over the same base that differs from
        the one computed from the table ("EMS net revenues ... down by 5.4% year-over-year" beside a
        segment row that falls 6.2%): the release measures the item another way, and the computed rate
        is not vouched for."""
        now, base = facts[0], facts[-1]
        if now.period is None or base.period is None:
            return None
        item = content_words(now.label) - GENERIC_ITEM
        yearly = abs((now.period.end - base.period.end).days - 365) < 20
        marker = YEAR_OVER_YEAR if yearly else SEQUENTIAL
        length = {3: FULL_YEAR_WORDS, 12: QUARTER_WORDS}.get(now.period.months)
        for block in self.doc.blocks:
            for claim in find_claims(block.text, block.line):
                context = f"{claim.sentence} {block.section}"
                if claim.kind != "percent" or not item or not item <= content_words(context):
                    continue
                if not marker.search(claim.sentence[claim.start:claim.start + 60]) or (
                        length is not None and length.search(context)):
                    continue
                if _between_words(claim, item) - item - GENERIC_ITEM:
                    continue  # another item's rate ("Net Sales of $7.2 million, Net Profit increased 566%")
                said = [c for c in find_claims(claim.sentence, block.line) if c.kind == "percent"]
                if any(abs(abs(c.value) - abs(fig.value)) <= max(c.tolerance, 0.15) for c in said):
                    return None  # the sentence states the computed rate too
                if direction(claim) * fig.value > 0 and abs(abs(claim.value) - abs(fig.value)) > 0.3:
                    return claim
        return None

    def scale_known(self, f: Fact) -> bool:
        """Whether a money or share figure's scale was established (per-share figures, percents and
        ratios have none to get wrong)."""
        if not (is_money(f.unit) or f.unit == "shares"):
            return True
        table = self.tables.get(f.table)
        row_note = any(r.unit_note for r in table.rows if r.line == f.line) if table else False
        return table is None or table.scale_source.known or row_note

    def second_table(self, f: Fact) -> Fact | None:
        """The same figure, for the same period and line item, printed in another table."""
        words = content_words(f.label)
        for g in self.doc.facts:
            if g.table != f.table and g.unit == f.unit and close(g.value, f.value, rel=1e-9) and \
                    g.period == f.period and (words & content_words(g.label)) and g.value:
                return g
        return None

    def check_claim(self, claim: Claim) -> tuple[CheckStatus, str]:
        """A figure the narrative states, checked as the audit checks prose, and the table figure or change
        that agrees with it ('' when none does)."""
        found = self.verifier.check(claim)
        return found.status.as_figure_status(), found.source if found.status == CheckStatus.VERIFIED else ""

    def narrative_support(self, fig: Figure) -> Citation | None:
        """The narrative sentence that states this figure (verified against its row)."""
        found: list[tuple[int, Citation]] = []
        for kind, claim in self.narrative_claims():
            if abs(abs(claim.value) - abs(fig.value)) > claim.tolerance:
                continue
            if fig.derived and fig.op in ("-", "pct") and direction(claim) * fig.value < 0:
                continue  # "increased 4%" does not state a fall of 4%
            check = self.verifier.check_once(claim)
            if check.status == CheckStatus.VERIFIED and f"(line {fig.line})" in check.source:
                # a full sentence of the body reads better than a headline
                rank = 0 if claim.sentence.rstrip().endswith(".") and kind != "heading" else 1
                found.append((rank, Citation(self.doc.name, claim.line, claim.sentence)))
        return min(found, key=lambda x: x[0])[1] if found else None

    def check_text(self, answer: Answer) -> None:
        """Every figure stated in an answer's text that its figures do not already account for is
        checked against the tables and added to the figures with its status."""
        known = list(answer.figures)
        for claim in find_claims(answer.text):
            if any(abs(abs(f.value) - abs(claim.value)) <= claim.tolerance for f in known):
                continue
            check = self.verifier.check(claim)
            answer.figures.append(Figure(f"stated: {claim.text}", claim.value,
                                         claim.currency or claim.kind, None, self.doc.name, check.line or 0,
                                         derived=False, check=check.status.as_figure_status(),
                                         how=check.source, why=check.source))


class CheckerCache:
    """One ``AnswerChecker`` per release object, kept while that object is the one in the store."""

    def __init__(self) -> None:
        self._by_name: dict[str, AnswerChecker] = {}

    def for_doc(self, doc: Document) -> AnswerChecker:
        cached = self._by_name.get(doc.name)
        if cached is None or cached.doc is not doc:
            cached = self._by_name[doc.name] = AnswerChecker(doc)
        return cached
