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

from bot.answer.compose import (
    RATIO_PARTS,
    SHARE_OF_TOTAL,
    aggregate_asked,
    compose_aggregate,
    compose_change,
    compose_part_margin,
    compose_period_difference,
    compose_ratio,
    compose_share,
    compose_share_of_total,
    compose_value,
    no_base,
    period_missing,
)
from bot.answer.derived import (
    DERIVED,
    FREE_CASH_FLOW_Q,
    compose_both_parts,
    compose_derived,
    compose_free_cash_flow,
    compose_section_total,
)
from bot.answer.history import (
    Across,
    AcrossSpec,
    Filing,
    FiscalQuarter,
    coverage,
    covering,
    filings,
    guided,
    one_company,
    parse_across,
    quarters_in,
)
from bot.answer.lexicon import lexicon
from bot.answer.narrative import (
    OUTLOOK_TERMS,
    UNSAID,
    Stated,
    find_passage,
    narrative_words,
    stated_candidates,
)
from bot.answer.question import (
    CHANGE_MEASURE,
    COMPARABLE_RE,
    NEUTRAL_PRINTED,
    PRIOR_QUARTER_RE,
    RATIOS,
    SHARE_OF_REVENUE_RE,
    TO_DATE_RE,
    PeriodSpec,
    Query,
    QueryKind,
    Term,
    parse_period,
    parse_question,
    ratio_terms,
)
from bot.answer.result import NOT_STATED, Answer, Citation, Figure, SeriesPoint, Understood
from bot.answer.retrieve import Retriever
from bot.answer.scope import Scope, company_words, scope
from bot.answer.select import (
    ADJUSTED,
    PERCENT_ASKED,
    ROW_IS_CHANGE,
    SOFT_STEMS,
    RowMatch,
    asks_count,
    asks_per_share,
    expand_aliases,
    fitting_rows,
    match_rows,
    matches,
    pick_fact,
    rank_rows,
    resolve_to_date,
    rival_row,
    target_end,
    to_date_months,
    unit_fits,
    usable_terms,
    vocabulary,
)
from bot.answer.spelled import (
    Spelled,
    SpelledRatio,
    combine,
    divide,
    joined_items,
    resolve,
    spelled_formula,
    spelled_ratio,
)
from bot.answer.wording import amount, currency_symbol, period_words
from bot.checks.answers import CONFIDENT, CheckerCache, direction
from bot.checks.status import CheckStatus
from index.document import Document, Fact
from index.errors import QuestionError
from index.reader.claims import RANGE_TO, Claim, clause_of, find_claims
from index.reader.metadata import fiscal_quarter
from index.reader.numbers import SCALE_WORDS, close, is_money
from index.reader.periods import add_months, duration_months, full_year, near, quarters_named
from index.reader.words import stem, stems
from index.store.chunks import Chunk
from prompts import render

# ratios and sums composed from the rows they are made of, not ranked as a row of their own
COMPOSED = (*RATIO_PARTS, *DERIVED)
OUTLOOK_Q = re.compile(r"\b(outlook|guidance|guid(e|es|ing)|forecast|expect(s|ed)?|anticipate[sd]?|"
                       r"plan(s|ned)? (to|for|on)|"
                       r"next (quarter|year)|will)\b", re.I)
# a table of forecasts: the only table rows that answer a question about the future
OUTLOOK_TABLE = re.compile(r"outlook|guidance|forecast|expect|estimate|projected|target", re.I)
TICKER_Q = re.compile(
    r"\b(ticker|stock symbol|trading symbol|symbol|which exchange|listed on|trade[sd]? (on|under))\b", re.I)
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
    stated: tuple[Figure, Stated] | None = None     # compose: a figure only the narrative states
    confidence: float = 1.0                         # compose: how surely the row is the item asked
    dropped: list[str] = field(default_factory=list)  # select: question words no release prints
    history: list[Filing] = field(default_factory=list)  # select: one company's releases, oldest first
    across: AcrossSpec | None = None                # select: a question over several quarters
    rival: Any = None                               # select: another row that fits about as well

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


def ticker_like(text: str, docs: list[Document]) -> set[str]:
    """Capital-letter codes of two to five letters that neither the releases in scope nor the lexicon
    know ("MCD", "PEP" written for a release that prints no ticker): they name the company asked
    about, never a line item."""
    lex = lexicon()
    printed = frozenset().union(*(vocabulary(d) for d in docs)) if docs else frozenset()
    out = set()
    for code in re.findall(r"\b[A-Z]{2,5}\b", text):
        w = stem(code.lower())
        if w not in printed and w not in lex.known and code.lower() not in lex.abbreviations:
            out.add(w)
    return out


def select(turn: Turn, tools: Tools) -> Turn:
    """Order the releases by their best hit, and pick the row for value-like questions. Several
    releases of one company: the release that reports the period asked, or the quarters a question
    over several quarters spans."""
    turn.ignore = company_words(tools.store)
    if len(turn.names) > 1 and one_company(tools.store, turn.names):
        turn.history = filings(tools.store, turn.names)
        q = turn.q
        turn.across = parse_across(q.text, q.kind.is_change, q.kind == QueryKind.PERCENT_CHANGE)
        if turn.across is None:
            filing, period = covering(turn.history, guided_from(q) if OUTLOOK_Q.search(q.text) else q.period)
            turn.names = [filing.name] if filing else []
            turn.query = replace(q, period=period)
    docs = [tools.store.document(n) for n in turn.names]
    turn.ignore |= ticker_like(turn.text, docs)
    order = {n: max((s for c, s in turn.hits if c.doc == n), default=0.0) for n in turn.names}
    docs.sort(key=lambda d: -order.get(d.name, 0.0))
    turn.docs = docs
    if docs and turn.q.period.to_date:
        turn.query = replace(turn.q, period=resolve_to_date(docs[0], turn.q.period))
    turn.query = expand_aliases(turn.q, docs)
    terms, turn.dropped = usable_terms(turn.q, docs)
    if turn.dropped:
        turn.query = replace(turn.q, terms=terms, has_metric=bool(terms) or turn.q.ratio is not None)
    q = turn.q
    if q.kind != QueryKind.NARRATIVE and (q.kind != QueryKind.RATIO or q.ratio not in COMPOSED):
        # a margin of any other item is that item over revenue: its row is chosen as a value's is
        ranked = rank_rows(turn.q, docs, turn.ignore, {(c.doc, c.line): s for c, s in turn.hits})
        turn.row = (ranked[0][1], ranked[0][2]) if ranked else None
        turn.rival = rival_row(turn.q, ranked)
    return turn


def compose(turn: Turn, tools: Tools) -> Turn:
    """Word the answer from what was selected, or say what the release does not say; name the
    company when the index holds several."""
    _compose(turn, tools)
    answer = turn.answer
    if answer is not None and not answer.answerable and turn.docs and turn.q.kind == QueryKind.VALUE and \
            not turn.history and (joined := joined_items(turn.q.text)) is not None:
        # "cash and short-term investments", no row of both: the two rows added, when both are there
        summed = spelled_out(turn, tools, joined)
        parts = summed.figures[1:]
        # balances held together, or outflows paid together ("returned through dividends and buybacks");
        # never two items asked side by side ("revenue and net income")
        if summed.answerable and (all(f.period is not None and f.period.months == 0 for f in parts)
                                  or all(f.value < 0 for f in parts)):
            turn.answer = answer = summed
    if answer is not None and turn.history and turn.across is None and answer.figures and turn.names:
        answer.text += later_prints(turn, tools, answer.figures[0])
    if answer is not None and answer.doc:
        doc = tools.store.document(answer.doc)
        answer.understood = understood(turn, doc, tools.checkers.for_doc(doc).facts)
        if len(tools.store.catalog()) > 1:
            answer.company = doc.metadata.company or answer.doc
    return turn


def later_prints(turn: Turn, tools: Tools, fig: Figure) -> str:
    """`` The release for Q2 FY25 (later) prints ... for the same period.``: a later release of the company
    that prints the asked item for the same period at another figure (a restatement, a stock split)."""
    if fig.period is None or fig.derived:
        return ""
    chosen = next((i for i, f in enumerate(turn.history) if f.name == turn.names[0]), None)
    if chosen is None:
        return ""
    for later in turn.history[chosen + 1:]:
        doc = tools.store.document(later.name)
        rows = match_rows(doc, turn.q.terms, turn.ignore, per_share=asks_per_share(turn.q.text))
        for f in rows[0].facts if rows else []:
            same = f.period is not None and near(f.period.end, fig.period.end) and \
                f.period.months == fig.period.months and f.unit == fig.unit
            if same and not close(f.value, fig.value, rel=1e-3):
                quarter = later.quarter.label if later.quarter else later.end.isoformat()
                shown = amount(f.value, f.unit, f.scale, f.label)
                return " " + render("restated", quarter=quarter, amount=shown)
    return ""


def item_terms(q: Query, ignore: set[str]) -> list[Term]:
    """The question's line-item terms without those made only of soft words ("total", "net") or of the
    company's own words."""
    skip = SOFT_STEMS | ignore
    return [t for t in q.terms if not all(len(a) == 1 and a[0] in skip for a in t)]


def understood(turn: Turn, doc: Document, facts: dict[tuple[str, int, int], Fact]) -> Understood:
    """What the answer took the question to ask, for the person to see."""
    answer, q = turn.answer, turn.q
    assert answer is not None
    first = answer.figures[0] if answer.figures else None
    item, section = (asked_words(q, set()) if q.terms else ""), ""  # the question's words, not stems
    if first is not None and first.cells and not first.derived:
        fact = facts.get(first.cells[0])
        if fact is not None:
            item = fact.label
            section = " > ".join(s for s in (fact.table_title, fact.section) if s)
    elif first is not None:
        item = first.label
    elif q.kind == QueryKind.NARRATIVE:
        item = f"{q.narrative} (from the narrative)"
    period = first.period.describe() if first is not None and first.period else ""
    # each question word no release prints takes this much off how surely the question was understood,
    # and a question half of whose line-item words are unknown was understood by half at most
    named = item_terms(q, turn.ignore)
    share = len(named) / (len(named) + len(turn.dropped)) if turn.dropped else 1.0
    confidence = max(0.0, min(turn.confidence - DROPPED_WORD * len(turn.dropped), turn.confidence * share))
    return Understood(company=doc.metadata.company or doc.name, release=doc.name, line_item=item,
                      section=section, period=period, kind=q.kind.value, confidence=confidence)


