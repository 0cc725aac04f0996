"""Periods: durations ending on a date (three months ended June 30, 2007) and instants."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

MONTHS = {
    name.lower(): i
    for i, name in enumerate(calendar.month_name)
    if name
}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9

_MONTH_RE = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
# a full date; "december 31 , 2010" (a space before the comma) too
# a footnote mark run into the year ("July 29, 20231" for note 1) is not part of it
DATE_RE = re.compile(_MONTH_RE + r"\s+(?P<day>\d{1,2})\s?,?\s+(?P<year>(?:19|20)\d\d)(?=[1-9]?\b)", re.I)
MONTH_DAY_RE = re.compile(_MONTH_RE + r"\s+(?P<day>\d{1,2})\b,?", re.I)
DMY_RE = re.compile(r"\b(?P<day>\d{1,2})\s+" + _MONTH_RE + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.I)
SLASH_DATE_RE = re.compile(r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{2}|\d{4})\b")
YEAR_RE = re.compile(r"(?<![\d,.$])((?:19|20)\d\d)(?![\d,])")
DURATION_WORDS = {
    "three": 3, "3": 3, "six": 6, "6": 6, "nine": 9, "9": 9, "twelve": 12, "12": 12,
    "thirteen": 3, "13": 3, "twenty-six": 6, "26": 6, "thirty-nine": 9, "39": 9,
    "fifty-two": 12, "52": 12, "fifty-three": 12, "53": 12,
}
WEEK_WORDS = {"twelve": 12, "thirteen": 13, "sixteen": 16, "seventeen": 17, "twenty-four": 24,
              "twenty-six": 26,
              "thirty-six": 36, "thirty-nine": 39, "forty": 40, "fifty-two": 52, "fifty-three": 53}
# 12-week quarters (three of them, then a 16-week one) and 13-week ones: the months they stand for
WEEKS_AS_MONTHS = {12: 3, 13: 3, 16: 4, 17: 4, 24: 6, 26: 6, 36: 9, 39: 9, 40: 9, 52: 12, 53: 12}
DURATION_RE = re.compile(
    r"\b(three|six|nine|twelve|thirteen|sixteen|seventeen|twenty-four|twenty-six|thirty-six|thirty-nine|"
    r"forty|fifty-two|fifty-three|\d{1,2})"
    r"[- ]?(months?|weeks?)\b",
    re.I,
)
QUARTER_CODE_RE = re.compile(r"\b(?:([1-4])Q|Q([1-4]))\s*'?(?:FY)?\s*(\d{2}|\d{4})\b", re.I)
ORDINAL_WORDS = "first|second|third|fourth|1st|2nd|3rd|4th"  # for regular expressions
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
ORDINAL_NAMES = {1: "first", 2: "second", 3: "third", 4: "fourth"}
# a quarter named: "Q3", "3Q", "the third quarter", "fourth-quarter"
QUARTER_NAMED_RE = re.compile(r"\bq([1-4])\b|\b([1-4])q\b|\b(" + ORDINAL_WORDS + r")[- ]quarter\b", re.I)


def quarters_named(text: str) -> list[int]:
    """The quarters a text names, in the order it names them."""
    return [ORDINALS[m.group(3).lower()] if m.group(3) else int(m.group(1) or m.group(2))
            for m in QUARTER_NAMED_RE.finditer(text)]
# period ends a week apart are the same period: "June 30" in a caption, "June 28" on a 52-53-week
# fiscal calendar, "January 26" against "January 31"
NEAR_DAYS = 7


@dataclass(frozen=True)
class Period:
    """A span of time a figure covers: ``months`` 0 for an instant (a balance-sheet date)."""

    end: date
    months: int
    # a column headed by a bare year ("2018") in a table and text that name no date: its year is known,
    # not the day its fiscal year ends (the end is taken as December 31 and never said)
    year_only: bool = False
    # a retail calendar's length as printed ("12 Weeks Ended"): said in words, not compared (a 12-week
    # quarter is the quarter, of three months, when periods are matched)
    weeks: int | None = field(default=None, compare=False)

    @property
    def start(self) -> date | None:
        """First day of a duration; ``None`` for an instant."""
        if self.months == 0:
            return None
        if self.weeks:
            return self.end - timedelta(days=7 * self.weeks - 1)
        return add_months(self.end, -self.months) + timedelta(days=1)

    def describe(self) -> str:
        """Plain words: ``the three months ended June 30, 2007`` or ``June 30, 2007``."""
        if self.year_only:
            return f"the end of {self.end.year}" if self.months == 0 else f"{self.end.year}"
        when = format_date(self.end)
        if self.months == 0:
            return when
        words = {3: "three months", 6: "six months", 9: "nine months", 12: "year"}
        span = f"{self.weeks} weeks" if self.weeks else words.get(self.months, f"{self.months} months")
        return f"the {span} ended {when}"

    def as_json(self) -> dict[str, object]:
        """ISO dates and months, as the JSON output shows them."""
        start = self.start
        return {"start": start.isoformat() if start else None, "end": self.end.isoformat(),
                "months": self.months}


def format_date(d: date) -> str:
    """``June 30, 2007``."""
    return f"{calendar.month_name[d.month]} {d.day}, {d.year}"


def add_months(d: date, months: int) -> date:
    """The same day ``months`` later (or earlier), clamped to the month's end; month-ends stay ends."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    last = calendar.monthrange(year, month)[1]
    was_end = d.day == calendar.monthrange(d.year, d.month)[1]
    return date(year, month, last if was_end else min(d.day, last))


def full_year(text: str | int) -> int:
    """A year as printed, two digits (``'24``, ``FY25``) read as this century."""
    y = int(text)
    return y + 2000 if y < 100 else y


