"""Facts: every table cell as a figure in base units, with its unit and period."""

from __future__ import annotations

import re
from datetime import date

from index.document import Cell, Fact, Row, Table
from index.reader.inline import inline_facts
from index.reader.numbers import CURRENCY_PREFIXES
from index.reader.periods import DATE_RE, YEAR_RE, Period, duration_months, find_date

PER_SHARE = re.compile(
    r"per (?:common |basic |diluted )?(?:share|ads|adr|unit)|\beps\b|per equivalent ads", re.I)
# "10 votes per share", "par value $0.01 per share": a stock's terms, not a per-share amount
STOCK_TERMS = re.compile(r"\b(?:\d+\s+votes?|par value[^;,()]*?)\s+per share", re.I)
SHARES = re.compile(r"\bshares\b|\bnumber of\b", re.I)
SHARE_COUNT = re.compile(
    r"^(weighted|shares\b|number of (weighted |common )?shares)|shares (used|outstanding)|"
    r"average (number of )?shares", re.I)
COUNTS = re.compile(r"\bnumber of (?!.*shares)|\bemployees\b|\bheadcount\b", re.I)
# things a release counts ("Active Buyers", "Paid members", "Warehouses"): a count even under a "$ in
# millions" caption, unless the label names money too ("Revenue from members") or the cell prints "$"
# people are counted in the table's millions ("Active Buyers 133"); places one by one
COUNTED_PEOPLE = re.compile(r"\b(buyers|sellers|customers|users|subscribers|members|cardholders|"
                            r"households)\b", re.I)
COUNTED_THINGS = re.compile(COUNTED_PEOPLE.pattern + r"|\b(stores|warehouses|restaurants|locations|clubs|"
                            r"associates|openings|closings|closures)\b", re.I)  # employees: COUNTS
MONEY_WORDS = re.compile(r"revenue|sales|income|earnings|cost|expense|fees?\b|receivable|payable|deposits|"
                         r"cash|value|volume|spend|liabilit|assets|profit|loss|\$", re.I)
MONEY_ACTION = re.compile(r"repurchase|purchase|proceeds|issuance|payments?\b|paid|buy-?back|redemption|"
                          r"dividend|\bcost\b|value", re.I)
RATIO = re.compile(r"\bfx\b|exchange rate|\bratio\b", re.I)
PERCENT_ROW = re.compile(r"%|\bmargin\b|\bpercent\b|\bgrowth\b|\brate\b", re.I)


def unit_and_scale(table: Table, row: Row, cell: Cell, header: str = "") -> tuple[str, float]:
    """The unit of a cell and the factor that takes it to base units; ``header`` is its column's heading
    ("Earnings per share - diluted 2023" beside "Net Income 2023" columns)."""
    text = f"{' '.join(row.section)} {row.label}"
    note = row.unit_note
    currency = cell.currency or table.currency
    # a row's own note ("NT$ in millions", "US$") names its currency; a bare "$" does not override
    currency = next((code for sign, code in CURRENCY_PREFIXES.items() if len(sign) > 1 and sign in note),
                    currency)
    note_scale = 1e3 if "thousand" in note.lower() else 1e6 if "million" in note.lower() else (
        1e9 if "billion" in note.lower() else None)
    if cell.bps:
        return "bps", 1.0
    if cell.percent:
        return "percent", 1.0
    label = STOCK_TERMS.sub("", row.label)
    if SHARE_COUNT.search(label) or (SHARE_COUNT.search(text) and not PER_SHARE.search(label)):
        return "shares", note_scale or _share_scale(table)
    # a per-share section ("Diluted net income per share") covers its rows only while they are printed
    # as per-share amounts are, with cents: a section heading that was never closed does not make
    # "Free cash flow 11,217" a per-share figure
    if PER_SHARE.search(label) or ((PER_SHARE.search(text) or PER_SHARE.search(header))
                                       and not SHARES.search(row.label)
                                       and (cell.decimals > 0 or cell.value is None)):
        per = "ADS" if re.search(r"\bADS\b|\bADR\b", text) else "share"
        return f"{currency}/{per}", 1.0
    if RATIO.search(row.label):
        return "ratio", 1.0
    if COUNTS.search(row.label) or (COUNTED_THINGS.search(row.label) and not MONEY_WORDS.search(row.label)
                                    and "$" not in cell.text and not cell.currency):
        people = bool(COUNTED_PEOPLE.search(row.label)) and table.scale_source.known
        return "count", note_scale or (table.scale if people else 1.0)
    if SHARES.search(row.label) and not re.search(r"\$|stock,|par value", row.label) and not (
            MONEY_ACTION.search(row.label) and not re.match(r"(number of |shares\b)", row.label, re.I)
            or re.search(r"cash flows?", table.title, re.I)):
        # "Repurchase of common shares" in a cash-flow statement is money paid, not shares
        return "shares", note_scale or _share_scale(table)
    if PERCENT_ROW.search(row.label) and not re.search(r"\$", cell.text) and abs(cell.value or 0) < 1000:
        if re.search(r"%|margin|percent", row.label, re.I):
            return "percent", 1.0
    return currency, note_scale or table.scale


