"""A rate of change computed from a table is not the answer when the narrative states another rate for the
same item over the same base: the release measures the item another way (a segment row with intersegment
sales, constant currency), and the rate it states answers; the amount of such a change, which the
narrative does not state, is unverifiable, with the narrative's rate named."""

from __future__ import annotations

from bot.checks.status import CheckStatus
from tests.answer.conftest import asker

RELEASE = """Harbor Components Reports Fourth Quarter 2025 Results

HSINCHU -- Harbor Components Inc. (NYSE: HBR) today reported results for the fourth quarter ended
December 31, 2025. Testing net revenues of $315 million; Testing operating profit increased 400% from the
prior year.

4Q25 Results Highlights - Assembly

* Net revenues were $1,212 million, down by 5.4% year-over-year.

4Q25 Results Highlights - Testing

* Net revenues were $315 million, up by 4.0% year-over-year.

NET REVENUES BY SEGMENT (in millions)
                                        Three Months Ended
                                  December 31,       December 31,
                                      2025               2024
 Assembly                             1,190              1,269
 Testing                                315                303
 Total                                1,505              1,572
"""


def test_a_rate_the_narrative_states_otherwise_is_the_answer(tmp_path) -> None:
    answer = asker(tmp_path, "harbor", RELEASE)("Harbor Assembly revenue change y/y in 4Q25?")
    rate = answer.figures[0]
    assert rate.value == -5.4 and "states a decrease of 5.4%" in answer.text  # not the table's 6.2% fall
    assert rate.check != CheckStatus.VERIFIED


def test_a_rate_the_narrative_agrees_with_stays_verified(tmp_path) -> None:
    """The 400% in the opening sentence is the operating profit's, not the revenue's."""
    answer = asker(tmp_path, "harbor", RELEASE)("Harbor Testing revenue growth y/y in 4Q25?")
    assert round(answer.figures[0].value, 1) == 4.0
    assert answer.figures[0].check == CheckStatus.VERIFIED


BALANCE = """Pine Turbines Reports First Quarter Fiscal 2008 Results

First Quarter Revenue of $5.6 Million; Inventory Decreases 7% from Prior Quarter

CHATSWORTH -- Pine Turbines Corporation (NASDAQ: PTC) today reported results for its first quarter ended
June 30, 2007.

CONDENSED STATEMENTS OF OPERATIONS (in thousands)
                                        Three Months Ended June 30,
                                          2007            2006
 Revenue                                  5,600           4,800

CONDENSED BALANCE SHEETS (in thousands)
                                        June 30,        March 31,
                                          2007            2007
 Cash and cash equivalents               20,000          25,000
 Inventories                             19,439          21,283
 Total current assets                    39,439          46,283
"""


def test_the_amount_of_a_change_the_narrative_measures_otherwise_is_unverifiable(tmp_path) -> None:
    """The headline's 7% counts inventory the current-asset row leaves out: the $1.8 million fall
    computed from the row is not vouched for either."""
    ask = asker(tmp_path, "pine", BALANCE)
    answer = ask("By how much did Pine's inventory decrease from the prior quarter?")
    change = answer.figures[0]
    assert change.op == "-" and round(change.value / 1e3) == -1844
    assert change.check == CheckStatus.UNVERIFIABLE and "7%" in change.why
