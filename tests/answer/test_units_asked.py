"""The kind of figure asked decides the row as much as its words: "ROA" is the row printed "ROA" (an
abbreviation in a label is spelled out as in a question) and a percentage; the "on" of "return on
assets" names no date; "how many weighted average shares ... per share" is a share count; an amount
asked ("domestic online revenue") is never answered with a percentage from a row that fits loosely
(its comparable sales change): the sentence that states the amount answers; a share asked is the row
printed in percent ("Percent from international"), and never an amount in its place."""

from __future__ import annotations

import pytest

from bot.answer.question import parse_question
from tests.answer.conftest import asker, first

RELEASE = """Norbury Electronics Reports Second Quarter Fiscal 2026 Results

RICHFIELD, Minn. -- Norbury Electronics Co., Inc. today reported results for the second quarter ended
August 1, 2026.

Domestic online revenue of $2.81 billion decreased 4.2% on a comparable basis.

CONSOLIDATED STATEMENTS OF EARNINGS ($ in millions, except per share amounts)
                                             Three Months Ended
                                          August 1,      August 2,
                                            2026           2025
Revenue                                    9,600          9,800
Net earnings                                 300            280
Diluted earnings per share                  1.40           1.25
Weighted average shares used to calculate
  diluted earnings per share                 214            224

Revenue Category Summary
                                             Three Months Ended
                                          August 1,      August 2,
                                            2026           2025
Domestic comparable online sales % change   (4.2)%         (9.0)%

Return on Assets ("ROA")                  August 1, 20261   August 2, 20251
Net earnings                                1,300          1,700
Total assets                               16,000         17,500
ROA                                          8.1%           9.7%

Gross Merchandise Volume ($ in millions)
                                             Three Months Ended
                                          August 1,      August 2,
                                            2026           2025
US                                          9,000          9,500
International                               9,400         10,074
Percent from international                    50%            51%
"""


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    return asker(tmp_path_factory.mktemp("norbury"), "norbury", RELEASE)


@pytest.mark.parametrize("question", ["Norbury ROA", "What was Norbury's return on assets?"])
def test_a_ratio_printed_under_its_abbreviation(ask, question: str) -> None:
    answer = ask(question)
    assert first(answer) == pytest.approx(8.1)
    assert answer.figures[0].unit == "percent"


def test_the_on_of_return_on_assets_is_no_date() -> None:
    assert not parse_question("What was the return on assets?").period.instant
    assert parse_question("What was cash on June 30, 2026?").period.instant


def test_weighted_average_shares_for_per_share_figures_are_a_count(ask) -> None:
    answer = ask("How many weighted average shares were used to calculate diluted earnings per share?")
    assert first(answer) == 214_000_000
    assert answer.figures[0].unit == "shares"


def test_an_amount_is_not_answered_with_a_loosely_fitting_percentage(ask) -> None:
    answer = ask("Norbury domestic online revenue")
    assert first(answer) == 2_810_000_000


def test_a_share_is_the_row_printed_in_percent(ask) -> None:
    answer = ask("what percent of Norbury revenue came from international in Q2?")
    assert first(answer) == 50
    assert answer.figures[0].unit == "percent"


def test_a_share_with_nothing_to_divide_by_is_not_the_amount(ask) -> None:
    # the US figure is merchandise volume, not revenue: no share of revenue can be made of it
    answer = ask("What share of Norbury's revenue came from the US?")
    assert not answer.figures and "does not say" in answer.text