def _compose(turn: Turn, tools: Tools) -> Turn:
    q, docs = turn.q, turn.docs
    if turn.history and (turn.across is not None or not turn.names):
        return _final(turn, compose_across(turn, tools))
    if turn.scope is not None and turn.scope.unknown_company:
        return _final(turn, Answer(q.text, render("unknown_company", company=turn.scope.unknown_company),
                                   False))
    if turn.scope is not None and turn.scope.ambiguous:
        return _final(turn, Answer(q.text, render("which_company", companies=_listed(turn.scope.ambiguous)),
                                   False))
    meta = metadata_answer(q, docs)
    if meta is not None:
        return _final(turn, meta)
    if docs and not q.kind.is_change and q.kind != QueryKind.NARRATIVE and \
            (defined := spelled_ratio(q.text)) is not None:
        # "gross margin (net sales minus merchandise costs, as a % of net sales)": the ratio as defined
        return _final(turn, spelled_ratio_out(turn, tools, defined))
    if docs and not q.kind.is_change and q.kind != QueryKind.NARRATIVE and \
            (spelled := spelled_formula(q.text)) is not None:
        # "net cash, i.e. cash plus short-term investments less long-term debt": the sum asked, never the
        # first part alone nor a formula of the bot's own
        return _final(turn, spelled_out(turn, tools, spelled))
    if POINTS_ASKED.search(q.text) and q.kind != QueryKind.NARRATIVE and docs and (
            q.ratio or q.kind == QueryKind.SHARE_OF_REVENUE or RATE_ASKED.search(q.text)):
        # "by how many basis points did SG&A as a percent of sales change y/y": the margin or share for
        # the period and for the one before it, and the difference in points; never one of the levels
        answer = points_change(turn, tools)
        if answer is not None:
            turn.answer, turn.final = answer, True
            return turn
        return _final(turn, not_stated(q, docs[0]))
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
    if OUTLOOK_Q.search(q.text):
        if _stated(turn, docs):
            # guidance is stated in words ("expected to be $32.5 billion, plus or minus 2%")
            return turn
        m = turn.row[1] if turn.row is not None else None
        if m is None or not OUTLOOK_TABLE.search(f"{m.table_title} {m.section} {m.label}"):
            # the future was asked and no forecast found: never a past figure in its place
            return _final(turn, not_stated(q, docs[0] if docs else None))
    if q.kind == QueryKind.VALUE and FREE_CASH_FLOW_Q.search(q.text) and not (
            turn.row is not None and FREE_CASH_FLOW_Q.search(turn.row[1].label)):
        # free cash flow the release does not print: cash from operations less capital expenditures
        for d in docs:
            if (answer := compose_free_cash_flow(d, q)) is not None:
                turn.answer = answer
                return turn
    if SHARE_OF_TOTAL.search(q.text):
        # "what percent of total contractual obligations was long-term debt?"
        for d in docs:
            if (answer := compose_share_of_total(d, q, turn.ignore)) is not None:
                turn.answer = answer
                return turn
    if q.kind == QueryKind.RATIO:
        for d in docs:
            terms = ratio_terms(q) + q.terms
            # a printed margin or rate is a percentage; a row of the same name in dollars (Intel's
            # "Gross margin") is what the ratio is computed from, not the ratio
            as_percent = RATIO_PARTS.get(q.ratio or "", ((), (), ""))[2] == "%"
            printed = [m for m in match_rows(d, terms, turn.ignore)
                       if (any(f.unit in ("percent", "ratio") for f in m.facts) and not q.margin_amount)
                       or (not m.extra and (not as_percent or (q.margin_amount and any(
                           is_money(f.unit) for f in m.facts))))]
            if q.ratio in DERIVED:  # "Debt" is a part of total debt; only a row printed as the sum answers
                printed = [m for m in printed if RATIOS[q.ratio].search(f"{m.label} {m.section}")]
            # a margin with a word that changes the item ("Non-GAAP operating margin") only after the plain
            printed.sort(key=lambda m: sum(1 for x in m.extra if x in lexicon().modifiers))
            # a row with a figure for the period asked before one without (a year's table beside a quarter's)
            printed.sort(key=lambda m: _period_fit(d, m, q.period))
            if PLAIN_GAAP.search(q.text):  # "GAAP operating margin": never the non-GAAP row
                printed = [m for m in printed if not ADJUSTED.search(f"{m.label} {m.section}")]
            answer = None
            for m in printed[:6]:
                answer = compose_value(d, q, m)
                if answer is not None:
                    turn.confidence = m.confidence
                    break
            answer = answer or compose_ratio(d, q, turn.ignore) or compose_derived(d, q)
            if answer is None and q.ratio not in COMPOSED and turn.row is not None and turn.row[0] is d \
                    and q.terms and not SALES_ROW.search(turn.row[1].label) and not (
                    q.ratio == "margin" and COST_ROW.search(turn.row[1].label)):
                # "adjusted EBITDA margin": the item over its revenue; a margin is what is left of sales,
                # never sales over revenue ("company-operated margin" is not "Sales by company-operated
                # restaurants" over total revenues)
                turn.confidence = turn.row[1].confidence
                answer = compose_share(d, q, turn.row[1])
            if answer is None and q.ratio == "margin" and q.terms:
                # "company-operated restaurant margin": those sales less their own expenses, over the sales
                answer = compose_part_margin(d, q, turn.ignore)
            if answer:
                turn.answer = answer
                return turn
    elif turn.row is not None:
        d, match = turn.row
        turn.confidence = match.confidence
        if q.excluded and not ADJUSTED.search(f"{match.label} {match.section}"):
            # "EPS excluding the restructuring charges": a row that takes nothing out is not the answer; a
            # sentence that states the figure without them is, else the row, not vouched for
            if _stated(turn, [d]):
                return turn
            turn.confidence = min(turn.confidence, CONFIDENT / 2)
        if aggregate_asked(q):
            # "the average revenue in 2018 and 2019": computed from each year's figure, or not answered
            turn.answer = compose_aggregate(d, q, match)
            return turn if turn.answer is not None else _final(turn, period_missing(d, q, match))
        if q.kind == QueryKind.VALUE and turn.rival is not None and \
                (both := compose_both_parts(d, q, match, turn.rival)) is not None:
            # "total term debt": the current and the non-current rows of one name, added
            turn.answer, turn.rival = both, None
            return turn
        if q.kind == QueryKind.VALUE and turn.rival is not None and \
                (parts := compose_section_total(d, q, match, turn.rival, turn.ignore)) is not None:
            # "total SG&A" printed as a heading over its parts
            turn.answer, turn.rival = parts, None
            return turn
        by_kind = {QueryKind.CHANGE: compose_change, QueryKind.PERCENT_CHANGE: compose_change,
                   QueryKind.SHARE_OF_REVENUE: compose_share}
        kind = q.kind
        if kind in (QueryKind.CHANGE, QueryKind.PERCENT_CHANGE) and match.facts and all(
                f.unit == "percent" for f in match.facts) and (CHANGE_MEASURE.search(
                f"{match.label} {match.section} {match.table_title}") or all(
                CHANGE_MEASURE.search(f.column) or NEUTRAL_PRINTED.search(f.column) for f in match.facts)):
            kind = QueryKind.VALUE  # "comparable sales growth": the row is the change itself
        if kind == QueryKind.CHANGE and ROW_IS_CHANGE.match(match.label) and \
                not TWO_PERIODS.search(q.text) and len(set(re.findall(r"\b(?:19|20)\d\d\b", q.text))) <= 1:
            kind = QueryKind.VALUE  # "the net change in cash in 2019": the row "Net change in cash"
        answer = by_kind.get(kind, compose_value)(d, q, match)
        rate = stated_rate(tools, d, answer.figures[0]) if answer is not None and answer.figures and \
            q.kind == QueryKind.PERCENT_CHANGE and answer.figures[0].op == "pct" else None
        if rate is not None and _stated(turn, [d], only=rate):
            return turn  # the release states the rate another way than the table computes it: its words
        if answer is None and q.kind.is_change:
            # the row chosen has no earlier period: another printing of the item may (a segment table's
            # "Net sales % increase" for a year the statements give only as the comparative)
            answer = change_elsewhere(turn, d, match)
        if answer is None and q.kind.is_change and _stated(turn, [d]):
            return turn  # the tables hold no base for it; the narrative states the change asked
        if answer is None and q.kind.is_change:
            missing = no_base(d, q, match)
            if missing is not None:
                return _final(turn, missing)
        if answer is None and q.kind == QueryKind.SHARE_OF_REVENUE:
            # a share asked and no revenue to divide by: the sentence that states it, or nothing; never
            # the amount in its place
            if _stated(turn, [d]):
                return turn
            return _final(turn, not_stated(q, d))
        if answer is None and q.kind.is_change:
            # a change asked and none to be had: never the level in its place; what the row does print
            return _final(turn, period_missing(d, q, match))
        if answer is None and q.kind != QueryKind.VALUE:
            answer = compose_value(d, q, match)
            # the value, where a change was asked: not the answer to the question as asked
            turn.confidence = min(turn.confidence, CONFIDENT / 2)
        if not_this_row(q, match, answer):
            # the row is another item than the one asked: a sentence that states it answers, or nothing
            if _stated(turn, [d]):
                return turn
            return _final(turn, not_stated(q, d))
        misfit = answer is not None and bool(answer.figures) and not unit_fits(q, answer.figures[0].unit)
        if misfit and answer is not None and q.kind == QueryKind.VALUE and PERCENT_ASKED.search(q.text) and \
                answer.figures[0].unit not in ("percent", "ratio"):
            # a percentage asked ("what portion of the assets acquired were intangibles?") and the row is
            # an amount: a sentence that states the percentage answers; the amount never does
            if _stated(turn, [d]):
                return turn
            fig = answer.figures[0]
            text = render("not_a_percentage", label=match.label, amount=amount(fig.value, fig.unit),
                          period=period_words(d, fig.period))  # "for the three months ended ..."
            assert text.startswith(NOT_STATED)
            return _final(turn, Answer(q.text, text, False, [], [], d.name))
        if misfit and match.confidence < CONFIDENT:
            # a percentage where an amount was asked, from a row that fits loosely ("domestic online
            # revenue" answered with its comparable sales change): another item; a sentence that states
            # the item answers, or nothing
            if _stated(turn, [d]):
                return turn
            return _final(turn, not_stated(q, d))
        if answer is not None and turn.stated is None:
            turn.answer = answer
            if misfit:
                turn.confidence = 0.0
            if turn.rival is not None and answer.figures:
                # two rows fit about equally: give both, and do not vouch for either
                other = pick_fact(d, turn.rival.facts, q.period)
                if other is not None:
                    shown = amount(other.value, other.unit, other.scale, other.label)
                    label = turn.rival.label
                    if label.lower() == match.label.lower() and turn.rival.section:
                        label += f" ({turn.rival.section.split(' > ')[-1]})"  # under another heading
                    answer.text += " " + render("rival", label=label, amount=shown)
        elif answer is not None:
            return turn
        elif not _stated(turn, [d], explicit=True):
            # the row is printed, but not for the period asked, and no sentence gives it for that period:
            # the longer period less its later part, or say so, never another period's figure
            difference = compose_period_difference(d, q, match)
            if difference is not None:
                turn.answer = difference
                return turn
            _final(turn, period_missing(d, q, match))
        return turn
    if not _stated(turn, docs):
        _final(turn, not_stated(q, docs[0] if docs else None))
    return turn


