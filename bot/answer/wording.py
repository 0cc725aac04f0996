"""Figures in the words a person would use: ``$2.5 million ($2,473 thousand)``, ``$0.07 per share``."""

from __future__ import annotations

import re

from index.document import Document, Fact
from index.reader.numbers import currency_symbol, format_money
from index.reader.periods import Period

NEGATIVE_WORDS = re.compile(r"\b(loss|losses|deficit|expenses?|costs?|used in|outflows?|decrease)\b", re.I)


def money(value: float, currency: str, scale: float = 1.0) -> str:
    """``$2.5 million ($2,473 thousand)``; the printed scale in brackets when it differs."""
    text = format_money(abs(value), currency)
    symbol = currency_symbol(currency)
    word = {1e3: "thousand", 1e6: "million"}.get(scale)
    if word and abs(value) >= scale * 1000:
        printed = abs(value) / scale
        shown = f"{printed:,.0f}" if printed == int(printed) else f"{printed:,.1f}"
        text += f" ({symbol}{shown} {word})"
    return text


def amount(fact_value: float, unit: str, scale: float = 1.0, label: str = "") -> str:
    """Any figure with its unit; a loss in a neutral label is called a loss."""
    neg = fact_value < 0
    a = abs(fact_value)
    if unit == "percent":
        return f"{fact_value:,.1f}%".replace(".0%", "%")
    if unit == "bps":
        return f"{fact_value:,.0f} basis points"
    if unit == "points":
        return f"{fact_value:,.1f} percentage points"
    if unit == "ratio":
        return f"{fact_value:,.2f}"
    if unit == "shares":
        if a >= 1e6 and a % 1000:
            return f"{a:,.0f} shares ({a / 1e6:,.1f} million)"
        return f"{a / 1e6:,.1f} million shares" if a >= 1e6 else f"{a:,.0f} shares"
    if unit == "count":
        if a >= 1e6:  # "133 million", as a person says it
            return f"{fact_value / 1e6:,.1f}".removesuffix(".0") + " million"
        return f"{a:,.0f}"
    if "/" in unit:
        currency, per = unit.split("/")
        symbol = currency_symbol(currency)
        digits = 3 if a < 1 and abs(round(a, 2) - a) > 1e-9 else 2
        text = f"{symbol}{a:,.{digits}f} per {per}"
        return f"a loss of {text}" if neg and not NEGATIVE_WORDS.search(label) else text
    text = money(fact_value, unit, scale)
    if neg and re.search(r"income|earnings|profit", label, re.I) and \
            re.search(r"\(loss\)|/\s*\(?loss", label, re.I):
        return f"a loss of {text}"
    if neg and re.search(r"\b(paid|payments?|purchases?|repurchases?|dividends|additions|acquisitions|"
                         r"capital expenditures|repayments?)\b", label, re.I):
        return f"{text} (an outflow)"
    if neg and not NEGATIVE_WORDS.search(label):
        return f"negative {text}" if not re.search(r"income|earnings|profit|result", label, re.I) else (
            f"a loss of {text}")
    return text


def period_words(doc: Document, period: Period | None) -> str:
    """``for the three months ended June 30, 2007 (the first quarter of fiscal 2008)``, or ``at June 30,
    2007`` for a balance-sheet date."""
    if period is None:
        return "for the period shown"
    text = ("at " if not period.months else "for ") + period.describe()
    meta = doc.metadata
    if meta.period and meta.fiscal_label and period == meta.period:
        text += f" (the {meta.fiscal_label})"
    return text


def relative_words(doc: Document, base: Fact, current: Fact) -> str:
    """``a year earlier`` or ``at March 31, 2007``."""
    if base.period and current.period and base.period.months:
        months = (current.period.end.year - base.period.end.year) * 12 + (
            current.period.end.month - base.period.end.month)
        if 11 <= months <= 13:
            return "a year earlier"
        if 2 <= months <= 4:
            return "in the prior quarter"
    return f"at {base.period.describe()}" if base.period and not base.period.months else (
        f"for {base.period.describe()}" if base.period else "in the comparative column")


def verb(label: str) -> str:
    """``was`` or ``were``, by the label's last word."""
    words = re.sub(r"\([^)]*\)", "", label).strip().lower().split(" ")
    last = words[-1] if words else ""
    plural = last.endswith("s") and not last.endswith(("ss", "us", "is")) and last not in ("loss", "gross")
    plural = plural or (words[0] == "shares" and len(words) <= 3)
    return "were" if plural else "was"


def display_label(label: str) -> str:
    """A label fit to start a sentence: units and footnotes dropped, capitals calmed."""
    label = label.replace("/(loss)", " (loss)").replace("/(Loss)", " (loss)")
    label = re.sub(r"\s+--\s+", ", ", label)
    label = re.sub(r"\s*\([^)]*(million|thousand|billion|\$|in )[^)]*\)\s*$", "", label,
                   flags=re.I).strip() or label
    if label.isupper() and len(label.split()) >= 2:
        label = label.lower()
    return label[:1].upper() + label[1:]
