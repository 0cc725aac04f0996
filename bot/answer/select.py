"""Finding what a question asks for in a release: the table row, and the column for its period."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property

from bot.answer.lexicon import lexicon
from bot.answer.question import (
    COMPARABLE,
    NEUTRAL_PRINTED,
    SOFT,
    PeriodSpec,
    Query,
    QueryKind,
    Term,
    content_terms,
    dates_asked,
)
from index.document import Document, Fact
from index.reader.metadata import fiscal_quarter
from index.reader.numbers import close, is_money
from index.reader.periods import (
    Period,
    add_months,
    calendar_quarter_end,
    duration_months,
    fiscal_quarter_end,
    fiscal_year_end,
    near,
)
from index.reader.tables import CHANGE
from index.reader.words import stem, stems

PRIMARY = re.compile(r"statements? of (operations|income|earnings|cash flows?|comprehensive income|"
                     r"profit or loss)|balance sheets?|results of operations|financial position|"
                     r"income statements?|cash flow statements?|profit and loss", re.I)
SECONDARY = re.compile(r"reconciliation|non-gaap|segment|supplemental|outlook|adjust", re.I)
SOFT_STEMS = {stem(w) for w in SOFT}
QUALIFIERS = {stem(w) for w in ("attributable", "shareholders", "stockholders", "parent", "common",
                                 "company", "owners", "holders", "ordinary")}


@dataclass(frozen=True)
class RowWeights:
    """How a row's fit to a question is scored; each weight says what it rewards or penalises."""

    in_label: float = 2.0          # a question term printed in the row's own label
    in_context: float = 0.8        # a question term found only in the row's section or table title
    extra_word: float = 0.5        # penalty per label word the question did not ask for
    qualifier: float = 0.15        # penalty per "attributable to shareholders"-style qualifier word
    soft_word: float = 1.0         # "total", "net", "cost" asked and printed in the label
    cash_flow_unasked: float = 0.5  # penalty: a cash-flow table row when the question is not about cash
    primary_table: float = 0.6     # the statement of operations, balance sheet or cash flows
    secondary_table: float = 0.6   # penalty: a reconciliation, segment or outlook table
    consolidated: float = 0.4      # a consolidated table
    label_figure: float = 0.2      # penalty: a figure printed inside a label rather than a cell
    mixed_dimensions: float = 0.5  # penalty: columns for several segments and no total among them
    per_share: float = 1.0         # a per-share row when EPS is asked (a share count when shares are)
    # how sure a match is (``RowMatch.confidence``): a word found only in the section or table title
    # counts this much of a word in the label; each unasked word in the label takes this much off
    context_confidence: float = 0.6
    extra_confidence: float = 0.05
    modifier_confidence: float = 0.35  # an unasked word that changes the line item ("current", "deferred")
    modifier_word: float = 0.5     # penalty per such word, in the ranking as well
    # added when ranking rows across releases (``best_row``)
    retrieval: float = 10.0        # times the fused retrieval score of the row's chunk
    loss_label: float = 0.5        # "loss" in the label when the question asks about a loss
    has_period: float = 2.0        # the row has a figure for the period asked
    share_printed: float = 2.0     # a row of percentages when a share of revenue is asked ("Percent from
                                   # international")
    instant_asked: float = 0.5     # a date was asked: the figure is a balance at it (or, taken off, a flow)
    tie: float = 0.25              # two rows this close fit the question about equally
    wrong_unit: float = 3.0        # penalty: its figure is not of the kind asked (a percentage for an amount)
    movement: float = 0.5          # penalty: a change asked, and the row's figures are changes already (a
                                   # cash-flow "Changes in operating assets and liabilities" line)
    intersegment: float = 1.0      # penalty: a segment's sales before intersegment sales are taken out


WEIGHTS = RowWeights()
# label words that are never a word the question failed to ask ("Provision for income taxes")
UNCOUNTED = {"and", "of", "the", "total", "net", "for", "to", "from", "in", "on", "by", "a", "an", "at", "or",
             "with"}
BEFORE_ELIMINATION = re.compile(r"\btotal segment\b|\bintersegment\b|\bbefore eliminations?\b|"
                                r"\bprior to (the )?elimination", re.I)


@dataclass
class RowMatch:
    """A table row (or a figure printed in a label) that a question's words name."""

    doc: Document
    label: str
    section: str
    table_title: str
    line: int
    facts: list[Fact]
    score: float
    key: tuple[str, int, str] = ("", 0, "")
    extra: list[str] = field(default_factory=list)
    confidence: float = 1.0  # how surely the row is the line item asked: 1 when every word is in its label


@dataclass
class _IndexedRow:
    key: tuple[str, int, str]
    facts: list[Fact]
    label: set[str]
    section: set[str]
    title: set[str]
    dims: list[set[str]]
    qualifying: set[str] = field(default_factory=set)  # stems of a qualifying phrase of the label

    @cached_property
    def dim_of(self) -> dict[int, set[str]]:
        """Each fact's column words (``dims``), by the fact's id."""
        return {id(f): d for f, d in zip(self.facts, self.dims, strict=True)}


