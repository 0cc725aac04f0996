"""Reading numbers as releases print them: ``$ (1,234.5)``, ``(0.07)``, ``1.2 billion``, ``14%``."""

from __future__ import annotations

import re
from dataclasses import dataclass

# currencies: the one home of their symbols, codes and the words captions use for them
CURRENCY_SYMBOLS = {"USD": "$", "TWD": "NT$", "EUR": "€", "GBP": "£", "JPY": "¥", "CAD": "C$", "HKD": "HK$",
                    "AUD": "A$"}
NIL_TOKENS = {"--", "-", "—", "–", "---", "— —", "nm", "n/m", "n/a", "*"}

SCALE_WORDS = {
    "thousand": 1e3,
    "thousands": 1e3,
    "k": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
}

CURRENCY_PREFIXES = {"NT$": "TWD", "US$": "USD", "HK$": "HKD", "C$": "CAD", "A$": "AUD", "$": "USD",
                     "€": "EUR", "£": "GBP", "¥": "JPY", "RMB": "CNY"}
# a printed currency sign, longest first, for regular expressions
CURRENCY_SIGN = "|".join(re.escape(s) for s in sorted(CURRENCY_PREFIXES, key=len, reverse=True))
# the words a caption names a currency with, by code (US dollars when none is named)
CURRENCY_WORDS = [("TWD", r"NT\$|\bNTD\b|\bTWD\b"), ("EUR", r"€|\bEUR\b|\beuros?\b"),
                  ("GBP", r"£|\bGBP\b|\bpounds sterling\b"), ("JPY", r"¥|\bJPY\b|\byen\b"),
                  ("CNY", r"\bRMB\b|\bCNY\b|\byuan\b"), ("CAD", r"C\$|\bCAD\b|\bcanadian (dollars?|\$)"),
                  ("CHF", r"\bCHF\b"), ("HKD", r"HK\$|\bHKD\b"), ("AUD", r"A\$|\bAUD\b")]


ASKED_CURRENCY = [("USD", r"\bU\.?S\.? dollars?\b|\bUSD\b|\bUS\$|\bin dollars\b"), *CURRENCY_WORDS]


def currency_asked(text: str) -> str | None:
    """The currency a question asks its figure in ("ASE capex in US dollars"), or None."""
    return next((code for code, rx in ASKED_CURRENCY if re.search(rx, text, re.I)), None)


def is_money(unit: str) -> bool:
    """Whether a unit is a currency (a three-letter code), not shares, percent or per-share."""
    return len(unit) == 3 and unit.isupper()


def currency_symbol(code: str) -> str:
    """``$`` for USD, ``€`` for EUR; the code and a space for one without a symbol."""
    return CURRENCY_SYMBOLS.get(code, code + " ")


_NUMBER = re.compile(
    r"""^\s*
    (?P<neg1>-|−|\()?\s*
    (?P<cur>""" + CURRENCY_SIGN + r""")?\s*
    (?P<neg2>-|−|\()?\s*
    (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)
    \s*(?P<close>\))?
    \s*(?P<scale>thousand|million|billion|trillion|bn|mn)?s?
    \s*(?P<close2>\))?
    \s*(?P<pct>%|percent|bps|basis\s+points|pts|points)?
    \s*(?P<close3>\))?\s*$""",
    re.VERBOSE | re.IGNORECASE,
)


_DIRECTION = re.compile(r"^(up|down|increase|decrease|higher|lower)\s+(?=\S)", re.I)


@dataclass(frozen=True)
class Reading:
    """A number read from print: its value, currency, percent flag and printed precision."""

    value: float
    currency: str | None
    percent: bool
    bps: bool
    decimals: int
    scale: float
    negative: bool


def read_number(text: str) -> Reading | None:
    """Read one printed number; ``None`` when the text is not a number (or is a dash for nil)."""
    cleaned = text.replace("\\$", "$").replace("\u00a0", " ").strip()
    if not cleaned or cleaned.lower() in NIL_TOKENS:
        return None
    direction = 1.0
    word = _DIRECTION.match(cleaned)
    if word:
        direction = -1.0 if word.group(1).lower() in ("down", "decrease", "lower") else 1.0
        cleaned = cleaned[word.end():]
    m = _NUMBER.match(cleaned)
    if not m:
        return None
    num = m.group("num")
    value = float(num.replace(",", ""))
    decimals = len(num.split(".")[1]) if "." in num else 0
    opened = (m.group("neg1") == "(") or (m.group("neg2") == "(")
    closed = bool(m.group("close") or m.group("close2") or m.group("close3"))
    if closed != opened:
        return None
    negative = opened or m.group("neg1") in ("-", "−") or m.group("neg2") in ("-", "−")
    scale_word = (m.group("scale") or "").lower()
    scale = SCALE_WORDS.get(scale_word, 1.0)
    pct = (m.group("pct") or "").lower()
    cur = m.group("cur")
    value *= scale
    if pct.startswith("p"):
        pct = "%"
    return Reading(
        value=(-value if negative else value) * direction,
        currency=CURRENCY_PREFIXES.get(cur) if cur else None,
        percent=pct in ("%", "percent"),
        bps=pct.startswith("b"),
        decimals=decimals,
        scale=scale,
        negative=negative,
    )


def is_nil(text: str) -> bool:
    """True for the dashes releases print for nothing or zero."""
    core = text.replace("\\$", "$").replace("$", "").strip().rstrip("%").strip().lower()
    return core in NIL_TOKENS


def format_money(value: float, currency: str = "USD") -> str:
    """Words a person would use: ``$2.5 million``, ``NT$32.5 billion``, ``$789,000``."""
    symbol = currency_symbol(currency)
    sign = "-" if value < 0 else ""
    a = abs(value)
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if a >= size:
            return f"{sign}{symbol}{_trim(a / size)} {word}"
    if a >= 1000 or a == int(a):
        return f"{sign}{symbol}{a:,.0f}"
    return f"{sign}{symbol}{a:,.2f}"


def _trim(x: float) -> str:
    text = f"{x:,.1f}" if x < 100 else f"{x:,.0f}"
    return text[:-2] if text.endswith(".0") and x >= 100 else text


def close(a: float, b: float, rel: float = 1e-6) -> bool:
    """Whether ``a`` is ``b`` up to float noise: within ``rel`` of ``b`` (of 1 for small values).
    The one tolerance for comparing figures computed in different ways."""
    return abs(a - b) <= rel * max(1.0, abs(b))
