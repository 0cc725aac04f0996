"""A figure whose arithmetic the question spells out ("net cash, i.e. cash and equivalents plus
short-term investments less total long-term debt", "free cash flow (operating cash flow minus capital
spending)", "cash plus short-term investments"): each part is its own line item, asked for the same
period; the figure is their sum and difference, shown with its parts, and verified only when every part
is. A part the release does not give makes the whole unanswerable: the figure is never the first part
alone, nor a formula of the bot's own in place of the one asked."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.answer.result import Answer, Figure
from bot.answer.wording import amount
from bot.checks.status import CheckStatus

# where a definition starts: "i.e.", "defined as", "(", ":" or "="
MARKER = re.compile(r"\bi\.\s?e\.?,?\s*|\b(?:that is|defined as|calculated as|computed as|measured as|"
                    r"meaning)\b[,:]?\s*|[(:=]\s*", re.I)
# the operators a definition adds and takes away with ("less" is not "less than a year")
OPERATOR = re.compile(r"\s+(plus|minus|less(?! than)|\+|−|-)\s+", re.I)
# a definition that is only the top of a fraction, or a change: left to the ratio and change answers
NOT_A_SUM = re.compile(r"%|\bpercent|\bdivided by\b|\bratio\b|\bchange\b|\bgrowth\b|\bgrow|"
                       r"\bincrease|\bdecrease|\by/y\b|\bq/q\b|\bper share\b|\beps\b", re.I)
# words that say which part of an item ("short-term", "current"): a part made only of them takes its
# noun from its neighbour ("short-term plus long-term debt obligations")
PORTION = r"including (?:the |its )?(?P<portion>current|non-?current|long-term) portions?(?: of it)?"
INCLUDING_CURRENT = re.compile(r"^(?:total )?(.+?),? " + PORTION + "$", re.I)
PART_WORDS = {"current", "noncurrent", "non-current", "long-term", "short-term", "long", "short", "term",
              "total", "the"}
SHORT_PART = 5  # the most words of a part set off by commas ("current plus long-term notes payable")


@dataclass(frozen=True)
class Part:
    """One line item of a spelled-out sum: its words as asked and whether it is added or taken away."""

    words: str
    sign: int  # +1 or -1


@dataclass(frozen=True)
class Spelled:
    """The item the question names ("net cash") and the parts it spells it out in."""

    item: str
    parts: tuple[Part, ...]


def spelled_formula(text: str) -> Spelled | None:
    """The sum or difference of line items a question spells out, or None when it spells none out."""
    question = text.strip().rstrip("?.").strip()
    if NOT_A_SUM.search(question):
        return None
    for m in MARKER.finditer(question):
        expression = re.split(r"[)?]", question[m.end():])[0]
        if OPERATOR.search(expression):
            return _parts(question[:m.start()], expression)
    for m in re.finditer(r",\s+", question):
        # set off by commas: "total term debt, current plus non-current, at June 27, 2026"
        expression = re.split(r",\s|[)?]", question[m.end():])[0]
        both = re.fullmatch(r"\s*([\w-]+) and ([\w-]+)\s*", expression)
        if both and all(w.lower() in PART_WORDS for w in both.groups()):
            expression = f"{both.group(1)} plus {both.group(2)}"  # "total term debt, current and non-current"
        pieces = OPERATOR.split(expression)[0::2]
        if len(pieces) > 1 and all(0 < len(p.split()) <= SHORT_PART for p in pieces):
            return _parts(question[:m.start()], expression)
    if re.search(r"\s(plus|minus|\+)\s", question, re.I):
        return _parts("", question)  # "cash plus short-term investments at November 2, 2024"
    asked = _plain(re.sub(r"^(what|how much)\s+(was|were|is|are)\s+", "", question, flags=re.I))
    # "total long-term debt, including the current portion, at July 29, 2023": the words after it say when
    aside = re.search(r",\s*(" + PORTION + r")\s*,(?P<rest>.+)$", asked, re.I)
    rest = f" {aside['rest'].strip()}" if aside else ""
    whole = INCLUDING_CURRENT.match(asked[:aside.start()] + ", " + aside.group(1) if aside else asked)
    if whole:  # "total inventories at June 30, 2007, including the non-current portion"
        item, portion = whole.group(1), whole["portion"].lower()
        if not re.search(r"\b(current|non-?current|long-term|short-term)\b", item, re.I):
            # the rest of the item is the other portion: "non-current term debt" beside its current portion
            item = f"{'current' if portion != 'current' else 'non-current'} {re.sub(r'^total ', '', item)}"
        parts = (Part(item, 1), Part(f"{portion} portion of {whole.group(1)}", 1))
        return Spelled(_plain(whole.group(1)), tuple(Part(p.words + rest, p.sign) for p in parts))
    return None


# where a definition divides: "A divided by B", "A ÷ B", "A over B", "A, as a % of B"
DIVIDED = re.compile(r"\s*,?\s+(?:divided by|÷|over)\s+|\s*,?\s+as an? (?:%|percent(?:age)?)\s+of\s+|"
                     r"\s*,?\s+as %\s+of\s+|\s+/\s+", re.I)
PERCENT_SAID = re.compile(r"%|\bpercent|\bmargin\b|\brate\b", re.I)


@dataclass(frozen=True)
class SpelledRatio:
    """A ratio the question defines: its top and its bottom, each a sum of parts, and whether it is a
    percentage ("operating income divided by total revenue", "(net sales minus merchandise costs, as a %
    of net sales)")."""

    item: str
    top: Spelled
    bottom: Spelled
    percent: bool


