"""Figures printed inside a row label: share counts and contra-account amounts, each at its date."""

from __future__ import annotations

from datetime import date

import pytest

from index.document import Cell, Column, Row, Table
from index.reader.facts import facts_of
from index.reader.inline import inline_facts
from index.reader.periods import Period

NOW, THEN = Period(date(2025, 6, 30), 0), Period(date(2024, 12, 31), 0)


def balance_sheet(label: str, scale: float = 1e3, scale_except: str = "except share data") -> Table:
    row = Row(label=label, section=("Stockholders' equity",), line=40, cells={1: Cell("15", 15.0)})
    return Table(id="t1", title="BALANCE SHEETS", caption="(in thousands, except share data)", scale=scale,
                 scale_except=scale_except, currency="USD",
                 columns=[Column(1, "June 30, 2025", NOW), Column(2, "December 31, 2024", THEN)],
                 rows=[row], line=30)


def read(label: str, share_scale: float = 1.0, **kw: object) -> dict[tuple[str, date], float]:
    table = balance_sheet(label, **kw)  # type: ignore[arg-type]
    return {(f.label, f.period.end): f.value for f in inline_facts(table, 0, table.rows[0], share_scale)
            if f.period}


def test_respectively_goes_to_the_columns_in_order() -> None:
    got = read("Common stock, $0.01 par value, 50,000,000 shares authorized; 1,234,567 and 1,200,000 "
               "shares issued and outstanding, respectively")
    assert got[("Common stock, shares issued and outstanding", NOW.end)] == 1_234_567
    assert got[("Common stock, shares issued and outstanding", THEN.end)] == 1_200_000
    assert got[("Common stock, shares authorized", NOW.end)] == 50_000_000


def test_each_figure_at_its_own_date_after_a_kind_named_first() -> None:
    got = read("Class B common stock; issued and outstanding: 5,953,290 shares at June 30, 2025 and "
               "5,958,290 shares at December 31, 2024")
    assert got == {("Class B common stock, shares issued and outstanding", NOW.end): 5_953_290,
                   ("Class B common stock, shares issued and outstanding", THEN.end): 5_958_290}


def test_issued_and_outstanding_share_one_date_per_clause() -> None:
    got = read("Common stock; 9,100 shares issued and 9,000 shares outstanding at June 30, 2025; "
               "8,100 shares issued and 8,000 shares outstanding at December 31, 2024")
    assert got[("Common stock, shares outstanding", NOW.end)] == 9_000
    assert got[("Common stock, shares issued", NOW.end)] == 9_100
    assert got[("Common stock, shares outstanding", THEN.end)] == 8_000


def test_counts_take_the_share_scale_of_the_caption() -> None:
    got = read("Common stock, 4,137 shares issued and outstanding (4,070 issued and outstanding in 2024)",
               share_scale=1e6)
    assert got[("Common stock, shares issued and outstanding", NOW.end)] == 4_137e6
    assert got[("Common stock, shares issued and outstanding", THEN.end)] == 4_070e6


def test_contra_amounts_at_each_date_and_at_both_dates() -> None:
    got = read("Accounts receivable, net of allowance for doubtful accounts of $10 on June 30, 2025 and "
               "$11 on December 31, 2024")
    key = "allowance for doubtful accounts (Accounts receivable)"
    assert got == {(key, NOW.end): 10_000, (key, THEN.end): 11_000}
    both = read("Trade receivables, less reserve allowances of $11.9 million at June 30, 2025 and "
                "December 31, 2024")
    assert set(both.values()) == {11.9e6} and len(both) == 2


@pytest.mark.parametrize("label", [
    "Preferred stock, $0.001 par value; 10,000,000 shares authorized; none issued",
    "Revenue",
    "Class B common stock, $0.10 par value; 10 votes per share",
])
def test_no_count_without_a_kind_and_no_par_value_as_a_figure(label: str) -> None:
    got = read(label)
    assert all("authorized" in what for what, _ in got)


def test_stock_terms_do_not_make_the_cell_a_per_share_amount() -> None:
    table = balance_sheet("Class B common stock, $0.10 par value; 10 votes per share; issued and "
                          "outstanding: 5,953,290 shares at June 30, 2025")
    cell = next(f for f in facts_of(table) if f.column_index == 1)
    assert cell.unit == "USD" and cell.value == 15_000