_ROWS: dict[int, tuple[Document, list[_IndexedRow]]] = {}

# a balance sheet's rows between "Total current liabilities" (or assets) and the next total or the equity
# that carry no heading of their own are its non-current part: Intel's "Debt" there is long-term debt
TOTAL_CURRENT = re.compile(r"^total current (assets|liabilities)\b", re.I)
NONCURRENT_END = re.compile(r"^total\b|equity|stockholders|shareholders|commitments|contingenc", re.I)
NONCURRENT_WORDS = frozenset(stems("noncurrent long term"))


def _noncurrent_lines(doc: Document) -> set[tuple[str, int]]:
    """(table, line) of the rows a balance sheet places after its current assets or liabilities."""
    by_table: dict[str, list[tuple[int, str]]] = {}
    for f in doc.facts:
        by_table.setdefault(f.table, []).append((f.line, f.label))
    out: set[tuple[str, int]] = set()
    for table, rows in by_table.items():
        after = False
        for line, label in sorted(set(rows)):
            if TOTAL_CURRENT.match(label):
                after = True
            elif after and NONCURRENT_END.search(label):
                after = False
            elif after:
                out.add((table, line))
    return out


# what a label says was taken out ("Inventories, net of allowance for inventory reserve of $165 ...") does
# not name the row: the allowance is a figure of its own
NET_OF = re.compile(r",?\s*\b(net of|less|excluding)\b.*$", re.I)
# a phrase that says which part of a line item a row is without making it another item: "Net income from
# continuing operations" is the net income asked when nothing else is (its "operations" is not the
# "operating" of operating income)
QUALIFYING = re.compile(r"\b(from|of) continuing operations\b", re.I)


def _rows_of(doc: Document) -> list[_IndexedRow]:
    """A document's rows with their words, computed once per document object."""
    cached = _ROWS.get(id(doc))
    if cached is not None and cached[0] is doc:
        return cached[1]
    groups: dict[tuple[str, int, str], list[Fact]] = {}
    for f in doc.facts:
        key = (f.table, f.row_index, f.label if f.column_index < 0 else "")
        groups.setdefault(key, []).append(f)
    noncurrent = _noncurrent_lines(doc)

    def placed(f: Fact) -> frozenset[str]:
        """Words the row's place in a balance sheet adds to its section."""
        return NONCURRENT_WORDS if (f.table, f.line) in noncurrent and "current" not in f.label.lower() \
            else frozenset()

    # a label's abbreviations spelled out as a question's are ("ROA": return on assets)
    rows = [_IndexedRow(key, facts, stems(lexicon().spell_out(NET_OF.sub("", facts[0].label))),
                        stems(facts[0].section) | placed(facts[0]),
                        stems(facts[0].table_title), [_dimension(f) for f in facts],
                        set().union(*(stems(m.group(0)) for m in QUALIFYING.finditer(facts[0].label))))
            for key, facts in groups.items()]
    if len(_ROWS) > 64:
        _ROWS.clear()
    _ROWS[id(doc)] = (doc, rows)
    return rows


_VOCABULARY: dict[int, tuple[Document, frozenset[str]]] = {}


ADDRESS_RE = re.compile(r"\S+@\S+|https?://\S+|\bwww\.\S+|\b[\w.-]+\.(?:com|net|org|io)\b\S*", re.I)


def vocabulary(doc: Document) -> frozenset[str]:
    """Stems of every word a release prints: labels, sections, titles, headings and narrative."""
    cached = _VOCABULARY.get(id(doc))
    if cached is not None and cached[0] is doc:
        return cached[1]
    words: set[str] = set()
    for row in _rows_of(doc):
        words |= row.label | row.section | row.title
    # words inside e-mail addresses and web addresses ("investor.relations@us.mcd.com") are not printed words
    words |= stems(ADDRESS_RE.sub(" ", " ".join(b.text for b in doc.blocks)))
    words |= stems(" ".join(c.header for t in doc.tables for c in t.columns))
    if len(_VOCABULARY) > 64:
        _VOCABULARY.clear()
    _VOCABULARY[id(doc)] = (doc, frozenset(words))
    return _VOCABULARY[id(doc)][1]


# "Client Computing Group (CCG)": a name and the initials a release goes on to use for it
ACRONYM_RE = re.compile(r"((?:[A-Z][\w&'-]*[ ]+(?:(?:and|&|of|the|for)[ ]+)?){1,6})\(([A-Z][A-Za-z]{1,6})\)")
CONNECTORS = {"and", "&", "of", "the", "for"}
LABEL_CODE_RE = re.compile(r"^([A-Z][\w&' -]{2,60}?)\s*\(([A-Z]{2,6})\)\s*$")
GENERIC = {"group", "segment", "division", "business", "unit"}  # "Client Computing" is printed without them
_ALIASES: dict[int, tuple[Document, dict[str, tuple[str, ...]]]] = {}


