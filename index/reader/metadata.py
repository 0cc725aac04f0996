"""Metadata of a release: company, ticker, exchange, release date, and the period reported."""

from __future__ import annotations

import re
from datetime import date

from index.document import Metadata, Table
from index.reader.layout import Layout
from index.reader.periods import (
    DATE_RE,
    DMY_RE,
    ORDINAL_NAMES,
    ORDINAL_WORDS,
    ORDINALS,
    Period,
    add_months,
    calendar_quarter_end,
    find_date,
    fiscal_quarter_end,
    fiscal_year_end,
    full_year,
    near,
    quarter_code,
    quarters_named,
)

TICKER_RE = re.compile(
    r"\((NYSE American|NYSE MKT|NYSE|NASDAQ|Nasdaq|OTCQB|OTCQX|OTC|AMEX|TSX|TWSE|LSE|Euronext|"
    r"[A-Z][A-Za-z]{1,15}(?: [A-Z][A-Za-z]{1,15})?)\s*:\s*([A-Z][A-Z0-9.]{0,6})\)")
COMPANY_RE = re.compile(r"^(.*?)\s+(?i:Reports|Announces|Reported|Posts|Delivers|Releases|Provides)\b")
# an HTML <title> that names nothing: Workiva's "Document", a file name
GENERIC_TITLE = re.compile(r"^(document|untitled|ex-?\d+[\d.]*|exhibit [\d.]+|[\w.-]+\.html?)$", re.I)
FISCAL_RE = re.compile(
    r"\b(" + ORDINAL_WORDS + r")[\s-]+quarter\s+(?:and\s+(?:full[\s-]+)?(?:fiscal\s+)?(?:year\s+)?)?"
    r"(?:of\s+)?"
    r"(?:fiscal\s+(?:year\s+)?)?(\d{4})", re.I)
BARE_QUARTER_RE = re.compile(r"\b(" + ORDINAL_WORDS + r")[\s-]+quarter\b(?!\s+(?:of\s+)?(?:fiscal\s+)?\d)",
                             re.I)
# a sentence about the future names the quarter guided to, not the one reported
FORWARD_RE = re.compile(r"\b(outlook|expect(s|ed)?|anticipate[sd]?|guidance|will be|forecast)\b", re.I)
FISCAL_CODE_RE = re.compile(r"\bQ([1-4])\s*(?:FY|fiscal\s*)(\d{2,4})\b", re.I)


# "McDonald's Corporation today announced": a legal name in the dateline or first paragraph
LEGAL_NAME_RE = re.compile(r"\b((?:[A-Z][\w'’&.-]*\s){0,3}[A-Z][\w'’&.-]*),? (?:Inc\.|Corporation|Corp\.|"
                           r"Company|Co\.|Ltd\.|plc|N\.V\.)(?:\s*\([^)]*\))?"
                           r"(?= today| announced| reported|,)")


def read_metadata(layout: Layout, tables: list[Table]) -> Metadata:
    """What the release says about itself, from its title, dateline and statements."""
    meta = Metadata()
    prose = [b.text for b in layout.blocks if b.kind != "outlook"]  # not guidance tables read as sentences
    texts = prose[:40]
    own_title = layout.title if layout.title and not GENERIC_TITLE.match(layout.title.strip()) else None
    head = " ".join(([own_title] if own_title else []) + texts)
    title = own_title or (texts[0] if texts else "")
    m = COMPANY_RE.match(title) or next((COMPANY_RE.match(t) for t in texts if COMPANY_RE.match(t)), None)
    if m:
        meta.company = re.sub(r"[(®™].*$", "", m.group(1)).strip(" ,")
        meta.company = re.sub(r"^(?:news release|press release|exhibit [\d.]+)\s*", "", meta.company,
                              flags=re.I)
    if not meta.company or re.match(r"(?i)exhibit\b", meta.company):
        named = LEGAL_NAME_RE.search(head)
        meta.company = named.group(1) if named else meta.company
    # the ticker of the dateline, else of the "About" paragraph at the end ("Intel (Nasdaq: INTC) is ...")
    t = TICKER_RE.search(head) or TICKER_RE.search(" ".join(prose[40:]))
    if t:
        meta.exchange, meta.ticker = t.group(1).upper(), t.group(2)
    else:
        dj = re.search(r">([A-Z]{1,5})\b", head)
        meta.ticker = dj.group(1) if dj else None
    if not meta.company and layout.blocks:
        first = layout.blocks[0].text
        meta.company = first.split(" - ")[0][:80]
    if meta.company and meta.company.isupper() and " " in meta.company.strip():
        meta.company = meta.company.title()  # "THE BUCKLE, INC." as a person writes it
    meta.release_date = _release_date(texts)
    if meta.release_date is None and "date" in layout.meta:
        try:
            meta.release_date = date.fromisoformat(layout.meta["date"][:10])
        except ValueError:
            pass
    meta.period = reported_period(tables)
    reported = " ".join(s for s in re.split(r"(?<=[.!?])\s+", head) if not FORWARD_RE.search(s))
    f = FISCAL_RE.search(reported)
    if f:
        fiscal = "fiscal " if "fiscal" in f.group(0).lower() else ""
        meta.fiscal_label = f"{f.group(1).lower()} quarter of {fiscal}{f.group(2)}"
    else:
        code = FISCAL_CODE_RE.search(reported)
        bare = BARE_QUARTER_RE.search(reported)
        if code:
            year = full_year(code.group(2))
            meta.fiscal_label = f"{ORDINAL_NAMES[int(code.group(1))]} quarter of fiscal {year}"
        elif bare and meta.period and meta.period.months == 3:
            # "Reports Record Second Quarter Results" with a quarter ended December 31, 2024: the
            # fiscal year is the one that ends 3 x (4 - 2) months later, in June 2025
            quarter = ORDINALS[bare.group(1).lower()]
            year_end = add_months(meta.period.end, 3 * (4 - quarter))
            meta.fiscal_label = f"{ORDINAL_NAMES[quarter]} quarter of fiscal {year_end.year}"
    return meta


