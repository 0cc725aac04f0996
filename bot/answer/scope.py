"""Which releases a question is about: ``--doc``, a company, ticker or period it names, the
conversation's release, or every release indexed."""

from __future__ import annotations

import re
from typing import Any

from index.document import Document
from index.errors import IndexStoreError, UnknownDocumentError
from index.reader.periods import ORDINAL_NAMES, ORDINAL_WORDS, ORDINALS, near


def scope(store: Any, question: str, doc: str | None, current: str | None = None) -> list[str]:
    """Releases a question is about: --doc, a company/ticker/period it names, the conversation's,
    or every release indexed."""
    releases = store.catalog()
    names = [r.name for r in releases]
    if not names:
        raise IndexStoreError("the index is empty; add a release with 'pressbot index add FILE'")
    if doc:
        if doc not in names:
            raise UnknownDocumentError(f"no release named {doc!r} in the index; "
                                       f"indexed: {', '.join(names)}")
        return [doc]
    if len(names) == 1:
        return names
    low = question.lower()
    named = [r.name for r in releases if _mentions(low, r.company, r.name)]
    if named:
        return named
    tickers = [r.name for r in releases if r.name and re.search(
        rf"\b{re.escape(store.document(r.name).metadata.ticker or '#')}\b", question)]
    if tickers:
        return tickers
    if current and current in names:
        return [current]
    by_period = [n for n in names if _period_fits(question, store.document(n))]
    return by_period or names


ORDINAL_Q = re.compile(r"\b(" + ORDINAL_WORDS + r") (fiscal )?quarter\b|\bq([1-4])\b", re.I)


def _period_fits(question: str, doc: Document) -> bool:
    """Whether the period a question names is one the release reports (or prints)."""
    from bot.answer.question import parse_period

    spec = parse_period(question)
    if spec.end is not None:
        return any(f.period and near(f.period.end, spec.end) for f in doc.facts)
    if spec.fiscal is not None or spec.fiscal_year is not None or spec.calendar_year is not None:
        from bot.answer.select import target_end

        end, _ = target_end(doc, spec)
        year = spec.calendar_year
        return any(f.period and ((end and near(f.period.end, end)) or
                                 (year and f.period.end.year == year)) for f in doc.facts)
    m = ORDINAL_Q.search(question)
    label = doc.metadata.fiscal_label or ""
    if m and label:
        word = (m.group(1) or "").lower()
        number = int(m.group(3)) if m.group(3) else ORDINALS.get(word, 0)
        ordinal = ORDINAL_NAMES.get(number, "")
        return label.startswith(ordinal) if ordinal else False
    return False


def _mentions(low: str, company: str, name: str) -> bool:
    words = [w for w in re.findall(r"[a-z]+", (company or "").lower()) if len(w) > 2 and w not in (
        "inc", "corp", "corporation", "holding", "holdings", "ltd", "co", "the", "technology",
        "technologies", "industries", "company", "group", "brands", "water")]
    return any(re.search(rf"\b{re.escape(w)}\b", low) for w in words[:2])


def company_words(store: Any) -> set[str]:
    """Stems of the indexed companies' names, release names and tickers: words that name a release,
    never a line item."""
    from index.reader.words import stem

    out: set[str] = set()
    for r in store.catalog():
        out |= {stem(w) for w in re.findall(r"[a-z]+", (r.company or "").lower())}
        out |= {stem(w) for w in re.findall(r"[a-z]+", r.name.lower()) if len(w) > 2}
        ticker = store.document(r.name).metadata.ticker
        if ticker:
            out.add(stem(ticker))
    return out - {"net", "revenu", "incom", "sal"}
