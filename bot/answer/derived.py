"""Figures a release does not print but that its statements add up to: total debt (every borrowing
row: short-term, current portion, long-term), net debt (total debt less cash and cash equivalents),
debt to equity, and free cash flow (cash from operations less capital expenditures). Each is shown with
the rows it is made of, so a reader can redo the sum; a release that prints its own total of debt or
free cash flow is left to the row that prints it, and no sum is made when the borrowing rows are not
all in one balance sheet at one date."""

from __future__ import annotations

import re

from bot.answer.compose import cell_of, fact_figure
from bot.answer.lexicon import Concept
from bot.answer.question import Query
from bot.answer.result import Answer, Citation, Figure
from bot.answer.select import NET_OF, SOFT_STEMS, RowMatch, matches, pick_fact
from bot.answer.wording import amount, period_words
from index.document import Document, Fact
from index.reader.numbers import is_money
from index.reader.words import stems
from prompts import render

BALANCE_SHEET = re.compile(r"balance sheets?|financial position|financial condition", re.I)
BORROWING = re.compile(r"\b(debt|borrowings?|(notes|loans?|bonds?) payable|credit facilit(y|ies)|"
                       r"line of credit|revolv\w*|senior notes|convertible notes|debentures|commercial paper|"
                       r"term loans?)\b", re.I)
# rows that name debt but are not a borrowing: costs, flows, ratios, leases, trade payables, investments
NOT_BORROWING = re.compile(r"issuance|proceeds|repay|payments?|extinguish|interest|\bcosts?\b|discount|"
                           r"lease|ratio|equity|covenant|liabilities and|accounts|securities|investments?|"
                           r"receivable|accrued|assets?\b|guarantee|capitalization|\bnet debt\b", re.I)
CASH = re.compile(r"^cash and (cash )?equivalents\b|^cash$|^cash and cash equivalents", re.I)
EQUITY = re.compile(r"^total (stockholders'?|shareholders'?|share ?holders'?)?\s*equity\b", re.I)
TOTAL_ASSETS = re.compile(r"total assets\b", re.I)
DERIVED = ("total debt", "net debt", "debt to equity", "net debt to equity")


def balance_sheet(doc: Document) -> set[str]:
    """The ids of the release's balance sheet (a page break may cut it in two): the tables titled so,
    else the one with total assets."""
    titled = {t.id for t in doc.tables if BALANCE_SHEET.search(t.title)}
    if titled:
        return titled
    return {t.id for t in doc.tables if any(TOTAL_ASSETS.match(r.label) for r in t.rows)}


def borrowing(label: str) -> bool:
    """Whether a balance-sheet row is a borrowing ("Long-term debt, net of current portion")."""
    name = NET_OF.sub("", label)
    return bool(BORROWING.search(name)) and not NOT_BORROWING.search(name)


