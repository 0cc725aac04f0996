"""Which releases a question is about: ``--doc``, a company, ticker or period it names, the
conversation's release, or every release indexed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from index.document import Document
from index.errors import IndexStoreError, UnknownDocumentError
from index.reader.periods import MONTHS, ORDINAL_NAMES, ORDINAL_WORDS, ORDINALS, near


@dataclass
class Scope:
    """The releases a question is about, or why none was chosen: a company named that is not indexed,
    or several companies indexed and none named (the bot then asks which)."""

    names: list[str]
    unknown_company: str = ""
    ambiguous: list[str] = field(default_factory=list)  # the companies to choose from


def scope(store: Any, question: str, doc: str | None, current: str | None = None) -> Scope:
    """Releases a question is about: --doc, a company/ticker/period it names, the conversation's,
    or, when every release is of one company, all of them."""
    releases = store.catalog()
    names = [r.name for r in releases]
    if not names:
        raise IndexStoreError("the index is empty; add a release with 'pressbot index add FILE'")
    if doc:
        if doc not in names:
            raise UnknownDocumentError(f"no release named {doc!r} in the index; "
                                       f"indexed: {', '.join(names)}")
        return Scope([doc])
    low = question.lower()
    named = [r.name for r in releases if _mentions(low, r.company, r.name)]
    tickers = [r.name for r in releases if r.name and re.search(
        rf"\b{re.escape(store.document(r.name).metadata.ticker or '#')}\b", question)]
    if named or tickers:
        # every release of the companies named, though some releases print no ticker
        companies = {company_of(r) for r in releases if r.name in named + tickers}
        return Scope([r.name for r in releases if company_of(r) in companies])
    other = _other_company(question, releases, store)
    if other:
        return Scope([], unknown_company=other)
    if len(names) == 1:
        return Scope(names)
    if current and current in names:
        return Scope([current])
    by_period = [n for n in names if _period_fits(question, store.document(n))] or names
    choices = sorted({company_of(r) for r in releases if r.name in by_period})
    if len(choices) > 1:
        return Scope([], ambiguous=choices)
    return Scope(by_period)


def company_of(release: Any) -> str:
    """The company a catalog record is of (its release name when the release names none)."""
    return str(release.company or release.name)


# a company named in a question: a possessive ("Buckle's", "The Buckle's") or "at/for/of <Name>"
NAMED_RE = re.compile(r"\b((?:The )?[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,2})['’]s\b|"
                      r"\b(?:at|for|of|from|did|does|has|is) "
                      r"((?:The )?[A-Z][a-z][\w&.-]*(?: [A-Z][\w&.-]*){0,2})")


def _other_company(question: str, releases: list[Any], store: Any) -> str:
    """A company the question names that no indexed release is of ('' when none is named)."""
    from bot.answer.lexicon import lexicon

    known = lexicon().known | lexicon().filler
    for m in NAMED_RE.finditer(question):
        name = (m.group(1) or m.group(2) or "").strip()
        words = [w for w in re.findall(r"[A-Za-z][\w&.-]*", name) if w.lower() != "the"]
        if not words or any(_is_period_word(w) for w in words):
            continue
        if all(w.lower() in known or w.lower() in MONTHS or w.isupper() and len(w) <= 4 and
               _is_known_code(w) for w in words):
            continue
        if any(_mentions(" ".join(words).lower(), r.company, r.name) for r in releases):
            continue
        if any(_prints(store.document(r.name), " ".join(words)) for r in releases):
            continue  # a segment, brand or region a release prints ("Frito-Lay North America")
        return name
    return ""


def _prints(doc: Document, name: str) -> bool:
    """Whether a release prints a name in its narrative, its tables' captions, column headings or row
    labels ("Activision" heading a segment's column)."""
    pattern = re.compile(r"\b" + re.escape(name.lower()) + r"\b")
    return any(pattern.search(b.text.lower()) for b in doc.blocks) or any(
        pattern.search(f"{t.caption} {t.title}".lower())
        or any(pattern.search(c.header.lower()) for c in t.columns)
        or any(pattern.search(r.label.lower()) for r in t.rows) for t in doc.tables)


def _is_period_word(w: str) -> bool:
    return bool(re.fullmatch(r"(?i)q[1-4]|[1-4]q\d*|fy\d*|h[12]|\d+|fiscal|quarter|january|february|march|"
                             r"april|may|june|july|august|september|october|november|december", w))


def _is_known_code(w: str) -> bool:
    """Finance abbreviations written in capitals (EPS, GAAP, EBITDA, R&D) are not company names."""
    from bot.answer.lexicon import lexicon

    codes = {"eps", "gaap", "ebitda", "r&d", "sg&a", "ceo", "cfo", "fcf", "capex", "opex", "cogs", "us"}
    return w.lower() in lexicon().abbreviations or w.lower() in codes


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


LEGAL_FORMS = ("corporation", "incorporated")  # also filler words of questions
GENERIC_NAME_WORDS = {"inc", "corp", "corporation", "holding", "holdings", "ltd", "co", "the", "technology",
                      "technologies", "industries", "company", "group", "brands", "water", "earnings",
                      "release", "results", "press", "quarter", "fiscal"}


def _mentions(low: str, company: str, name: str) -> bool:
    """Whether a question names a release's company: the first two distinctive words of its name as
    the release prints it, or of the release's file name (``capstone-turbine-q1-fy2008``)."""
    low = _plain(low)  # McDonald's, McDonalds, NVIDIA's
    words = [w for w in re.findall(r"[a-z]+", _plain((company or "").lower()))
             if len(w) > 2 and w not in GENERIC_NAME_WORDS][:2]
    words += [w for w in re.findall(r"[a-z]+", name.lower().split("_")[0].split("-q")[0])
              if len(w) > 2 and w not in GENERIC_NAME_WORDS][:2]
    return any(re.search(rf"\b{re.escape(w.removesuffix('s'))}s?\b", low) for w in words) or any(
        re.search(rf"\b{re.escape(a)}\b", low) for a in acronyms(company))


def acronyms(company: str | None) -> set[str]:
    """Short forms people write for a company: ``ASEH`` and ``ASETH`` for ASE Technology Holding (the
    first word and the initials of the others, or of the last), ``ATH`` (all initials); three letters
    at least."""
    words = [w for w in re.findall(r"[a-z]+", _plain((company or "").lower()))
             if w not in ("inc", "corp", "corporation", "company", "co", "ltd", "plc", "the", "and", "of")]
    if len(words) < 2:
        return set()
    first, rest = words[0], words[1:]
    forms = {first + "".join(w[0] for w in rest), first + rest[-1][0], "".join(w[0] for w in words)}
    return {f for f in forms if len(f) >= 3 and f != first}


def _plain(text: str) -> str:
    """Possessives and apostrophes out: ``mcdonald's`` → ``mcdonald``, ``nvidia's`` → ``nvidia``."""
    return re.sub(r"['’]", "", re.sub(r"['’]s\b", "", text))


def company_words(store: Any) -> set[str]:
    """Stems of the indexed companies' names, release names and tickers: words that name a release,
    never a line item."""
    from index.reader.words import stem

    out: set[str] = set()
    for r in store.catalog():
        out |= {stem(w) for w in re.findall(r"[a-z]+", (r.company or "").lower())}
        out |= {stem(a) for a in acronyms(r.company)}
        out |= {stem(w) for w in re.findall(r"[a-z]+", r.name.lower()) if len(w) > 2}
        ticker = store.document(r.name).metadata.ticker
        if ticker:
            out.add(stem(ticker))
    # a legal form ("Corporation") is no company's name, and its stem names line items ("Corporate")
    return out - {"net", "revenu", "incom", "sal"} - {stem(w) for w in LEGAL_FORMS}
