"""Statement layouts met in real PDF releases, each as a small space-aligned table: change columns
headed ``Inc/ (Dec)``, percentages printed with ``%`` on some rows only, share counts in ``(000s)``
under a section heading, long labels inside a table, several section labels between the headings and
the first row. Each is read, and the audit of each passes (a misreading would fail it)."""

from __future__ import annotations

import pytest

from bot.checks.arithmetic import check_table
from bot.checks.status import CheckStatus
from index.document import Document
from index.reader.load import Source
from index.reader.release import read_source

HEAD = """Acme Corp Reports First Quarter Results

Acme Corp (NASDAQ: ACME) today reported net sales of $5.9 billion for the quarter ended March 31, 2025.

"""

CHANGES = HEAD + """CONDENSED STATEMENT OF INCOME
Dollars and shares in millions, except per share data

 Quarters Ended March 31,                              2025        2024          Inc/ (Dec)
 Revenues
 Sales by company-operated stores                 $ 2,224.3   $ 2,302.4   $  (78.1)        (3)%
 Revenues from franchised stores                    3,587.5     3,262.8       324.7        10
 Other revenues                                        86.0       100.4      (14.4)       (14)
 TOTAL REVENUES                                     5,897.8     5,665.6       232.2         4
 NET INCOME                                       $ 1,802.3   $ 1,104.4  $    697.9        63 %
"""

SHARES = HEAD + """CONSOLIDATED STATEMENTS OF INCOME
(dollars in millions, except per share data)

                                                             12 Weeks Ended
                                                   March 23, 2025      March 24, 2024
   Net sales                                     $         53,437  $         49,417
   Net income including noncontrolling interests            1,364               1,345
   Net income attributable to noncontrolling interests          —                 (21)
 NET INCOME ATTRIBUTABLE TO ACME                 $          1,364  $           1,324

 NET INCOME PER COMMON SHARE ATTRIBUTABLE TO ACME:
   Basic                                         $           3.07  $            2.99

   Diluted                                       $           3.07  $            2.98

 Shares used in calculation (000s):
   Basic                                                  443,837             443,377
   Diluted                                                444,531             444,604
"""

CASH = HEAD + """CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS
($ in millions)

                                                             Six Months Ended
                                                    March 31, 2025          March 31, 2024
Operating activities
Net earnings                                        $              518    $              647
Adjustments to reconcile net earnings to total cash provided by (used in) operating activities:
  Depreciation and amortization                                    473                   453
  Other, net                                                         2                    19
Total cash provided by operating activities                        993                 1,119
"""

BALANCE = HEAD + """CONDENSED CONSOLIDATED BALANCE SHEETS
($ in millions)

                                                          March 31, 2025       March 31, 2024
Assets
Current assets:
 Cash and cash equivalents                              $         1,093    $            840
 Merchandise inventories                                          5,651              6,043
 Total current assets                                             6,744              6,883
"""

WRAPPED = HEAD + """Reconciliation of GAAP Operating Income to Non-GAAP Operating Income
(In millions)
                                                                              Three Months Ended
                                                                                   March 31,
                                                                              2025            2024
 GAAP operating income                                                      $     558       $     692
  Stock-based compensation expense and related employer payroll taxes             132             117
  Amortization of acquired intangible assets within cost of net revenues and operating
  expenses                                                                         10               1
  Restructuring                                                                    42              —
    Total non-GAAP operating income adjustments                                   184             118
 Non-GAAP operating income                                                  $     742       $     810
"""


def read(text: str) -> Document:
    return read_source(Source("acme.txt", "acme", "text", text, "0"))


def statuses(doc: Document) -> list[CheckStatus]:
    return [c.status for t in doc.tables for c in check_table(t)]


def test_inc_dec_columns_are_changes_and_percent_throughout() -> None:
    doc = read(CHANGES)
    table = doc.tables[0]
    assert [c.change for c in table.columns] == [False, False, True, True]
    other = next(r for r in table.rows if r.label == "Other revenues")
    assert other.cells[3].percent  # printed "(14)" under a column whose first row says "(3)%"
    # the first row counts in the total although it carries a percentage in its change column
    assert statuses(doc) and all(s == CheckStatus.PASSED for s in statuses(doc))


