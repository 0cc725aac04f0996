"""Figures printed inside a row label, not in its cells.

A balance sheet states share counts and contra-account amounts in the label itself:

- ``144,551,787 shares issued and 144,000,431 shares outstanding at June 30, 2007; 144,512,997 ...``
- ``14,608,963 and 14,773,260 shares issued and outstanding, respectively`` (the columns, in order)
- ``issued and outstanding: 5,953,290 shares at December 31, 2024 and 5,958,290 shares at ...``
- ``net of allowance for doubtful accounts of $789 at June 30, 2007 and $789 at March 31, 2007``
- ``less reserve allowances of $11.9 million at December 31, 2024 and December 31, 2023`` (both dates)

The label is read as a run of tokens (figures, kinds, dates, "respectively", clause breaks). Figures
between two dates form a group; the dates that follow a group belong to it. Within a group, figures of
one kind pair with the dates in order when they are as many; a single figure of a kind holds at every
date; with no date, figures go to the table's dated columns in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.document import Fact, Row, Table
from index.reader.periods import DATE_RE, Period, find_date

_DATE = DATE_RE.pattern.replace("?P<month>", "?:").replace("?P<day>", "?:").replace("?P<year>", "?:")
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SHARE_KIND = r"issued and outstanding|issued or outstanding|outstanding|issued|authorized"
TOKEN = re.compile(
    r"(?P<date>" + _DATE + r")"
    r"|\$\s?(?P<money>" + _NUM + r")(?:\s+(?P<scale>thousand|million|billion)s?\b)?(?!\s*par\b)"
    r"|(?P<count>\b\d{1,3}(?:,\d{3})+\b|\b\d+\b(?=\s+shares\b))(?![.,]?\d)"
    r"|(?P<kind>\b(?:" + SHARE_KIND + r")\b)"
    r"|\bin (?:fiscal )?(?P<year>(?:19|20)\d\d)\b"
    r"|(?P<stop>[;()])", re.I)
RUN = re.compile(r"(?:\s*,?\s*(?:and\s+)?(?:" + _NUM + r"))*\s+(shares?\b\s*)?(" + SHARE_KIND + r")?", re.I)
CONTRA = re.compile(r"\b(?:net of|less)\s+(?P<what>[^;()$]*?)\s+of\s*$", re.I)
STOCK = re.compile(r"(?:class [a-z] |series [a-z] )?(?:convertible )?(?:common|preferred|capital|treasury) "
                   r"(?:stock|shares)(?: and additional paid-in capital)?", re.I)
SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9}


@dataclass
class _Figure:
    value: float
    unit: str
    what: str
    text: str
    dates: list[Period] = field(default_factory=list)


@dataclass
class _Group:
    figures: list[_Figure] = field(default_factory=list)
    dates: list[Period] = field(default_factory=list)


def inline_facts(table: Table, r: int, row: Row, share_scale: float) -> list[Fact]:
    """The figures printed inside ``row``'s label, each with the date it is stated for."""
    label = row.label
    columns = list(dict.fromkeys(c.period for c in table.columns if c.period and c.period.months == 0))
    # what the label is of: "Class B common stock", "Accounts receivable"
    stock = STOCK.search(label)
    head = stock.group(0) if stock else re.split(r"[,;(]", label)[0].strip()
    groups: list[_Group] = [_Group()]
    kind = money_what = ""
    for m in TOKEN.finditer(label):
        group = groups[-1]
        after = label[m.end():]
        if m.group("stop"):
            groups.append(_Group())
        elif m.group("kind"):
            kind = m.group("kind").lower()
        elif m.group("date") or m.group("year"):
            period = _date(m.group("date")) if m.group("date") else _year(columns, m.group("year"))
            if period:
                group.dates.append(period)
        elif m.group("money"):
            before = label[:m.start()].split(";")[-1]
            contra = CONTRA.search(before)
            # "of $10 on December 31, 2024 and $11 on June 30, 2024": the second amount is of the same
            what = contra.group("what").strip(" ,") if contra else (
                money_what if money_what and re.search(r"(?:\band|,)\s*$", before) else "")
            if what:
                money_what = what
                if group.dates:
                    groups.append(group := _Group())
                scale = SCALE_WORDS[m.group("scale").lower()] if m.group("scale") else table.scale
                value = float(m.group("money").replace(",", "")) * scale
                group.figures.append(_Figure(value, table.currency, f"{what} ({head})", m.group(0)))
        else:
            # "14,608,963 and 14,773,260 shares issued": the kind after the last figure of a run, or the
            # kind named before the run ("issued and outstanding: 5,953,290 shares at ...")
            run = RUN.match(after)
            what = (run.group(2) or (kind if run.group(1) else "")).lower() if run else ""
            if not what:
                continue
            if group.dates:
                groups.append(group := _Group())
            value = float(m.group("count").replace(",", "")) * share_scale
            group.figures.append(_Figure(value, "shares", f"{head}, shares {what}", m.group("count")))
    out: list[Fact] = []
    for group in groups:
        for figure, period in _dated(group, columns):
            out.append(Fact(table=table.id, table_title=table.title, section=" > ".join(row.section),
                            label=figure.what, column="in the row label", period=period,
                            value=round(figure.value, 6), unit=figure.unit, text=figure.text, line=row.line,
                            decimals=0, scale=1.0, row_index=r, column_index=-1))
    return out


def _dated(group: _Group, columns: list[Period]) -> list[tuple[_Figure, Period]]:
    """Each figure of a group with the dates it holds at."""
    out: list[tuple[_Figure, Period]] = []
    kinds = list(dict.fromkeys(f.what for f in group.figures))
    for what in kinds:
        figures = [f for f in group.figures if f.what == what]
        dates = group.dates or columns[:len(figures) if len(figures) > 1 else 1]
        if len(figures) == len(dates):
            out.extend(zip(figures, dates, strict=True))
        elif len(figures) == 1:
            out.extend((figures[0], d) for d in dates)
    return out


def _date(text: str) -> Period | None:
    end = find_date(text)
    return Period(end, 0) if end else None


def _year(columns: list[Period], year: str) -> Period | None:
    return next((p for p in columns if p.end.year == int(year)), None)