def near(a: date, b: date, days: int = NEAR_DAYS) -> bool:
    """Whether two period ends are the same period (see ``NEAR_DAYS``)."""
    return abs((a - b).days) <= days


def fiscal_quarter_end(current_end: date, current: tuple[int, int], quarter: int, year: int) -> date:
    """The end of fiscal ``quarter`` of fiscal ``year``, counted back from the release's own quarter
    ``current`` = (quarter, fiscal year) ending ``current_end``: the release's calendar, not January's."""
    back = (current[1] - year) * 4 + (current[0] - quarter)
    return add_months(current_end, -3 * back)


def fiscal_year_end(current_end: date, current: tuple[int, int], year: int) -> date:
    """The end of fiscal ``year`` on the calendar of the release's own quarter ``current``."""
    return add_months(current_end, 3 * (4 - current[0]) - 12 * (current[1] - year))


def calendar_quarter_end(quarter: int, year: int) -> date:
    """The end of a calendar quarter (``4Q24`` → December 31, 2024)."""
    return add_months(date(year, 1, 31), 3 * quarter - 1)


MONTH_YEAR_RE = re.compile(_MONTH_RE + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.I)


def find_dates(text: str) -> list[date]:
    """Every full date in a text, in the order printed."""
    found: list[tuple[int, date]] = []
    for rx in (DATE_RE, DMY_RE):
        found += [(m.start(), _safe_date(full_year(m["year"]), MONTHS[m["month"].lower()], int(m["day"])))
                  for m in rx.finditer(text)]
    found += [(m.start(), _safe_date(full_year(m["y"]), int(m["m"]), int(m["d"])))
              for m in SLASH_DATE_RE.finditer(text)]
    return [d for _, d in sorted(found)]


def month_end(text: str) -> date | None:
    """The last day of a month named with its year and no day: ``the end of March 2007``."""
    m = MONTH_YEAR_RE.search(text)
    if not m:
        return None
    year, month = int(m["year"]), MONTHS[m["month"].lower()]
    return date(year, month, calendar.monthrange(year, month)[1])


def find_date(text: str, default_month_day: tuple[int, int] | None = None) -> date | None:
    """The last full date in a text (``June 30, 2007``, ``12/31/24``, ``Dec. 31 2024``)."""
    found: list[tuple[int, date]] = []
    for m in DATE_RE.finditer(text):
        found.append((m.start(), _safe_date(full_year(m["year"]), MONTHS[m["month"].lower()], int(m["day"]))))
    for m in DMY_RE.finditer(text):
        found.append((m.start(), _safe_date(full_year(m["year"]), MONTHS[m["month"].lower()], int(m["day"]))))
    for m in SLASH_DATE_RE.finditer(text):
        month, day = int(m["m"]), int(m["d"])
        if month > 12 >= day:
            month, day = day, month  # day first: "30/6/2019"
        if 1 <= month <= 12:
            found.append((m.start(), _safe_date(full_year(m["y"]), month, day)))
    if not found:
        md = list(MONTH_DAY_RE.finditer(text))
        years = YEAR_RE.findall(text)
        if md and years:
            m = md[-1]
            return _safe_date(int(years[-1]), MONTHS[m["month"].lower()], int(m["day"]))
        if years and default_month_day:
            return _safe_date(int(years[-1]), *default_month_day)
        return None
    found = [f for f in found if f[1] is not None]
    return max(found, key=lambda f: f[0])[1] if found else None


def _safe_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, month, calendar.monthrange(year, month)[1])


def _durations(text: str) -> list[tuple[int, int, int | None]]:
    """Each length a header names: (where, months, weeks when it is counted in weeks)."""
    low = text.lower()
    found: list[tuple[int, int, int | None]] = []
    for m in DURATION_RE.finditer(low):
        word = m.group(1)
        n = DURATION_WORDS.get(word)
        if n is None and word.isdigit():
            n = int(word)
        weeks = None
        if m.group(2).startswith("week"):
            weeks = (int(word) if word.isdigit() else WEEK_WORDS.get(word, 0)) or None
            # 12-, 16-, 24- and 36-week periods are quarters and halves of a 52-week retail year
            n = WEEKS_AS_MONTHS.get(weeks, round(weeks / 4.345)) if weeks else n
        if n is not None:
            found.append((m.start(), n, weeks))
    for m in re.finditer(r"\bquarters?\b", low):
        found.append((m.start(), 3, None))
    for m in QUARTER_CODE_RE.finditer(text):
        found.append((m.start(), 3, None))
    # "year-to-date" is as long as the year has run, not a year
    for m in re.finditer(r"\b(year|twelve months|fiscal year|full year)\b(?![- ]to[- ]date)", low):
        found.append((m.start(), 12, None))
    for m in re.finditer(r"\b(first|second) half\b|\b[12]h\b|\bh[12]\b", low):
        found.append((m.start(), 6, None))
    return found


def duration_months(text: str) -> int | None:
    """Months a header speaks of: three months, quarter, year ended; the last one named wins."""
    found = _durations(text)
    return max(found, key=lambda d: (d[0], d[1]))[1] if found else None


def duration_weeks(text: str) -> int | None:
    """Weeks a header speaks of, when the last length it names is counted in weeks ("12 Weeks Ended")."""
    found = _durations(text)
    return max(found, key=lambda d: (d[0], d[1]))[2] if found else None


def quarter_code(text: str) -> tuple[int, int] | None:
    """``4Q24`` or ``Q2 FY25`` as (quarter, year)."""
    m = QUARTER_CODE_RE.search(text)
    if not m:
        return None
    q = int(m.group(1) or m.group(2))
    return q, full_year(m.group(3))