# a row that is itself a change ("Net change in cash and cash equivalents", "Increase (decrease) in ...")
# a question that sets two periods against each other
TWO_PERIODS = re.compile(r"\b(from|since|versus|vs\.?|compared|against|between|y/y|q/q|year[- ]over[- ]year|"
                         r"prior|previous|last year|a year (ago|earlier))\b", re.I)


def change_elsewhere(turn: Turn, d: Document, match: RowMatch) -> Answer | None:
    """The change asked, from another row of the same item than the one chosen (which has no base
    period): a row printing both periods, or a row that prints the change itself."""
    q, name = turn.q, match.label.lower()
    for m in fitting_rows(q, d, turn.ignore):
        if m.line == match.line or not m.label.lower().startswith(name):
            continue
        printed_change = bool(m.facts) and all(f.unit == "percent" for f in m.facts) and bool(
            CHANGE_MEASURE.search(m.label))
        if printed_change and q.kind == QueryKind.PERCENT_CHANGE:
            answer = compose_value(d, q, m)
        elif not printed_change:
            answer = compose_change(d, q, m)
        else:
            continue
        if answer is not None:
            turn.confidence = min(turn.confidence, m.confidence)
            return answer
    return None


def not_this_row(q: Query, match: RowMatch, answer: Answer | None) -> bool:
    """Whether the row found is plainly not the item asked, whatever its words share with the question:
    a per-share item asked ("quarterly dividend") and the row prints no per-share figure of it
    ("Dividends paid"); a currency asked ("in US dollars") and the row is in another; a count asked ("how
    many", "headcount") and the row is money, or a count of another thing."""
    per_share = [c for c in lexicon().concepts_in(lexicon().spell_out(q.text)) if c.per_share]
    row_words = stems(f"{match.label} {match.section}")
    in_row = any(all(w in row_words for w in alt) for c in per_share for alt in c.alternatives)
    if per_share and (not in_row or not any("/" in f.unit for f in match.facts)):
        return True
    unit = answer.figures[0].unit if answer is not None and answer.figures else ""
    if q.currency and is_money(unit) and unit != q.currency:
        return True
    counted = bool(re.match(r"\s*how many\b", q.text, re.I)) or asks_count(q.text)
    return counted and is_money(unit) or bool(other_count(q, match.label))


def other_count(q: Query, text: str) -> str:
    """The count of another thing than the one asked that a text names ('' if none): "New store
    openings" is not the number of stores."""
    asked = {c.name for c in lexicon().concepts_in(lexicon().spell_out(q.text)) if c.counted}
    other = [c.name for c in lexicon().concepts_in(text) if c.counted and c.name not in asked]
    return other[0] if asked and other else ""


def check(turn: Turn, tools: Tools) -> Turn:
    """Cross-check every figure, and cite the narrative sentence that states the first one."""
    answer = turn.answer
    if answer is None or turn.final or not answer.doc:
        return turn
    checker = tools.checkers.for_doc(tools.store.document(answer.doc))
    confidence = answer.understood.confidence if answer.understood else 1.0
    for fig in answer.figures:
        fig.check, fig.why = checker.check_figure(fig, confidence)
    if turn.rival is not None and answer.figures and answer.figures[0].check == CheckStatus.VERIFIED:
        answer.figures[0].check = CheckStatus.UNVERIFIABLE
        answer.figures[0].why = f"another row fits the question about as well: {turn.rival.label}"
    if turn.stated is None and turn.row is not None and answer.figures and \
            answer.figures[0].check == CheckStatus.VERIFIED and not answer.figures[0].derived:
        other = said_otherwise(turn, answer.figures[0])
        if other is not None:
            answer.figures[0].check = CheckStatus.UNVERIFIABLE
            answer.figures[0].why = (f"the narrative states {other.claim.text} for it in so many words "
                                     f"(line {other.claim.line}); the row only stands for it")
    if turn.stated is not None:
        fig, stated = turn.stated
        claim = stated.claim
        if answer.figures and answer.figures[0] is fig:
            # a stated figure is checked as the audit checks prose (against facts and changes), and
            # counts as the answer only when its own clause names what was asked
            fig.check, source = checker.check_claim(claim)
            fig.why = "the tables agree with the sentence"
            fits = stated_fits(turn.q, stated, turn.ignore)
            if fig.check != CheckStatus.CONTRADICTED and fits:
                fig.check, fig.why = CheckStatus.UNVERIFIABLE, fits
            elif fig.check == CheckStatus.VERIFIED and _future(stated) and OUTLOOK_Q.search(
                    turn.q.text):
                # the tables report the past: a forecast that equals a past figure is not corroborated
                fig.check = CheckStatus.UNVERIFIABLE
                fig.why = "a forecast: nothing in the tables can confirm it"
            elif fig.check == CheckStatus.VERIFIED and not agrees_as_asked(turn, source):
                # "... through dividends of $402 million": a table has it, under another item than the one
                # asked ("Dividends paid" for the amount returned to shareholders)
                fig.check = CheckStatus.UNVERIFIABLE
                fig.why = f"the table figure that agrees is another item ({source})"
            elif fig.check == CheckStatus.UNVERIFIABLE:
                fig.why = "stated in the narrative only"
    if turn.quote and answer.figures:
        cite = checker.narrative_support(answer.figures[0])
        if cite is not None:
            answer.citations.append(cite)
            where = tools.store.document(answer.doc).where(cite.line)
            answer.text += " " + render("quote", sentence=cite.text, where=where)
    return turn


def stated_rate(tools: Tools, doc: Document, fig: Figure) -> Claim | None:
    """The other rate of change the narrative states for a computed one's item and base ("EMS net
    revenues ... down by 5.4% year-over-year" beside a segment row that falls 6.2%)."""
    checker = tools.checkers.for_doc(doc)
    facts = [checker.facts.get(c) for c in fig.cells]
    return checker.narrative_rate(fig, [f for f in facts if f]) if all(facts) else None


# words a rate is asked with that its table row need not print ("gross profit rate": "Gross profit as a share
# of Revenue")
RATE_WORDS = frozenset(stems("rate margin percent percentage share ratio growth change"))


def agrees_as_asked(turn: Turn, source: str) -> bool:
    """Whether the table figure that agrees with a stated one (``source``: "<label>, <column> (line N)")
    is of the item asked: its row's label, section or table title names every line-item word."""
    assert turn.answer is not None and turn.answer.doc
    line = re.search(r"\(line (\d+)\)\s*$", source)
    doc = next((d for d in turn.docs if d.name == turn.answer.doc), None)
    if line is None or doc is None:
        return False
    words = stems(source)
    if ADS_ASKED.search(turn.q.text):
        words |= stems("per share")  # an ADS holds shares: "Earnings per equivalent ADS" is EPS asked per ADS
    for f in doc.facts:
        if f.line == int(line.group(1)):
            words |= stems(f"{f.label} {f.section} {f.table_title}")
    asked = [t for t in item_terms(turn.q, turn.ignore)
             if not all(len(a) == 1 and a[0] in RATE_WORDS for a in t)]
    return all(matches(t, words) for t in asked)


def said_otherwise(turn: Turn, fig: Figure) -> Stated | None:
    """A figure the narrative states for the asked item in the question's own words, for the asked
    period, that differs from the one read from a row whose label does not say those words ("Capital
    expenditures in 4Q24 totaled US$640 million" beside "Net payments for property, plant and
    equipment"): the row stands for the item only through the lexicon, and the release measures it
    another way."""
    assert turn.row is not None
    doc, match = turn.row
    label = narrative_words(f"{match.label} {match.section} {match.table_title}")
    spelled = lexicon().spell_out(turn.q.text)
    said = stems(spelled).union(*(stems(c.name) for c in lexicon().concepts_in(spelled)))
    # each asked item in the question's own words ("capex" is capital expenditures), not its aliases
    literal = [tuple(a for a in t if set(a) <= said) for t in item_terms(turn.q, turn.ignore)]
    if all(matches(t, label) for t in literal if t):
        return None  # the row says what was asked
    for x in stated_candidates(doc, turn.q, turn.ignore)[:3]:
        if stated_fits(turn.q, x, turn.ignore) or stated_period_fits(turn.q, x.claim, doc, x.lead):
            continue
        if x.claim.kind == "money" and abs(abs(x.claim.value) - abs(fig.value)) > x.claim.tolerance:
            return x
        return None
    return None


def reword(turn: Turn, tools: Tools) -> Turn:
    """The optional LLM composer rewords the answer; the figures its text states are checked too."""
    if tools.composer is None or turn.answer is None or turn.final or not turn.answer.doc:
        return turn
    doc = tools.store.document(turn.answer.doc)
    turn.answer = tools.composer(turn.answer, doc, turn.hits)
    tools.checkers.for_doc(doc).check_text(turn.answer)
    return turn


def cite(turn: Turn, tools: Tools) -> Turn:
    """Name where each citation and figure stands: its line, or its page and line in a PDF."""
    if turn.answer is not None:
        turn.answer.locate(lambda doc, line: tools.store.document(doc).where(line) if doc else f"line {line}")
    return turn


STEPS: tuple[Callable[[Turn, Tools], Turn], ...] = (
    understand, scope_step, retrieve, select, compose, check, reword, cite)


# -- answers that need no table row ---------------------------------------------------------------
def _final(turn: Turn, answer: Answer) -> Turn:
    turn.answer, turn.final = answer, True
    return turn


FUTURE_RE = re.compile(r"\b(expect(s|ed)?|outlook|guidance|anticipate[sd]?|will|forecast|project(s|ed)?|"
                       r"plans?|target(s|ed)?|should)\b", re.I)


NOUN_STOP = re.compile(r"^(on|in|for|of|to|and|from|with|due|related|attributable|compared|up|down|or|a|an|"
                       r"pre-?tax|after-?tax|"
                       r"the|"
                       r"as|at|respectively|per|"
                       r"which|that|is|are|was|were|be|been|has|have|had|will|remain|remains|remained|versus|vs|during|by|over|plus|minus|than|after|before|"
                       r"including|excluding|this|last|next|each|its|our|their|year|quarter|across|through|"
                       r"within|into|under|between|while|where|when|\w+ing|year-over-year|"
                       r"quarter-over-quarter|sequentially|yoy)$", re.I)  # "stores totaling"


