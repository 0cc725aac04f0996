"""The audit of a release: its tables' arithmetic, and every narrative figure against the tables."""

from __future__ import annotations

from dataclasses import dataclass

from bot.checks.arithmetic import check_table
from bot.checks.figures import Check, Verifier
from index.document import Document
from index.reader.claims import clause_of, find_claims


@dataclass
class Audit:
    """A document and every check run on it."""

    doc: Document
    checks: list[Check]

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for c in self.checks:
            out[c.status.value] = out.get(c.status.value, 0) + 1
        return out

    def as_json(self) -> dict[str, object]:
        return {
            "doc": self.doc.name,
            "metadata": self.doc.metadata.as_json(),
            "facts": [f.as_json() for f in self.doc.facts],
            "checks": [c.as_json() for c in self.checks],
        }


def audit(doc: Document) -> Audit:
    """Run the arithmetic checks, then check each figure the narrative states."""
    checks: list[Check] = []
    for table in doc.tables:
        checks.extend(check_table(table))
    verifier = Verifier(doc)
    for block in doc.blocks:
        if block.kind == "heading" and len(block.text) > 160:
            continue
        claims = find_claims(block.text, block.line)
        for claim in claims:
            checks.append(verifier.check(claim, clause_of(claim, claims)))
    return Audit(doc, checks)
