"""Figures stated in prose: ``$5.6 million``, ``44%``, ``$0.07 per share``, ``NT$595,410 million``,
``(72) cents``."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from index.reader.numbers import CURRENCY_PREFIXES, CURRENCY_SIGN, SCALE_WORDS

CLAIM_RE = re.compile(
    r"(?P<cur>" + CURRENCY_SIGN + r")\s?(?P<neg>\()?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?(neg)\))"
    r"(?:\s*(?P<scale>thousand|million|billion|trillion)\b)?"
    r"|(?P<pnum>\(?-?\d+(?:\.\d+)?\)?)\s*"
    r"(?P<pct>%|percent\b|percentage points?\b|basis points?\b|bps\b|pts?\b)"
    r"|(?P<bnum>\d+(?:\.\d+)?)\s+(?P<bscale>million|billion)\b"
    r"|(?P<cnum>\(?-?\d+(?:\.\d+)?\)?)\s*(?:cents?|¢)(?!\w)",
    re.I,
)
APPROX = re.compile(r"(?:\b(?:approximately|about|around|nearly|almost|roughly|over|more than|some)|~)\s*$",
                    re.I)
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(*•])")
# a bullet glyph inside a paragraph starts an item of its own (a PDF list read as one line of text)
BULLET_SPLIT = re.compile(r"\s*[•\uf0b7\uf0a7▪●◦■]\s+")
# the first end of a range printed without its scale takes the second's: "$8.51 - $8.53 Billion"
RANGE_TO = re.compile(r"\s*(?:-|–|—|to)\s*$", re.I)


@dataclass(frozen=True)
class Claim:
    """A figure in prose: value in base units, its kind, printed precision and where it stands."""

    text: str
    value: float
    kind: str  # money, percent, points, bps, count
    currency: str | None
    decimals: int
    scale: float
    approximate: bool
    sentence: str
    line: int
    start: int

    @property
    def tolerance(self) -> float:
        """Half a unit of the last printed digit (a whole unit when hedged with 'approximately')."""
        unit = 10 ** (-self.decimals) * self.scale
        return unit * (1.0 if self.approximate else 0.5) + 1e-9 * max(1.0, abs(self.value))


ABBREVIATIONS = re.compile(r"\b(a\.m|p\.m|Inc|Corp|Co|Ltd|Mr|Ms|Mrs|Dr|No|U\.S|Jr|Sr|St|vs|e\.g|i\.e|"
                           r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])\.$")


def sentences(text: str) -> list[str]:
    """Split prose into sentences without breaking decimals (``$5.6``) or abbreviations (``p.m.``)."""
    out: list[str] = []
    for piece in (p for item in BULLET_SPLIT.split(text) for p in SENTENCE_SPLIT.split(item)):
        piece = piece.strip()
        if not piece:
            continue
        if out and ABBREVIATIONS.search(out[-1]):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return out


def clause_of(claim: Claim, claims: list[Claim]) -> str:
    """The words between the figure before this one in its sentence and the figure after it."""
    same = sorted((c for c in claims if c.sentence == claim.sentence), key=lambda c: c.start)
    i = same.index(claim)
    start = same[i - 1].start + len(same[i - 1].text) if i > 0 else 0
    end = same[i + 1].start if i + 1 < len(same) else len(claim.sentence)
    return claim.sentence[start:end]


def find_claims(text: str, line: int = 0) -> list[Claim]:
    """Every money, percent or scaled figure in a text."""
    claims: list[Claim] = []
    for sentence in sentences(text):
        found: list[Claim] = []
        for m in CLAIM_RE.finditer(sentence):
            before = sentence[: m.start()]
            approx = bool(APPROX.search(before))
            if m.group("num"):
                num, scale_word = m.group("num"), (m.group("scale") or "").lower()
                if m.group("neg"):
                    num = f"({num})"  # "$(0.80)": a loss
                cur = CURRENCY_PREFIXES[m.group("cur").upper()]
                kind = "money"
            elif m.group("pnum"):
                num, scale_word, cur = m.group("pnum"), "", None
                word = m.group("pct").lower()
                kind = ("bps" if word.startswith(("b", "basis")) else
                        "points" if word.startswith(("percentage", "pt")) else "percent")
            elif m.group("cnum"):
                # "(72) cents": money in dollars, two places finer than printed
                num, scale_word, cur, kind = m.group("cnum"), "cent", CURRENCY_PREFIXES["$"], "money"
            else:
                num, scale_word, cur, kind = m.group("bnum"), m.group("bscale").lower(), None, "count"
            # "(8.1)%" is negative; "(14% in constant currencies)" opens an aside
            negative = (num.startswith("(") and num.endswith(")")) or num.lstrip("(").startswith("-")
            digits = num.strip("()-")
            value = float(digits.replace(",", ""))
            decimals = len(digits.split(".")[1]) if "." in digits else 0
            scale = SCALE_WORDS.get(scale_word, 1.0)
            if scale_word == "cent":
                value, decimals, scale = value / 100, decimals + 2, 1.0
            found.append(Claim(
                text=m.group(0).strip(), value=(-value if negative else value) * scale, kind=kind,
                currency=cur, decimals=decimals, scale=scale, approximate=approx,
                sentence=sentence, line=line, start=m.start(),
            ))
        claims.extend(_ranges(found))
    return claims


def _ranges(found: list[Claim]) -> list[Claim]:
    """The two ends of a range printed with one scale or one currency sign ("$8.51 - $8.53 Billion",
    "$10.5-11.5 billion") read alike: each end takes the other's."""
    out = list(found)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.kind != "money" or not RANGE_TO.match(a.sentence[a.start + len(a.text):b.start]):
            continue
        if b.kind == "count" and b.scale > 1:  # "$10.5-11.5 billion": the second end is money too
            b = out[i + 1] = replace(b, kind="money", currency=a.currency)
        if b.kind == "money" and a.scale == 1 and b.scale > 1:
            out[i] = replace(a, value=a.value * b.scale, scale=b.scale)
    return out