def test_share_counts_in_thousands_under_a_section_heading() -> None:
    doc = read(SHARES)
    basic = next(f for f in doc.facts if f.label == "Basic" and f.unit == "shares" and f.column_index == 0)
    assert basic.value == 443_837_000
    checks = [c for t in doc.tables for c in check_table(t)]
    eps = [c for c in checks if "NET INCOME ATTRIBUTABLE TO ACME /" in c.text]
    assert len(eps) == 4 and all(c.status == CheckStatus.PASSED for c in eps)


def test_a_long_section_label_stays_inside_its_table() -> None:
    doc = read(CASH)
    assert len(doc.tables) == 1
    assert [c.status for c in check_table(doc.tables[0])] == [CheckStatus.PASSED]


def test_two_section_labels_between_the_headings_and_the_first_row() -> None:
    doc = read(BALANCE)
    periods = [c.period for c in doc.tables[0].columns]
    assert all(p is not None and p.months == 0 for p in periods)
    assert periods[0].end.isoformat() == "2025-03-31"  # type: ignore[union-attr]


def test_a_wrapped_long_label_and_a_reconciliation_total() -> None:
    doc = read(WRAPPED)
    assert len(doc.tables) == 1 and doc.tables[0].scale == 1e6
    labels = [r.label for r in doc.tables[0].rows]
    assert any(label.endswith("cost of net revenues and operating expenses") for label in labels)
    assert statuses(doc) == [CheckStatus.PASSED]


@pytest.mark.parametrize("tamper", ["184             118", "170             118"])
def test_a_reconciliation_total_no_formula_reproduces_is_not_called_an_error(tamper: str) -> None:
    text = WRAPPED.replace("184             118", tamper).replace("$     742", "$     999")
    found = statuses(read(text))
    assert CheckStatus.FAILED not in found
    if tamper.startswith("170"):
        assert found == [CheckStatus.UNVERIFIABLE]


CONTINUED = HEAD + """CONSOLIDATED BALANCE SHEETS
(amounts in millions)

                                                            March 31, 2025       December 31, 2024
                                      ASSETS
CURRENT ASSETS
   Cash and cash equivalents                              $          10,856   $          10,203
   Receivables, net                                                   2,312                2,241
     TOTAL ASSETS                                         $          13,168   $          12,444

                               LIABILITIES AND EQUITY
CURRENT LIABILITIES
   Accounts payable                                       $           8,348   $           7,848
   Other current liabilities                                          4,820                4,596
     TOTAL LIABILITIES AND EQUITY                         $          13,168   $          12,444
"""


def test_a_table_continued_under_its_own_heading_keeps_the_columns() -> None:
    doc = read(CONTINUED)
    payable = [f for f in doc.facts if f.label == "Accounts payable"]
    assert {(f.period.end.isoformat(), f.period.months, f.value) for f in payable if f.period} == {
        ("2025-03-31", 0, 8_348_000_000), ("2024-12-31", 0, 7_848_000_000)}
    assert doc.tables[-1].title == "CONSOLIDATED BALANCE SHEETS"


CASH_GAPS = HEAD + """Consolidated Statements of Cash Flows
(In thousands)

                                                          13 Weeks Ended
                                                      April 29,      April 30,
                                                        2025           2024
Operating activities
Net income                                         $     347,051  $     331,395

Adjustments to reconcile net income to net cash provided by operating activities:

  Depreciation and amortization                           57,949         62,839
  Non-cash lease expense                                  75,478         72,192
Net cash provided by operating activities                480,478        466,426
Financing activities
  Repurchase of common shares                           (283,517)      (132,834)
"""


def test_a_section_label_set_off_by_blank_lines_and_money_paid_for_shares() -> None:
    doc = read(CASH_GAPS)
    assert len(doc.tables) == 1 and all(c.period is not None for c in doc.tables[0].columns)
    buyback = next(f for f in doc.facts if f.label == "Repurchase of common shares" and f.column_index == 0)
    assert buyback.unit == "USD" and buyback.value == -283_517_000
    assert [c.status for c in check_table(doc.tables[0])] == [CheckStatus.PASSED]


