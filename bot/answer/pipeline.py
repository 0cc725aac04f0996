"""The answering pipeline: one linear sequence of small steps over one typed state (``Turn``):

understand → scope → retrieve → select → compose → check → reword

Each step is a function ``(turn, tools) -> turn``; ``Pipeline.chain`` composes them once as a LangChain
runnable sequence. No step calls back into the pipeline object; ``Tools`` carries what they share
(the store, the retriever, the optional LLM composer, the per-release checkers).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from bot.answer.compose import compose_change, compose_ratio, compose_share, compose_value, period_missing
from bot.answer.narrative import find_passage, find_stated_figure
from bot.answer.question import Query, QueryKind, content_terms, parse_question
from bot.answer.result import NOT_STATED, Answer, Citation, Figure, Understood
from bot.answer.retrieve import Retriever
from bot.answer.scope import Scope, company_words, scope
from bot.answer.select import SOFT_STEMS, asks_per_share, best_row, match_rows, matches, usable_terms
from bot.answer.wording import amount
from bot.checks.answers import CONFIDENT, CheckerCache
from bot.checks.status import CheckStatus
from index.document import Document
from index.errors import QuestionError
from index.reader.claims import Claim, clause_of, find_claims
from index.reader.words import stem, stems
from index.store.chunks import Chunk
from prompts import render

OUTLOOK_Q = re.compile(r"\b(outlook|guidance|forecast|expect(s|ed)?|anticipate[sd]?|next (quarter|year))\b",
                       re.I)
TICKER_Q = re.compile(
    r"\b(ticker|stock symbol|trading symbol|symbol|which exchange|listed on|trade[sd]? on)\b", re.I)
PERIOD_Q = re.compile(r"\bwhat (period|quarter|time frame)\b.*\b(cover|report|release)|"
                      r"\bwhich (period|quarter)\b.*\b(cover|report)", re.I)
DROPPED_WORD = 0.15  # confidence taken off for each question word no release in scope prints
NARRATIVE_BOOST = 50.0  # a narrative sentence's retrieval score, times this, adds to its passage score

Composer = Callable[[Answer, Document, list[tuple[Chunk, float]]], Answer]


@dataclass
class Conversation:
    """What a follow-up resolves against: the last question understood and its release."""

    last: Query | None = None
    doc: str | None = None
    answers: list[Answer] = field(default_factory=list)
    pending: str = ""  # a question asked back ("which company?"), answered by the next message


@dataclass
class Tools:
    """What the steps share: the store, retrieval, the optional LLM composer and the checkers."""

    store: Any
    retriever: Retriever
    composer: Composer | None = None
    max_question_chars: int = 2000
    checkers: CheckerCache = field(default_factory=CheckerCache)


@dataclass
class Turn:
    """One question on its way through the pipeline; each step fills in its part."""

    question: str
    doc: str | None = None
    conversation: Conversation | None = None
    text: str = ""                                  # understand: the question, white space folded
    query: Query | None = None                      # understand: what is asked
    names: list[str] = field(default_factory=list)  # scope: releases the question is about
    scope: Scope | None = None                      # scope: and why none, when none
    hits: list[tuple[Chunk, float]] = field(default_factory=list)  # retrieve: chunks, best first
    docs: list[Document] = field(default_factory=list)  # select: releases, likeliest first
    ignore: set[str] = field(default_factory=set)   # select: words that name a company
    row: tuple[Document, Any] | None = None         # select: the best (release, RowMatch)
    answer: Answer | None = None                    # compose: the answer, checked by ``check``
    final: bool = False                             # compose: nothing to check or reword
    quote: bool = True                              # compose: quote the narrative on the first figure
    stated: tuple[Figure, Claim] | None = None      # compose: a figure only the narrative states
    confidence: float = 1.0                         # compose: how surely the row is the item asked
    dropped: list[str] = field(default_factory=list)  # select: question words no release prints

    @property
    def q(self) -> Query:
        assert self.query is not None, "understand runs first"
        return self.query


def validate(question: str, limit: int) -> str:
    """The question with its white space folded; ``QuestionError`` when empty or over-long."""
    text = " ".join(question.split())
    if not text:
        raise QuestionError("the question is empty; ask something like 'what was revenue?'")
    if len(text) > limit:
        raise QuestionError(f"the question is {len(text):,} characters; keep it under {limit:,}")
    return text


# -- the steps ------------------------------------------------------------------------------------
def understand(turn: Turn, tools: Tools) -> Turn:
    """Validate the question once and parse it, resolving a follow-up against the conversation."""
    turn.text = validate(turn.question, tools.max_question_chars)
    conversation = turn.conversation
    if conversation is not None and conversation.pending:
        names = company_words(tools.store)
        asked = [t for t in parse_question(turn.text).terms if not all(a[0] in names for a in t)]
        if not asked:
            # the answer to "which company?": ask the question again, about that company
            turn.text = f"{conversation.pending} ({turn.text})"
        conversation.pending = ""
    previous = turn.conversation.last if turn.conversation else None
    turn.query = parse_question(turn.text).with_context(previous)
    return turn


def scope_step(turn: Turn, tools: Tools) -> Turn:
    """The releases the question is about (see ``bot.answer.scope``)."""
    current = turn.conversation.doc if turn.conversation else None
    turn.scope = scope(tools.store, turn.text, turn.doc, current)
    turn.names = turn.scope.names
    return turn


def retrieve(turn: Turn, tools: Tools) -> Turn:
    """Chunks of those releases: dense and BM25, fused."""
    turn.hits = tools.retriever.retrieve(turn.text, turn.names) if turn.names else []
    return turn


def select(turn: Turn, tools: Tools) -> Turn:
    """Order the releases by their best hit, and pick the row for value-like questions."""
    turn.ignore = company_words(tools.store)
    docs = [tools.store.document(n) for n in turn.names]
    order = {n: max((s for c, s in turn.hits if c.doc == n), default=0.0) for n in turn.names}
    docs.sort(key=lambda d: -order.get(d.name, 0.0))
    turn.docs = docs
    terms, turn.dropped = usable_terms(turn.q, docs)
    if turn.dropped:
        turn.query = replace(turn.q, terms=terms, has_metric=bool(terms) or turn.q.ratio is not None)
    if turn.q.kind not in (QueryKind.NARRATIVE, QueryKind.RATIO):
        turn.row = best_row(turn.q, docs, turn.ignore, {(c.doc, c.line): s for c, s in turn.hits})
    return turn


def compose(turn: Turn, tools: Tools) -> Turn:
    """Word the answer from what was selected, or say what the release does not say; name the
    company when the index holds several."""
    _compose(turn)
    answer = turn.answer
    if answer is not None and answer.doc:
        doc = tools.store.document(answer.doc)
        answer.understood = understood(turn, doc)
        if len(tools.store.catalog()) > 1:
            answer.company = doc.metadata.company or answer.doc
    return turn


def understood(turn: Turn, doc: Document) -> Understood:
    """What the answer took the question to ask, for the person to see."""
    answer, q = turn.answer, turn.q
    assert answer is not None
    first = answer.figures[0] if answer.figures else None
    item, section = " ".join(a[0][0] for a in q.terms) if q.terms else "", ""
    if first is not None and first.cells and not first.derived:
        fact = next((f for f in doc.facts if (f.table, f.line, f.column_index) == first.cells[0]), None)
        if fact is not None:
            item = fact.label
            section = " > ".join(s for s in (fact.table_title, fact.section) if s)
    elif first is not None:
        item = first.label
    elif q.kind == QueryKind.NARRATIVE:
        item = f"{q.narrative} (from the narrative)"
    period = first.period.describe() if first is not None and first.period else ""
    # each question word no release prints takes this much off how surely the question was understood
    confidence = max(0.0, turn.confidence - DROPPED_WORD * len(turn.dropped))
    return Understood(company=doc.metadata.company or doc.name, release=doc.name, line_item=item,
                      section=section, period=period, kind=q.kind.value, confidence=confidence)


def _compose(turn: Turn) -> Turn:
    q, docs = turn.q, turn.docs
    if turn.scope is not None and turn.scope.unknown_company:
        return _final(turn, Answer(q.text, render("unknown_company", company=turn.scope.unknown_company),
                                   False))
    if turn.scope is not None and turn.scope.ambiguous:
        return _final(turn, Answer(q.text, render("which_company", companies=_listed(turn.scope.ambiguous)),
                                   False))
    meta = metadata_answer(q, docs)
    if meta is not None:
        return _final(turn, meta)
    if q.kind == QueryKind.NARRATIVE:
        for d in docs:
            lines = {c.line: s * NARRATIVE_BOOST for c, s in turn.hits if c.doc == d.name}
            passage = find_passage(d, q, turn.ignore, lines)
            if passage:
                turn.quote = False
                turn.answer = Answer(q.text, render("narrative", sentences=passage.text), True, [],
                                     [Citation(d.name, passage.line, passage.text)], d.name)
                return turn
        return _final(turn, not_stated(q, docs[0] if docs else None))
    if OUTLOOK_Q.search(q.text) and _stated(turn, docs):
        # guidance is stated in words ("expected to be $32.5 billion, plus or minus 2%")
        return turn
    if q.kind == QueryKind.RATIO:
        for d in docs:
            terms = content_terms(q.ratio or "") + q.terms
            printed = [m for m in match_rows(d, terms, turn.ignore)
                       if any(f.unit == "percent" for f in m.facts) or not m.extra]
            answer = None
            for m in printed[:6]:
                answer = compose_value(d, q, m)
                if answer is not None:
                    turn.confidence = m.confidence
                    break
            answer = answer or compose_ratio(d, q, turn.ignore)
            if answer:
                turn.answer = answer
                return turn
    elif turn.row is not None:
        d, match = turn.row
        turn.confidence = match.confidence
        by_kind = {QueryKind.CHANGE: compose_change, QueryKind.PERCENT_CHANGE: compose_change,
                   QueryKind.SHARE_OF_REVENUE: compose_share}
        answer = by_kind.get(q.kind, compose_value)(d, q, match)
        if answer is None and q.kind != QueryKind.VALUE:
            answer = compose_value(d, q, match)
            # the value, where a change was asked: not the answer to the question as asked
            turn.confidence = min(turn.confidence, CONFIDENT / 2)
        if answer is not None:
            turn.answer = answer
            if answer.figures and not unit_fits(q, answer.figures[0].unit):
                turn.confidence = 0.0
        else:
            # the row is printed, but not for the period asked: say so, never another period's figure
            _final(turn, period_missing(d, q, match))
        return turn
    if not _stated(turn, docs):
        _final(turn, not_stated(q, docs[0] if docs else None))
    return turn


def check(turn: Turn, tools: Tools) -> Turn:
    """Cross-check every figure, and cite the narrative sentence that states the first one."""
    answer = turn.answer
    if answer is None or turn.final or not answer.doc:
        return turn
    checker = tools.checkers.for_doc(tools.store.document(answer.doc))
    confidence = answer.understood.confidence if answer.understood else 1.0
    for fig in answer.figures:
        fig.check, fig.why = checker.check_figure(fig, confidence)
    if turn.stated is not None:
        fig, claim = turn.stated
        if answer.figures and answer.figures[0] is fig:
            # a stated figure is checked as the audit checks prose (against facts and changes), and
            # counts as the answer only when its own clause names what was asked
            fig.check, fig.why = checker.check_claim(claim), "the tables agree with the sentence"
            fits = stated_fits(turn.q, claim)
            if fig.check != CheckStatus.CONTRADICTED and fits:
                fig.check, fig.why = CheckStatus.UNVERIFIABLE, fits
            elif fig.check == CheckStatus.UNVERIFIABLE:
                fig.why = "stated in the narrative only"
    if turn.quote and answer.figures:
        cite = checker.narrative_support(answer.figures[0])
        if cite is not None:
            answer.citations.append(cite)
            answer.text += " " + render("quote", sentence=cite.text, line=cite.line)
    return turn


def reword(turn: Turn, tools: Tools) -> Turn:
    """The optional LLM composer rewords the answer; the figures its text states are checked too."""
    if tools.composer is None or turn.answer is None or turn.final or not turn.answer.doc:
        return turn
    doc = tools.store.document(turn.answer.doc)
    turn.answer = tools.composer(turn.answer, doc, turn.hits)
    tools.checkers.for_doc(doc).check_text(turn.answer)
    return turn


STEPS: tuple[Callable[[Turn, Tools], Turn], ...] = (
    understand, scope_step, retrieve, select, compose, check, reword)


# -- answers that need no table row ---------------------------------------------------------------
def _final(turn: Turn, answer: Answer) -> Turn:
    turn.answer, turn.final = answer, True
    return turn


FUTURE_RE = re.compile(r"\b(expect(s|ed)?|outlook|guidance|anticipate[sd]?|will|forecast|project(s|ed)?|"
                       r"plans?|target(s|ed)?|should)\b", re.I)


def stated_fits(q: Query, claim: Claim) -> str:
    """Why a figure the narrative states does not answer the question ('' when it does): its clause
    must name every line-item word asked, a rate for a rate, and the future for an outlook."""
    others = [c for c in find_claims(claim.sentence, claim.line) if c != claim]
    clause = stems(clause_of(claim, [*others, claim]))
    required = [t for t in q.terms if not all(len(a) == 1 and a[0] in SOFT_STEMS for a in t)]
    if not all(matches(t, clause | stems(claim.sentence[:claim.start])) for t in required):
        return "the sentence states it, but not next to what was asked"
    rate = q.kind in (QueryKind.PERCENT_CHANGE, QueryKind.SHARE_OF_REVENUE) or bool(
        re.search(r"%|percent|margin|\brate\b", q.text, re.I))
    if rate != (claim.kind in ("percent", "points", "bps")):
        return "the sentence states a different kind of figure"
    if OUTLOOK_Q.search(q.text) and not FUTURE_RE.search(claim.sentence):
        return "the sentence reports the past; the question asks about the future"
    return ""


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def unit_fits(q: Query, unit: str) -> bool:
    """Whether a figure's unit is the kind asked: a per-share amount for EPS, a count for shares."""
    per_share = asks_per_share(q.text)
    if per_share is True:
        return "/" in unit
    if per_share is False:
        return unit == "shares"
    return True