def _measured_noun(claim: Claim) -> str:
    """The noun a figure is printed in front of (``$100 million equipment sales backlog`` → backlog), or
    '' when the figure is not followed by a noun phrase of its own."""
    after = claim.sentence[claim.start + len(claim.text):]
    # a range's other end first: "an estimated 14% - 16% headwind" measures the headwind
    after = re.sub(r"^\s*(?:-|–|—|to)\s*\$?\d[\d.,]*(?:\s*%|\s+percent)?", "", after, flags=re.I)
    after = re.sub(r"^\s*(million|billion|thousand|trillion)\b", "", after, flags=re.I)
    words: list[str] = []
    pos = 0
    while len(words) < 4:
        m = re.compile(r" ([A-Za-z][A-Za-z-]*)(?![\w'’])").match(after, pos)
        if not m or NOUN_STOP.match(m.group(1)):
            break
        words.append(m.group(1))
        pos = m.end()
    if len(words) == 1 and CHANGE_NOUN.fullmatch(words[0]):
        # "an 11.0% increase in transactions": the change measures the noun after it
        m = re.compile(r" (?:in|of) (?:the |its |our )?([A-Za-z][A-Za-z-]*)").match(after, pos)
        if m and not NOUN_STOP.match(m.group(1)):
            return m.group(1).lower()
    return words[-1].lower() if words and len(words) < 4 else ""


def _per_share(claim: Claim) -> bool:
    """A figure printed per share (``$0.18 per share``, ``$0.04 a share``)."""
    after = claim.sentence[claim.start + len(claim.text):claim.start + len(claim.text) + 40]
    before = claim.sentence[max(0, claim.start - 60):claim.start]
    # "$2.90 to $2.95 per share": the low end of a range too
    return bool(re.match(r"(\s*(to|-|–)\s*\$?\d[\d.,]*)?\s*(per|a) (diluted |basic |common )?share\b",
                         after, re.I) or PER_ADS.match(after)
                or PER_SHARE_BEFORE.search(before)
                or CENTS.search(claim.text) is not None  # "(72) cents": a per-share amount
                # "Diluted earnings per share increased 9.2% to $6.88, including a $0.14 benefit ...": a
                # sentence about a per-share item states its unscaled amounts per share
                or claim.scale == 1 and PER_SHARE_SUBJECT.match(claim.sentence) is not None)


CENTS = re.compile(r"cents?$|¢$", re.I)
ADS_ASKED = re.compile(r"\b(ADS|ADR|American depositary (share|receipt))s?\b", re.I)
PER_ADS = re.compile(r"\s*(per|a|each)\s+(ADS|ADR|American depositary (share|receipt))\b", re.I)
# a sentence whose subject is a per-share item
PER_SHARE_SUBJECT = re.compile(r"\W*(((GAAP|non-GAAP|adjusted|diluted|basic|reported)\s+)*(EPS\b|(net )?"
                               r"(earnings|income|loss|income \(loss\)) per (diluted |basic |common )?"
                               r"share\b))", re.I)
DIVIDEND = stem("dividend")
TOTAL_WORD = stem("total")
PLAIN_GAAP = re.compile(r"(?<!non-)(?<!non )\bGAAP\b", re.I)
# a figure printed after the per-share item it is ("non-GAAP diluted EPS of $6.00", "EPS was $0.20")
PER_SHARE_BEFORE = re.compile(r"(\bEPS\d?|\bper (diluted |basic |common )?share)\s*(\(\w+\)\s*)?"
                              r"(of|was|were|is|to|at|from|by|:|,)?\s*(approximately |about )?"
                              r"(a (loss|range) of )?$", re.I)


def _future(stated: Stated) -> bool:
    """A sentence about the future, or an item of a list led in by one ("For 2023, the Company expects:",
    "Best Buy's guidance for FY24 is the following:")."""
    return bool(FUTURE_RE.search(stated.sentence) or FUTURE_RE.search(stated.lead))


CHANGE_NOUN = re.compile(r"(?i)increase|decrease|growth|decline|rise|drop|gain|reduction|improvement")
# a phrase a figure's clause goes on into, through the next figure: "under the", "of its"
IN_PHRASE = re.compile(r"\b(under|of|from|within)\s+(the|its|our|their|a|an)\s*$", re.I)


LIST_JOIN = re.compile(r"\s*(,|,?\s+and|,?\s+or)\s*")
# "increased $13.8 million, or 5.3%": the percentage is the change's
CHANGED_BEFORE = re.compile(r"\b(increased|decreased|rose|fell|grew|declined|dropped)\b[^;%]*,?\s*or\s*$",
                            re.I)
DOLLARS_ASKED = re.compile(r"\bin dollars\b|\bdollar (amount|value)\b", re.I)
# "total revenue" asks for the total of an item; "how many square feet did its stores total?" does not
TOTAL_ASKED = re.compile(r"\btotal\s+[a-z]", re.I)


LEAVES_OUT = re.compile(r"\b(?:excluding|excludes|exclusive of|other than|except for|without)\b(.{1,60})",
                        re.I)


def stated_fits(q: Query, stated: Stated, ignore: set[str] | None = None) -> str:
    """Why a figure the narrative states does not answer the question ('' when it does): its clause
    (or the heading it stands under, "Gaming") must name every line-item word asked, a rate for a rate,
    and the future for an outlook."""
    claim, section = stated.claim, stated.heading
    others = [c for c in find_claims(claim.sentence, claim.line) if c != claim]
    if asks_per_share(q.text) is False and claim.kind == "money":
        return "the sentence states an amount, not a number of shares"
    if q.excluded:
        # "EPS excluding the restructuring charges": a sentence that takes something out, and never the
        # figure of what it takes out ("Excluding $0.18 per share of restructuring charges")
        if not ADJUSTED.search(claim.sentence):
            return "the sentence takes nothing out"
        if stem("intersegment") in q.excluded and not re.search(r"inter-?segment|eliminat", claim.sentence,
                                                                re.I):
            return "the sentence does not say it is before eliminations"  # "Sales of $109 million": external
        follows = claim.sentence[claim.start + len(claim.text):].split()[:8]
        if stems(" ".join(follows)) & q.excluded:
            return "the figure is what the sentence takes out"
    if q.currency and claim.kind == "money" and (claim.currency or "USD") != q.currency:
        return f"the sentence states it in {claim.currency or 'USD'}, not {q.currency}"
    ads = bool(ADS_ASKED.search(q.text))
    if claim.kind == "money" and ads != bool(PER_ADS.match(claim.sentence, claim.start + len(claim.text))):
        # an American depositary share holds several shares: "US$0.129 per ADS" is not EPS per share
        return "not per ADS" if ads else "the sentence states it per ADS"
    if _per_share(claim) != (asks_per_share(q.text) is True) and claim.kind == "money":
        return ("the sentence states it per share" if _per_share(claim)
                else "the sentence states a total, not per share")
    # the same amount restated per share or as a percentage ("$180 million, or $0.18 per share, related
    # to ...") does not end the clause of the amount
    lead_in = claim.sentence[max(0, claim.start - 60):claim.start]
    if _per_share(claim) and DIVIDEND in narrative_words(lead_in) \
            and DIVIDEND not in stems(q.text):
        return "the sentence states a dividend per share"  # not earnings per share
    rivals = [c for c in others if _per_share(c) == _per_share(claim) and c.kind == claim.kind]
    # what the sentence says before the figure, and after it up to the next figure of its kind or the
    # next "and ..." (in "GAAP margin to 11.4% and non-GAAP margin to 28.0%" the words between the two
    # figures name the second)
    end = claim.start + len(claim.text)
    # a list of figures ("1.1 million, 0.5 million and 0.3 million potential common shares"): the words
    # after its last name every one of them
    for c in sorted((c for c in rivals if c.start > claim.start), key=lambda c: c.start):
        if not LIST_JOIN.fullmatch(claim.sentence[end:c.start]):
            break
        end = c.start + len(c.text)
    nxt = min((c.start for c in rivals if c.start >= end), default=len(claim.sentence))
    after = claim.sentence[end:nxt]
    if nxt < len(claim.sentence):
        after = re.split(r"\s(?:and|while|whereas|but)\s|;", after, maxsplit=1)[0]
    if nxt < len(claim.sentence) and after == claim.sentence[end:nxt] and IN_PHRASE.search(after):
        # "$816.5 million remained available under the $2.0 billion share repurchase program": the next
        # figure stands inside a phrase of this one's, whose noun names this figure's item too
        rest = claim.sentence[nxt:]
        after += re.split(r"[,;.](?:\s|$)", rest, maxsplit=1)[0]
    # the words since the figure before it: "GAAP operating margin to 11.4% and non-GAAP ..." names GAAP
    since = claim.sentence[max((c.start + len(c.text) for c in rivals if c.start < claim.start), default=0):
                           claim.start]
    asked = {a for t in q.terms for alt in t for a in alt}
    left_out = LEAVES_OUT.search(since)
    item = item_terms(q, ignore or set())
    if left_out and not q.excluded and item and all(matches(t, stems(left_out.group(1))) for t in item):
        # "Operating costs, excluding sales and marketing, were $899,000": not the sales and marketing asked
        return "the sentence's figure leaves out what is asked"
    if "nongaap" in asked and PLAIN_GAAP.search(since):
        return "the sentence states it on a GAAP basis"
    # "Current Remaining Performance Obligation of $24.1 billion": a word that changes the item, in front
    # of what was asked, makes it another item
    printed = re.findall(r"[A-Za-z][\w-]*", since.replace("-", ""))
    words = [stem(w) for w in printed]
    at = next((i for i, w in enumerate(words) if w in asked and w != TOTAL_WORD), None)
    if at and TOTAL_ASKED.search(q.text) and TOTAL_WORD not in words[:at] and \
            words[at - 1] not in asked | {TOTAL_WORD} | SOFT_STEMS and \
            words[at - 1] not in lexicon().filler and not FUTURE_RE.match(words[at - 1]) and \
            len(words[at - 1]) > 2:
        return f"the sentence states {printed[at - 1]} {printed[at]}, not the total"  # "Subscription revenue"
    if at and words[at - 1] in lexicon().modifiers and words[at - 1] not in asked and \
            not FUTURE_RE.match(words[at - 1]):  # "we expect revenue of": a verb, not a kind of revenue
        return f"the sentence states it for {printed[at - 1]} {printed[at]}"
    clause = narrative_words(after) | stems(section)
    # "$2.63, an increase of 15% (19% in constant currencies)": the words after the next figure are its own
    own_after = re.split(r"\d", after, maxsplit=1)[0]
    if q.neutral != bool(NEUTRAL_PRINTED.search(own_after)):
        return ("the sentence states it in constant currency" if not q.neutral
                else "the sentence states it as reported, not in constant currency")
    # "outlook" and "guidance" name the kind of figure, which FUTURE_RE checks below, not a line item
    required = [t for t in item_terms(q, ignore or set())
                if not (OUTLOOK_Q.search(q.text) and any(a in OUTLOOK_TERMS for a in t))
                and not all(len(a) == 1 and a[0] in UNSAID for a in t)]
    named = clause | narrative_words(claim.sentence[:claim.start]) | narrative_words(stated.refers_to)
    if not all(matches(t, named) for t in required):
        return "the sentence states it, but not next to what was asked"
    # "4,324,469,567 weighted average shares outstanding": a word that changes the item, between the figure
    # and what was asked right after it
    printed = re.findall(r"[A-Za-z][\w-]*", after.replace("-", ""))[:5]
    following = [stem(w) for w in printed]
    upto = next((i for i, w in enumerate(following) if w in asked), None)
    changed = [i for i, w in enumerate(following[:upto or 0]) if w in lexicon().modifiers and w not in asked]
    if changed:
        return f"the sentence states it for {printed[changed[0]]} {printed[upto or 0]}"
    other = other_count(q, claim.text + after)
    if other:
        return f"the sentence states a count of {other}"  # "41 net new stores"
    # a value looked up for a change across releases is an amount, though the question says "percentage"
    measured = _measured_noun(claim)
    if measured and stem(measured) not in asked and measured not in lexicon().filler:
        # "$100 million equipment sales backlog" is a backlog, whatever else its words say
        return f"the sentence states it for {measured}"
    rate = q.kind in (QueryKind.PERCENT_CHANGE, QueryKind.SHARE_OF_REVENUE) or bool(
        re.search(r"margin|\brate\b", q.text, re.I)) or bool(COMPARABLE_RE.search(q.text)) or (
        q.kind != QueryKind.VALUE and bool(re.search(r"%|percent", q.text, re.I))) or bool(
        PERCENT_ASKED.search(q.text))  # "what was the percent of the shares granted in July"
    # growth or change may be asked as an amount or a rate: "how much does it expect sales to grow"
    either = not rate and bool(re.search(r"\bgr[eo]w(th|s|n)?\b", q.text, re.I)
                               or q.kind == QueryKind.VALUE and re.search(r"\bchange\b", q.text, re.I))
    if not either and rate != (claim.kind in ("percent", "points", "bps")):
        return "the sentence states a different kind of figure"
    if q.kind.is_change and claim.kind == "percent" and re.match(r"\s+of\s+(the|its|our|total|net|sales|"
                                                                 r"revenues?)\b", after):
        return "the sentence states a share of something, not a change"  # "5% of the sales decrease"
    if q.kind.is_change and re.search(r"\b(to|from|at)\s*$",
                                      claim.sentence[max(0, claim.start - 6):claim.start]):
        return "the sentence states a level, not a change"  # "decreased to 46% for 2019 from 59%"
    share_asked = q.kind == QueryKind.SHARE_OF_REVENUE or (
        q.kind == QueryKind.VALUE and bool(PERCENT_ASKED.search(q.text)))
    if share_asked and claim.kind == "percent" and (direction(claim) or CHANGED_BEFORE.search(
            claim.sentence[max(0, claim.start - 60):claim.start])):
        # "decreased 7.1%" for "as a percent of revenue" or "the percentage of A out of total B"
        return "the sentence states a change, not a share"
    if DOLLARS_ASKED.search(q.text) and claim.kind != "money":
        return "the sentence states a number, not an amount of money"  # "20000 shares" for "value in dollars"
    if q.kind.is_change and claim.kind == "money" and not direction(claim) and not EFFECT_BY.search(
            claim.sentence[max(0, claim.start - 120):claim.start]):
        return "the sentence states a level, not a change"  # "$346 million, up 5%" for "how much did it grow"
    if OUTLOOK_Q.search(q.text) and not _future(stated):
        return "the sentence reports the past; the question asks about the future"
    return ""


