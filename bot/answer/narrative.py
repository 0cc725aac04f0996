"""Answers from the narrative: why, when, where, who, and figures the tables do not carry."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.answer.lexicon import lexicon
from bot.answer.question import COMPARABLE_RE, Query, Term, ratio_terms
from bot.answer.select import asks_per_share, matches
from index.document import Document
from index.reader.claims import Claim, find_claims, sentences
from index.reader.words import stem, stems

EVIDENCE = {
    "why": re.compile(r"\b(due to|attributable|attributed|because|driven by|result of|as a result|primarily|"
                      r"reflect|reflecting|offset|led by|caused|owing to|thanks to|on account of)\b", re.I),
    "when": re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2} ?(a\.m\.|p\.m\.|am|pm)\b|\b(today|tomorrow|"
                       r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|"
                       r"\b(january|february|march|april|may|june|july|august|september|october|"
                       r"november|december) \d{1,2}\b", re.I),
    "where": re.compile(r"\b(headquartered|based in|located in|headquarters|offices? in)\b", re.I),
    "who": re.compile(r"\b[A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z]+)+,? (?:the |our |its |[A-Z]\w+'s )?"
                      r"(?:chief|chairman|president|ceo|cfo|coo|founder|director|vice)", re.I),
    "how": re.compile(r"."),
}


@dataclass
class Passage:
    """A sentence of the release (with the one before it when that names the subject)."""

    text: str
    line: int
    score: float


def _sentences(doc: Document) -> list[tuple[str, int, str, str]]:
    """(sentence, line, previous sentence, everything before it in the same block)."""
    out = []
    for b in doc.blocks:
        if b.kind == "heading":
            continue
        before: list[str] = []
        for s in sentences(b.text):
            out.append((s, b.line, before[-1] if before else "", " ".join(before)))
            before.append(s)
    return out


def in_sequence(term: Term, text: str) -> bool:
    """A term present with its words side by side (``chief executive``, not ``chief ... executive``)."""
    seq = [stem(w) for w in re.findall(r"[a-z][a-z'&]*", text.lower())]
    for alt in term:
        n = len(alt)
        if any(tuple(seq[i: i + n]) == alt for i in range(len(seq) - n + 1)):
            return True
    return False


def _required(terms: tuple[Term, ...], ignore: set[str]) -> list[Term]:
    """The terms a sentence must name: not the company's words, nor "total" ("total RPO" is the RPO a
    sentence states; a part of it is told apart by ``stated_fits``) or "stock" (repurchased as shares)."""
    return [t for t in terms if not all(len(a) == 1 and (a[0] in ignore or a[0] in UNSAID) for a in t)]


# soft words a sentence may leave unsaid; not "GAAP", "net" or "charge", which tell items apart in prose too
UNSAID = {stem("total"), stem("stock")}



def find_passage(doc: Document, q: Query, ignore: set[str], boost: dict[int, float]) -> Passage | None:
    """The sentence that answers a why/when/where/who question, or ``None``."""
    kind = q.narrative or "how"
    evidence = EVIDENCE.get(kind, EVIDENCE["how"])
    required = _required(q.terms, ignore)
    best: Passage | None = None
    for s, line, prev, context in _sentences(doc):
        if not evidence.search(s):
            continue
        own = stems(s)
        words = own | stems(context)
        if kind == "who":
            if not all(in_sequence(t, s) for t in required):
                continue
        elif not all(matches(t, words) for t in required):
            continue
        covered_here = sum(1 for t in required if matches(t, own))
        score = covered_here + boost.get(line, 0.0) - len(s) / 2000
        if covered_here < len(required) and not all(matches(t, own | stems(prev)) for t in required):
            score -= 0.5
        text = s if covered_here == len(required) or not prev else f"{prev} {s}"
        if best is None or score > best.score:
            best = Passage(text, line, score)
    return best


# words that name the kind of figure asked (a forecast), not a line item: a sentence about the future
# need not print them (``stated_fits`` checks that it speaks of the future)
OUTLOOK_TERMS = {(stem(w),) for w in ("outlook", "guidance", "forecast", "guide", "guiding", "expect",
                                      "expected", "plan", "plans", "planned")}


WORD = re.compile(r"[A-Za-z][\w&'-]*")
# what follows a figure and names it: "107 in Canada", "an 11.0% increase in transactions"
NAMES_IT = re.compile(r"\s+(?:(?:in|of|to|the|new|net|total|active|paid|full-time|increase|decrease|growth|"
                      r"rise|decline|gain|drop|reduction|improvement)\s+)*")
REMAINS_ASKED = re.compile(r"\b(remain\w*|left|unused|still available)\b", re.I)
REMAINS_AFTER = re.compile(r"\s+(?:\w+\s+){0,2}?(remain(s|ed)?|(is|was|were|are) (still )?(left|available)|"
                           r"left)\b", re.I)
BACK_REFERENCE = re.compile(r"\bsuch\s+[a-z]+|\b(these|those)\s+[a-z]+s\b", re.I)
TABLE_TEXT = re.compile(r"\S {6,}\S")  # figures set in columns by runs of spaces
FOOTNOTE_MARK = re.compile(r"(?<=[A-Za-z]{3})\d(?!\d)")  # "EPS2", "rate2": a footnote, not a word


@lru_cache(maxsize=8192)
def narrative_words(sentence: str) -> frozenset[str]:
    """The stems a sentence names, with the printed words of the concepts it names in short ("EPS" is
    earnings per share) and without footnote marks glued to its words."""
    text = FOOTNOTE_MARK.sub("", sentence)
    words = set(stems(lexicon().spell_out(text)))
    for c in lexicon().concepts_in(text):
        words.update(w for alt in c.alternatives for w in alt)
    return frozenset(words)


@dataclass(frozen=True)
class Stated:
    """A figure the narrative states, with its sentence, the heading that names what the paragraph is
    about ('' for a headline) and the whole heading it stands under (a lead-in such as "For 2023, the
    Company expects", which names the period and the future of a list)."""

    claim: Claim
    sentence: str
    heading: str
    lead: str
    refers_to: str = ""  # the sentence before, when this one names its item by "such" or "these"


def stated_candidates(doc: Document, q: Query, ignore: set[str]) -> list[Stated]:
    """The figures the narrative states in sentences that name the asked item (or stand under a heading
    that does), nearest to a mention of it first, with the sentence and heading: a count only where a
    count is asked, a rate only where a rate may be."""
    forecast = bool(re.search(r"\b(outlook|guidance|guid(e|es|ing)|forecast|expect(s|ed)?|"
                              r"plan(s|ned)? (to|for|on))\b", q.text, re.I))
    terms = q.terms + ratio_terms(q)  # "gross margin" asked as a ratio
    required = [t for t in _required(terms, ignore) if not (forecast and any(a in OUTLOOK_TERMS for a in t))]
    if not required:
        return []
    counting = bool(re.match(r"\s*how many\b", q.text, re.I)) or asks_per_share(q.text) is False or any(
        c.counted for c in lexicon().concepts_in(lexicon().spell_out(q.text)))
    rates = bool(re.search(r"%|percent|growth|grow|margin|\brate\b|change", q.text, re.I)
                 or COMPARABLE_RE.search(q.text))
    asked = {w for t in required for alt in t for w in alt}
    remains = bool(REMAINS_ASKED.search(q.text))
    ranked: list[tuple[tuple[int, ...], int, Stated]] = []
    for b in doc.blocks:
        section = b.section or ""
        heading = label_heading(section)
        context = stems(heading)
        previous = ""
        for s in sentences(b.text):
            # "There were no such benefits this quarter and $0.5 million last year": "such" names what the
            # sentence before it does
            refers_to = previous if BACK_REFERENCE.search(s) else ""
            words = narrative_words(s) | context | narrative_words(refers_to)
            previous = s
            if not all(matches(t, words) for t in required) or TABLE_TEXT.search(s):
                continue  # lines of a table read as prose: which column a figure is in is not known
            claims = [c for c in find_claims(s, b.line) if rates or c.kind in ("money", "count")]
            if counting:
                # "how many": a number of things, never an amount of money
                claims = [c for c in claims if c.kind == "count"] + _plain_numbers(s, b.line)
            spans = [(m.start(), m.end()) for m in WORD.finditer(s) if asked & narrative_words(m.group())]
            mentions = [a for a, _ in spans]
            for c in claims:
                # the figure nearest after a mention of what is asked; before it costs more, unless the
                # mention follows right on it ("107 in Canada", "95,492 employees")
                after = [c.start - m for m in mentions if m <= c.start]
                before = [m - c.start for m in mentions if m > c.start]
                end = c.start + len(c.text)
                named = _named_after(s, end, [(a, b) for a, b in spans if a > c.start])
                # an item of a list takes the list's noun: in "847 warehouses, including ... 107 in Canada"
                # the 107 is warehouses in Canada, which the 847 is not
                said = narrative_words(s[:c.start]) | context | set().union(*(narrative_words(m.group())
                                                                    for m in WORD.finditer(s, c.start)
                                                                    if m.start() in named))
                covered = sum(1 for t in required if matches(t, said))
                # the item of a list the figure is in names it before the rest of the sentence does: in
                # "a charge of $93 million ... related to charter shipping, and a tax benefit of $53
                # million" the charge is $93 million
                item = _item(s, c.start)
                own_words = narrative_words(item) | context | set().union(
                    *(narrative_words(m.group()) for m in WORD.finditer(s, c.start) if m.start() in named))
                own = sum(1 for t in required if matches(t, own_words)) if item != s else 0
                far, gap = (0, 0) if named else (0, min(after)) if after else (
                    1, min(before) if before else 10_000)
                # the release's own words before a guidance table read into sentences
                # "how much is left under the program": the figure that remains, not the program's size
                left = int(remains and not REMAINS_AFTER.match(s, end))
                distance = (far, left, -own, 0 if far else -covered, int(b.kind == "outlook"), gap)
                ranked.append((distance, len(ranked), Stated(c, s, heading, section, refers_to)))
    return [x for _, _, x in sorted(ranked, key=lambda x: (x[0], x[1]))]


def _named_after(sentence: str, end: int, spans: list[tuple[int, int]]) -> list[int]:
    """The mentions of asked words that follow a figure and name it: the first right after it ("583 in
    the United"), and those joined on to it ("States and Puerto Rico")."""
    named: list[int] = []
    pos = end
    for a, b in spans:
        gap = sentence[pos:a]
        if (NAMES_IT.fullmatch(gap) if not named else JOINED.fullmatch(gap)):
            named.append(a)
            pos = b
        elif named:
            break
    return named


JOINED = re.compile(r"\s+(?:(?:and|&|of|the)\s+)*")
# where one item of a list ends and the next begins: "..., and a tax benefit of", "; ", " and a 1.5% ..."
ITEM_BOUNDARY = re.compile(r";\s*|,\s+(?:and|while|whereas|but)\s+|\s+and\s+(?=(?:a|an)\s)")


def _item(sentence: str, at: int) -> str:
    """The item of a list in a sentence that the position ``at`` falls in."""
    start, end = 0, len(sentence)
    for m in ITEM_BOUNDARY.finditer(sentence):
        if m.end() <= at:
            start = m.end()
        elif m.start() >= at:
            end = m.start()
            break
    return sentence[start:end]


def label_heading(section: str) -> str:
    """A heading that names what its paragraphs are about ("Gaming", "Data Center"), or '' for a
    headline ("iPhone, Mac and Services revenue set new June quarter records"), which names many things
    the paragraphs under it do not."""
    # "4Q24 Results Highlights — EMS": the part after the dash names what the paragraphs are about
    part = re.split(r"\s+[—–-]\s+|:\s+", section)[-1] if section else ""
    return part if part and len(part.split()) <= 4 else ""


# a count on its own: not part of a decimal, a date or a percentage; it may close a sentence ("...537.")
# nor a length of time ("stores open at least 14 months")
PLAIN_NUMBER = re.compile(r"(?<![\w$.,:-])(\d{1,3}(?:,\d{3})+|\d{2,})(?![\w%:-]|[.,]\d|\s*%|\s*percent|"
                          r"\s+(?:days?|weeks?|months?|years?|hours?)\b)"
                          r"|(?<![\w$.,:-])(\d{1,3}(?:,\d{3})+|\d{2,})(?=-square-(?:foot|feet)\b)")


MONTH_BEFORE = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$", re.I)


def _plain_numbers(sentence: str, line: int) -> list[Claim]:
    """Counts such as ``95,492`` or ``over 190 professionals``: not years, not money or percents."""
    out = []
    # not "91-percentage-point", "13-week" or "10-K": a number joined by a hyphen describes, it does not
    # count; but an area does ("a 140,000-square-foot facility")
    for m in PLAIN_NUMBER.finditer(sentence):
        number = m.group(1) or m.group(2)
        value = float(number.replace(",", ""))
        if 1900 <= value <= 2100 and "," not in number:
            continue
        if MONTH_BEFORE.search(sentence[:m.start()]):
            continue  # "December 31": a day, not a count
        out.append(Claim(number, value, "count", None, 0, 1.0, False, sentence, line, m.start()))
    return out