def compose_derived(doc: Document, q: Query) -> Answer | None:
    """Total debt, net debt or (net) debt to equity at the date asked, from the balance sheet's rows."""
    tables = balance_sheet(doc)
    if not tables or q.ratio not in DERIVED:
        return None
    at = [f for f in doc.facts if f.table in tables and f.column_index >= 0 and f.period is not None
          and f.period.months == 0 and is_money(f.unit)]
    debts = [f for f in at if borrowing(f.label)]
    if not debts or any(re.match(r"total\b", f.label, re.I) for f in debts):
        return None  # a total printed among the parts: its row answers, and a sum would count twice
    first = pick_fact(doc, debts, q.period)
    if first is None:
        return None
    parts = [f for f in debts if f.period == first.period and f.unit == first.unit]
    total = sum(f.value for f in parts)
    names = " plus ".join(f"{f.label} {amount(f.value, f.unit, f.scale, f.label)}" for f in parts)
    debt = Figure("total debt", total, first.unit, first.period, doc.name, first.line, derived=True,
                  how=names, basis=tuple(f.value for f in parts), op="+",
                  cells=tuple(cell_of(f) for f in parts))
    used = list(parts)
    figure, formula = debt, names
    if q.ratio in ("net debt", "net debt to equity"):
        cash = _at(at, CASH, first)
        if cash is None:
            return None
        used.append(cash)
        value = total - cash.value
        formula = f"{names}, less {cash.label} {amount(cash.value, cash.unit, cash.scale, cash.label)}"
        figure = Figure("net debt", value, first.unit, first.period, doc.name, first.line, derived=True,
                        how=formula, basis=(*debt.basis, cash.value), op="net",
                        cells=(*debt.cells, cell_of(cash)))
    shown = amount(figure.value, figure.unit, first.scale, "")
    if q.ratio in ("debt to equity", "net debt to equity"):
        equity = _at(at, EQUITY, first)
        if equity is None or not equity.value:
            return None
        used.append(equity)
        formula = (f"{figure.label} {shown} over {equity.label} "
                   f"{amount(equity.value, equity.unit, equity.scale, '')}")
        # the basis is the printed figures: the debt rows (less cash), then equity
        figure = Figure(q.ratio, figure.value / equity.value, "ratio", first.period, doc.name, first.line,
                        derived=True, how=formula, basis=(*figure.basis, equity.value),
                        op="net/" if figure.op == "net" else "sum/", cells=(*figure.cells, cell_of(equity)))
        shown = f"{figure.value:.2f}"
    text = render("ratio", ratio=q.ratio[:1].upper() + q.ratio[1:], amount=shown,
                  period=period_words(doc, first.period), formula=formula)
    citations = [_cited(doc, f)
                 for f in used]
    return Answer(q.text, text, True, [figure, *(fact_figure(doc, f) for f in used)], citations, doc.name)


FREE_CASH_FLOW_Q = re.compile(r"\bfree cash flows?\b|\bfcf\b", re.I)
OPERATING_CASH = re.compile(r"^(net |total )?cash (flows? )?(provided by|from|generated (by|from)|"
                            r"\(used in\) provided by|provided by \(used in\)) operating activities|"
                            r"^net cash from operations", re.I)
# a cash inflow from property sold, never capital spent
PROCEEDS = re.compile(r"\b(proceeds|sales?|disposals?|sold)\b", re.I)
STATEMENT_OF_CASH = re.compile(r"cash flows?", re.I)


def compose_free_cash_flow(doc: Document, q: Query) -> Answer | None:
    """Free cash flow the release does not print: cash from operating activities less capital
    expenditures, both from the cash-flow statement for the period asked."""
    if not FREE_CASH_FLOW_Q.search(q.text):
        return None
    flows = [f for f in doc.facts if f.column_index >= 0 and f.period is not None and f.period.months > 0
             and is_money(f.unit) and STATEMENT_OF_CASH.search(f"{f.table_title} {f.section}")]
    operating = [f for f in flows if OPERATING_CASH.search(f.label.strip())]
    first = pick_fact(doc, operating, q.period)
    if first is None:
        return None
    capex_concept = Concept.named("capital expenditures")  # the lexicon's labels for it
    capex = next((f for f in flows if capex_concept.printed_in(NET_OF.sub("", f.label))
                  and not PROCEEDS.search(f.label) and f.table == first.table
                  and f.period == first.period and f.unit == first.unit), None)
    if capex is None:
        return None
    value = first.value - abs(capex.value)
    formula = (f"{first.label} {amount(first.value, first.unit, first.scale, first.label)} less "
               f"{capex.label} {amount(abs(capex.value), capex.unit, capex.scale, capex.label)}")
    figure = Figure("free cash flow", value, first.unit, first.period, doc.name, first.line, derived=True,
                    how=formula, basis=(first.value, abs(capex.value)), op="-",
                    cells=(cell_of(first), cell_of(capex)))
    text = render("ratio", ratio="Free cash flow", amount=amount(value, first.unit, first.scale, ""),
                  period=period_words(doc, first.period), formula=formula)
    citations = [_cited(doc, f)
                 for f in (first, capex)]
    return Answer(q.text, text, True, [figure, fact_figure(doc, first), fact_figure(doc, capex)], citations,
                  doc.name)


TOTAL_ASKED = re.compile(r"\b(total|combined|all of|in all|overall)\b", re.I)