def aliases(doc: Document) -> dict[str, tuple[str, ...]]:
    """The initials a release defines for its names ("CCG" → client computing), as stems."""
    cached = _ALIASES.get(id(doc))
    if cached is not None and cached[0] is doc:
        return cached[1]
    found: dict[str, tuple[str, ...]] = {}
    texts = [b.text for b in doc.blocks] + [f.label for f in doc.facts if f.column_index <= 0]
    for m in ACRONYM_RE.finditer("\n".join(texts)):
        acronym, letters = m.group(2).upper(), ""
        chosen: list[str] = []
        for w in reversed(m.group(1).split()):
            if w.lower() in CONNECTORS:
                continue
            letters = (w if w.isupper() else w[0].upper()) + letters
            chosen.insert(0, w)
            if len(letters) >= len(acronym):
                break
        words = tuple(stem(w.lower()) for w in chosen if w.lower() not in GENERIC)
        if letters == acronym and words:
            found.setdefault(stem(acronym.lower()), words)
    for f in doc.facts:
        # a row label that ends in the name's code ("Network and Edge (NEX)") defines it, whatever its letters
        code = LABEL_CODE_RE.match(f.label)
        if code and f.column_index <= 0:
            words = tuple(stem(w.lower()) for w in re.split(r"[\s-]+", code.group(1))
                          if w and w.lower() not in CONNECTORS and w.lower() not in GENERIC)
            if words:
                found.setdefault(stem(code.group(2).lower()), words)
    if len(_ALIASES) > 64:
        _ALIASES.clear()
    _ALIASES[id(doc)] = (doc, found)
    return found


def initials(doc: Document, code: str) -> tuple[str, ...] | None:
    """The printed name (a row label or a heading of the tables) whose words' initials spell ``code``
    ("FLNA": Frito-Lay North America), as stems; ``None`` when no name or several different ones do."""
    heads = [r.facts[0] for r in _rows_of(doc)]
    names = {f.label for f in heads} | {part for f in heads for part in f.section.split(" > ")}
    found: set[tuple[str, ...]] = set()
    for name in names:
        words = [w for w in re.split(r"[\s-]+", re.sub(r"[^\w&\s-]", " ", name)) if w]
        for i in range(len(words)):
            letters, chosen = "", []
            for w in words[i:]:
                if w.lower() in CONNECTORS:
                    continue
                letters += w[0].upper()
                chosen.append(w)
                if len(letters) >= len(code):
                    break
            if letters == code and words[i][0].isupper():
                found.add(tuple(stem(w.lower()) for w in chosen if w.lower() not in GENERIC))
    return next(iter(found)) if len(found) == 1 else None


def expand_aliases(query: Query, docs: list[Document]) -> Query:
    """A question that names a segment by its initials ("Intel CCG revenue") also names it in full: as
    the release defines them ("Client Computing Group (CCG)"), else the one printed name they spell."""
    known: dict[str, tuple[str, ...]] = {}
    for d in docs:
        known.update(aliases(d))
    for code in set(re.findall(r"\b[A-Z]{3,5}\b", query.text)):
        w = stem(code.lower())
        if w in known or w in lexicon().known or code.lower() in lexicon().abbreviations or \
                any(w in vocabulary(d) for d in docs):
            continue
        spelled = {n for d in docs if (n := initials(d, code)) is not None}
        if len(spelled) == 1:
            known[w] = spelled.pop()
    if not known:
        return query
    # a word that is a finance term of its own ("GAAP") keeps its meaning
    usable = {k: v for k, v in known.items() if k not in SOFT_STEMS and k not in lexicon().known}
    terms = tuple(term + tuple(usable[a[0]] for a in term if len(a) == 1 and a[0] in usable)
                  for term in query.terms)
    return replace(query, terms=terms) if terms != query.terms else query


def usable_terms(query: Query, docs: list[Document]) -> tuple[tuple[Term, ...], list[str]]:
    """The question's line-item terms that can name something, and the words dropped: a plain word
    that no release in scope prints and the lexicon does not know ("money", "went") lowers the
    confidence of the answer instead of making the bot refuse. A capitalised name (China) or a
    word of the lexicon is never dropped: a release that does not print it does not answer it."""
    printed = frozenset().union(*(vocabulary(d) for d in docs)) if docs else frozenset()
    known = lexicon().known
    kept: list[Term] = []
    dropped: list[str] = []
    for term in query.terms:
        word = term[0][0] if len(term) == 1 and len(term[0]) == 1 else None
        # "adjusted EPS excluding restructuring": what the adjustment is, the question says in full
        said_out = (ADJUSTED_STEM,) in term and bool(query.excluded)
        word = ADJUSTED_STEM if said_out else word
        if word is not None and word not in printed and (word not in known or said_out) and \
                word not in query.proper:
            dropped.append(word)
        else:
            kept.append(term)
    return tuple(kept), dropped