# the figure an item moved another by: "Restructuring impacted ... earnings per share by (72) cents"
EFFECT_BY = re.compile(r"\b(impact(ed|s)?|reduc(ed|es)|lowered|hurt|benefit(t?ed|s)?|boost(ed|s)?|affected|"
                       r"weighed on|added|contributed)\b[^.;]*\bby\s*$", re.I)


def compose_across(turn: Turn, tools: Tools) -> Answer:
    """A series, an extreme or a change across a company's releases, each figure from its quarter's
    own release with its own check and citation; or why the releases cannot answer."""
    q, history, spec = turn.q, turn.history, turn.across
    company = tools.store.document(history[-1].name).metadata.company or history[-1].name
    if spec is None:
        asked = q.period
        words = (f"Q{asked.fiscal[0]} FY{asked.fiscal[1] % 100:02d}" if asked.fiscal else
                 asked.end.isoformat() if asked.end else "that period")
        return Answer(q.text, render("period_not_covered", company=company, coverage=coverage(history),
                                     asked=words), False)
    if OUTLOOK_Q.search(q.text):
        history = guided(history)  # an outlook series is labelled by the quarters guided to
    span = quarters_in(history, spec) if spec.kind != Across.CHANGE else [
        f for end in spec.quarters for f in history if f.quarter == end]
    if not span or (spec.kind == Across.CHANGE and len(span) != 2):
        return Answer(q.text, render("period_not_covered", company=company, coverage=coverage(history),
                                     asked=" and ".join(x.label for x in spec.quarters) or "those quarters"),
                      False)
    points: list[tuple[Filing, Answer]] = []
    for filing in span:
        one = answer_in(turn, tools, filing)
        if one is not None:
            points.append((filing, one))
    if not points:
        return not_stated(q, tools.store.document(span[-1].name))
    first = points[-1][1].figures[0]
    label = first.label if not first.derived else q.ratio or first.label
    if spec.kind == Across.CHANGE:
        return _change_across(q, points, label)
    figures = [a.figures[0] for _, a in points]
    series = [SeriesPoint(f.quarter.label if f.quarter else f.end.isoformat(), fig.value, fig.unit, f.name,
                          fig.line, fig.check) for (f, _), fig in zip(points, figures, strict=True)]
    citations = [c for _, a in points for c in a.citations[:1]]
    shown = [f"{p.period} {figure_text(fig)}" for p, fig in zip(series, figures, strict=True)]
    if spec.kind == Across.EXTREME:
        pick = (max if spec.highest else min)(range(len(figures)), key=lambda i: figures[i].value)
        others = "; ".join(s for i, s in enumerate(shown) if i != pick)
        text = render("extreme", quarter=series[pick].period, which="highest" if spec.highest else "lowest",
                      label=label.lower(), count=len(figures),
                      span=f"{series[0].period} to {series[-1].period}",
                      amount=figure_text(figures[pick]), others=others or "none")
        ordered = [figures[pick]] + [f for i, f in enumerate(figures) if i != pick]
    else:
        text = render("series", company=company, label=label.lower(), points="; ".join(shown))
        ordered = list(reversed(figures))  # the latest first
    answer = Answer(q.text, text, True, ordered, citations, points[-1][0].name, series=series)
    return answer


POINTS_ASKED = re.compile(r"\b(basis points?|bps|bp|percentage points?|pts|ppts|points?)\b", re.I)
BPS_ASKED = re.compile(r"\b(basis points?|bps|bp)\b", re.I)
RATE_ASKED = re.compile(r"\b(rate|margin|as a percent(age)? of|% of)\b", re.I)


def points_change(turn: Turn, tools: Tools) -> Answer | None:
    """A margin's or a share's change in points: each level composed as its own question (the period
    asked, then the year or the quarter before it), and their difference."""
    q = turn.q
    spelled = lexicon().spell_out(q.text)
    kind = QueryKind.RATIO if q.ratio else QueryKind.SHARE_OF_REVENUE if SHARE_OF_REVENUE_RE.search(
        spelled) else QueryKind.VALUE
    text = POINTS_ASKED.sub(" ", q.text)
    spec = replace(q.period, relative="current") if q.period.relative in ("prior_year", "prior_quarter") \
        else q.period
    new = _level(turn, tools, replace(q, kind=kind, period=spec, text=text))
    if new is None or new.figures[0].period is None:
        return None
    p = new.figures[0].period
    before = add_months(p.end, -3 if PRIOR_QUARTER_RE.search(spelled) else -12)
    earlier = PeriodSpec("explicit", end=before, months=p.months)
    old = _level(turn, tools, replace(q, kind=kind, period=earlier, text=text))
    if old is None or old.figures[0].period is None or not near(old.figures[0].period.end, before):
        return None
    a, b = old.figures[0], new.figures[0]
    bps = bool(BPS_ASKED.search(q.text))
    diff = (b.value - a.value) * (100 if bps else 1)
    both = a.check == b.check == CheckStatus.VERIFIED
    label = a.label if a.label == b.label else asked_words(q, turn.ignore)
    unit_words = "basis points" if bps else "percentage points"
    change = Figure(f"change in {label}, {unit_words}", diff, "bps" if bps else "points", p, new.doc, b.line,
                    derived=True, check=CheckStatus.VERIFIED if both else CheckStatus.UNVERIFIABLE,
                    how=f"{b.value:.2f}% less {a.value:.2f}%", basis=(b.value, a.value), op="-",
                    why="both levels verified" if both else "a level is not verified")
    direction = "rose" if diff > 0 else "fell" if diff < 0 else "was unchanged"
    amount_text = f"{abs(diff):.0f} {unit_words}" if bps else f"{abs(diff):.1f} {unit_words}"
    text = (f"{label[:1].upper() + label[1:]} {direction} by {amount_text}, from {a.value:.1f}% "
            f"{period_words(tools.store.document(old.doc), a.period)} to {b.value:.1f}% "
            f"{period_words(tools.store.document(new.doc), b.period)}.")
    return Answer(q.text, text, True, [change, b, a], new.citations[:1] + old.citations[:1], new.doc)


def _period_fit(doc: Document, m: RowMatch, spec: PeriodSpec) -> int:
    """How well a row has the period asked: 0 a figure of the length asked, 1 of another length (the
    quarter's for "2022"), 2 none."""
    f = pick_fact(doc, m.facts, spec)
    if f is None:
        return 2
    return int(spec.months is not None and f.period is not None and f.period.months not in (spec.months, 0))


def _part_asker(turn: Turn, tools: Tools) -> Callable[[str], Answer | None]:
    """Asks one part of a sum or ratio the question spells out, as its own question for the period."""
    q = turn.q

    def ask(words: str) -> Answer | None:
        answer = ask_as(words)
        if answer is not None and answer.doc and not re.match(r"(the )?total\b", words, re.I) and \
                _split_current(tools.store.document(answer.doc), answer.figures[0].label):
            # a part is the whole of its item: "term debt" printed under current and again under
            # non-current liabilities is both (``compose_both_parts``)
            answer = ask_as(f"total {words}") or answer
        return answer

    def ask_as(words: str) -> Answer | None:
        part = parse_question(words)
        if not item_terms(part, turn.ignore):
            return None
        query = replace(q, text=words, kind=QueryKind.VALUE, terms=part.terms, ratio=part.ratio,
                        wants_loss=part.wants_loss, wants_profit=part.wants_profit, excluded=part.excluded)
        answer = _asked_again(turn, tools, query, turn.doc, list(turn.names), turn.hits)
        return answer if answer is not None and is_money(answer.figures[0].unit) else None

    return ask