def _stated(turn: Turn, docs: list[Document]) -> bool:
    """Answer with a figure only the narrative states (backlog, guidance, headcount), if one fits."""
    for d in docs:
        stated = find_stated_figure(d, turn.q, turn.ignore)
        if stated:
            claim, sentence = stated
            shown = amount(claim.value, claim.currency or "USD") if claim.kind == "money" else claim.text
            fig = Figure(" ".join(a[0][0] for a in turn.q.terms), claim.value, claim.currency or "count",
                         None, d.name, claim.line, derived=False)
            turn.answer = Answer(turn.q.text, render("narrative_figure", amount=shown, sentence=sentence),
                                 True, [fig], [Citation(d.name, claim.line, sentence)], d.name)
            turn.stated, turn.quote = (fig, claim), False
            return True
    return False


def metadata_answer(query: Query, docs: list[Document]) -> Answer | None:
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


def not_stated(query: Query, doc: Document | None) -> Answer:
    """The release does not say, naming the asked words it never mentions."""
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


def _bound(step: Callable[[Turn, Tools], Turn], tools: Tools) -> Callable[[Turn], Turn]:
    def run(turn: Turn) -> Turn:
        return step(turn, tools)

    return run


# -- the pipeline ---------------------------------------------------------------------------------
class Pipeline:
    """Answers questions about the releases in a store."""

    def __init__(self, store: Any, retriever: Retriever | None = None, composer: Composer | None = None,
                 max_question_chars: int = 2000) -> None:
        self.store = store
        self.tools = Tools(store, retriever or Retriever(store), composer, max_question_chars)
        self._chain: Any = None

    @property
    def chain(self) -> Any:
        """The steps as one LangChain runnable sequence: ``Turn`` in, ``Turn`` out."""
        if self._chain is None:
            from langchain_core.runnables import RunnableLambda, RunnableSequence

            self._chain = RunnableSequence(*(RunnableLambda(_bound(step, self.tools), name=step.__name__)
                                             for step in STEPS))
        return self._chain

    def ask(self, question: str, doc: str | None = None, conversation: Conversation | None = None) -> Answer:
        """Answer a question; raise ``QuestionError`` for an empty or over-long one."""
        turn: Turn = self.chain.invoke(Turn(question, doc, conversation))
        answer = turn.answer
        assert answer is not None, "compose always answers"
        if conversation is not None:
            if turn.scope is not None and turn.scope.ambiguous:
                conversation.pending = turn.text
            conversation.last = turn.query
            conversation.doc = answer.doc or conversation.doc
            conversation.answers.append(answer)
        return answer
