"""The deterministic composer: answers from the resolved facts, worded by the templates in
``prompts/``. No LLM, no network."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from bot.answer.lexicon import lexicon
from bot.answer.question import PRIOR_QUARTER_RE, PeriodSpec, Query, QueryKind, Term, dates_asked
from bot.answer.result import Answer, Citation, Figure
from bot.answer.select import (
    PRIMARY,
    SHARE_ROW,
    RowMatch,
    comparative,
    find_named,
    match_rows,
    pick_fact,
    target_end,
    unit_fits,
)
from bot.answer.wording import amount, display_label, period_words, relative_words, verb
from bot.checks.figures import REVENUE, is_revenue
from index.document import Document, Fact
from index.reader.metadata import fiscal_quarter
from index.reader.numbers import close, is_money
from index.reader.periods import MONTHS, ORDINAL_NAMES, Period, add_months, fiscal_year_end, near
from index.reader.tables import column_dimension
from index.reader.words import stem, stems
from prompts import render

RESULT_RE = re.compile(r"^(gross (profit|loss|margin)|operating (income|loss|profit)|(income|loss) from "
                       r"operations|net (income|loss|earnings)|net income \(loss\)|net income/\(loss\))",
                       re.I)


def fact_figure(doc: Document, f: Fact, label: str | None = None) -> Figure:
    return Figure(label=label or f.label, value=f.value, unit=f.unit, period=f.period, doc=doc.name,
                  line=f.line, derived=False, how=f"{f.table_title}, {f.label}, {f.column}",
                  cells=(cell_of(f),))


def cell_of(f: Fact) -> tuple[str, int, int]:
    """The table cell a fact is read from."""
    return (f.table, f.line, f.column_index)


def row_citation(doc: Document, match: RowMatch) -> Citation:
    cells = "; ".join(f"{f.column}: {f.text}" for f in match.facts if f.column_index >= 0)
    where = f"{match.table_title} > {match.section + ' > ' if match.section else ''}{match.label}"
    return Citation(doc.name, match.line, f"{where}: {cells}" if cells else where)


TOTAL_REVENUE_ASKED = re.compile(r"\btotal (net )?revenues?\b", re.I)


def revenue_fact(doc: Document, f: Fact, total: bool = False) -> Fact | None:
    """The revenue figure printed in the same table and column; else one of the same period and unit
    for the same part of the company: a segment's figure is a share of that segment's revenue, never of
    the whole company's. ``total``: the question says "total revenue", which a "Total revenues" row
    answers before "Net sales"."""
    rows = [r for r in doc.facts if r.table == f.table and r.column_index == f.column_index
            and is_revenue(r.label)]
    if total:
        rows.sort(key=lambda r: not r.label.lower().startswith("total"))
    if rows:
        return rows[0]
    # a division's line under "Net Revenue" in the same column, beside its line under "Operating Profit"
    same = [r for r in doc.facts if r.table == f.table and r.column_index == f.column_index
            and r.label == f.label and r.line != f.line and REVENUE.search(r.section)]
    if same:
        return same[0]
    part = _segment(f)
    others = [r for r in doc.facts if r.period == f.period and r.unit == f.unit and r.column_index >= 0
              and (is_revenue(r.label) or (part and REVENUE.search(r.section)))
              and _segment(r) == part]
    return others[0] if others else None


def _segment(f: Fact) -> frozenset[str]:
    """The part of the company a figure is of: its column's segment heading, or a segment named in its
    label ("Domestic segment" under Revenue) or its table's title ("International Segment Results");
    empty for the whole company."""
    words = stems(column_dimension(f.column)) | stems(f.table_title) | stems(f.label)
    return frozenset(words & lexicon().segments)


def printed_share(doc: Document, f: Fact) -> Fact | None:
    """The percentage of revenue the release prints for a figure: the "% of revenue" row right under
    its row, in its column."""
    later = sorted({g.line for g in doc.facts if g.table == f.table and g.line > f.line})
    if not later:
        return None
    return next((g for g in doc.facts if g.table == f.table and g.line == later[0]
                 and g.column_index == f.column_index and g.unit == "percent" and SHARE_ROW.match(g.label)),
                None)


def row_name(match: RowMatch) -> str:
    """A label that reads on its own: ``Net income per share, diluted`` rather than ``Diluted``;
    the segment when the answer comes from one segment's column, the table when it is a segment's."""
    section = match.section.split(" > ")[-1] if match.section else ""
    if section and re.match(r"^(basic|diluted|total|other|others|, net)$", match.label.strip(), re.I):
        name = f"{display_label(section)}, {match.label.lower()}"
    else:
        name = display_label(match.label)
    dims = {column_dimension(f.column) for f in match.facts if f.column_index >= 0 and f.period}
    dims.discard("")
    # a row that names a basis, not an item ("Core, Non-GAAP Measure"): the item is its column's heading
    basis = re.search(r"\bmeasures?\b|^(as )?reported\b|^core\b|^adjusted\b|^non-gaap\b", match.label, re.I)
    if len(dims) == 1 and dims != {"Total"} and (len(next(iter(dims)).split()) <= 2 or basis):
        name += f" ({dims.pop()})"
    elif re.search(r"\boperations\b|\bsegment\b", match.table_title, re.I) and not PRIMARY.search(
            match.table_title) and not re.search(r"consolidated", match.table_title, re.I):
        name += f" ({match.table_title})"
    return name


def compose_value(doc: Document, q: Query, match: RowMatch) -> Answer | None:
    """A value, with the comparative figure and, for results, its share of revenue. Of a row's figures,
    those of the kind asked come first (the share count printed in "Common stock ... 144,000,431 shares
    outstanding", not the row's dollar amount, when shares are asked)."""
    fitting = [f for f in match.facts if unit_fits(q, f.unit)]
    f = pick_fact(doc, fitting, q.period) if fitting else None
    f = f or pick_fact(doc, match.facts, q.period)
    if f is None:
        return None
    label = row_name(match)
    figures = [fact_figure(doc, f)]
    share = ""
    if is_money(f.unit) and RESULT_RE.search(f.label) and f.period and f.period.months:
        rev = revenue_fact(doc, f)
        if rev and rev.value and rev is not f:
            pct = abs(f.value / rev.value) * 100
            share = f", {pct:.0f}% of revenue," if pct >= 10 else f", {pct:.1f}% of revenue,"
            figures.append(Figure(f"{f.label} as a share of revenue", pct, "percent", f.period,
                                  doc.name, f.line, derived=True,
                                  how=f"{f.label} / {rev.label} (lines {f.line}, {rev.line})",
                                  basis=(abs(f.value), abs(rev.value)), op="%",
                                  cells=(cell_of(f), cell_of(rev))))
    comparison = ""
    base = comparative(doc, match.facts, f)
    if base is not None and q.period.relative in ("current", "explicit"):
        comparison = f", against {amount(base.value, base.unit, base.scale, base.label)} " \
                     f"{relative_words(doc, base, f)}"
        figures.append(fact_figure(doc, base))
    text_amount = amount(f.value, f.unit, f.scale, f.label)
    period = period_words(doc, f.period) if f.period else f"in the column headed “{f.column.strip()}”"
    if q.wants_loss and not re.search(r"loss|deficit", f.label, re.I) and f.value >= 0 and \
            re.search(r"income|profit|earnings", f.label, re.I):
        text = render("value_sign_note", asked="a loss", reported=f"{label.lower()}", label=label,
                      verb=verb(label), amount=text_amount, period=period, comparison=comparison)
    elif q.wants_profit and not q.wants_loss and re.search(r"\bloss|deficit", f.label, re.I) and \
            not re.search(r"income|profit|earnings", f.label, re.I):
        text = render("value_sign_note", asked="a profit", reported=f"{label.lower()}", label=label,
                      verb=verb(label), amount=text_amount, period=period, comparison=comparison)
    else:
        text = render("value", label=label, verb=verb(label), amount=text_amount, share=share, period=period,
                      comparison=comparison)
    return Answer(q.text, text, True, figures, [row_citation(doc, match)], doc.name)


def compose_change(doc: Document, q: Query, match: RowMatch) -> Answer | None:
    """A change (and its percent) between the period and its comparative."""
    # the period changed: the one asked, of the length asked ("39 weeks"), never the comparative itself
    since = SINCE_RE.search(q.text)
    years = sorted({int(y) for y in YEAR_NAMED.findall(q.text)})
    dates = dates_asked(q.text)
    if len(years) == 2 and not dates and q.period.fiscal is None:
        # "from 2018 to 2019", "between 2017 and 2018": the later year against the earlier (a fiscal year
        # on the release's own calendar: it need not end in its number)
        fiscal = re.search(r"\bfiscal\b|\bFY", q.text, re.I) is not None
        later = _year_fact(doc, match.facts, years[1], fiscal, months=q.period.months)
        f, base = later, _year_fact(doc, match.facts, years[0], fiscal, later)
    elif since and len(dates) <= 1 and not TO_PERIOD.search(q.text):
        # "change since September", "change from March 31, 2007": the date named is the base, and the
        # change runs to the release's own period
        f = pick_fact(doc, match.facts, PeriodSpec(months=q.period.months))
        base = _named_base(match.facts, f, q.period, since.group("month")) if f else None
    elif q.period.instant and q.period.end is None and SINCE_YEAR_END_RE.search(q.text) and \
            not TO_PERIOD.search(q.text):
        # "change since the end of fiscal 2025": that year's closing balance is the base, and the change
        # runs to the release's own balance-sheet date
        f, base = pick_fact(doc, match.facts, PeriodSpec()), pick_fact(doc, match.facts, q.period)
        if f is not None and base is not None and (not base.period or not f.period
                                                   or base.period.end >= f.period.end):
            return None
    else:
        spec = q.period if q.period.relative == "explicit" else PeriodSpec(months=q.period.months,
                                                                           quarter=q.period.quarter)
        f = pick_fact(doc, match.facts, spec)
        base = comparative(doc, match.facts, f, base_spec(q)) if f else None
    if f is None:
        return None
    if base is None:
        return None
    diff = f.value - base.value
    pct = diff / abs(base.value) * 100 if base.value else None
    label = row_name(match)
    magnitude_up = abs(f.value) > abs(base.value)
    if f.value < 0 and base.value < 0:
        direction = "increased" if magnitude_up else "decreased"
    else:
        direction = "increased" if diff > 0 else "decreased" if diff < 0 else "was unchanged"
    change_value = abs(f.value) - abs(base.value) if f.value < 0 and base.value < 0 else diff
    percent_text = f" ({abs(pct):.1f}%)" if pct is not None else ""
    text = render("change", label=label, direction=direction,
                  amount=amount(abs(diff), f.unit, f.scale, "change"), percent=percent_text,
                  base_period=_short_period(base.period), period=_short_period(f.period),
                  base=amount(base.value, base.unit, base.scale, base.label),
                  current=amount(f.value, f.unit, f.scale, f.label))
    basis = (abs(f.value), abs(base.value)) if f.value < 0 and base.value < 0 else (f.value, base.value)
    change = Figure(f"change in {f.label}", change_value, f.unit, f.period, doc.name, f.line, derived=True,
                    how=f"{f.column} minus {base.column}", basis=basis, op="-",
                    cells=(cell_of(f), cell_of(base)))
    figures = [change]
    if pct is not None:
        signed = pct if not (f.value < 0 and base.value < 0) else (change_value / abs(base.value) * 100)
        figures.append(Figure(f"percent change in {f.label}", signed, "percent", f.period, doc.name,
                              f.line, derived=True, how=f"({f.column} - {base.column}) / {base.column}",
                              basis=basis, op="pct", cells=(cell_of(f), cell_of(base))))
    if q.kind == QueryKind.PERCENT_CHANGE and len(figures) == 2:
        figures.reverse()
    figures += [fact_figure(doc, f), fact_figure(doc, base)]
    return Answer(q.text, text, True, figures, [row_citation(doc, match)], doc.name)


YEAR_BASE_RE = re.compile(r"\b(year[- ]over[- ]year|a year (ago|earlier|before)|prior[- ]year|previous year|"
                          r"last year|year[- ]ago)\b", re.I)


# the start of a change named by its date: "since September", "from March 31, 2007", "since year-end"
SINCE_RE = re.compile(r"\b(since|from)\s+(the\s+end\s+of\s+)?(?P<month>January|February|March|April|May|June|"
                      r"July|August|September|October|November|December)\b(?!\s+(to|through)\b)", re.I)

# the start of a change named by a year's end: "since the end of fiscal 2025", "from FY2024 year-end"
SINCE_YEAR_END_RE = re.compile(r"\b(since|from)\s+(the\s+)?((end|close)\s+of\s+)?"
                               r"(fiscal\s+(year\s+)?|fy\s?'?)?((19|20)?\d\d)\b", re.I)

# "from March 2007 to June 2007": both ends named
TO_PERIOD = re.compile(r"\b(to|through|until)\s+(the\s+end\s+of\s+)?(January|February|March|April|May|June|"
                       r"July|August|September|October|November|December|Q[1-4]|[1-4]Q|(19|20)\d\d)\b", re.I)


def _year_fact(doc: Document, facts: list[Fact], year: int, fiscal: bool, like: Fact | None = None,
               months: int | None = None) -> Fact | None:
    """The figure of the year named: its column ending in that year (or, for a fiscal year, at that year's
    end on the release's calendar), of the length asked (``months``, or that of ``like``), else the
    longest; ``None`` when no column, or more than one, fits."""
    if fiscal:
        fq, cur = fiscal_quarter(doc.metadata), doc.metadata.period
        if fq is None or cur is None:
            return None
        end = fiscal_year_end(cur.end, fq, year)
        dated = [f for f in facts if f.period is not None and near(f.period.end, end)]
    else:
        dated = [f for f in facts if f.period is not None and f.period.end.year == year]
    if like is not None and like.period is not None:
        months = like.period.months
    if months is not None and any(f.period and f.period.months == months for f in dated):
        dated = [f for f in dated if f.period and f.period.months == months]
    elif dated:
        longest = max(f.period.months for f in dated if f.period)
        dated = [f for f in dated if f.period and f.period.months == longest]
    return dated[0] if len({f.column_index for f in dated}) == 1 else None


def _named_base(facts: list[Fact], fact: Fact, spec: PeriodSpec, month: str) -> Fact | None:
    """The figure at the date a change is asked from: the date named in full, or the latest end of the
    month named alone, before the figure's own period, of the same length."""
    if fact.period is None:
        return None
    number = MONTHS[month.lower()]
    earlier = [f for f in facts if f.period and f.period.months == fact.period.months
               and f.period.end < fact.period.end and not near(f.period.end, fact.period.end)]
    if spec.end is not None:
        return next((f for f in earlier if f.period and near(f.period.end, spec.end)), None)
    named = [f for f in earlier if f.period and f.period.end.month == number]
    return max(named, key=lambda f: f.period.end if f.period else date.min) if named else None


def base_spec(q: Query) -> PeriodSpec:
    """What a change is measured against, as the question names it: the quarter before ("q/q",
    "sequentially"), a year before ("y/y", "vs a year ago"), a date it names ("vs October 28, 2023")."""
    text = lexicon().spell_out(q.text)
    dates = dates_asked(text)
    if len(dates) >= 2:
        return replace(q.period, relative="explicit", end=min(dates))
    if PRIOR_QUARTER_RE.search(text):
        return replace(q.period, relative="prior_quarter")
    if YEAR_BASE_RE.search(text):
        return replace(q.period, relative="prior_year")
    return q.period


def _short_period(p: Period | None) -> str:
    return p.describe().replace("the three months ended ", "the quarter ended ") if p else "the period"


def compose_share(doc: Document, q: Query, match: RowMatch) -> Answer | None:
    """A line item as a percentage of revenue."""
    f = pick_fact(doc, match.facts, q.period)
    if f is None:
        return None
    if f.unit == "percent":
        return compose_value(doc, q, match)  # "SG&A %": the row is the share itself
    printed = printed_share(doc, f)
    if printed is not None:
        text = render("share_of_revenue_printed", label=row_name(match), verb=verb(match.label),
                      percent=f"{printed.value:g}%", period=period_words(doc, f.period),
                      amount=amount(f.value, f.unit, f.scale, f.label))
        figures = [fact_figure(doc, printed, f"{f.label} as a share of revenue"), fact_figure(doc, f)]
        return Answer(q.text, text, True, figures, [row_citation(doc, match)], doc.name)
    context = f"{f.table_title} {f.section}"
    if stems(f.label) <= lexicon().segments and not re.search(r"revenue|sales", context, re.I):
        return None  # a region's figure in a table of another measure (GMV by region) is no part of revenue
    rev = revenue_fact(doc, f, total=bool(TOTAL_REVENUE_ASKED.search(q.text)))
    if rev is None or not rev.value:
        return None
    pct = abs(f.value / rev.value) * 100
    text = render("share_of_revenue", label=row_name(match), verb=verb(match.label),
                  percent=f"{pct:.1f}%",
                  period=period_words(doc, f.period), amount=amount(f.value, f.unit, f.scale, f.label),
                  revenue=amount(rev.value, rev.unit, rev.scale, rev.label))
    figures = [Figure(f"{f.label} as a share of revenue", pct, "percent", f.period, doc.name,
                      f.line, derived=True, how=f"{f.label} / {rev.label}",
                      basis=(abs(f.value), abs(rev.value)), op="%", cells=(cell_of(f), cell_of(rev))),
               fact_figure(doc, f), fact_figure(doc, rev)]
    return Answer(q.text, text, True, figures, [row_citation(doc, match)], doc.name)


RATIO_PARTS: dict[str, tuple[tuple[str, ...], tuple[str, ...], str]] = {
    "working capital": (("total current assets",), ("total current liabilities",), "-"),
    "current ratio": (("total current assets",), ("total current liabilities",), "/"),
    "gross margin": (("gross profit", "gross loss", "gross"), ("revenue",), "%"),
    "operating margin": (("operating income", "income from operations", "operating loss", "operating profit"),
                         ("revenue",), "%"),
    "net margin": (("net income", "net loss", "net earnings"), ("revenue",), "%"),
    "effective tax rate": (("provision for income taxes", "income tax expense", "income taxes"),
                           ("income before provision for income taxes", "income before income taxes",
                            "before income tax", "before tax"), "%"),
    "total liabilities": (("total liabilities and stockholders equity", "total liabilities and shareholders "
                           "equity", "total liabilities and equity"),
                          ("total stockholders equity", "total shareholders equity", "total equity"), "-"),
}


def _first_named(doc: Document, phrases: tuple[str, ...], ignore: set[str], avoid: RowMatch | None = None,
                 extra: tuple[Term, ...] = (), unit: str | None = None, table: str = "",
                 period: PeriodSpec | None = None) -> RowMatch | None:
    """The row for the first phrase found (with the question's other words, such as a segment) that
    has figures in ``unit`` (any currency for "money"): a ratio divides amounts by amounts, never an
    amount by a row of percentages that shares its name. ``table``: a row of that table first (a tax
    rate is the income statement's tax over its pre-tax income, not over a cash-flow line)."""
    found = []
    for phrase in phrases:
        m = find_named(doc, phrase, ignore, extra, table, avoid.key if avoid is not None else None, period)
        if m is None:
            continue
        if unit is None or any(f.unit == unit or (unit == "money" and is_money(f.unit)) for f in m.facts):
            if not table or any(f.table == table for f in m.facts):
                return m
            found.append(m)
    return found[0] if found else None


# a gross profit the release does not print (a segment's): its revenue less its cost of sales
GROSS_PARTS = (("revenue", "sales"),
               ("cost of sales", "cost of revenue", "cost of goods sold", "merchandise costs"))


def compose_ratio(doc: Document, q: Query, ignore: set[str]) -> Answer | None:
    """Working capital, current ratio, margins, tax rate: from the two rows they are made of."""
    assert q.ratio is not None
    parts = RATIO_PARTS.get(q.ratio)
    if parts is None:
        return None
    top, bottom, op = parts
    a = _first_named(doc, top, ignore, extra=q.terms, unit="money", period=q.period)
    fa = pick_fact(doc, [f for f in a.facts if is_money(f.unit)], q.period) if a is not None else None
    if q.margin_amount and a is not None and fa is not None and "margin" in q.ratio:
        return compose_value(doc, q, a)  # "gross margin in dollars": the gross profit row
    if (a is None or fa is None or q.margin_amount) and q.ratio == "gross margin":
        return _gross_margin(doc, q, ignore)
    if a is None or fa is None or q.margin_amount:
        return None  # a margin in dollars is its profit row, else its revenue less its cost
    b = _first_named(doc, bottom, ignore, avoid=a, extra=q.terms, unit=fa.unit, table=fa.table)
    if b is None:
        return None
    fb = next((f for f in b.facts if f.period == fa.period and f.column_index >= 0 and f.unit == fa.unit),
              None)
    if fb is None or not fb.value:
        return None
    if op == "-":
        value, unit, shown = fa.value - fb.value, fa.unit, amount(fa.value - fb.value, fa.unit, fa.scale, "")
    elif op == "/":
        value, unit, shown = fa.value / fb.value, "ratio", f"{fa.value / fb.value:.2f}"
    else:
        top_value = _tax_expense(doc, fa, fb) if q.ratio == "effective tax rate" else fa.value
        value, unit = top_value / fb.value * 100, "percent"
        if "margin" in q.ratio and value > 100:
            return None  # a profit is a part of revenue: more than all of it means the rows are not its parts
        shown = f"{value:.1f}%" if abs(value) >= 1 else f"{value:.2f}%"
    formula = (f"{a.label} {amount(fa.value, fa.unit, fa.scale, a.label)} {'minus' if op == '-' else 'over'} "
               f"{b.label} {amount(fb.value, fb.unit, fb.scale, b.label)}")
    text = render("ratio", ratio=q.ratio[:1].upper() + q.ratio[1:], amount=shown,
                  period=period_words(doc, fa.period), formula=formula)
    figures = [Figure(q.ratio, value, unit, fa.period, doc.name, fa.line, derived=True,
                      how=formula, basis=(value * fb.value / 100 if op == "%" else fa.value, fb.value), op=op,
                      cells=(cell_of(fa), cell_of(fb))),
               fact_figure(doc, fa), fact_figure(doc, fb)]
    return Answer(q.text, text, True, figures, [row_citation(doc, a), row_citation(doc, b)], doc.name)


FOOTING = 1e-3  # a statement's rounded rows add up to within this much of the row below them
# a tax row named benefit first: its figure is the benefit, so a provision shows negative
BENEFIT_FIRST = re.compile(r"^\s*(income tax(es)? )?(benefit|\(provision)", re.I)


def _tax_expense(doc: Document, tax: Fact, pretax: Fact) -> float:
    """The tax as an expense (positive when taxes were charged on a profit): a statement that adds its
    tax row to pre-tax income ("Income tax expense (1,862)" then the income after it, or "Benefit from
    (provision for) income taxes") prints an expense negative."""
    after = [f for f in doc.facts if f.table == tax.table and f.column_index == tax.column_index
             and f.line > tax.line and f.unit == tax.unit]
    below = min(after, key=lambda f: f.line) if after else None
    if below is not None and tax.value:
        added, taken = (close(pretax.value + sign * tax.value, below.value, FOOTING) for sign in (1, -1))
        if added and not taken:
            return -tax.value
        if taken:
            return tax.value
    return -tax.value if BENEFIT_FIRST.match(tax.label) else tax.value


def _gross_margin(doc: Document, q: Query, ignore: set[str]) -> Answer | None:
    """Gross margin from revenue and cost of sales, for a part of the company (Apple's Services) whose
    gross profit is not printed: both rows must name the part asked."""
    rev = _first_named(doc, GROSS_PARTS[0], ignore, extra=q.terms, unit="money")
    cost = _first_named(doc, GROSS_PARTS[1], ignore, avoid=rev, extra=q.terms, unit="money")
    if rev is None or cost is None or rev.extra or cost.extra:
        return None
    return _margin_of(doc, q, rev, cost, "gross margin", _part_name(rev), _part_name(cost))


def compose_part_margin(doc: Document, q: Query, ignore: set[str]) -> Answer | None:
    """A part's margin the release does not print ("company-operated restaurant margin"): the part's sales
    less its own expenses, over its sales; both rows name the part as the question does, in one table."""
    def rows(words: tuple[str, ...], printed: str) -> list[RowMatch]:
        return [m for m in match_rows(doc, (*q.terms, tuple((stem(w),) for w in words)), ignore)
                if re.search(printed, m.label, re.I)]
    for sales in rows(("sales", "revenues"), r"\b(sales|revenues?)\b"):
        if re.search(r"\b(costs?|expenses?)\b", sales.label, re.I):
            continue
        costs = [m for m in rows(("expenses", "costs"), r"\b(expenses?|costs?)\b")
                 if not set(m.extra) - stems(sales.label) and m.facts[0].table == sales.facts[0].table]
        if costs:
            part = re.sub(r"\b(net )?(sales|revenues?)\b( by| from| of)?", "", sales.label, flags=re.I)
            return _margin_of(doc, q, sales, costs[0], f"{' '.join(part.split()).strip(' ,')} margin",
                              sales.label, costs[0].label)
    return None


def _margin_of(doc: Document, q: Query, rev: RowMatch, cost: RowMatch, what: str, revenue: str,
               cost_name: str) -> Answer | None:
    """What is left of a revenue row after a cost row, as a percentage of the revenue, for the period."""
    fr = pick_fact(doc, [f for f in rev.facts if is_money(f.unit)], q.period)
    fc = next((f for f in cost.facts if fr is not None and f.period == fr.period and f.column_index >= 0
               and f.unit == fr.unit), None) if fr is not None else None
    if fr is None or fc is None or not fr.value:
        return None
    formula = (f"{revenue} {amount(fr.value, fr.unit, fr.scale, rev.label)} less {cost_name} "
               f"{amount(fc.value, fc.unit, fc.scale, cost.label)}")
    title = what[:1].upper() + what[1:]
    if q.margin_amount:  # in dollars: what is left of the revenue
        value = fr.value - abs(fc.value)
        shown, unit, basis, op = amount(value, fr.unit, fr.scale, ""), fr.unit, (fr.value, abs(fc.value)), "-"
    else:
        value = (fr.value - abs(fc.value)) / fr.value * 100
        shown, unit, basis, op = f"{value:.1f}%", "percent", (fr.value, fc.value), "margin"
        formula += f", over {revenue}"
    text = render("ratio", ratio=title, amount=shown, period=period_words(doc, fr.period), formula=formula)
    figures = [Figure(what, value, unit, fr.period, doc.name, fr.line, derived=True,
                      how=formula, basis=basis, op=op, cells=(cell_of(fr), cell_of(fc))),
               fact_figure(doc, fr), fact_figure(doc, fc)]
    return Answer(q.text, text, True, figures, [row_citation(doc, rev), row_citation(doc, cost)], doc.name)


def _part_name(m: RowMatch) -> str:
    """A part's row named with its section: "Net sales: Services", "Cost of sales: Services"."""
    section = m.section.split(" > ")[-1] if m.section else ""
    return f"{display_label(section)}: {m.label}" if section else m.label


def release_quarter(doc: Document) -> str:
    """The release's own quarter in words ("second quarter of fiscal 2024")."""
    return doc.metadata.fiscal_label or "own period"


def compose_period_difference(doc: Document, q: Query, match: RowMatch) -> Answer | None:
    """An amount for a period the release prints only inside a longer one: the longer period to date
    less the part of it after the period asked ("the first quarter": the six months less the second
    quarter; "the first half": the nine months less the third quarter). Amounts of money only: per-share
    figures and share counts do not subtract."""
    end, months = target_end(doc, q.period)
    if end is None or not months or q.kind != QueryKind.VALUE:
        return None
    flows = [f for f in match.facts if f.period is not None and f.period.months and f.column_index >= 0
             and is_money(f.unit) and "/" not in f.unit]
    for longer in flows:
        for later in flows:
            lp, sp = longer.period, later.period
            if lp is None or sp is None or later.table != longer.table or later.unit != longer.unit or \
                    not near(lp.end, sp.end) or lp.months - sp.months != months or \
                    not near(add_months(sp.end, -sp.months), end):
                continue
            value = longer.value - later.value
            formula = (f"{longer.column} {amount(longer.value, longer.unit, longer.scale, longer.label)} "
                       f"less {later.column} {amount(later.value, later.unit, later.scale, later.label)}")
            period = Period(add_months(sp.end, -sp.months), months)
            text = render("ratio", ratio=row_name(match), amount=amount(value, longer.unit, longer.scale, ""),
                          period=f"for {period.describe()}", formula=formula)
            figure = Figure(longer.label, value, longer.unit, period, doc.name, longer.line, derived=True,
                            how=formula, basis=(longer.value, later.value), op="-",
                            cells=(cell_of(longer), cell_of(later)))
            return Answer(q.text, text, True, [figure, fact_figure(doc, longer), fact_figure(doc, later)],
                          [row_citation(doc, match)], doc.name)
    return None


def period_missing(doc: Document, q: Query, match: RowMatch) -> Answer:
    """The row exists, but not for the period asked."""
    end, months = target_end(doc, q.period)
    spec = q.period
    asked = Period(end, months or 0).describe() if end else (
        f"the {ORDINAL_NAMES[spec.quarter]} quarter (the release reports its "
        f"{release_quarter(doc)})" if spec.quarter else "that period")
    available = "; ".join(f"{amount(f.value, f.unit, f.scale, f.label)} for {f.period.describe()}"
                          for f in match.facts if f.period)[:400]
    text = render("period_missing", label=display_label(match.label).lower(), asked=asked,
                  available=available or "no dated figure")
    return Answer(q.text, text, False, [], [row_citation(doc, match)], doc.name)


def no_base(doc: Document, q: Query, match: RowMatch) -> Answer | None:
    """A change asked of a row printed for the period but not for one before it: say so, with the level
    (not as the answer: a level does not say how it changed)."""
    f = pick_fact(doc, match.facts, q.period)
    if f is None or f.period is None:
        return None
    text = render("no_base", label=display_label(match.label).lower(),
                  amount=amount(f.value, f.unit, f.scale, f.label), period=f.period.describe())
    return Answer(q.text, text, False, [], [row_citation(doc, match)], doc.name)


# a figure over several periods named: "the average revenue in 2018 and 2019", "total revenue in both
# 2017 and 2018"
AVERAGE_ASKED = re.compile(r"\b(average|mean)\b", re.I)
TOTAL_ASKED = re.compile(r"\b(total|sum|combined|together|altogether)\b[^?]*\b(both|in all)\b|\bsum of\b|"
                         r"\bcombined\b", re.I)
YEAR_NAMED = re.compile(r"(?<![\d/])((?:19|20)\d\d)(?![\d/])")


def aggregate_asked(q: Query) -> str:
    """'avg' or '+' when the question asks a figure over several years it names, else ''."""
    if len(set(YEAR_NAMED.findall(q.text))) < 2:
        return ""
    return "avg" if AVERAGE_ASKED.search(q.text) else "+" if TOTAL_ASKED.search(q.text) else ""


def compose_aggregate(doc: Document, q: Query, match: RowMatch) -> Answer | None:
    """The average or the sum of a row over the years the question names, each year's figure from the
    column of that year (all of one length); ``None`` when any year is missing or ambiguous."""
    op = aggregate_asked(q)
    years = sorted({int(y) for y in YEAR_NAMED.findall(q.text)})
    if not op:
        return None
    dated = [f for f in match.facts if f.period is not None]
    lengths = {f.period.months for f in dated if f.period}
    if not lengths:
        return None
    months = 12 if 12 in lengths else max(lengths)
    picked: list[Fact] = []
    for y in years:
        hit = _year_fact(doc, dated, y, fiscal=False, months=months)
        if hit is None or hit.period is None or hit.period.months != months:
            return None  # the year is not printed at that length, or printed in more than one column
        picked.append(hit)
    values = [f.value for f in picked]
    value = sum(values) / len(values) if op == "avg" else sum(values)
    first = picked[0]
    label = row_name(match)
    parts = " and ".join(f"{amount(f.value, f.unit, f.scale, f.label)} for {f.period.describe()}"
                         for f in picked if f.period)
    what = "average" if op == "avg" else "total"
    text = render("aggregate", what=what, label=label, amount=amount(value, first.unit, first.scale, label),
                  parts=parts)
    fig = Figure(f"{what} of {first.label}", value, first.unit, None, doc.name, first.line, derived=True,
                 how=f"{what} of " + ", ".join(f.column for f in picked), basis=tuple(values), op=op,
                 cells=tuple(cell_of(f) for f in picked))
    figures = [fig] + [fact_figure(doc, f) for f in picked]
    return Answer(q.text, text, True, figures, [row_citation(doc, match)], doc.name)


# "what percent of total contractual obligations was long-term debt?": a part of a total the question names
SHARE_OF_TOTAL = re.compile(r"\b(percent(age)?|portion|share|proportion|fraction) of (the )?"
                            r"(?P<whole>total [a-z ,'-]+?) (is|was|are|were)"
                            r"( (due to|comprised of|made up of|from|for|attributable to))?"
                            r" (the )?(?P<part>[a-z ,'&-]+?)\s*\??$", re.I)


def compose_share_of_total(doc: Document, q: Query, ignore: set[str]) -> Answer | None:
    """A row as a percentage of the total the question names, both read from one column of one table."""
    m = SHARE_OF_TOTAL.search(q.text)
    if m is None:
        return None
    whole = find_named(doc, m["whole"], ignore)
    if whole is None or not whole.label.lower().startswith("total"):
        return None
    table = whole.facts[0].table if whole.facts else ""
    part = find_named(doc, m["part"], ignore, table=table, avoid=whole.key)
    if part is None or part.key == whole.key:
        return None
    totals = [f for f in whole.facts if re.search(r"(^|\s)total\s*$", f.column, re.I)]
    undated = totals and not any(f.period for f in whole.facts)
    w = totals[0] if undated else pick_fact(doc, whole.facts, q.period)
    if w is None or not w.value:
        return None
    p = next((f for f in part.facts if f.table == w.table and f.column_index == w.column_index), None)
    if p is None or p.unit != w.unit:
        return None
    pct = p.value / w.value * 100
    text = render("share_of_total", part=display_label(part.label), percent=f"{pct:.1f}%",
                  whole=display_label(whole.label).lower(), amount=amount(p.value, p.unit, p.scale, p.label),
                  total=amount(w.value, w.unit, w.scale, w.label),
                  period=w.period.describe() if w.period else f"in the column headed “{w.column.strip()}”")
    fig = Figure(f"{p.label} as a share of {w.label}", pct, "percent", w.period, doc.name, p.line,
                 derived=True, how=f"{p.label} / {w.label}", basis=(p.value, w.value), op="%",
                 cells=(cell_of(p), cell_of(w)))
    return Answer(q.text, text, True, [fig, fact_figure(doc, p), fact_figure(doc, w)],
                  [row_citation(doc, part), row_citation(doc, whole)], doc.name)