def _split_current(doc: Document, label: str) -> bool:
    """Whether a release prints a line item under current and again under non-current items."""
    sections = {f.section.lower() for f in doc.facts if f.label.lower() == label.lower()}
    return len(sections) > 1 and any("current" in x for x in sections)


def spelled_ratio_out(turn: Turn, tools: Tools, ratio: SpelledRatio) -> Answer:
    """A ratio the question defines: its top and its bottom each worked out as a spelled sum, for one
    period; refused, naming the part, when a part is missing."""
    top, bottom = spelled_out(turn, tools, ratio.top), spelled_out(turn, tools, ratio.bottom)
    item = parse_question(ratio.item) if ratio.item else None
    label = "the ratio asked"
    if item is not None and (item.terms or item.ratio):
        label = item.ratio or asked_words(item, turn.ignore)
    for side in (top, bottom):
        if not side.answerable:
            return replace(side, question=turn.q.text)
    figure = divide(ratio, top.figures[0], bottom.figures[0], label)
    if figure is None:
        return not_stated(turn.q, turn.docs[0])
    doc = tools.store.document(figure.doc)
    shown = f"{figure.value:.1f}%" if ratio.percent else f"{figure.value:.2f}"
    text = render("ratio", ratio=label[:1].upper() + label[1:], amount=shown,
                  period=period_words(doc, figure.period), formula=figure.how)
    return Answer(turn.q.text, text, True, [figure, *top.figures[1:], *bottom.figures[1:]],
                  top.citations + bottom.citations, doc.name)


def spelled_out(turn: Turn, tools: Tools, spelled: Spelled) -> Answer:
    """A sum the question spells out, each part asked as its own question for the period asked."""
    q = turn.q
    ask = _part_asker(turn, tools)
    item = parse_question(spelled.item) if spelled.item else None
    label = asked_words(item, turn.ignore) if item is not None and item.terms else ""
    spelled = replace(spelled, item=label)
    formula = "".join(("" if i == 0 else " plus " if p.sign > 0 else " less ") + p.words
                      for i, p in enumerate(spelled.parts))
    found, missing = resolve(spelled, ask)
    figure = combine(spelled, found) if missing is None and found else None
    doc = tools.store.document(found[0].answer.doc) if found and found[0].answer.doc else turn.docs[0]
    if figure is None:
        period = period_words(doc, found[0].figure.period) if found and found[0].figure.period else \
            "for the period asked"
        part = missing.words if missing is not None else "figure of one period and currency for every part"
        text = render("part_missing", part=part, period=period, item=label or "the figure", formula=formula)
        return Answer(q.text, text, False, [], [], doc.name)
    citations = [c for r in found for c in r.answer.citations[:1]]
    printed = ask(label) if label else None
    if printed is not None and printed.figures[0].period == figure.period and \
            close(printed.figures[0].value, figure.value, rel=1e-3) and not printed.figures[0].derived:
        # the release prints the item too ("Gross loss", "Total operating expenses"): a second source
        citations = printed.citations[:1] + citations
        also = f"{printed.figures[0].label}, line {printed.citations[0].line}"
        figure = replace(figure, check=CheckStatus.VERIFIED, why=f"the release prints it too ({also})")
    loss = figure.value < 0 and re.search(r"\b(loss|deficit|outflow)\b", label, re.I) is not None
    shown = amount(abs(figure.value) if loss else figure.value, figure.unit, 1.0, "")  # "gross loss: $2.5M"
    name = label or figure.label
    text = render("ratio", ratio=name[:1].upper() + name[1:], amount=shown,
                  period=period_words(doc, figure.period), formula=figure.how)
    figures = [figure, *(r.figure for r in found)]
    return Answer(q.text, text, True, figures, citations, doc.name)


def _level(turn: Turn, tools: Tools, query: Query) -> Answer | None:
    """A percentage asked of the same releases as its own question (a margin or share for one period)."""
    answer = _asked_again(turn, tools, query, turn.doc, list(turn.names), turn.hits)
    return answer if answer is not None and answer.figures[0].unit == "percent" else None


def _asked_again(turn: Turn, tools: Tools, query: Query, doc: str | None, names: list[str],
                 hits: list[tuple[Chunk, float]]) -> Answer | None:
    """A question put again in other terms (one period, one release), through the same steps; its answer
    only when it gives a figure."""
    one = Turn(turn.question, doc, None, turn.text, query, names, hits=hits)
    for step in (select, compose, check):
        one = step(one, tools)
    answer = one.answer
    if answer is None or not answer.answerable or not answer.figures:
        return None
    return answer


def answer_in(turn: Turn, tools: Tools, filing: Filing) -> Answer | None:
    """The question asked of one release for its own quarter, through the same steps."""
    kind = QueryKind.RATIO if turn.q.ratio and turn.q.kind != QueryKind.VALUE else QueryKind.VALUE
    # the level of each quarter is asked, not the percentage its change is given in
    # (and its points: each quarter's margin is a level, the change across them is computed here)
    text = turn.q.text
    if turn.q.kind.is_change:
        text = POINTS_ASKED.sub(" ", PERCENT_ASKED.sub(" ", text))
    query = replace(turn.q, kind=kind, period=PeriodSpec("current", months=3), text=text)
    hits = [h for h in turn.hits if h[0].doc == filing.name]
    return _asked_again(turn, tools, query, filing.name, [filing.name], hits)


def _change_across(q: Query, points: list[tuple[Filing, Answer]], label: str) -> Answer:
    (fa, a), (fb, b) = sorted(points, key=lambda p: p[0].end)
    old, new = a.figures[0], b.figures[0]
    diff = new.value - old.value
    pct = diff / abs(old.value) * 100 if old.value else None
    both = old.check == new.check == CheckStatus.VERIFIED
    status = CheckStatus.VERIFIED if both else CheckStatus.UNVERIFIABLE
    why = "both ends verified in their own releases" if both else "an end is not verified"
    qa = fa.quarter.label if fa.quarter else fa.end.isoformat()
    qb = fb.quarter.label if fb.quarter else fb.end.isoformat()
    unit = "points" if new.unit == "percent" else new.unit
    change = Figure(f"change in {label} from {qa} to {qb}", diff, unit, new.period, fb.name, new.line,
                    derived=True, check=status, how=f"{qb} minus {qa}", basis=(new.value, old.value), op="-",
                    why=why)
    figures = [change]
    if pct is not None and new.unit != "percent":
        figures.append(Figure(f"percent change in {label} from {qa} to {qb}", pct, "percent", new.period,
                              fb.name, new.line, derived=True, check=status, basis=(new.value, old.value),
                              op="pct", why=why))
        if q.kind == QueryKind.PERCENT_CHANGE:
            figures.reverse()
    figures += [new, old]
    amount_text = (f"{abs(diff):.1f} percentage points" if new.unit == "percent"
                   else figure_text(replace(change, value=abs(diff))))
    percent = f" ({abs(pct):.1f}%)" if pct is not None and new.unit != "percent" else ""
    text = render("change_across", label=label[:1].upper() + label[1:],
                  direction="increased" if diff > 0 else "decreased" if diff < 0 else "was unchanged",
                  amount=amount_text, percent=percent, base=figure_text(old), base_quarter=qa,
                  current=figure_text(new), quarter=qb)
    return Answer(q.text, text, True, figures, b.citations[:1] + a.citations[:1], fb.name)


def figure_text(fig: Figure) -> str:
    """A figure in words: ``$30.0 billion``, ``75.1%``, ``$0.68 per share``."""
    if fig.unit == "percent":
        return f"{fig.value:.1f}%"
    if fig.unit == "points":
        return f"{fig.value:.1f} points"
    return amount(fig.value, fig.unit)


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def asked_words(q: Query, ignore: set[str]) -> str:
    """The line item as the question words it: ``gaming revenue``."""
    wanted = {w for t in q.terms for alt in t for w in alt} - ignore
    spelled = lexicon().spell_out(q.text)  # "cRPO" is asked as current remaining performance obligation
    words = [w for w in re.findall(r"[A-Za-z&][\w&-]*", spelled) if stem(w) in wanted]
    return " ".join(dict.fromkeys(words)) or q.ratio or "figure"


def guided_from(q: Query) -> PeriodSpec:
    """The quarter whose release gives the outlook for the quarter asked (the one before it)."""
    spec = q.period
    if spec.fiscal is None:
        return spec
    quarter, year = spec.fiscal
    before = (quarter - 1, year) if quarter > 1 else (4, year - 1)
    return replace(spec, fiscal=before)


def release_period(doc: Document) -> str:
    """The period a release reports, in words: ``the second quarter of fiscal 2025 (the three months
    ended July 28, 2024)``."""
    m = doc.metadata
    described = m.period.describe() if m.period else ""
    if m.fiscal_label and described:
        return f"the {m.fiscal_label} ({described})"
    return f"the {m.fiscal_label}" if m.fiscal_label else described or "its period"


# a figure stated as the comparison: "... to $46.6 million, compared to $46.1 million for the prior year"
COMPARATIVE_BEFORE = re.compile(r"\b(compared (?:to|with)|versus|vs\.?|from|against)\b[^$%\d]{0,40}$", re.I)
COMPARED_CLAUSE = re.compile(r"\b(compared (?:to|with)|versus|vs\.?)\s+[$]?[\d.,]+( (million|billion))?"
                             r"(,| \()"
                             r"\s*(including|excluding|or)\b[^$%\d.;]{0,30}$", re.I)
# the quarter a figure is for, named right after it: "NT$2.18 for 3Q24", "$1.2 billion in Q3 FY24"
FOR_QUARTER_AFTER = re.compile(r"\s*(\([^)]{0,40}\)\s*)?(for|in)\s+(the\s+)?(?P<quarter>[1-4]Q\s?'?\d{2,4}\b|"
                               r"Q[1-4]\s*(FY|fiscal)?\s*'?\d{2,4}\b|(first|second|third|fourth) quarter of "
                               r"(fiscal )?(year )?\d{4})", re.I)
# a sentence about the earlier period as a whole: "Last year's results included ..."
PRIOR_SUBJECT = re.compile(r"\W*(in\s+)?(the\s+)?(last|prior|previous|prior[- ]year)[- ](year|year['’]s|"
                           r"period|period['’]s|quarter)\b(?!\s+(ended|ending))", re.I)
