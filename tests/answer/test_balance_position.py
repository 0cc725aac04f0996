"""Where a balance sheet places a row says what it is: a "Debt" row after "Total current liabilities" is
long-term (non-current) debt, as Intel prints it; a question that sets aside "the current portion" is
answered by the row that itself excludes it ("Long-term debt, excluding current portion")."""

from __future__ import annotations

import pytest

from tests.answer.conftest import asker, first

RELEASE = """Corvid Devices Reports Fourth-Quarter and Full-Year 2025 Financial Results

SANTA CLARA, Calif. -- Corvid Devices, Inc. today reported results for the year ended December 31, 2025.

Consolidated Balance Sheets (In Millions)
                                              Dec 31, 2025    Dec 31, 2024
Total current assets                                9,000           8,500
Property, plant and equipment, net                  4,000           3,800
Other long-term assets                                700             650
Total assets                                       13,700          12,950
Short-term debt                                       400             300
Accounts payable                                    1,100           1,000
Total current liabilities                           2,500           2,300
Debt                                                3,600           3,900
Other long-term liabilities                           900             850
Stockholders' equity                                6,700           5,900
Total liabilities and stockholders' equity         13,700          12,950
"""

SECOND = """Wexford Stores Reports First Quarter Results

ISSAQUAH, Wash. -- Wexford Stores, Inc. today reported results for the quarter ended November 20, 2025.

CONDENSED CONSOLIDATED STATEMENTS OF INCOME (in millions)
                                              12 Weeks Ended
                                              November 20,   November 21,
                                                  2025           2024
Net sales                                       54,000         50,000
Net income                                       1,400          1,300

CONSOLIDATED BALANCE SHEETS (in millions)
                                              November 20,    August 31,
                                                  2025           2025
Current portion of long-term debt                   71             73
Total current liabilities                        4,000          3,900
Long-term debt, excluding current portion        6,472          6,484
Total liabilities                               10,472         10,384
"""


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    return asker(tmp_path_factory.mktemp("corvid"), "corvid", RELEASE)


@pytest.mark.parametrize("question", [
    "Corvid long-term debt at year-end 2025",
    "What was Corvid's non-current debt at December 31, 2025?",
])
def test_a_row_after_the_current_liabilities_is_long_term(ask, question: str) -> None:
    assert first(ask(question)) == 3_600_000_000


def test_the_current_part_is_still_the_current_row(ask) -> None:
    assert first(ask("Corvid short-term debt at year-end 2025")) == 400_000_000
    assert first(ask("Corvid other long-term liabilities at December 31, 2024")) == 850_000_000


def test_a_row_that_excludes_what_the_question_excludes(tmp_path) -> None:
    ask = asker(tmp_path, "wexford", SECOND)
    assert first(ask("Wexford long-term debt excluding current portion")) == 6_472_000_000
    assert first(ask("Wexford long-term debt at August 31, 2025")) == 6_484_000_000


TERM_DEBT = """Orchard Computer Reports Third Quarter Results

CUPERTINO -- Orchard Computer Inc. today announced financial results for its fiscal 2026 third quarter ended
June 27, 2026.

CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS (In millions)
                                              Three Months Ended
                                          June 27,       June 28,
                                            2026           2025
Net sales                                 109,417         94,036

CONDENSED CONSOLIDATED BALANCE SHEETS (In millions)
                                          June 27,      September 27,
                                            2026           2025
Current liabilities:
  Accounts payable                         60,000         69,000
  Term debt                                11,007         12,350
    Total current liabilities             71,007         81,350
Non-current liabilities:
  Term debt                                71,340         78,328
    Total non-current liabilities         71,340         78,328
"""


def test_a_total_of_the_current_and_non_current_rows_of_one_name(tmp_path) -> None:
    ask = asker(tmp_path, "orchard", TERM_DEBT)
    answer = ask("Orchard total term debt at June 27, 2026?")
    assert first(answer) == 11_007_000_000 + 71_340_000_000
    assert "plus" in answer.text
    # without "total" the two rows are two items: one is answered and the other named
    alone = ask("Orchard term debt")
    assert first(alone) in (11_007_000_000, 71_340_000_000) and "say which you mean" in alone.text