def spelled_ratio(text: str) -> SpelledRatio | None:
    """The ratio a question defines after "i.e.", "defined as", "(" or ":", or None."""
    question = text.strip().rstrip("?.").strip()
    for m in MARKER.finditer(question):
        expression = question[m.end():].replace(")", " ")
        parts = DIVIDED.split(f" {expression}", maxsplit=1)
        if len(parts) != 2 or not parts[1].strip():
            continue
        if not parts[0].strip():  # "cost of sales (as a percent of net sales)": the item over the base
            parts[0] = question[:m.start()]
        top, bottom = (_side(p) for p in parts)
        if top is None or bottom is None:
            return None
        return SpelledRatio(_plain(question[:m.start()]), top, bottom, bool(PERCENT_SAID.search(question)))
    return None


def _side(words: str) -> Spelled | None:
    parts = _signed(words)
    return Spelled("", tuple(parts)) if all(p.words for p in parts) else None


def _signed(expression: str) -> list[Part]:
    """The parts of "A plus B less C", each with the sign its operator gives it."""
    pieces = OPERATOR.split(expression)
    signs = [1] + [-1 if op.lower() in ("minus", "less", "-", "−") else 1 for op in pieces[1::2]]
    return [Part(_plain(w), s) for w, s in zip(pieces[0::2], signs, strict=True)]


def joined_items(text: str) -> Spelled | None:
    """Two line items a question joins with "and" ("cash and short-term investments", "dividends and
    buybacks"), to be added when no row is named by both: tried only after the question found none."""
    question = text.strip().rstrip("?.").strip()
    if NOT_A_SUM.search(question) or len(re.findall(r"\band\b", question)) != 1:
        return None
    first, second = re.split(r"\band\b", question)
    if not first.strip() or not second.strip():
        return None
    return Spelled("", (Part(_plain(first), 1), Part(_plain(second), 1)))


def _parts(item: str, expression: str) -> Spelled | None:
    parts = _signed(expression)
    if len(parts) < 2 or any(not p.words for p in parts):
        return None
    return Spelled(_plain(item), tuple(_with_nouns(parts, item)))


def _plain(words: str) -> str:
    return re.sub(r"\s+", " ", words).strip(" ,;")


def _head(words: str) -> str:
    """The noun of an item after the words that say which part of it ("debt obligations")."""
    tokens = words.split()
    # "term" says which part only after "long" or "short": "total term debt" is of term debt
    last = max((i for i, t in enumerate(tokens) if t.lower() in PART_WORDS and (
        t.lower() != "term" or (i > 0 and tokens[i - 1].lower() in ("long", "short")))), default=-1)
    return " ".join(tokens[last + 1:])


def _with_nouns(parts: list[Part], item: str) -> list[Part]:
    """Parts made only of part words take the noun of the part after them, or of the item asked
    ("total debt (current plus long-term)"); "current and non-current marketable securities" is two parts."""
    out: list[Part] = []
    for i, p in enumerate(parts):
        tokens = p.words.split()
        if all(t.lower() in PART_WORDS for t in tokens):
            noun = next((_head(q.words) for q in parts[i + 1:] if _head(q.words)), "") or _head(item)
            p = Part(f"{p.words} {noun}".strip(), p.sign)
        including = INCLUDING_CURRENT.match(p.words)
        if including:  # "total long-term debt including current portion": the balance sheet's two rows
            item_words = including.group(1)
            out += [Part(item_words, p.sign), Part(f"{including['portion']} portion of {item_words}", p.sign)]
            continue
        both = re.match(r"^([\w-]+) and ([\w-]+) (.+)$", p.words)
        if both and both.group(1).lower() in PART_WORDS and both.group(2).lower() in PART_WORDS:
            out += [Part(f"{both.group(k)} {both.group(3)}", p.sign) for k in (1, 2)]
        else:
            out.append(p)
    return out


