"""Core types of a read release: document, metadata, narrative block, table, column, row, fact."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from index.reader.periods import Period


@dataclass
class Metadata:
    """What a release says about itself."""

    company: str | None = None
    ticker: str | None = None
    exchange: str | None = None
    release_date: date | None = None
    period: Period | None = None
    fiscal_label: str | None = None

    def as_json(self) -> dict[str, object]:
        """ISO dates, the period as start/end/months."""
        return {
            "company": self.company,
            "ticker": self.ticker,
            "exchange": self.exchange,
            "release_date": self.release_date.isoformat() if self.release_date else None,
            "period": self.period.as_json() if self.period else None,
            "fiscal_label": self.fiscal_label,
        }


@dataclass
class Block:
    """A piece of narrative: a heading, paragraph or bullet, with its first line and section."""

    kind: str
    text: str
    line: int
    section: str = ""


@dataclass
class Column:
    """A value column: its header as printed and the period it resolves to."""

    index: int
    header: str
    period: Period | None
    change: bool = False
    dimension: str = ""


@dataclass
class Cell:
    """A table cell as printed, and its value (``None`` when blank or a dash)."""

    text: str
    value: float | None
    percent: bool = False
    bps: bool = False
    currency: str | None = None
    decimals: int = 0


@dataclass
class Row:
    """A table row: label, its section path, line number and cells by column."""

    label: str
    section: tuple[str, ...]
    line: int
    cells: dict[int, Cell]
    rule_above: bool = False
    unit_note: str = ""

    @property
    def name(self) -> str:
        """The label, with a bare ``Total`` named by its section (``Total assets``)."""
        if self.label.lower().rstrip(":") in ("total", "totals") and self.section:
            top = self.section[0].rstrip(":").lower()
            return f"Total {top}"
        return self.label

    @property
    def path(self) -> str:
        """``Current Liabilities > Total current liabilities``."""
        return " > ".join([*self.section, self.name])


class ScaleSource(StrEnum):
    """Where a table's scale ("in thousands") was read from; ``NONE`` means nothing established it."""

    CAPTION = "caption"              # the caption or the headings say so
    EARLIER_TABLE = "earlier table"  # a continuation of the table above, which says so
    LEAD_IN = "lead-in"              # the line announcing it says so ("... the following (in millions):")
    NARRATIVE = "narrative"          # no caption: the narrative states its figures at this scale
    NONE = "none"                    # nothing says: figures are read as printed, and never verified

    @property
    def known(self) -> bool:
        return self != ScaleSource.NONE


@dataclass
class Table:
    """A statement or schedule as printed: title, scale, columns and rows."""

    id: str
    title: str
    caption: str
    scale: float
    scale_except: str
    currency: str
    columns: list[Column]
    rows: list[Row]
    line: int
    scale_source: ScaleSource = ScaleSource.NONE
    scale_note: str = ""  # how a scale not printed in the caption was established

    def column(self, index: int) -> Column:
        """The column with this index."""
        return next(c for c in self.columns if c.index == index)


@dataclass
class Fact:
    """One table cell read as a figure in base units with its period and unit."""

    table: str
    table_title: str
    section: str
    label: str
    column: str
    period: Period | None
    value: float
    unit: str
    text: str
    line: int
    decimals: int
    scale: float
    row_index: int
    column_index: int

    def as_json(self) -> dict[str, object]:
        """The JSON shape of ``audit --json``."""
        return {
            "table": self.table_title,
            "section": self.section,
            "label": self.label,
            "column": self.column,
            "period": self.period.as_json() if self.period else None,
            "value": self.value,
            "unit": self.unit,
            "text": self.text,
            "line": self.line,
        }


@dataclass
class Document:
    """A read release: where it came from, its metadata, narrative, tables and facts."""

    name: str
    path: str
    sha256: str
    lines: list[str]
    metadata: Metadata
    blocks: list[Block] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    # a PDF's (page, line on the page) for each line of its text rendering (None for a blank line)
    pages: list[tuple[int, int] | None] | None = None

    def where(self, line: int) -> str:
        """``line 102``, or ``page 3, line 9`` for a PDF."""
        if self.pages and 0 < line <= len(self.pages) and self.pages[line - 1]:
            page, on_page = self.pages[line - 1]  # type: ignore[misc]
            return f"page {page}, line {on_page}"
        return f"line {line}"