def matches(term: Term, words: AbstractSet[str]) -> bool:
    """A term is present when every word of one of its alternatives is."""
    return _alternative(term, words) < len(term)


def _alternative(term: Term, words: AbstractSet[str]) -> int:
    """The first of a term's alternatives that the words carry (their number), or how many there are."""
    return next((i for i, alt in enumerate(term) if all(w in words for w in alt)), len(term))


def _dimension(f: Fact) -> set[str]:
    """Words a column heading adds besides its period (a segment such as Americas)."""
    return stems(f.column) - stems("three six nine twelve months ended quarter year fourth first second "
                                   "third full fiscal unaudited as of for the december")


COST_OF_REVENUE = {"cost"}
COST_OF = re.compile(r"\bcosts? of\b", re.I)  # "Cost of sales", not "Operating costs and expenses"
# a measure that takes something out: what "excluding ..." asks for
ADJUSTED = re.compile(r"exclud|adjusted|non-?gaap|\bcore\b|\bex[- ]|before|organic|underlying|comparable",
                      re.I)
COMPARABLE_OR_ORGANIC = re.compile(COMPARABLE + r"|organic", re.I)
ADJUSTED_STEM = stem("adjusted")
# a row that prints the line item above it as a share of revenue ("% of revenue"): it answers only a
# question about that share, never one about revenue
SHARE_ROW = re.compile(r"^\s*(as an? )?(%|percent(age)?|share) (of|to) (total |net )?(revenues?|sales)\b",
                       re.I)


def match_rows(doc: Document, terms: tuple[Term, ...], ignore: set[str] | None = None,
               per_share: bool | None = None, said: AbstractSet[str] = frozenset()) -> list[RowMatch]:
    """Rows whose label and section (or a column's segment) carry every required word of the question,
    best first; ``per_share`` prefers per-share rows (True) or share counts (False); ``said``: stems of
    the question's own words, so that a word that changes the item ("before") counts only unasked."""
    ignore = ignore or set()
    required = [t for t in terms
                if not all(len(a) == 1 and (a[0] in SOFT_STEMS or a[0] in ignore) for a in t)]
    if not required:
        return []
    wanted = {w for t in terms for a in t for w in a}
    out: list[RowMatch] = []
    for row in _rows_of(doc):
        key, facts = row.key, row.facts
        f0 = facts[0]
        # "from continuing operations" unasked: neither the item's words nor words that change it
        unasked_phrase = row.qualifying - wanted
        label_words, section_words, title_words = row.label - unasked_phrase, row.section, row.title
        in_label = sum(1 for t in required if matches(t, label_words))
        here = label_words | section_words | title_words
        if COST_OF_REVENUE & section_words and not (COST_OF_REVENUE & wanted) and COST_OF.search(f0.section):
            continue  # "Cost of sales > Services" is not Services revenue
        missing = [t for t in required if not matches(t, here)]
        if missing:
            # a segment named in the question picks that segment's columns
            picked = [f for f, dim in zip(facts, row.dims, strict=True)
                      if all(matches(t, dim | here) for t in missing)]
            if len(picked) > 1 and in_label:
                # the columns that print the item's own word ("Net Income"), not another way of saying
                # it ("Earnings per share - diluted" beside it), under a label that names some of the item
                # ("Non-GAAP"; a "Total" row is found by its columns alone)
                rank = {id(f): tuple(_alternative(t, row.dim_of[id(f)] | here) for t in missing)
                        for f in picked}
                picked = [f for f in picked if rank[id(f)] == min(rank.values())]
            # a short heading over every column ("Payments Due By Period"), not a note run into them
            common = set.intersection(*row.dims) if row.dims else set()
            if len(common) > 6:
                common = set()
            if not picked or (len(picked) == len(facts) and not all(matches(t, common) for t in missing)):
                continue
            if len(picked) < len(facts):
                facts = picked
                in_label += len(missing)
            # else a word every column's heading carries ("Payments Due By Period") is the table's: found in
            # its context, as a title's word is
        extra = [w for w in label_words if w not in wanted and w not in UNCOUNTED]
        qualifiers = [w for w in extra if w in QUALIFIERS]
        w = WEIGHTS
        score = w.in_label * in_label + (len(required) - in_label) * w.in_context \
            - w.extra_word * (len(extra) - len(qualifiers)) \
            - w.qualifier * (len(qualifiers) + len(unasked_phrase))
        soft = [a[0] for t in terms for a in t if a[0] in SOFT_STEMS]
        score += sum(w.soft_word for s in soft if s in label_words)
        cash_words = {"cash", "flow", "operat", "activity"}
        if re.search(r"cash flow", f0.table_title, re.I) and not (cash_words & wanted):
            score -= w.cash_flow_unasked
        if PRIMARY.search(f0.table_title):
            score += w.primary_table
        secondary = SECONDARY.search(f0.table_title)
        if secondary and not stems(secondary.group(0)) & wanted:
            score -= w.secondary_table  # unless the question asks for it: "segment earnings", "non-GAAP"
        if re.search(r"\bconsolidated\b", f0.table_title, re.I):
            score += w.consolidated
        if f0.column_index < 0:
            score -= w.label_figure
        dim_of = row.dim_of
        dims = {" ".join(sorted(dim_of[id(f)])) for f in facts}
        if len(dims) > 1:
            totals = [f for f in facts if dim_of[id(f)] & lexicon().whole]
            if totals and not missing:
                facts = totals
            elif not missing:
                score -= w.mixed_dimensions
        units = {f.unit for f in facts}
        if per_share is True:
            if any("/" in u for u in units):
                score += w.per_share
            elif "shares" in units:
                score -= w.per_share
        elif per_share is False and "shares" in units:
            score += w.per_share
        unasked = len(extra) - len(qualifiers)
        changing = [x for x in extra if x in lexicon().modifiers and x not in said]
        score -= w.modifier_word * len(changing)  # "Loss before income taxes" is not the income taxes asked
        confidence = (in_label + w.context_confidence * (len(required) - in_label)) / len(required) \
            - min(w.extra_confidence * unasked, 0.3) - w.modifier_confidence * len(changing)
        out.append(RowMatch(doc, f0.label, f0.section, f0.table_title, f0.line, facts, score, key, extra,
                            max(0.0, min(1.0, confidence))))
    out.sort(key=lambda m: (-m.score, m.line))
    return out


