"""Checking an answer: every figure against the release's tables, the narrative sentence that states
the first figure, and every figure an (LLM-worded) text states."""

from __future__ import annotations

from bot.answer.result import Answer, Citation, Figure
from bot.checks.figures import Verifier
from bot.checks.status import CheckStatus
from index.document import Document
from index.reader.claims import Claim, find_claims
from index.reader.numbers import close


class AnswerChecker:
    """Checks answers about one release; the release's narrative figures are found once."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.verifier = Verifier(doc)
        self._claims: list[tuple[str, Claim]] | None = None

    def narrative_claims(self) -> list[tuple[str, Claim]]:
        """Every figure the narrative states, with its block's kind."""
        if self._claims is None:
            self._claims = [(b.kind, c) for b in self.doc.blocks for c in find_claims(b.text, b.line)]
        return self._claims

    def check_figure(self, fig: Figure) -> CheckStatus:
        """Verified when the figure is a table fact, or follows from table facts; otherwise it is
        unverifiable (or contradicted, for a derived figure that does not follow)."""
        for f in self.doc.facts:
            if close(f.value, fig.value) and (fig.unit == f.unit or fig.derived):
                return CheckStatus.VERIFIED
        if fig.derived:
            again = fig.recompute()
            printed = all(any(close(abs(f.value), abs(b)) for f in self.doc.facts) for b in fig.basis)
            if again is not None and printed and close(fig.value, again):
                return CheckStatus.VERIFIED
            return CheckStatus.CONTRADICTED
        return CheckStatus.UNVERIFIABLE

    def check_claim(self, claim: Claim) -> CheckStatus:
        """A figure the narrative states, checked as the audit checks prose."""
        return self.verifier.check(claim).status.as_figure_status()

    def narrative_support(self, fig: Figure) -> Citation | None:
        """The narrative sentence that states this figure (verified against its row)."""
        found: list[tuple[int, Citation]] = []
        for kind, claim in self.narrative_claims():
            if abs(abs(claim.value) - abs(fig.value)) > claim.tolerance:
                continue
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
                                         how=check.source))


class CheckerCache:
    """One ``AnswerChecker`` per release object, kept while that object is the one in the store."""

    def __init__(self) -> None:
        self._by_name: dict[str, AnswerChecker] = {}

    def for_doc(self, doc: Document) -> AnswerChecker:
        cached = self._by_name.get(doc.name)
        if cached is None or cached.doc is not doc:
            cached = self._by_name[doc.name] = AnswerChecker(doc)
        return cached