@dataclass(frozen=True)
class Resolved:
    """A part found: the answer that gives it, and its figure."""

    part: Part
    answer: Answer

    @property
    def figure(self) -> Figure:
        return self.answer.figures[0]


def resolve(spelled: Spelled, ask: Callable[[str], Answer | None]) -> tuple[list[Resolved], Part | None]:
    """Each part asked on its own (``ask`` gives its answer, or None); a part asked as "A and B" that is
    no line item of its own is tried as its two items. The parts found, and the first part not found."""
    found: list[Resolved] = []

    def fitting(words: str) -> Answer | None:  # of the first part's period and currency
        answer = ask(words)
        if answer is None or not found:
            return answer
        f, first = answer.figures[0], found[0].figure
        return answer if f.period == first.period and f.unit == first.unit else None

    for part in spelled.parts:
        answer = fitting(part.words)
        if answer is not None:
            found.append(Resolved(part, answer))
            continue
        halves = [Part(w.strip(), part.sign) for w in re.split(r"\s+and\s+", part.words) if w.strip()]
        answers = [fitting(h.words) for h in halves] if len(halves) > 1 else [None]
        if any(a is None for a in answers):
            return found, part
        found += [Resolved(h, a) for h, a in zip(halves, answers, strict=True) if a is not None]
    return found, None


def combine(spelled: Spelled, found: list[Resolved]) -> Figure | None:
    """The spelled-out figure from its parts: all of one period and one currency, outflows printed in
    parentheses counted by their size ("operating cash flow less capital expenditures of (1,234)")."""
    figures = [r.figure for r in found]
    first = figures[0]
    if any(f.period != first.period or f.unit != first.unit or f.unit in ("percent", "ratio", "shares")
           for f in figures):
        return None
    cells = [c for f in figures for c in (f.cells or ((f.doc, f.line, f.label),))]
    if len(cells) != len(set(cells)):
        return None  # two parts found the same figure (or one is a total of the other): never counted twice
    outflows = all(f.value <= 0 for f in figures)
    terms: list[float] = []
    for r in found:
        v = r.figure.value
        if outflows or (r.part.sign < 0 and v < 0):
            v = abs(v)  # "dividends plus buybacks", both printed as outflows; "less capex (1,234)"
        terms.append(r.part.sign * v)
    verified = all(f.check == CheckStatus.VERIFIED for f in figures)
    how = "".join(("" if i == 0 else " plus " if t >= 0 else " less ")
                  + f"{r.figure.label} {amount(abs(t), r.figure.unit, 1.0, r.figure.label)}"
                  for i, (r, t) in enumerate(zip(found, terms, strict=True)))
    label = spelled.item or " plus ".join(r.figure.label for r in found)
    return Figure(label, sum(terms), first.unit, first.period, first.doc, first.line, derived=True,
                  check=CheckStatus.VERIFIED if verified else CheckStatus.UNVERIFIABLE,
                  how=how, basis=tuple(terms), op="+", cells=tuple(c for f in figures for c in f.cells),
                  why="every part is verified" if verified else "a part is not verified")


def divide(ratio: SpelledRatio, a: Figure, b: Figure, label: str) -> Figure | None:
    """A defined ratio from its worked-out top and bottom, both of one period and currency; verified
    only when both are."""
    if a.period != b.period or a.unit != b.unit or not b.value:
        return None
    value = a.value / b.value * (100 if ratio.percent else 1)
    both = a.check == b.check == CheckStatus.VERIFIED
    return Figure(label, value, "percent" if ratio.percent else "ratio", a.period, a.doc, a.line,
                  derived=True, check=CheckStatus.VERIFIED if both else CheckStatus.UNVERIFIABLE,
                  how=f"{a.how or a.label} over {b.how or b.label}", basis=(a.value, b.value),
                  op="%" if ratio.percent else "/",
                  why="its top and bottom are verified" if both else "a part is not verified")