def _share_scale(table: Table) -> float:
    """The scale of share counts: the table's, unless its caption excepts shares ("except share data":
    units; "except number of shares, which are reflected in thousands": thousands)."""
    if not re.search(r"(?<!per )(?<!per-)\bshare", table.scale_except, re.I):
        return table.scale
    m = re.search(r"\b(thousand|million|billion)s?\b", table.scale_except, re.I)
    return {"thousand": 1e3, "million": 1e6, "billion": 1e9}[m.group(1).lower()] if m else 1.0


def _label_dates(table: Table) -> dict[int, tuple[str, date]]:
    """Rows that carry their own date where no column header does ("Net sales December 31, 2024" and
    "Net sales December 31, 2023" under "Fourth Quarter Ended | Americas | Europe"): row index -> (label
    without the date, the date). The rows that follow a dated pair ("Dollar change", "Net sales % increase")
    compare its first, the period's own figure, with the earlier, and take its date."""
    if any(YEAR_RE.search(c.header) for c in table.columns):
        # the columns are dated: a date in a label is part of its name ("Business loan dated March 14, 2014")
        return {}
    out: dict[int, tuple[str, date]] = {}
    current: date | None = None
    dated_before = False
    for r, row in enumerate(table.rows):
        m = DATE_RE.search(row.name)
        when = find_date(m.group(0)) if m and not row.name[m.end():].strip(" ,.:") else None
        if when is not None:
            if not dated_before:
                current = when  # the first of a run of dated rows is the period's own
            out[r] = (row.name[:m.start()].rstrip(" ,:-") if m else row.name, when)
        elif current is not None:
            out[r] = (row.name, current)
        dated_before = when is not None
    return out if any(r for r in out if DATE_RE.search(table.rows[r].name)) else {}


def facts_of(table: Table) -> list[Fact]:
    """One fact per filled cell of a table."""
    facts: list[Fact] = []
    dated = _label_dates(table)
    for r, row in enumerate(table.rows):
        for c, cell in sorted(row.cells.items()):
            if cell.value is None:
                continue
            column = table.column(c)
            unit, scale = unit_and_scale(table, row, cell, column.header)
            value = round(cell.value * scale, 6)
            label, period = row.name, column.period
            if r in dated:
                months = duration_months(column.header) or duration_months(table.title) or (
                    column.period.months if column.period else None)
                if months is not None:
                    label, period = dated[r][0], Period(dated[r][1], months)
            facts.append(Fact(
                table=table.id, table_title=table.title, section=" > ".join(row.section),
                label=label, column=column.header, period=period, value=value, unit=unit,
                text=cell.text, line=row.line, decimals=cell.decimals, scale=scale, row_index=r,
                column_index=c,
            ))
        facts.extend(inline_facts(table, r, row, _share_scale(table)))
    return facts
