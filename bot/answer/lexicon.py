"""The finance lexicon (``lexicon.toml``, data rather than code): abbreviations spelled out, standard
concepts with the phrases people use and the words releases print, filler words, soft words and the
words known to name line items. Loaded once and checked on load."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from index.errors import ConfigError
from index.reader.words import stem, stems

FILE = Path(__file__).with_name("lexicon.toml")


@dataclass(frozen=True)
class Concept:
    """A line item people ask about: the phrases they use and the words a release prints for it."""

    name: str
    asked: tuple[str, ...]
    printed: tuple[str, ...]
    narrative: str = ""  # answered from the narrative: who (a person), where (a place), when (a time)
    counted: bool = False  # a plain count ("95,492 employees"), not an amount
    per_share: bool = False  # an amount per share (a dividend declared)

    @property
    def alternatives(self) -> tuple[tuple[str, ...], ...]:
        """The printed forms as stemmed word sequences (any one names the row)."""
        return tuple(tuple(stem(w) for w in p.split()) for p in self.printed)

    def printed_in(self, label: str) -> bool:
        """Whether a row's label names the concept ("Payments for acquisition of property, plant and
        equipment" names capital expenditures): every word of one printed form is in it."""
        words = stems(label)
        return any(all(w in words for w in alt) for alt in self.alternatives)

    @staticmethod
    def named(name: str) -> Concept:
        """The lexicon's concept of that name."""
        return next(c for c in lexicon().concepts if c.name == name)


@dataclass(frozen=True, eq=False)
class Lexicon:
    """The loaded lexicon."""

    abbreviations: dict[str, str]
    concepts: tuple[Concept, ...]
    filler: frozenset[str]
    soft: frozenset[str]
    known: frozenset[str]  # stems of every word the lexicon knows as naming a line item
    modifiers: frozenset[str]  # stems of words that change which line item a label names
    whole: frozenset[str]  # stems of column headings that mean the whole company, not a segment
    segments: frozenset[str]  # stems of words that name a part of a company (a segment, a region)
    phrases: tuple[tuple[re.Pattern[str], Concept], ...]  # asked phrases, longest first
    abbreviation_re: re.Pattern[str]

    def concepts_in(self, text: str) -> list[Concept]:
        """The concepts a text names."""
        return [c for pattern, c in self.phrases if pattern.search(text)]

    def spell_out(self, text: str) -> str:
        """Abbreviations in a question spelled out: ``Q1 rev?`` → ``Q1 revenue?``."""
        return self.abbreviation_re.sub(lambda m: self.abbreviations[m.group(0).lower()], text)


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in re.split(r"[\s-]+", phrase.strip())]
    return re.compile(r"(?<![\w&])" + r"[\s-]+".join(words) + r"(?![\w&])", re.I)


@cache
def lexicon() -> Lexicon:
    """The lexicon, loaded once; ``ConfigError`` when the file is malformed."""
    try:
        data = tomllib.loads(FILE.read_text(encoding="utf-8"))
        concepts = tuple(Concept(str(c["name"]), tuple(map(str, c["asked"])), tuple(map(str, c["printed"])),
                                 str(c.get("narrative", "")), bool(c.get("counted", False)),
                                 bool(c.get("per_share", False)))
                         for c in data["concept"])
        words = data["words"]
        abbreviations = {str(k).lower(): str(v) for k, v in data["abbreviations"].items()}
        filler = frozenset(str(w) for w in words["filler"])
        soft = frozenset(str(w) for w in words["soft"])
        known_words = [str(w) for w in words["known"]]
        modifiers = frozenset(stem(str(w)) for w in words["modifiers"])
        whole = frozenset(stem(str(w)) for w in words["whole"])
        segments = frozenset(stem(str(w)) for w in words["segments"])
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
        raise ConfigError(f"{FILE}: not a valid lexicon ({exc}); restore it from the repository") from None
    for c in concepts:
        if not c.asked or not c.printed:
            raise ConfigError(f"{FILE}: concept {c.name!r} needs 'asked' and 'printed' phrases")
    known = {stem(w) for w in known_words}
    for c in concepts:
        known |= {stem(w) for p in c.asked + c.printed for w in re.split(r"[\s-]+", p) if w not in filler}
    pairs = sorted(((p, c) for c in concepts for p in c.asked), key=lambda pc: -len(pc[0]))
    keys = sorted(abbreviations, key=len, reverse=True)
    abbreviation_re = re.compile(r"(?<![\w&/])(?:" + "|".join(re.escape(k) for k in keys) + r")(?![\w&/])",
                                 re.I)
    return Lexicon(abbreviations, concepts, filler, soft, frozenset(known), modifiers, whole, segments,
                   tuple((_phrase_pattern(p), c) for p, c in pairs), abbreviation_re)