COMPARATIVE_AFTER = re.compile(r"^[^$%\d]{0,50}\b(prior[- ]year|a year (?:ago|earlier)|last year|"
                               r"previous year|year[- ]ago|prior[- ]period|"
                               r"same (?:period|quarter) (?:of |in )?(?:last|the prior))",
                               re.I)


COMPARISON_YEAR = re.compile(r"\b(a |the )?(prior|previous|last|same|this|current) year(['’]s)?\b|"
                             r"\byear[- ](ago|earlier|over[- ]year)\b|"
                             r"\ba year (ago|earlier)\b", re.I)


def _length_said(text: str) -> int | None:
    """The length of period a sentence speaks of ("13-week fiscal quarter", "fiscal-year revenue"),
    not counting the year it compares with ("up 16% from a year ago")."""
    text = COMPARISON_YEAR.sub(" ", text)
    months = duration_months(text)
    if months is None and YEAR_ALONE.search(text) and not quarters_named(text) and \
            not re.search(r"\bquarter|\bmonths?\b|\bweeks?\b|\bhalf\b", text, re.I):
        return 12  # "Capital expenditures in 2024 totaled ...": a year named alone is the whole year
    return months


YEAR_ALONE = re.compile(r"\b(in|for|during|of)\s+(fiscal\s+(year\s+)?)?(19|20)\d\d\b(?![-/]\d)", re.I)


# what a stated rate is measured against, in the words right after it
RATE_BASE = re.compile(
    r"^[^$%\d;]{0,30}?(?:\b(?:from|over|versus|vs\.?|compared (?:to|with))\s+(?:the\s+|a\s+)?"
    r"(?:(?P<quarter>previous quarter|prior quarter|preceding quarter|last quarter|sequential|Q[1-4]\b|"
    r"(?:first|second|third|fourth) quarter)|"
    r"(?:year ago|a year ago|prior year|previous year|last year|year earlier|same (?:period|quarter)))|"
    r"(?P<seq>\bsequentially\b|\bquarter[- ]over[- ]quarter\b|\bq/q\b|\bqoq\b)|"
    r"\b(?:year[- ]over[- ]year|y/y|yoy)\b)", re.I)


# a row of sales or revenue, not of what is left of them
# a margin is what is left of sales: never a cost over revenue
COST_ROW = re.compile(r"\b(costs?|expenses?)\b", re.I)
SALES_ROW = re.compile(
    r"^(?!.*\b(cost|costs|expenses?|income|profit|margin|earnings|loss)\b).*\b(revenues?|sales)\b", re.I)
RESPECTIVELY = re.compile(r"\brespectively\b", re.I)