def _release_date(texts: list[str]) -> date | None:
    """The dateline's date (``MIAMI--(BUSINESS WIRE)--February 10, 2025--``), else a date alone on
    a line near the top."""
    for text in texts:
        for pattern in (DATE_RE.pattern, DMY_RE.pattern):
            d = re.search(r"(?:--|—|/|\)|,|^|release:)\s*(" + pattern + r")\s*(?:--|—|/|\||$)", text, re.I)
            if d:
                return find_date(d.group(1))
    for text in texts[:10]:
        d = DATE_RE.search(text)
        if d and len(text) < 60:
            return find_date(d.group(0))
    return None


def fiscal_quarter(meta: Metadata) -> tuple[int, int] | None:
    """(quarter, fiscal year) of the reported period, when the release names it."""
    if not meta.fiscal_label:
        return None
    m = re.match(r"(\w+) quarter of (?:fiscal )?(\d{4})", meta.fiscal_label)
    return (ORDINALS[m.group(1)], int(m.group(2))) if m else None


def reported_period(tables: list[Table]) -> Period | None:
    """The latest quarter among the statement columns; else the latest duration."""
    periods = [c.period for t in tables for c in t.columns if c.period and c.period.months]
    quarters = [p for p in periods if p.months == 3]
    pool = quarters or periods
    return max(pool, key=lambda p: (p.end, -p.months)) if pool else None


def resolve_quarter_codes(tables: list[Table], meta: Metadata) -> None:
    """Give ``Q2 FY25`` and ``4Q24`` columns a period, snapped to dates the statements print."""
    known = sorted({c.period.end for t in tables for c in t.columns if c.period})
    fq = fiscal_quarter(meta)
    for table in tables:
        for col in table.columns:
            if col.period is not None or col.change:
                continue
            code = quarter_code(col.header)
            end: date | None = None
            fy = re.search(r"\b(?:FY|fiscal(?: year)?|full[- ]year|year)\s*'?(\d{4}|\d{2})\b",
                           col.header, re.I) or re.search(r"\bF(\d{2})\b", col.header)  # "F19"
            if code is None and fy:
                year = full_year(fy.group(1))
                if fq and meta.period and re.search(r"FY|fiscal", col.header, re.I):
                    end = fiscal_year_end(meta.period.end, fq, year)
                else:
                    end = date(year, 12, 31)
                near_end = [k for k in known if near(k, end)]
                col.period = Period(near_end[0] if near_end else end, 12)
                continue
            if code and re.search(r"FY", col.header, re.I) and fq and meta.period:
                end = fiscal_quarter_end(meta.period.end, fq, *code)
            elif code:
                end = calendar_quarter_end(*code)
            elif meta.period and re.search(r"quarter|months|year", col.header, re.I):
                end = meta.period.end
            if end is None:
                continue
            snapped = [k for k in known if near(k, end)]
            end = snapped[0] if snapped else end
            months = 12 if re.search(r"\byear\b", col.header, re.I) and not code else 3
            col.period = Period(end, months)
        titled_changes(table, meta, known)


def titled_changes(table: Table, meta: Metadata, known: list[date]) -> None:
    """A table of changes and their parts, no column dated ("GAAP Reported % Change", "Foreign Exchange
    Translation", "Organic % Change"), under a title that names its period ("Summary Fourth-Quarter 2022
    Performance", "Full-Year 2022"): every column is of that period."""
    fq = fiscal_quarter(meta)
    if not any(c.change for c in table.columns) or any(c.period is not None for c in table.columns) or \
            meta.period is None or fq is None:
        return
    years = re.findall(r"\b((?:19|20)\d\d)\b", table.title)
    quarters = quarters_named(table.title)
    full = re.search(r"\b(full[- ]year|fiscal[- ]year|year[- ]to[- ]date)\b", table.title, re.I)
    if len(years) != 1 or len(quarters) > 1 or bool(quarters) == bool(full):
        return  # no period, or more than one
    year = int(years[0])
    if quarters:
        end, months = fiscal_quarter_end(meta.period.end, fq, quarters[0], year), 3
    else:
        end, months = fiscal_year_end(meta.period.end, fq, year), 12
    snapped = [k for k in known if near(k, end)]
    for col in table.columns:
        col.period = Period(snapped[0] if snapped else end, months)