def compose_both_parts(doc: Document, q: Query, match: RowMatch, other: RowMatch) -> Answer | None:
    """"Total term debt" where a balance sheet prints "Term debt" under current and again under
    non-current liabilities and no total of the two: their sum at the date asked, shown with its parts."""
    if not TOTAL_ASKED.search(q.text) or match.label.strip().lower() != other.label.strip().lower() or \
            match.section == other.section or TOTAL_ASKED.match(match.label):
        return None
    first = pick_fact(doc, match.facts, q.period)
    second = next((f for f in other.facts if first is not None and f.period == first.period
                   and f.unit == first.unit and f.table == first.table), None)
    if first is None or second is None or first.period is None or first.period.months != 0:
        return None
    parts = (first, second)
    names = " plus ".join(f"{f.label} ({f.section.split(' > ')[-1] or f.table_title}) "
                          f"{amount(f.value, f.unit, f.scale, f.label)}" for f in parts)
    value = first.value + second.value
    figure = Figure(f"total {first.label}", value, first.unit, first.period, doc.name, first.line,
                    derived=True, how=names, basis=(first.value, second.value), op="+",
                    cells=(cell_of(first), cell_of(second)))
    text = render("ratio", ratio=f"Total {first.label[:1].lower()}{first.label[1:]}",
                  amount=amount(value, first.unit, first.scale, ""),
                  period=period_words(doc, first.period), formula=names)
    citations = [_cited(doc, f)
                 for f in parts]
    return Answer(q.text, text, True, [figure, *(fact_figure(doc, f) for f in parts)], citations, doc.name)


def compose_section_total(doc: Document, q: Query, match: RowMatch, other: RowMatch,
                          ignore: set[str]) -> Answer | None:
    """An item printed as a heading over its parts and no total ("Selling, general & administrative
    expenses" over "Depreciation and amortization" and "Other"): the question names the heading, not a
    part, so the answer is the parts added, for the period asked, shown with each part."""
    heading = match.section.split(" > ")[-1] if match.section else ""
    asked = [t for t in q.terms if not all(len(a) == 1 and (a[0] in ignore or a[0] in SOFT_STEMS) for a in t)]
    if not heading or other.section != match.section or other.label == match.label or not asked or \
            not all(matches(t, stems(heading)) for t in asked) or \
            any(matches(t, stems(match.label)) for t in asked):
        return None
    first = pick_fact(doc, match.facts, q.period)
    if first is None:
        return None
    parts = [f for f in doc.facts if f.table == first.table and f.section == match.section
             and f.column_index == first.column_index and f.unit == first.unit and f.period == first.period]
    if len(parts) < 2 or any(TOTAL_ASKED.match(f.label) for f in parts):
        return None  # one part, or a total printed: its row answers
    value = sum(f.value for f in parts)
    names = " plus ".join(f"{f.label} {amount(f.value, f.unit, f.scale, f.label)}" for f in parts)
    figure = Figure(heading, value, first.unit, first.period, doc.name, first.line, derived=True, how=names,
                    basis=tuple(f.value for f in parts), op="+", cells=tuple(cell_of(f) for f in parts))
    text = render("ratio", ratio=heading, amount=amount(value, first.unit, first.scale, ""),
                  period=period_words(doc, first.period), formula=names)
    citations = [Citation(doc.name, f.line, f"{f.table_title} > {f.section} > {f.label}: {f.column}: "
                          f"{f.text}") for f in parts]
    return Answer(q.text, text, True, [figure, *(fact_figure(doc, f) for f in parts)], citations, doc.name)


def _cited(doc: Document, f: Fact) -> Citation:
    """A cell an answer is made of: its table, row, column and the figure as printed."""
    return Citation(doc.name, f.line, f"{f.table_title} > {f.label}: {f.column}: {f.text}")


def _at(facts: list[Fact], label: re.Pattern[str], like: Fact) -> Fact | None:
    """The row named ``label`` at the same date and in the same currency as ``like``."""
    return next((f for f in facts if label.search(f.label.strip()) and f.period == like.period
                 and f.unit == like.unit), None)