def stated_period_fits(q: Query, claim: Claim, doc: Document, heading: str = "") -> str:
    """Why a figure the narrative states is another period's ('' when it is the asked one's): the
    comparative figure of a sentence answers only a question about the earlier period, and a sentence
    about a 13-week quarter does not answer one about 39 weeks."""
    if OUTLOOK_Q.search(q.text):
        return ""  # guidance speaks of a period after the release's own; stated_fits asks for the future
    before, after = claim.sentence[:claim.start], claim.sentence[claim.start + len(claim.text):]
    # "decreased 0.7 percent from the prior year" is the change itself, not the earlier period's figure
    rate = claim.kind in ("percent", "points", "bps")
    lead = COMPARATIVE_BEFORE.search(before)
    # "up 5% from the previous quarter and up 37%": the "from" is the first figure's, not this one's
    lead_own = bool(lead) and not re.search(r"\b(and|while|but)\b", lead.group(0)[4:] if lead else "", re.I)
    # "compared to $6.30, including a $0.02 benefit": a figure inside the clause of the earlier one
    lead_own = lead_own or bool(COMPARED_CLAUSE.search(before))
    comparative = lead_own or (not rate and bool(COMPARATIVE_AFTER.search(after))) or bool(
        PRIOR_SUBJECT.match(claim.sentence))
    spec, cur = q.period, doc.metadata.period
    end, _ = target_end(doc, spec)
    fq = fiscal_quarter(doc.metadata)
    if end is None and spec.quarter is not None and fq is not None and fq[0] != spec.quarter:
        return "the release reports another quarter"  # "in Q4" of a release about its third quarter
    # a date that ends none of the release's periods is the date of an event ("declared in September")
    reported = end is None or any(c.period is not None and near(c.period.end, end)
                                  for t in doc.tables for c in t.columns)
    forecast = end is not None and cur is not None and end > cur.end and not near(end, cur.end) and \
        bool(FUTURE_RE.search(f"{claim.sentence} {heading}")) and \
        (spec.fiscal_year or spec.calendar_year) in _said_years(f"{claim.sentence} {heading}")
    if not reported and cur is not None and end is not None and not near(end, cur.end) and (
            spec.fiscal is not None or spec.fiscal_year is not None) and not forecast:
        # a quarter or year named that it does not cover; a sentence about that year to come speaks of it
        # ("For fiscal 2024, the Company uses a projected non-GAAP tax rate of 23.5%")
        return "the release does not report that period"
    earlier = spec.relative in ("prior_year", "prior_quarter") or bool(
        reported and end and cur and end < cur.end and not near(end, cur.end))
    named = FOR_QUARTER_AFTER.match(after)
    if named and fq is not None:
        # "compared to NT$2.13 for 4Q23 and NT$2.18 for 3Q24": the figure names its own quarter
        quarter = parse_period(named.group("quarter")).fiscal
        if quarter is not None and quarter != (spec.fiscal or fq):
            return f"the sentence states it for {named.group('quarter')}"
    elif spec.fiscal is not None and fq is not None and spec.fiscal != fq and not comparative:
        return "the sentence states it for the release's own quarter"  # "NT$2.07" of a 4Q24 release
    if comparative and not earlier and reported:
        return "the sentence states it for the earlier period it compares with"
    if earlier and not comparative:
        return "the sentence states it for another period"
    asked_year = spec.calendar_year or spec.fiscal_year
    if asked_year and RESPECTIVELY.search(claim.sentence):
        # "excludes 1.1 million, 0.5 million and 0.3 million ... for the years ended December 31, 2019, 2018
        # and 2017, respectively": the figures go with the years in order
        same = [c for c in find_claims(claim.sentence, claim.line) if c.kind == claim.kind]
        listed = list(dict.fromkeys(int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", claim.sentence)))
        if len(listed) == len(same) >= 2 and asked_year in listed and claim in same:
            if same.index(claim) != listed.index(asked_year):
                return "the sentence states it for another year"
            asked_year = None  # the year asked is this figure's
    years = _said_years(f"{claim.sentence} {heading}")
    if asked_year and years and asked_year not in years and not comparative:
        return "the sentence states it for another year"  # "Full Year 2024 Highlights" for 2023
    if rate and q.kind.is_change:
        # "up 5% from the previous quarter and up 37% from a year ago": the base asked
        base = RATE_BASE.match(after)
        sequential = bool(PRIOR_QUARTER_RE.search(lexicon().spell_out(q.text)))
        if base and bool(base.group("quarter") or base.group("seq")) != sequential:
            return "the sentence states the change over another base"
    if spec.instant or re.search(r"\b(as of|at the end of)\b", claim.sentence, re.I):
        return ""  # a balance at a date has no length of period
    asked = spec.months if (spec.months is not None and spec.relative != "current") else None
    if asked is None and spec.relative == "current" and spec.months is not None:
        asked = spec.months
    others = [c for c in find_claims(claim.sentence, claim.line) if c != claim]
    # a sentence that names no length speaks of the release's own period
    # ... or the heading it stands under ("Full Year 2024 Highlights")
    own = _length_said(clause_of(claim, [*others, claim])) or _length_said(claim.sentence)
    if claim.kind == "count" and not own:
        return ""  # a headcount has no length of period; shares bought "during the fourth quarter" have
    said = own or _length_said(heading) or (cur.months if cur else None)
    if TO_DATE_RE.search(claim.sentence) and not duration_months(claim.sentence):
        said = to_date_months(doc) or said  # "On a year-to-date basis, the company has returned ..."
    if asked and said and asked != said:
        return "the sentence states it for a period of another length"
    return ""


# the period an outlook speaks of, in its sentence or the lead-in of its list
FULL_YEAR_SAID = re.compile(r"\b(full[- ]year|fiscal[- ]year|annual|for the year|year[- ]end)\b", re.I)
YEAR_SAID = re.compile(FULL_YEAR_SAID.pattern + r"|\bFY ?'?(?:\d{4}|\d{2})\b|\bfiscal 20\d\d\b|"
                       r"\b(?:for|in) 20\d\d\b|\b20\d\d (?:outlook|guidance)\b", re.I)
YEAR_NUMBER = re.compile(r"\bFY ?'?(\d{4}|\d{2})\b|\b(20\d\d)\b", re.I)
MONTH_BEFORE = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s*"
                          r"(\d{1,2},?\s*)?$", re.I)


def _said_years(text: str) -> set[int]:
    out = set()
    for m in YEAR_NUMBER.finditer(text):
        if m.group(2) and MONTH_BEFORE.search(text[:m.start()]):
            continue  # "paid in June 2023": the date of an event, not the year guided
        out.add(full_year(m.group(1) or m.group(2)))
    return out


PAST_SAID = re.compile(r"\b(reported|recorded|posted|delivered|achieved|was|were)\b", re.I)


def guided_fits(q: Query, stated: Stated) -> str:
    """Why a forecast is another period's ('' when it is the asked one's): the outlook for the third
    quarter does not answer a question about the full year, nor FY24's one about FY25."""
    context = f"{stated.sentence} {stated.lead}"
    claim = stated.claim
    nxt = min((c.start for c in find_claims(stated.sentence, claim.line) if c.start > claim.start),
              default=len(stated.sentence))
    after = stated.sentence[claim.start + len(claim.text):nxt]
    if (quarters_named(after) or FULL_YEAR_SAID.search(after)) and not PAST_SAID.search(after):
        # "expected to add $700 million of revenue to Q4 FY24 and ... 10 basis points to the full year
        # rate": the words right after the figure name its period
        context = f"{after} {stated.lead}"  # (not "the negative 6.2% we reported for the second quarter",
        # the past figure an outlook is measured against: the sentence's period is the outlook's)
    spec = q.period
    asked_q = spec.quarter or (spec.fiscal[0] if spec.fiscal else None)
    asked_y = spec.fiscal_year or spec.calendar_year or (spec.fiscal[1] if spec.fiscal else None)
    asked_full = asked_q is None and (spec.months == 12 or spec.fiscal_year is not None)
    said_q, said_full = set(quarters_named(context)), bool(YEAR_SAID.search(context))
    if YEAR_SAID.search(stated.sentence) and not quarters_named(stated.sentence):
        # "For fiscal 2024, the Company uses a projected tax rate": the sentence names its year, whatever
        # quarter the heading above it reports
        said_q = set()
    if asked_q is not None and said_q and asked_q not in said_q:
        return "the sentence gives the outlook for another quarter"
    if asked_q is not None and not said_q and said_full:
        return "the sentence gives the outlook for the year, not the quarter"
    if asked_full and said_q and not FULL_YEAR_SAID.search(context):  # "Second Quarter FY24" is a quarter
        return "the sentence gives the outlook for a quarter, not the year"
    years = _said_years(context)
    if asked_y is not None and years and asked_y not in years:
        return "the sentence gives the outlook for another year"
    return ""


SCALE_NAMES = {factor: word for word, factor in reversed(SCALE_WORDS.items())
               if len(word) > 2 and not word.endswith("s")}  # "billion", not "b" or "billions"


def _as_printed(c: Claim) -> str:
    """A stated figure to the precision printed: "$8.51 billion", not "$8.5 billion"."""
    if c.kind == "money" and (c.scale > 1 or c.decimals > 2):  # "US$0.129 per ADS" keeps its third decimal
        number = f"{currency_symbol(c.currency or 'USD')}{abs(c.value) / c.scale:,.{c.decimals}f}"
        return f"{number} {SCALE_NAMES.get(c.scale, '')}".strip()
    return amount(c.value, c.currency or "USD") if c.kind == "money" else c.text


def _range_end(stated: Stated) -> Claim | None:
    """The other end of a range the figure opens ("$6.00 to $6.40")."""
    claim, nxt = stated.claim, _claim_after(stated)
    if nxt is None or nxt.kind != claim.kind:
        return None
    return nxt if _ranged(claim, nxt) else None


def _claim_after(stated: Stated) -> Claim | None:
    """The next figure of a stated figure's sentence, if any."""
    claim = stated.claim
    return next((c for c in find_claims(stated.sentence, claim.line) if c.start > claim.start), None)


def _claim_unit(claim: Claim) -> str:
    """The unit of a figure the narrative states: its currency, "percent", "points", "bps" or "count"."""
    if claim.kind == "money":
        return claim.currency or "USD"
    return claim.kind if claim.kind in ("percent", "points", "bps") else "count"


def _ranged(low: Claim, high: Claim) -> bool:
    """Whether two figures of a sentence are the ends of one range: "$6.00 to $6.40", "between 17.7% and
    18.3%"."""
    between = low.sentence[low.start + len(low.text):high.start]
    return bool(RANGE_TO.match(between)) or (bool(re.fullmatch(r"\s*and\s*", between)) and bool(
        re.search(r"\bbetween\s*$", low.sentence[:low.start], re.I)))


LOW_END_ASKED = re.compile(r"\b(low|lower|bottom)(\s+end)?\b|\bfloor\b|\bminimum\b|\bat least\b", re.I)
PLUS_MINUS = re.compile(r"\s*,?\s*(plus or minus|\+/-|±)\s*$", re.I)


def _plus_minus(stated: Stated) -> float | None:
    """The percentage band a figure is given with ("$32.5 billion, plus or minus 2%"), or None."""
    claim, nxt = stated.claim, _claim_after(stated)
    if nxt is not None and nxt.kind == "percent" and PLUS_MINUS.fullmatch(
            stated.sentence[claim.start + len(claim.text):nxt.start]):
        return nxt.value
    return None


HIGH_END_ASKED = re.compile(r"\b(high|upper|top)(\s+end)?\b|\bceiling\b|\bmaximum\b|\bat most\b", re.I)
MIDPOINT_ASKED = re.compile(r"\bmid-?point\b|\bmiddle\b|\bmid\b", re.I)


def _range_asked(question: str, ends: list[Figure]) -> list[Figure]:
    """A range's figures in the order the question asks them: its high end first ("the top of the
    guidance range"), or its midpoint ("the midpoint of Q2 revenue guidance"), else its low end."""
    low, high = ends
    if MIDPOINT_ASKED.search(question):
        mid = replace(low, label=low.label + " (midpoint)", value=(low.value + high.value) / 2, derived=True,
                      how=f"the middle of {low.value:g} and {high.value:g}", basis=(low.value, high.value),
                      op="avg")
        return [mid, low, high]
    return [high, low] if HIGH_END_ASKED.search(question) else [low, high]


def _range_start(stated: Stated) -> Stated:
    """The low end of a range when the figure found closes it ("$0.65 to $0.70 per share"): a range is
    answered from its start."""
    claim = stated.claim
    before = [c for c in find_claims(stated.sentence, claim.line) if c.start < claim.start]
    if before and before[-1].kind == claim.kind and _ranged(before[-1], claim):
        return replace(stated, claim=before[-1])
    return stated


def names_period(q: Query, stated: Stated, doc: Document) -> bool:
    """Whether a sentence (or its heading) names the period asked in so many words: "In Q2 FY24, ...",
    "In the fourth quarter, ...", "for the six months"."""
    text = f"{stated.sentence} {stated.lead}"
    spec = q.period
    _, months = target_end(doc, spec)
    fq = fiscal_quarter(doc.metadata)
    months = months or (doc.metadata.period.months if doc.metadata.period else None)
    if months == 3:
        quarter = spec.quarter or (spec.fiscal[0] if spec.fiscal else fq[0] if fq else None)
        return quarter in quarters_named(text) or bool(
            re.search(r"(the|this) quarter|quarterly|(three|3) months|1[34][- ]weeks?", text, re.I))
    return months is not None and _length_said(text) == months


def _signed_claim(claim: Claim) -> float:
    """A figure the narrative states, negative when its words say it is a fall ("decreased 0.7 percent"),
    not when it is the level something fell to ("decreased to $5.0 million")."""
    before = claim.sentence[max(0, claim.start - 6):claim.start]
    if claim.value > 0 and direction(claim) < 0 and not re.search(r"\b(to|from|at)\s*$", before):
        return -claim.value
    return claim.value


def _stated(turn: Turn, docs: list[Document], explicit: bool = False, only: Claim | None = None) -> bool:
    """Answer with a figure only the narrative states (backlog, guidance, headcount), if one fits: the
    nearest to a mention of the asked item whose clause names it, of the asked kind and period.
    ``explicit``: the tables print the item, but not for the period asked; a sentence answers only if it
    names that period in so many words. ``only``: that figure of the narrative, if it fits."""
    outlook = bool(OUTLOOK_Q.search(turn.q.text))
    if aggregate_asked(turn.q):
        return False  # an average or a total over years is computed from the tables, never one sentence's
    for d in docs:
        fitting = [x for x in stated_candidates(d, turn.q, turn.ignore)
                   if not stated_fits(turn.q, x, turn.ignore)
                   and not stated_period_fits(turn.q, x.claim, d, x.lead)
                   and not (outlook and guided_fits(turn.q, x))
                   and (not explicit or names_period(turn.q, x, d))
                   and (only is None or (x.claim.line, x.claim.start) == (only.line, only.start))]
        if fitting:
            stated = _range_start(fitting[0])
            claim, sentence = stated.claim, stated.sentence

            shown = _as_printed(claim)
            if _signed_claim(claim) < 0 < claim.value:
                shown = f"a decrease of {shown}"  # "decreased 0.7 percent"
            label = asked_words(turn.q, turn.ignore)
            figures = [Figure(label, _signed_claim(claim), _claim_unit(claim), None, d.name, claim.line,
                              derived=False)]
            high = _range_end(stated)
            if high is not None:
                # a range: both ends, the low end first, unless the high end or the midpoint is asked
                shown += f" to {_as_printed(high)}"
                figures.append(Figure(f"{label} (high end)", high.value, _claim_unit(high), None,
                                      d.name, high.line, derived=False))
                figures = _range_asked(turn.q.text, figures)
                if figures[0].op == "avg":
                    mid = figures[0].value
                    middle = amount(mid, claim.currency or "USD") if claim.kind == "money" else f"{mid:g}"
                    shown += f" (a midpoint of {middle})"
                elif figures[0].label.endswith("(high end)"):  # the high end asked: ordered first
                    shown += f" (the high end: {_as_printed(high)})"
            elif (band := _plus_minus(stated)) is not None and claim.kind == "money" and (
                    HIGH_END_ASKED.search(turn.q.text) or LOW_END_ASKED.search(turn.q.text)):
                # "$32.5 billion, plus or minus 2%": the end asked is the figure moved by the band
                high_end = bool(HIGH_END_ASKED.search(turn.q.text))
                value = claim.value * (1 + (band if high_end else -band) / 100)
                end = "high" if high_end else "low"
                figures.insert(0, Figure(f"{label} ({end} end)", value, _claim_unit(claim), None, d.name,
                                         claim.line, derived=False,
                                         how=f"{claim.value:g} {'plus' if high_end else 'less'} {band:g}%"))
                end_amount = amount(value, claim.currency or "USD")
                shown += f", plus or minus {band:g}% (the {end} end: {end_amount})"
            period = release_period(d)
            fq = fiscal_quarter(d.metadata)
            if outlook and _future(stated) and fq:
                nxt = FiscalQuarter(fq[1], fq[0]).next
                context = f"{sentence} {stated.lead}"
                said = set(quarters_named(context))
                if said == {nxt.quarter} or not (said or YEAR_SAID.search(context)):
                    period += f", for {nxt.words}"
            quoted = f"{stated.refers_to} {sentence}" if stated.refers_to else sentence  # what "such" names
            if outlook and stated.lead and stated.lead not in sentence and not FUTURE_RE.search(sentence):
                quoted = f"{stated.lead}: {sentence}"  # an item of a list: its lead-in names what it is
            text = render("narrative_figure", period=period, amount=shown, sentence=quoted)
            turn.answer = Answer(turn.q.text, text, True, figures,
                                 [Citation(d.name, claim.line, sentence)], d.name)
            turn.stated, turn.quote = (figures[0], stated), False
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
    near = nearest_row(query, doc) if doc is not None else None
    if near is not None:
        text += " " + near
    return Answer(query.text, text, False, [], [], doc.name if doc else "")


def nearest_row(query: Query, doc: Document) -> str | None:
    """``The nearest it reports is Gross profit: $27.5 million (...).``: the row that carries the most
    of the asked words, named but never given as the answer."""
    wanted = {w for t in query.terms for alt in t for w in alt} - SOFT_STEMS
    best: tuple[int, Any] | None = None
    for f in doc.facts:
        if f.period is None or f.column_index < 0 or doc.metadata.period is None or \
                f.period.end != doc.metadata.period.end:
            continue
        hits = len(wanted & stems(f.label))
        if hits and (best is None or hits > best[0]):
            best = (hits, f)
    if best is None:
        return None
    f = best[1]
    return render("nearest", label=f.label, amount=amount(f.value, f.unit, f.scale, f.label),
                  period=f.period.describe() if f.period else "")


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
