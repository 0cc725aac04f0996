"""The answering engine: scope the question to a release, retrieve (dense + BM25, fused), resolve
the line item and period, compose, cross-check every figure, cite."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bot.answer.compose import (
    compose_change,
    compose_ratio,
    compose_share,
    compose_value,
    period_missing,
)
from bot.answer.narrative import find_passage, find_stated_figure
from bot.answer.question import Query, content_terms, stem, stems
from bot.answer.result import NOT_STATED, Answer, Citation, Figure
from bot.answer.retrieve import Retriever
from bot.answer.scope import scope
from bot.answer.select import RowMatch, match_rows, pick_fact
from bot.answer.wording import amount
from bot.checks.figures import Verifier
from index.document import Document
from index.errors import QuestionError
from index.reader.claims import Claim, find_claims
from index.store.chunks import Chunk
from prompts import render

MAX_QUESTION = 2000
OUTLOOK_Q = re.compile(r"\b(outlook|guidance|forecast|expect(s|ed)?|anticipate[sd]?|next (quarter|year))\b",
                       re.I)
TICKER_Q = re.compile(
    r"\b(ticker|stock symbol|trading symbol|symbol|which exchange|listed on|trade[sd]? on)\b", re.I)
PERIOD_Q = re.compile(r"\bwhat (period|quarter|time frame)\b.*\b(cover|report|release)|"
                      r"\bwhich (period|quarter)\b.*\b(cover|report)", re.I)


@dataclass
class Conversation:
    """What a follow-up resolves against: the last question understood and its release."""

    last: Query | None = None
    doc: str | None = None
    answers: list[Answer] = field(default_factory=list)


class Engine:
    """Answers questions about the releases in a store."""

    def __init__(self, store: Any, retriever: Retriever | None = None,
                 composer: Callable[[Answer, Document, list[tuple[Chunk, float]]], Answer] | None = None
                 ) -> None:
        self.store = store
        self.retriever = retriever or Retriever(store)
        self.composer = composer
        self._verifiers: dict[str, tuple[int, Verifier]] = {}
        self._chain: Any = None
        self._claims: dict[str, tuple[Document, list[tuple[str, Claim]]]] = {}

    # -- scope -----------------------------------------------------------------------------------
    def scope(self, question: str, doc: str | None, conversation: Conversation | None) -> list[str]:
        """Releases a question is about (see ``bot.answer.scope.scope``)."""
        return scope(self.store, question, doc, conversation.doc if conversation else None)

    def company_words(self) -> set[str]:
        out: set[str] = set()
        for r in self.store.catalog():
            out |= {stem(w) for w in re.findall(r"[a-z]+", (r.company or "").lower())}
            out |= {stem(w) for w in re.findall(r"[a-z]+", r.name.lower()) if len(w) > 2}
            ticker = self.store.document(r.name).metadata.ticker
            if ticker:
                out.add(stem(ticker))
        return out - {"net", "revenu", "incom", "sal"}

    def verifier(self, doc: Document) -> Verifier:
        cached = self._verifiers.get(doc.name)
        if cached and cached[0] == id(doc):
            return cached[1]
        v = Verifier(doc)
        self._verifiers[doc.name] = (id(doc), v)
        return v

    # -- answering -------------------------------------------------------------------------------
    @staticmethod
    def validate(question: str) -> str:
        """The question with its white space folded; ``QuestionError`` when empty or over-long."""
        text = " ".join(question.split())
        if not text:
            raise QuestionError("the question is empty; ask something like 'what was revenue?'")
        if len(text) > MAX_QUESTION:
            raise QuestionError(f"the question is {len(text):,} characters; keep it under {MAX_QUESTION:,}")
        return text

    @property
    def chain(self) -> Any:
        """The LangChain runnable: understand → scope → retrieve → resolve, compose, check, cite."""
        if self._chain is None:
            from bot.answer.chain import build_chain

            self._chain = build_chain(self)
        return self._chain

    def ask(self, question: str, doc: str | None = None, conversation: Conversation | None = None) -> Answer:
        """Answer a question; raise ``QuestionError`` for an empty or over-long one."""
        out = self.chain.invoke({"question": question, "doc": doc, "conversation": conversation})
        answer: Answer = out["answer"]
        if conversation is not None:
            conversation.last = out["query"]
            conversation.doc = answer.doc or conversation.doc
            conversation.answers.append(answer)
        return answer

    def resolve(self, query: Query, names: list[str], hits: list[tuple[Chunk, float]]) -> Answer:
        ignore = self.company_words()
        docs = [self.store.document(n) for n in names]
        boost = {(c.doc, c.line): s for c, s in hits}
        # order releases by the best retrieval hit, so an unscoped question goes to the likeliest
        order = {n: max((s for c, s in hits if c.doc == n), default=0.0) for n in names}
        docs.sort(key=lambda d: -order.get(d.name, 0.0))
        meta = self.metadata_answer(query, docs)
        if meta is not None:
            return meta
        if query.kind == "narrative":
            for d in docs:
                lines = {line: s * 50 for (name, line), s in boost.items() if name == d.name}
                passage = find_passage(d, query, ignore, lines)
                if passage:
                    return self.finish(Answer(query.text, render("narrative", sentences=passage.text), True,
                                              [], [Citation(d.name, passage.line, passage.text)], d.name),
                                       d, hits, quote=False)
            return self.not_stated(query, docs[0] if docs else None)
        if OUTLOOK_Q.search(query.text):
            # guidance is stated in words ("expected to be $32.5 billion, plus or minus 2%")
            stated = self.stated_figure(query, docs, ignore, hits)
            if stated is not None:
                return stated
        best: tuple[float, Document, RowMatch] | None = None
        for d in docs:
            if query.kind == "ratio":
                terms = content_terms(query.ratio or "") + query.terms
                printed = [m for m in match_rows(d, terms, ignore)
                           if any(f.unit == "percent" for f in m.facts) or not m.extra]
                answer = next((a for a in (compose_value(d, query, m) for m in printed[:6]) if a), None)
                answer = answer or compose_ratio(d, query, ignore)
                if answer:
                    return self.finish(answer, d, hits)
                continue
            rows = match_rows(d, query.terms, ignore, per_share=_per_share(query.text))
            for m in rows[:5]:
                bonus = boost.get((d.name, m.line), 0.0) * 10
                if query.wants_loss and re.search(r"\bloss\b", m.label, re.I):
                    bonus += 0.5
                picked = pick_fact(d, m.facts, query.period)
                if picked is not None:
                    bonus += 2.0
                    if query.period.instant and picked.period and picked.period.months == 0:
                        bonus += 0.5
                if best is None or m.score + bonus > best[0]:
                    best = (m.score + bonus, d, m)
        if best is not None:
            _, d, match = best
            compose = {"change": compose_change, "percent_change": compose_change,
                       "share_of_revenue": compose_share}.get(query.kind, compose_value)
            answer = compose(d, query, match)
            if answer is None and query.kind != "value":
                answer = compose_value(d, query, match)
            if answer is None:
                stated = self.stated_figure(query, [d], ignore, hits)
                return stated if stated is not None else period_missing(d, query, match)
            return self.finish(answer, d, hits)
        stated = self.stated_figure(query, docs, ignore, hits)
        return stated if stated is not None else self.not_stated(query, docs[0] if docs else None)

    def stated_figure(self, query: Query, docs: list[Document], ignore: set[str],
                      hits: list[tuple[Chunk, float]]) -> Answer | None:
        """A figure only the narrative states (backlog, guidance, headcount), checked against the tables."""
        for d in docs:
            stated = find_stated_figure(d, query, ignore)
            if stated:
                claim, sentence = stated
                shown = amount(claim.value, claim.currency or "USD") if claim.kind == "money" else claim.text
                text = render("narrative_figure", amount=shown, sentence=sentence)
                fig = Figure(" ".join(a[0][0] for a in query.terms), claim.value,
                             claim.currency or "count", None, d.name, claim.line, derived=False)
                cite = Citation(d.name, claim.line, sentence)
                answer = self.finish(Answer(query.text, text, True, [fig], [cite], d.name), d, hits,
                                     quote=False)
                # a stated figure is checked as the audit checks prose: against facts and changes
                status = self.verifier(d).check(claim).status
                if answer.figures and answer.figures[0] is fig:
                    fig.check = status if status in ("verified", "contradicted") else "unverifiable"
                return answer
        return None

    def metadata_answer(self, query: Query, docs: list[Document]) -> Answer | None:
        """Ticker, exchange and the period a release covers, from its metadata."""
        if not docs:
            return None
        d = docs[0]
        m = d.metadata
        name = m.company or d.name
        if TICKER_Q.search(query.text):
            if not m.ticker:
                return None
            where = f" on {m.exchange}" if m.exchange else ""
            return Answer(query.text, f"{name} trades{where} as {m.ticker}.", True, [], [], d.name)
        if PERIOD_Q.search(query.text) and m.period:
            label = f" (the {m.fiscal_label})" if m.fiscal_label else ""
            dated = f", dated {m.release_date.strftime('%B %-d, %Y')}" if m.release_date else ""
            text = f"The release reports {m.period.describe()}{label}{dated}."
            return Answer(query.text, text, True, [], [], d.name)
        return None

    def not_stated(self, query: Query, doc: Document | None) -> Answer:
        vocabulary: set[str] = set()
        if doc is not None:
            vocabulary = stems(" ".join(b.text for b in doc.blocks)) | stems(" ".join(
                f.label + " " + f.section for f in doc.facts))
        missing = [w for w in re.findall(r"[A-Za-z&][\w&'-]*", query.text)
                   if stem(w) not in vocabulary and stem(w) in {a[0] for t in query.terms for a in t}]
        what = f": nothing in it mentions {', '.join(dict.fromkeys(missing))}" if missing else ""
        text = render("not_stated", what=what)
        assert text.startswith(NOT_STATED)
        return Answer(query.text, text, False, [], [], doc.name if doc else "")

    # -- checking and citing ---------------------------------------------------------------------
    def finish(self, answer: Answer, doc: Document, hits: list[tuple[Chunk, float]],
               quote: bool = True) -> Answer:
        """Cross-check every figure, cite the narrative sentence that speaks to the first one, and
        let an optional LLM composer reword the answer (its figures are checked too)."""
        verifier = self.verifier(doc)
        for fig in answer.figures:
            fig.check = self.check_figure(doc, fig, verifier)
        if quote and answer.figures:
            cite = self.narrative_support(doc, answer.figures[0], verifier)
            if cite is not None:
                answer.citations.append(cite)
                answer.text += " " + render("quote", sentence=cite.text, line=cite.line)
        if self.composer is not None:
            answer = self.composer(answer, doc, hits)
            self.check_text(answer, doc, verifier)
        return answer

    def check_figure(self, doc: Document, fig: Figure, verifier: Verifier) -> str:
        """Verified when the figure is a table fact, or follows from table facts; otherwise it is
        checked as a stated figure."""
        for f in doc.facts:
            if abs(f.value - fig.value) <= 1e-6 * max(1.0, abs(fig.value)) and (
                    fig.unit == f.unit or fig.derived):
                return "verified"
        if fig.derived:
            again = fig.recompute()
            printed = all(any(abs(abs(f.value) - abs(b)) <= 1e-6 * max(1.0, abs(b)) for f in doc.facts)
                          for b in fig.basis)
            if again is not None and printed and abs(again - fig.value) <= 1e-6 * max(1.0, abs(again)):
                return "verified"
            return "contradicted"
        return "unverifiable"

    def narrative_support(self, doc: Document, fig: Figure, verifier: Verifier) -> Citation | None:
        """The narrative sentence that states this figure (verified against its row)."""
        found: list[tuple[int, Citation]] = []
        for kind, claim in self.narrative_claims(doc):
            if abs(abs(claim.value) - abs(fig.value)) > claim.tolerance:
                continue
            check = verifier.check_once(claim)
            if check.status == "verified" and f"(line {fig.line})" in check.source:
                # a full sentence of the body reads better than a headline
                rank = 0 if claim.sentence.rstrip().endswith(".") and kind != "heading" else 1
                found.append((rank, Citation(doc.name, claim.line, claim.sentence)))
        return min(found, key=lambda x: x[0])[1] if found else None

    def narrative_claims(self, doc: Document) -> list[tuple[str, Claim]]:
        """Every figure the narrative states, with its block's kind (found once per document)."""
        cached = self._claims.get(doc.name)
        if cached and cached[0] is doc:
            return cached[1]
        claims = [(b.kind, c) for b in doc.blocks for c in find_claims(b.text, b.line)]
        self._claims[doc.name] = (doc, claims)
        return claims

    def check_text(self, answer: Answer, doc: Document, verifier: Verifier) -> None:
        """Every figure stated in an answer's text that its figures do not already account for is
        checked against the tables and added to the figures with its status."""
        known = answer.figures
        for claim in find_claims(answer.text):
            if any(abs(abs(f.value) - abs(claim.value)) <= claim.tolerance for f in known):
                continue
            check = verifier.check(claim)
            status = check.status if check.status in ("verified", "contradicted") else "unverifiable"
            answer.figures.append(Figure(f"stated: {claim.text}", claim.value,
                                         claim.currency or claim.kind, None, doc.name, check.line or 0,
                                         derived=False, check=status, how=check.source))


def _per_share(text: str) -> bool | None:
    if re.search(r"\bper (share|ads)\b|\beps\b|earnings per", text, re.I):
        return True
    if re.search(r"\bshares\b", text, re.I):
        return False
    return None
