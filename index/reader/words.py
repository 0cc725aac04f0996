"""Words: the one stemmer shared by the reader, the question parser and the checks, and the one list
of words that carry no line-item meaning in a check of prose."""

from __future__ import annotations

import re
from functools import lru_cache

# words of a sentence that never name a line item (periods, directions, fillers)
STOP = {
    "the", "and", "of", "for", "to", "in", "on", "a", "an", "by", "from", "with", "net", "total",
    "other", "was", "were", "is", "per", "at", "or", "as", "its", "our", "that", "this", "than",
    "quarter", "year", "period", "months", "ended", "first", "second", "third", "fourth", "three",
    "six", "nine", "twelve", "fiscal", "compared", "same", "prior", "last", "million", "billion",
    "thousand", "increase", "decrease", "increased", "decreased", "share", "company", "s", "but",
    "which", "while", "also", "has", "had", "have", "be", "been", "both", "during", "when", "after",
    "before", "approximately", "about", "over", "up", "down", "versus", "vs", "respectively",
    "reported", "primarily", "due", "result", "results", "record", "end", "beginning", "it", "we",
    "earlier", "later", "ago", "previous", "years", "quarterly", "rose", "fell",
}


@lru_cache(maxsize=200_000)
def stem(w: str) -> str:
    """A crude stem shared by questions and labels: liabilities → liability, declared → declar."""
    w = w.lower().strip("'")
    if w.endswith("'s"):
        w = w[:-2]
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        w = w[:-1]
    if w.endswith("ed") and len(w) > 5:
        w = w[:-2]
    elif w.endswith("ing") and len(w) > 6:
        w = w[:-3]
    elif w.endswith(("ion", "ive")) and len(w) > 7:
        w = w[:-3]
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


def join_prefixes(text: str) -> str:
    """``non-current``, ``non-GAAP`` as one word, so that "current" or "GAAP" never matches them; and
    ``Class A``, ``Series B`` as one word, so that the letter tells one class of stock from another."""
    text = re.sub(r"\b(class|series)[- ]([A-Za-z])\b", r"\1\2", text, flags=re.I)
    return re.sub(r"\b(non)[- ](?=[A-Za-z])", r"\1", text, flags=re.I)


US_RE = re.compile(r"\bU\.\s?S\.?(?![A-Za-z])|\bUS\b(?!\$)")


def spell_us(text: str) -> str:
    """``U.S.`` and ``US`` as one word that no pronoun ("us") or stray letter can be taken for."""
    return US_RE.sub("usa", text)


def stems(text: str) -> set[str]:
    """Stemmed words of a text, with ``R&D`` and ``SG&A`` spelled out."""
    return set(_stems(text))


@lru_cache(maxsize=50_000)
def _stems(text: str) -> frozenset[str]:
    t = spell_us(text).lower().replace("r&d", "research development")
    t = t.replace("sg&a", "selling general administrative")
    t = join_prefixes(t)
    return frozenset(stem(w) for w in re.findall(r"[a-z][a-z'&]*", t))


def content_words(text: str) -> set[str]:
    """Content words of prose, lower-cased, ``R&D`` spelled out, ``STOP`` words dropped, stemmed
    (the checks compare these with row labels)."""
    out = set()
    for w in re.findall(r"[a-z&]+", spell_us(text).lower().replace("r&d", "research development")):
        if w in STOP or len(w) < 2:
            continue
        out.add(stem(w))
    return out
