"""Understanding a question: what is asked (value, change, ratio, narrative), of which line item,
for which period, and about which release."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from bot.answer.lexicon import lexicon
from index.reader.numbers import currency_asked
from index.reader.periods import (
    DATE_RE,
    DURATION_RE,
    MONTH_YEAR_RE,
    ORDINAL_WORDS,
    ORDINALS,
    SLASH_DATE_RE,
    duration_months,
    find_dates,
    full_year,
    month_end,
    quarters_named,
)
from index.reader.periods import MONTHS as MONTH_NAMES
from index.reader.words import join_prefixes, spell_us, stem

NARRATIVE_KINDS = ("why", "when", "where", "who", "how")


class QueryKind(StrEnum):
    """What a question asks for."""

    VALUE = "value"
    CHANGE = "change"
    PERCENT_CHANGE = "percent_change"
    RATIO = "ratio"
    SHARE_OF_REVENUE = "share_of_revenue"
    NARRATIVE = "narrative"

    @property
    def is_change(self) -> bool:
        return self in (QueryKind.CHANGE, QueryKind.PERCENT_CHANGE)

SOFT = lexicon().soft  # line-item words that rank rows but are not required
CHANGE_RE = re.compile(
    r"\b(how much did .* (change|increase|decrease|decline|grow|fall|rise|drop|improve|worsen|burn|shrink|"
    r"widen|narrow|move|jump|climb|slip|slide|swing|go up|go down)|how much (bigger|smaller|larger|higher|"
    r"lower|more|less)|"
    r"(cash|money) (did .* )?burn|burn(ed|t)? (through )?(cash|money)|"
    r"by how much|by what amount|how much .* (go|went|gone) through|"
    r"change (in|of|from)|(increase|decrease|decline|growth|drop) (in|of)|"
    r"compare[sd]? (with|to)|versus|vs\.?|how does (that|it) compare)\b", re.I)
# a change asked as a noun on its own: "revenue growth", "EPS growth in constant currencies"; growth
# is a rate
GROWTH_RE = re.compile(r"\b(growth|grow|grew)\b", re.I)
AMOUNT_ASKED = re.compile(r"\bhow much\b|\bwhat amount\b|\bin dollars\b", re.I)
PERCENT_RE = re.compile(r"\b(by what percent(age)?|what percent(age)? (change|increase|decrease|growth)|"
                        r"percent(age)? change|growth rate|how many percent|in percent(age)? terms|"
                        r"by how many percent|in (%|percent(age)?\b))|%\s*change|"
                        r"\b(change|growth|increase|decrease|decline)\s*(%|percent(age)?\b)", re.I)
# sales of the stores open a year or more: a rate of change whatever words ask for it
COMPARABLE = r"comparable|\bcomps?\b|same[- ]store|like[- ]for[- ]like"
COMPARABLE_RE = re.compile(COMPARABLE, re.I)
# a row that is itself a change: its figure answers "how much did comparable sales grow"
CHANGE_MEASURE = re.compile(COMPARABLE + r"|growth|% ?change|inc\w*\W+\(?dec|\bchange\b", re.I)
SHARE_OF_REVENUE_RE = re.compile(r"(\bas a (percent(age)?|share|proportion) of|%\s*of|\bpercent(age)? of|"
                                 r"\bshare of|\brelative to|\bin proportion to) "
                                 r"(its |their |the company's |the )?([a-z]+ )?(net |total )?"
                                 r"(revenue|sales)s?\b", re.I)
RATIOS = {
    "working capital": re.compile(r"\bworking capital\b", re.I),
    "current ratio": re.compile(r"\bcurrent ratio\b", re.I),
    "quick ratio": re.compile(r"\bquick ratio\b", re.I),
    "gross margin": re.compile(r"\bgross (profit )?margin\b", re.I),
    "operating margin": re.compile(r"\boperating (profit )?margin\b", re.I),
    "net margin": re.compile(r"\bnet (profit |income |loss |earnings )?margin\b", re.I),
    "effective tax rate": re.compile(r"\b(effective )?tax rate\b", re.I),
    "net debt to equity": re.compile(r"\bnet debt[- ]to[- ]equity\b", re.I),
    "debt to equity": re.compile(r"(?<!net )\bdebt[- ]to[- ]equity\b", re.I),
    "net debt": re.compile(r"\bnet debt\b(?![- ]to)", re.I),
    "total debt": re.compile(
        r"\btotal (debt|borrowings)\b|\ball (of (its|the company's) )?(debt|borrowings)\b", re.I),
    "total liabilities": re.compile(r"\btotal (of )?(all )?(the |its )?liabilities\b(?! and)", re.I),
    # any other margin ("adjusted EBITDA margin", "free cash flow margin") is that item over revenue
    "margin": re.compile(r"\bmargin\b", re.I),
}
PRIOR_YEAR_RE = re.compile(
    r"\b(a year (earlier|ago|before)|last year|prior[- ]year|previous year|year[- ]ago|"
    r"same (period|quarter) (of |in )?(the )?(last|prior|previous) year|year[- ]over[- ]year|"
    r"the year before|a year prior)\b", re.I)
PRIOR_QUARTER_RE = re.compile(
    r"\b(prior|previous|preceding|sequential(ly)?) quarter\b|\bquarter[- ]over[- ]quarter\b|"
    r"\bsequential(ly)?\b|\ba quarter (earlier|ago|before)\b", re.I)
DURING_RE = re.compile(r"\b(during|over|in) the (quarter|period|year|half)\b", re.I)
FISCAL_Q_RE = re.compile(
    r"\b(" + ORDINAL_WORDS + r") quarter(?: of)?(?: (fiscal|fy)(?: year)?)? "
    r"'?(\d{4}|\d{2})\b|\bq([1-4])\s*(?:of\s*)?(fy|fiscal)?\s*'?(\d{4}|\d{2})\b|\b([1-4])q\s*'?(\d{2}|\d{4})\b",
    re.I)
FULL_YEAR_RE = re.compile(
    r"\b(full[- ]year|fiscal year|for the year|annual|twelve months|12 months|whole year|"
    r"fy(?!\s*'?\d))\b", re.I)
REVERSED_FQ_RE = re.compile(
    r"\b(?:fiscal|fy) ?'?(\d{4}|\d{2})(?:'s)? (" + ORDINAL_WORDS + r") quarter\b", re.I)
HALF_RE = re.compile(r"\b(six months|first half|half[- ]year|6 months|year to date|ytd|1h|h1)\b", re.I)
# a change asked with a noun: "revenue growth year over year", "the improvement in EPS"
CHANGE_NOUN_RE = re.compile(r"\b(growth|increase|decrease|decline|improvement|change|drop|rise|swing)\b",
                            re.I)
OVER_RE = re.compile(r"\b(year[- ]over[- ]year|quarter[- ]over[- ]quarter|sequentially)\s*\??\s*$", re.I)
COMPARISON_RE = re.compile(r"\b(year[- ]over[- ]year|quarter[- ]over[- ]quarter|sequential(ly)?|"
                           r"from (a year|the prior|the previous|last)|compared|versus|vs\.?|"
                           r"than (a year|last|the))\b", re.I)
NARRATIVE_RE = re.compile(r"^\s*(why|when|where|who|how come|what (caused|drove|explains|made|factors|"
                          r"led to|was behind|is behind)|explain|reasons?\b|drivers?\b|"
                          r"what were the (reasons|drivers)|what accounted for|what is the reason)", re.I)


@dataclass(frozen=True)
class PeriodSpec:
    """Which period a question asks about."""

    relative: str = "current"  # current, prior_year, prior_quarter, explicit
    end: date | None = None
    months: int | None = None
    fiscal: tuple[int, int] | None = None  # (quarter, year)
    fiscal_is_fy: bool = False
    calendar_year: int | None = None
    instant: bool = False
    fiscal_year: int | None = None
    quarter: int | None = None  # a quarter named without its year ("in Q2")
    # the length was said in words ("full-year", "six months", "Q3"), not inferred from a year alone
    length_said: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class Query:
    """A question understood: its kind, the line-item words, the period and the release hints."""

    text: str
    kind: QueryKind
    terms: tuple[Term, ...]
    ratio: str | None = None
    narrative: str | None = None
    period: PeriodSpec = field(default_factory=PeriodSpec)
    during: bool = False
    has_metric: bool = True
    wants_loss: bool = False
    wants_profit: bool = False
    currency: str | None = None  # the currency the figure is asked in ("in US dollars")
    proper: frozenset[str] = frozenset()  # stems of capitalised words inside the question (China, Europe)
    excluded: frozenset[str] = frozenset()  # stems of what the question sets aside ("prior to eliminations")
    neutral: bool = False  # asked in constant currency (FX-neutral, excluding currency translation)

    def with_context(self, previous: Query | None) -> Query:
        """Resolve a follow-up against the question before it."""
        if previous is None:
            return self
        q = self
        if not self.has_metric and previous.has_metric:
            kind = self.kind if self.kind != QueryKind.VALUE else previous.kind
            if self.kind == QueryKind.VALUE and self.period.relative == "current" and \
                    previous.kind != QueryKind.VALUE:
                kind = previous.kind
            q = replace(q, terms=previous.terms, ratio=previous.ratio, kind=kind,
                        narrative=self.narrative or previous.narrative, has_metric=True,
                        wants_loss=previous.wants_loss,
                        wants_profit=previous.wants_profit)
            if kind.is_change and self.period.relative != "current":
                q = replace(q, period=PeriodSpec())
        if self.period.relative == "current" and self.period.end is None and not _names_period(self.text):
            if self.has_metric and previous.period.relative != "current" and \
                    self.kind == QueryKind.VALUE and FOLLOW_RE.match(self.text):
                q = replace(q, period=previous.period)
        return q


FOLLOW_RE = re.compile(r"^\s*(and|what about|how about|and what about|same for|now)\b", re.I)


def _names_period(text: str) -> bool:
    return bool(DATE_RE.search(text) or PRIOR_YEAR_RE.search(text) or PRIOR_QUARTER_RE.search(text)
                or FISCAL_Q_RE.search(text) or FULL_YEAR_RE.search(text) or HALF_RE.search(text))


Term = tuple[tuple[str, ...], ...]  # alternatives, each a phrase of stemmed words


# verbs that name a concept only when the question names no other ("how much did it earn?" asks for
# income; "how much revenue did it earn?" asks for revenue)
VERB_CUES = {"earn", "earned", "earns", "made", "make", "makes", "lose", "lost", "loses", "take in",
             "took in", "bring in", "brought in"}


MONTH_STEMS = {stem(m) for m in MONTH_NAMES}
CURRENCY_ASKED = re.compile(
    r"\b(?:in|as|into) (?:the )?(?:NT|New Taiwan|U\.?S\.?|US|Canadian|Australian|Hong Kong|Singapore)?\s*"
    r"(?:\$|dollars?|euros?|yen|pounds?( sterling)?|yuan|renminbi|francs?|won|rupees?)(?=\W|$)", re.I)


def content_terms(text: str) -> tuple[Term, ...]:
    """The line-item words of a question, as groups of alternatives (any one may match): a concept of
    the lexicon stands for the words its releases print; any other word stands for itself."""
    lex = lexicon()
    text = CURRENCY_ASKED.sub(" ", text)  # "in NT dollars" says the unit, not the line item
    t = join_prefixes(spell_us(lex.spell_out(text))).lower().replace("’", "'")
    t = MONTH_YEAR_RE.sub(" ", SLASH_DATE_RE.sub(" ", DATE_RE.sub(" ", QUARTER_MONTH_RE.sub(" quarter ", t))))
    groups: list[Term] = []
    cued: list[Term] = []  # concepts named only by a verb ("did it earn"), kept when nothing else is named
    for pattern, concept in lex.phrases:
        m = pattern.search(t)
        if m:
            (cued if m.group(0).strip() in VERB_CUES else groups).append(concept.alternatives)
            t = pattern.sub(" ", t)
    t = re.sub(r"\b\d[\d,./]*\b", " ", t)
    # capitalised words name a company or a segment, not the line item a verb may stand for
    names = {stem(w.lower().rstrip("'’s")) for w in re.findall(r"\b[A-Z][\w'’&-]*", text)}
    plain: list[Term] = []
    for w in re.findall(r"[a-z&']+", t):
        w = w.strip("'")
        if w.endswith("'s"):
            w = w[:-2]
        if w and w not in lex.filler and len(w) > 1:
            plain.append(((stem(w),),))
    items = groups + [p for p in plain if p[0][0] not in names and p[0][0] not in MONTH_STEMS]
    groups += [c for c in cued if not items]
    return tuple(dict.fromkeys(groups + plain))


# "the June quarter (of 2026)": the quarter ending in that month, as analysts name fiscal quarters
QUARTER_MONTH_RE = re.compile(
    r"\b(january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)[\s-]+quarter\b(?:\s*(?:of|in)?\s*((?:19|20)\d\d)\b)?",
    re.I)


def _quarter_month(m: re.Match[str]) -> str:
    if not m.group(2):
        return "quarter"
    year, month = int(m.group(2)), MONTH_NAMES[m.group(1).lower()]
    return f"quarter ended {calendar.month_name[month]} {calendar.monthrange(year, month)[1]}, {year}"


def normalise_period_words(text: str) -> str:
    """Period phrases in one spelling: ``first-quarter`` → ``first quarter``, ``fiscal Q3 2024`` and
    ``FY24 Q3`` → ``Q3 fiscal 2024`` / ``Q3 FY24``, ``3Q FY24`` → ``Q3 FY24``."""
    t = re.sub(r"(?<=[a-z])-(?=(quarters?|months?|weeks?|years?|half|end)\b)", " ", text, flags=re.I)
    t = QUARTER_MONTH_RE.sub(_quarter_month, t)
    t = re.sub(r"\b(?:its|the|their) ((?:19|20)\d\d) fiscal year\b", r"fiscal \1", t, flags=re.I)
    # "the last quarter of 2024" is its fourth quarter; "last quarter" alone is the latest reported
    t = re.sub(r"\blast quarter of\b", "fourth quarter of", t, flags=re.I)
    t = re.sub(r"\b(fiscal|fy)\s*(?:year\s*)?q([1-4])\s*'?(\d{4}|\d{2})\b", r"Q\2 \1 \3", t, flags=re.I)
    t = re.sub(r"\bfy\s*'?(\d{4}|\d{2})\s*q([1-4])\b", r"Q\2 FY\1", t, flags=re.I)
    return re.sub(r"\b([1-4])q\s*(fy|fiscal)\s*'?(\d{4}|\d{2})\b", r"Q\1 \2 \3", t, flags=re.I)


COMPARED_RE = re.compile(r"\b(compared|versus|vs\.?|against|from|relative to)\b", re.I)


AT_END_RE = re.compile(r"\b(at|as of|by) (the )?(end|close) of\b|\b(at|as of) (the )?year[- ]end\b|"
                       r"\b(ye|fye)\b|\bwhen (fiscal )?(19|20)\d\d (ended|closed)\b|"
                       r"\b(19|20)\d\d year[- ]end\b", re.I)


def parse_period(text: str) -> PeriodSpec:
    """The period a question names, relative or explicit."""
    text = normalise_period_words(lexicon().spell_out(text))
    months = None
    d = DURATION_RE.search(text)
    if d:
        months = duration_months(d.group(0))  # "six months", "39 weeks", "thirteen-week"
    elif HALF_RE.search(text):
        months = 6
    elif FULL_YEAR_RE.search(text):
        months = 12
    elif re.search(r"\bquarter(ly)?\b|\bq[1-4]\b|\b[1-4]q\b", text, re.I):
        months = 3
    dates = find_dates(text)
    # two dates in a comparison: the later one is the period asked, the earlier its comparative
    end = (max(dates) if COMPARED_RE.search(text) else dates[-1]) if dates else month_end(text)
    instant = months is None and bool(re.search(
        r"\b(at|as of|on|end of|balance|outstanding|held|when)\b", text, re.I))
    if end is not None:
        return PeriodSpec("explicit", end=end, months=months, instant=instant)
    r = REVERSED_FQ_RE.search(text)
    if r:
        year = full_year(r.group(1))
        quarter = ORDINALS[r.group(2).lower()]
        return PeriodSpec("explicit", months=3, fiscal=(quarter, year), fiscal_is_fy=True)
    f = FISCAL_Q_RE.search(text)
    if f:
        if f.group(1):
            q, y, fy = ORDINALS[f.group(1).lower()], f.group(3), bool(f.group(2))
        elif f.group(4):
            q, y, fy = int(f.group(4)), f.group(6), bool(f.group(5))
        else:
            q, y, fy = int(f.group(7)), f.group(8), False
        year = full_year(y)
        return PeriodSpec("explicit", months=3, fiscal=(q, year), fiscal_is_fy=fy)
    if PRIOR_YEAR_RE.search(text):
        return PeriodSpec("prior_year", months=months)
    if PRIOR_QUARTER_RE.search(text):
        return PeriodSpec("prior_quarter", months=months)
    fiscal = re.search(r"\b(?:fiscal(?: year)?|fy) ?'?((?:19|20)\d\d|\d\d)\b", text, re.I)
    if fiscal:
        year = full_year(fiscal.group(1))
        return PeriodSpec("explicit", months=months or 12, fiscal_year=year, length_said=months is not None)
    # "in 2024", "full year 2023", or a year on its own ("ASE packaging revenue 2024")
    y = (re.search(r"\b(?:in|for|during|of|full[- ]year|calendar(?: year)?) ((?:19|20)\d\d)\b", text, re.I)
         or re.search(r"(?<![\w,./-])((?:19|20)\d\d)(?![\w./-])", text))
    if y:
        if AT_END_RE.search(text):  # "at the end of 2022": the balance at the year's end
            return PeriodSpec("explicit", calendar_year=int(y.group(1)), instant=True)
        return PeriodSpec("explicit", months=months or 12, calendar_year=int(y.group(1)),
                          length_said=months is not None)
    # "in Q2", "the fourth quarter": a quarter without a year is the release's own, if it is that one
    named = quarters_named(text)
    return PeriodSpec("current", months=months, instant=instant, quarter=named[0] if named else None)


CHANGE_WORDS = {((stem(w),),) for w in ("growth", "increase", "decrease", "decline", "improvement", "change",
                                       "drop", "rise", "swing", "shrink", "widen", "bigger", "smaller")}


# words a question sets aside: "prior to elimination of intersegment sales", "excluding acquisitions"
EXCLUDED_RE = re.compile(r"\b(?:prior to|excluding|exclusive of|other than|before (?:the )?eliminations? "
                         r"of)\s+((?:[a-z&-]+\s?){1,4})", re.I)


# a figure with the effect of exchange rates taken out, as asked ...
NEUTRAL_ASKED = re.compile(
    r"\b(in |on an? |at )?constant[- ]currenc(y|ies)( basis)?\b|\b(on an? )?(fx|foreign[- ]exchange|currency)"
    r"[- ]neutral( basis)?\b|\b(excluding|ex|excl\.?|before|net of|adjusted for) (the )?"
    r"((impact|effect)s? of )?(foreign )?(currency|fx|exchange)"
    r"( rates?| translation| movements?| changes?)?\b", re.I)
# ... and as releases print it: only such a source answers, and it answers nothing else
NEUTRAL_PRINTED = re.compile(r"constant[- ]currenc|neutral basis|\b(fx|currency|exchange)\)?[- ]neutral|"
                             r"excluding (foreign )?currency|currency translation|\bex[- ]fx\b", re.I)


DEFINITION_RE = re.compile(r"\([^)]*\)|,?\s*\b(?:i\.e\.|e\.g\.|that is|namely)[^?]*", re.I)


def parse_question(text: str) -> Query:
    """Understand a question."""
    original = t = text.strip()
    neutral = bool(NEUTRAL_ASKED.search(t))
    t = re.sub(r"\s{2,}", " ", NEUTRAL_ASKED.sub(" ", t)) if neutral else t
    excluded = frozenset(stem(w) for m in EXCLUDED_RE.finditer(t)
                         for w in re.findall(r"[a-z&]+", m.group(1).lower()) if w not in lexicon().filler)
    t_terms = EXCLUDED_RE.sub(" ", t)
    # a definition the question gives in passing ("(revenue less cost of goods sold)", "i.e. ...") names
    # how to compute the item, not the item
    core = DEFINITION_RE.sub(" ", t_terms)
    if content_terms(core):
        t_terms = core
    low = t.lower()
    period = parse_period(t)
    terms = content_terms(t_terms)
    narrative = None
    m = NARRATIVE_RE.match(low)
    if m:
        word = m.group(1).split()[0]
        narrative = word if word in ("why", "when", "where", "who") else "why"
    elif re.search(r"\b(what time|what date|which day)\b", low):
        narrative = "when"
    elif not re.search(r"\b(how (much|many)|what (was|were|is|are) the (amount|number))\b", low):
        # "EVI CEO?", "Capstone HQ?", "Conf call time?": a person, place or time is in the narrative
        roles = {c.narrative for c in lexicon().concepts_in(lexicon().spell_out(t)) if c.narrative}
        narrative = next(iter(roles)) if len(roles) == 1 else None
    spelled = lexicon().spell_out(t_terms)  # "Op margin" is asked as "operating margin"
    ratio = next((name for name, rx in RATIOS.items() if rx.search(spelled)), None)
    kind: QueryKind
    if narrative:
        kind = QueryKind.NARRATIVE
    elif SHARE_OF_REVENUE_RE.search(spelled):
        kind = QueryKind.SHARE_OF_REVENUE
    elif PERCENT_RE.search(spelled) or (GROWTH_RE.search(spelled) and not AMOUNT_ASKED.search(spelled)):
        kind = QueryKind.PERCENT_CHANGE
    elif CHANGE_RE.search(t) or (DURING_RE.search(t) and re.search(
            r"\b(increase|decrease|decline|grow|fall|rise|drop|change)", low)) or (
            CHANGE_NOUN_RE.search(lexicon().spell_out(t)) and (
                COMPARISON_RE.search(lexicon().spell_out(t)) or GROWTH_RE.search(t))):
        kind = QueryKind.CHANGE
    elif ratio:
        kind = QueryKind.RATIO
    else:
        kind = QueryKind.VALUE
    if kind == QueryKind.SHARE_OF_REVENUE:
        terms = tuple(w for w in content_terms(SHARE_OF_REVENUE_RE.sub(" ", spelled)))
    if ratio and (kind == QueryKind.RATIO or kind.is_change):
        terms = content_terms(RATIOS[ratio].sub(" ", spelled))
    if kind.is_change:
        terms = tuple(x for x in terms if x not in CHANGE_WORDS)
        compared = COMPARISON_RE.search(lexicon().spell_out(t))
        if period.relative in ("prior_year", "prior_quarter") and compared:
            # "growth year over year" compares the period with the year before; it does not ask for it
            period = replace(period, relative="current")
    has_metric = bool(terms) or ratio is not None
    proper = frozenset(stem(w) for w in re.findall(r"(?<=\s)[A-Z][a-z]{2,}\b", t)
                       if w.lower() not in MONTH_NAMES)
    if kind == QueryKind.CHANGE and re.search(r"(?<![\w/])(y/y|q/q|yoy|qoq)(?![\w/])", t, re.I) and \
            re.search(r"\bchange\b|\bgrowth\b|\bgrow|\bhow much\b", t, re.I) and \
            not re.search(r"\$|\bdollars?\b|\bamount\b|\bmoney\b|\bin (millions|billions)\b", t, re.I):
        # "revenue change y/y", "how much did X fall y/y": a rate; "YoY net loss increase": the amount
        kind = QueryKind.PERCENT_CHANGE
    if kind == QueryKind.VALUE and OVER_RE.search(lexicon().spell_out(t)) and not AT_END_RE.search(t):
        # "eBay GMV y/y", "revenue q/q": the change over the base named, as a rate
        kind = QueryKind.PERCENT_CHANGE
        period = replace(period, relative="current") if period.relative in ("prior_year", "prior_quarter") \
            else period
    if neutral and (kind == QueryKind.CHANGE
                    or (kind == QueryKind.VALUE and CHANGE_NOUN_RE.search(original))):
        kind = QueryKind.PERCENT_CHANGE  # a change in constant currency is a rate
    return Query(text=original, kind=kind, terms=terms, ratio=ratio, narrative=narrative, period=period,
                 during=bool(DURING_RE.search(t)), has_metric=has_metric,
                 wants_loss=bool(re.search(r"\b(loss(es)?|lose|lost)\b", low)),
                 wants_profit=bool(re.search(r"\b(profit|income|earnings)\b", low)), proper=proper,
                 excluded=excluded, neutral=neutral, currency=currency_asked(original))