SEGMENTS = HEAD + """Non-GAAP reconciliation ($ in millions)

                                       Three Months Ended                Three Months Ended
                                          July 29, 2023                     July 30, 2022
                                Domestic  International  Consolidated  Domestic  International  Consolidated
SG&A                           $ 1,730   $     149   $   1,879   $ 1,732   $     150   $   1,882
 Intangible asset amortization    (21)           -        (21)      (22)           -        (22)
Non-GAAP SG&A                  $ 1,709   $     149   $   1,858   $ 1,710   $     150   $   1,860
"""


def test_centred_group_headings_and_drifting_segment_headings_keep_to_their_columns() -> None:
    # "Three Months Ended July 29, 2023" is centred over the first three columns, and each segment
    # heading drifts a little to the right of its figures: each column keeps its own period and segment
    doc = read(SEGMENTS)
    headers = [c.header for c in doc.tables[0].columns]
    assert [h.split()[-1] for h in headers] == ["Domestic", "International", "Consolidated"] * 2
    assert all(h.count("Domestic") + h.count("International") + h.count("Consolidated") == 1 for h in headers)
    ends = [c.period.end.isoformat() for c in doc.tables[0].columns]  # type: ignore[union-attr]
    assert ends == ["2023-07-29"] * 3 + ["2022-07-30"] * 3


BLANK_BELOW_HEADINGS = HEAD + """                       Consolidated Statements of Cash Flows
                                                                   Twelve Months Ended
(In Millions; unaudited)                                       Dec 31, 2022  Dec 25, 2021

Cash and cash equivalents, beginning of period                 $     4,827  $      5,865
 Net income                                                          8,017        19,868
 Payment of dividends to stockholders                               (5,997)       (5,644)
"""


def test_column_headings_set_off_from_the_first_row_by_a_blank_line() -> None:
    doc = read(BLANK_BELOW_HEADINGS)
    periods = [c.period for c in doc.tables[0].columns]
    assert [(p.end.isoformat(), p.months) for p in periods if p] == [("2022-12-31", 12), ("2021-12-25", 12)]


UNLABELLED_TOTAL = HEAD + """Consolidated Balance Sheet
(in millions)
                                                              March 31,     December 31,
                                                                2025            2024
   Accounts and notes receivable, net                          10,163          8,680
   Inventories:
     Raw materials and packaging                                2,366          1,898
     Work-in-process                                              114            151
     Finished goods                                             2,742          2,298
                                                                5,222          4,347
   Prepaid expenses and other current assets                      806            980
   Total current assets                                         16,191         14,007
"""


def test_an_unlabelled_line_closing_a_section_is_its_total() -> None:
    doc = read(UNLABELLED_TOTAL)
    rows = {r.label: r for r in doc.tables[0].rows}
    assert rows["Inventories"].cells[0].value == 5222
    assert "Inventories" not in rows["Prepaid expenses and other current assets"].section
    # the total of current assets counts the inventories once: their total, not also their parts
    assert statuses(doc) and all(s == CheckStatus.PASSED for s in statuses(doc))


PER_SHARE_COLUMNS = HEAD + """Dollars in millions, except per share data
                                      Net Income                Earnings per share - diluted
 Quarters Ended March 31,         2025          2024            2025           2024
 GAAP                          $1,802.3      $1,104.4          $ 2.45         $ 1.48
 (Gains)/charges                  134.4         102.1            0.18           0.13
 Non-GAAP                      $1,936.7      $1,206.5          $ 2.63         $ 1.61
"""


def test_columns_headed_per_share_are_per_share_amounts() -> None:
    facts = {(f.label, f.column_index): f for f in read(PER_SHARE_COLUMNS).facts}
    assert facts[("Non-GAAP", 0)].value == pytest.approx(1_936.7e6) and facts[("Non-GAAP", 0)].unit == "USD"
    assert facts[("Non-GAAP", 2)].value == pytest.approx(2.63) and facts[("Non-GAAP", 2)].unit == "USD/share"