def current_period(doc: Document) -> Period | None:
    return doc.metadata.period


def to_date_months(doc: Document) -> int | None:
    """How long the release's fiscal year has run at its period's end ("year to date"): three months a
    quarter by its fiscal label, else its longest column to that date."""
    cur = current_period(doc)
    fq = fiscal_quarter(doc.metadata)
    if fq is not None:
        return fq[0] * 3
    if cur is None:
        return None
    lengths = [c.period.months for t in doc.tables for c in t.columns
               if c.period is not None and 0 < c.period.months <= 12 and near(c.period.end, cur.end)]
    return max(lengths, default=None)


def resolve_to_date(doc: Document, spec: PeriodSpec) -> PeriodSpec:
    """A "year to date" period with this release's length."""
    return replace(spec, months=to_date_months(doc), to_date=False) if spec.to_date else spec


def target_end(doc: Document, spec: PeriodSpec) -> tuple[date | None, int | None]:
    """The end date and months a period spec points at in this release."""
    cur = current_period(doc)
    if spec.relative == "explicit":
        if spec.end is not None:
            return spec.end, spec.months
        if spec.fiscal is not None:
            q, y = spec.fiscal
            fq = fiscal_quarter(doc.metadata)
            if fq and cur is not None:
                return fiscal_quarter_end(cur.end, fq, q, y), spec.months or 3
            return calendar_quarter_end(q, y), spec.months or 3
        if spec.fiscal_year is not None:
            fq = fiscal_quarter(doc.metadata)
            if fq and cur is not None and spec.months in (6, 9):
                # "the first half of fiscal 2025": year to date at the end of its second quarter
                return fiscal_quarter_end(cur.end, fq, spec.months // 3, spec.fiscal_year), spec.months
            length = None if spec.instant else spec.months or 12
            if fq and cur is not None:
                return fiscal_year_end(cur.end, fq, spec.fiscal_year), length
            return None, length
        if spec.calendar_year is not None:
            return None, spec.months
    if cur is None:
        return None, spec.months
    if spec.relative == "prior_year":
        return add_months(cur.end, -12), spec.months
    if spec.relative == "prior_quarter":
        return add_months(cur.end, -3), spec.months
    fq = fiscal_quarter(doc.metadata)
    if spec.quarter is not None and fq is not None and fq[0] != spec.quarter:
        return None, spec.months  # "in Q4" of a release about its second quarter
    return cur.end, spec.months


def _change_column(f: Fact) -> bool:
    """A figure of a column of changes ("% Change", "Inc/(Dec) Excluding Currency Translation")."""
    return bool(CHANGE.search(f.column) or NEUTRAL_PRINTED.search(f.column))


def _table_lengths(doc: Document, table: str) -> set[int]:
    """The lengths in months of a table's dated columns."""
    return {c.period.months for t in doc.tables if t.id == table for c in t.columns
            if c.period is not None and c.period.months}


def pick_fact(doc: Document, facts: list[Fact], spec: PeriodSpec) -> Fact | None:
    """The fact of a row for the period asked; the current period when none is named."""
    dated = [f for f in facts if f.period is not None]
    year = spec.calendar_year if spec.calendar_year is not None else spec.fiscal_year
    if not dated:
        # a table without dated columns speaks of the release's own period, at best
        cur = current_period(doc)
        end, months = target_end(doc, spec)
        if spec.months:
            # a change column under "Year ended ..." is the year's, under "Fourth quarter ..." the quarter's;
            # one without a length of its own is of the length of its table's dated columns; a length asked
            # ("the fourth quarter") is never answered from a table that prints none
            lengths = [f for f in facts if duration_months(f.column) == spec.months]
            table_lengths = {t: _table_lengths(doc, t) for t in {f.table for f in facts}}
            facts = lengths or [f for f in facts if duration_months(f.column) is None
                                and spec.months in (table_lengths[f.table] or {spec.months})
                                and (_change_column(f) or table_lengths[f.table])]
        if spec.relative == "current" or (cur is not None and spec.calendar_year is not None
                                          and spec.calendar_year == cur.end.year):
            return facts[0] if facts else None
        # a change column ("Inc/(Dec) Excluding Currency Translation") is the release's own period's
        # comparable sales are changes too
        changes = [f for f in facts if _change_column(f)
                   or COMPARABLE_OR_ORGANIC.search(f"{f.label} {f.table_title}")]
        own = cur is not None and end is not None and near(end, cur.end) and months in (None, cur.months)
        return changes[0] if changes and own else None
    end, months = target_end(doc, spec)
    if year is not None and end is None:
        pool = [f for f in dated if f.period and f.period.end.year == year]
        if spec.instant:
            pool = [f for f in pool if f.period and f.period.months == 0] or pool
            return max(pool, key=lambda f: f.period.end if f.period else date.min) if pool else None
        if months:
            # a length the question names ("full-year 2022") is never another length's figure; a balance
            # asked for a year ("cash in 2024") is the balance at its end
            exact = [f for f in pool if f.period and f.period.months == months]
            balances = [f for f in pool if f.period and f.period.months == 0]
            pool = exact or ([max(balances, key=lambda f: f.period.end if f.period else date.min)]
                             if balances else [] if spec.length_said else pool)
        return max(pool, key=lambda f: f.period.months if f.period else 0) if pool else None
    if end is None:
        return None
    pool = [f for f in dated if f.period and near(f.period.end, end)]
    if not pool:
        return None
    if spec.instant and months is None:
        instants = [f for f in pool if f.period and f.period.months == 0]
        if instants:
            return instants[0]
    if months is not None:
        exact = [f for f in pool if f.period and f.period.months == months]
        if exact:
            return exact[0]
        instants = [f for f in pool if f.period and f.period.months == 0]
        # a balance asked for a quarter or a year ("total assets in fiscal 2007") is the balance at its end,
        # unless the question names a length ("full-year")
        if instants and (months in (3, None) or not spec.length_said):
            return instants[0]
        if spec.relative != "current" or spec.months is not None:
            # a length the question names ("the quarter", "six months") is never another length's figure
            return None
    cur = current_period(doc)
    want = cur.months if cur else 3
    # no length asked and nothing in the quarter ("Gain on the Juice Transaction: — | 3,321"): the period
    # in which it happened
    pool = [f for f in pool if f.value] or pool
    return min(pool, key=lambda f: (abs((f.period.months if f.period else 0) - want)
                                    if (f.period and f.period.months) else 0.5, f.column_index))


def comparative(doc: Document, facts: list[Fact], fact: Fact, spec: PeriodSpec | None = None) -> Fact | None:
    """The figure a change is measured against: a year earlier for a duration, the other balance-sheet
    date for an instant (or the prior quarter when asked)."""
    if fact.period is None:
        return None
    p = fact.period
    others = [f for f in facts if f.period and f is not fact and f.column_index != fact.column_index]
    if spec is not None and spec.relative == "explicit" and spec.end is not None and spec.end < p.end:
        # the date the question compares with
        named = [f for f in others if f.period and near(f.period.end, spec.end)
                 and f.period.months == p.months]
        return named[0] if named else None
    if spec is not None and spec.relative == "prior_year" and not p.months:
        # a balance "vs a year ago": the balance a year earlier, not the fiscal year's end
        end = add_months(p.end, -12)
        hit = [f for f in others if f.period and near(f.period.end, end) and not f.period.months]
        return hit[0] if hit else None
    if spec is not None and spec.relative == "prior_quarter":
        end = add_months(p.end, -3)
        hit = [f for f in others if f.period and near(f.period.end, end) and f.period.months == p.months]
        return hit[0] if hit else None
    if p.months:
        end = add_months(p.end, -12)
        hit = [f for f in others if f.period and near(f.period.end, end) and f.period.months == p.months]
        return hit[0] if hit else None
    earlier = [f for f in others if f.period and f.period.months == 0 and f.period.end < p.end]
    return max(earlier, key=lambda f: f.period.end if f.period else date.min) if earlier else None


def find_named(doc: Document, words: str, ignore: set[str] | None = None,
               extra: tuple[Term, ...] = (), table: str = "", avoid: tuple[str, int, str] | None = None,
               period: PeriodSpec | None = None) -> RowMatch | None:
    """The best row for a fixed phrase such as ``total current assets`` (synonyms apply), with any
    other words the question adds (a segment, ``non-GAAP``); of ``table`` first, when it has one; never
    the row ``avoid`` (the other part of a ratio); with ``period``, one that has a figure for it first."""
    said = stems(words)
    rows = [r for r in match_rows(doc, content_terms(words) + extra, ignore, said=said) if r.key != avoid]
    if table:  # a row of that table that the phrase names in full, before any other
        rows.sort(key=lambda r: bool(set(r.extra) - said) or not any(f.table == table for f in r.facts))
    # amounts first: a row that prints its percentage of sales beside each amount keeps its amounts
    amounts = [replace(r, facts=[f for f in r.facts if f.unit != "percent"]) for r in rows
               if any(f.unit != "percent" for f in r.facts)]
    rows = amounts or rows
    if period is not None:  # a row with a figure for the period asked before one without
        rows.sort(key=lambda r: pick_fact(doc, r.facts, period) is None)
    return rows[0] if rows else None


def asks_per_share(text: str) -> bool | None:
    """True when a question asks for a per-share figure, False for a share count, None otherwise."""
    if re.search(r"\b(how many|number of)\b[^?]*\bshares\b|\bshares (used|outstanding)\b|"
                 r"\bweighted[- ]average (number of )?(common |basic |diluted )?shares\b", text, re.I):
        return False  # "the weighted average shares used to calculate net loss per share": a count
    if re.search(r"\b(per|each|every)[- ](common |diluted |basic )?(share|ads)\b|\ba share\b|\beps\b|"
                 r"earnings per", text, re.I) or any(
            c.per_share for c in lexicon().concepts_in(text)):
        return True
    if re.search(r"\bshares\b|\bshare count\b", text, re.I):
        return False
    return None


def asks_count(text: str) -> bool:
    """Whether a question names a counted concept (a headcount, a number of stores), never an amount."""
    return any(c.counted for c in lexicon().concepts_in(lexicon().spell_out(text)))


# a percentage asked for in so many words
# a percentage asked, however worded: "what portion of", "the ratio of A to B", "percentual decrease"
# (not "the current portion of long-term debt", an amount)
PERCENT_ASKED = re.compile(r"%|\bpercent(age|ual)?\b|\brate\b|\bratio of\b|"
                           r"\b(what|which|the) (portion|proportion|fraction)\b", re.I)


def unit_fits(q: Query, unit: str) -> bool:
    """Whether a figure's unit is the kind asked: a per-share amount for EPS, a count for shares, a
    percentage for a percentage (money for "how many" is refused before this, in ``_compose``)."""
    rate = re.search(r"%|\bpercent(age)?\b|\bmargin\b|\brate\b", q.text, re.I)
    if q.kind == QueryKind.VALUE and PERCENT_ASKED.search(q.text) and \
            unit not in ("percent", "ratio"):
        return False  # a percentage asked, an amount given
    # "net debt to capitalization", "ROA": percentages by their names
    if q.kind == QueryKind.VALUE and not rate and unit == "percent" and not re.search(
            r"\b(growth|change|grow|increase|decrease|margin|comparable|comp|ratio|yield|return on)\b|"
            r"\b(debt|liabilities|assets|equity) to\b", lexicon().spell_out(q.text), re.I):
        return False  # an amount asked, a percentage given
    if is_money(unit) and asks_count(q.text):
        return False  # a headcount or a number of stores asked, an amount given
    per_share = asks_per_share(q.text)
    if per_share is True:
        return "/" in unit
    if per_share is False:
        return unit == "shares"
    return True


def best_row(query: Query, docs: list[Document], ignore: set[str],
             retrieval: dict[tuple[str, int], float]) -> tuple[Document, RowMatch] | None:
    """The row that best answers a value, change or share question, over the releases in scope:
    its words' fit (``match_rows``), plus its retrieval score, a loss label when a loss is asked,
    and whether it has a figure for the period asked."""
    ranked = rank_rows(query, docs, ignore, retrieval)
    return (ranked[0][1], ranked[0][2]) if ranked else None


def rival_row(query: Query, ranked: list[tuple[float, Document, RowMatch]]) -> RowMatch | None:
    """Another row that fits the question about as well as the best one (a different line item with
    a figure for the period, scoring within ``WEIGHTS.tie`` of it): the answer is then not sure."""
    if len(ranked) < 2:
        return None
    (top, d, best), (score, d2, other) = ranked[0], ranked[1]
    same_item = best.label.lower() in other.label.lower() or other.label.lower() in best.label.lower()
    if same_item and best.table_title == other.table_title and best.section != other.section:
        same_item = False  # "Term debt" under current and under non-current liabilities: two items
    if top - score > WEIGHTS.tie or same_item or d2 is not d:
        return None
    theirs, ours = pick_fact(d, other.facts, query.period), pick_fact(d, best.facts, query.period)
    if theirs is None or (ours is not None and close(theirs.value, ours.value)):
        return None  # no figure for the period, or the same figure printed twice
    if ours is not None and (ours.unit == "percent") != (theirs.unit == "percent"):
        return None  # another kind of figure: an amount does not compete with a growth rate
    if best.facts and other.facts and {f.value for f in best.facts} == {f.value for f in other.facts}:
        return None  # the same figures printed twice
    return other


def _adjusted_fit(query: Query, m: RowMatch) -> RowMatch:
    """A question that sets something aside ("excluding gas prices and FX") takes a row's adjusted
    columns ("Adjusted*") when it has both."""
    if not query.excluded:
        return m
    adjusted = [f for f in m.facts if ADJUSTED.search(f.column)]
    return replace(m, facts=adjusted) if adjusted and len(adjusted) < len(m.facts) else m


def _neutral_fit(query: Query, m: RowMatch) -> RowMatch | None:
    """A row's figures as the question asks them: in constant currency (the row, its section or table
    says so, or only its columns that say so), or as reported (never a constant-currency column)."""
    if NEUTRAL_PRINTED.search(f"{m.label} {m.section} {m.table_title}"):
        return m if query.neutral else None
    neutral = [f for f in m.facts if NEUTRAL_PRINTED.search(f.column)]
    if query.neutral:
        return replace(m, facts=neutral) if neutral else None
    if neutral and len(neutral) < len(m.facts):
        return replace(m, facts=[f for f in m.facts if f not in neutral])
    return None if neutral else m


def fitting_rows(query: Query, doc: Document, ignore: set[str]) -> list[RowMatch]:
    """The rows of a release that carry the question's words, as the question asks them (in constant
    currency or as reported, adjusted or not), best matched first."""
    rows = [m for m in match_rows(doc, query.terms, ignore, per_share=asks_per_share(query.text),
                                  said=stems(query.text))
            if not (query.excluded & stems(NET_OF.sub("", m.label)))  # the row takes it out too
            and not (SHARE_ROW.match(m.label) and query.kind != QueryKind.SHARE_OF_REVENUE)
            and not (query.kind == QueryKind.SHARE_OF_REVENUE and CHANGE.search(m.label))]
    return [_adjusted_fit(query, n) for n in (_neutral_fit(query, m) for m in rows) if n is not None]


# a row that is itself a change ("Net change in cash", "Increase (decrease) in ...")
ROW_IS_CHANGE = re.compile(r"\s*(net )?(change|increase|decrease)s?( \((increase|decrease)\))? in\b", re.I)
# a row whose figures are movements of a balance: such a row, or a working-capital line of a cash-flow
# statement ("Changes in operating assets and liabilities > Inventories")
MOVEMENT = re.compile(r"\b(changes?|increases?|decreases?)\b[^>]{0,40}\b(assets|liabilities|working capital)"
                      r"\b|(^|> )" + ROW_IS_CHANGE.pattern, re.I)


def rank_rows(query: Query, docs: list[Document], ignore: set[str],
              retrieval: dict[tuple[str, int], float]) -> list[tuple[float, Document, RowMatch]]:
    """Candidate rows with their scores, best first."""
    w = WEIGHTS
    out: list[tuple[float, Document, RowMatch]] = []
    # a change between two dates ("from Jan 31 to Apr 30, 2023") is a change of a balance
    instant = query.period.instant or (query.kind.is_change and not query.period.months
                                       and len(dates_asked(query.text)) >= 2)
    for d in docs:
        for m in fitting_rows(query, d, ignore)[:10]:
            bonus = retrieval.get((d.name, m.line), 0.0) * w.retrieval
            if query.wants_loss and re.search(r"\bloss\b", m.label, re.I):
                bonus += w.loss_label
            picked = pick_fact(d, m.facts, query.period)
            # its figure for the period, or (none for it) every figure it has, not of the kind asked
            units = {picked.unit} if picked is not None else {f.unit for f in m.facts}
            if units and not any(unit_fits(query, u) for u in units):
                bonus -= w.wrong_unit
            if COMPARABLE_OR_ORGANIC.search(m.label) and not COMPARABLE_OR_ORGANIC.search(query.text):
                bonus -= w.wrong_unit  # comparable (same-store) sales are not the revenue asked
            if BEFORE_ELIMINATION.search(m.label) and not BEFORE_ELIMINATION.search(query.text):
                # "Total segment net sales" counts sales between segments; the segment's sales are those
                # to external customers, which add up to the company's
                bonus -= w.intersegment
            elif stem("intersegment") in query.excluded and BEFORE_ELIMINATION.search(m.label):
                bonus += w.intersegment  # asked before eliminations: the total that still counts them
            if query.kind.is_change and MOVEMENT.search(f"{m.section} > {m.label}"):
                # the change of a balance, not the change of its movement ("Changes in operating assets")
                bonus -= w.movement
            if picked is not None:
                bonus += w.has_period
                if query.kind == QueryKind.SHARE_OF_REVENUE and picked.unit == "percent":
                    bonus += w.share_printed
                if instant and picked.period:
                    # a date asked: a balance at that date fits, a flow over a period ending then does not
                    bonus += w.instant_asked if picked.period.months == 0 else -w.instant_asked
            out.append((m.score + bonus, d, m))
    out.sort(key=lambda x: -x[0])
    return out
