"""Wordings from analysts' questions on a third-quarter release of our own: "year to date" is as long as
the release's fiscal year has run (nine months at a third quarter), never a fixed six months; an item "as %
of net sales" is computed against a revenue row printed with a qualifier ("SALES, Net of returns"); "gross
margin as % of sales" is the margin itself; "net income from continuing operations" answers "net income"
before an operating-income row does ("operations" there is not the "operating" of operating income)."""

from __future__ import annotations

import pytest

from bot.answer.question import parse_question
from tests.answer.conftest import asker, first

RELEASE = """Harbor Outfitters Reports Third Quarter Fiscal 2025 Results

KEARNEY, Neb. -- Harbor Outfitters, Inc. today reported results for the third quarter of fiscal 2025, the
thirteen weeks ended November 1, 2025.

CONSOLIDATED STATEMENTS OF INCOME (Amounts in Thousands)
                                   Thirteen Weeks Ended           Thirty-Nine Weeks Ended
                               November 1,    November 2,     November 1,    November 2,
                                  2025           2024            2025           2024
SALES, Net of returns and allowances   300,000    280,000         840,000        800,000
COST OF SALES                          160,000    150,000         450,000        430,000
Gross profit                           140,000    130,000         390,000        370,000
General and administrative              20,000     19,000          58,000         55,000
Operating income                        52,000     47,000         141,000        130,000
Net income from continuing operations   40,000     36,000         108,000        100,000

RECONCILIATION OF NON-GAAP MEASURES (Amounts in Thousands)
                                                    Thirteen Weeks Ended
                                                 November 1,   November 2,
                                                    2025          2024
Non-GAAP operating income                          55,000        50,000
Non-GAAP net income from continuing operations     43,000        39,000
"""


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    return asker(tmp_path_factory.mktemp("harbor"), "harbor", RELEASE)


def test_year_to_date_is_left_to_the_release() -> None:
    for text in ("Harbor YTD net income", "net sales year to date", "fiscal year-to-date sales"):
        spec = parse_question(text).period
        assert spec.to_date and spec.months is None, text
    assert parse_question("net income for the first half").period.months == 6


@pytest.mark.parametrize(("question", "value"), [
    ("Harbor YTD net income", 108_000_000),
    ("What were net sales year to date?", 840_000_000),
    ("YTD net income last year", 100_000_000),
    ("net income for the quarter", 40_000_000),
    ("Harbor G&A YTD", 58_000_000),  # an abbreviation the lexicon spells out
    ("Harbor net sales YTD fiscal 2025", 840_000_000),  # that year so far, not the whole of it
])
def test_year_to_date_at_a_third_quarter_is_nine_months(ask, question: str, value: float) -> None:
    answer = ask(question)
    assert first(answer) == value
    if "YTD" in question or "year to date" in question:
        assert "39 weeks" in answer.text  # the release's own words for nine months of a retail year


@pytest.mark.parametrize(("question", "percent"), [
    ("Harbor gross profit as % of net sales Q3", 140 / 300 * 100),
    ("gross profit as a percentage of sales for the nine months", 390 / 840 * 100),
    ("Harbor gross margin Q3 as % of sales", 140 / 300 * 100),
])
def test_an_item_as_a_share_of_sales_printed_with_a_qualifier(ask, question: str, percent: float) -> None:
    answer = ask(question)
    assert first(answer) == pytest.approx(percent), answer.text
    assert answer.figures[0].unit == "percent"


def test_net_income_from_continuing_operations_is_the_net_income_asked(ask) -> None:
    assert first(ask("What was Harbor's non-GAAP net income in the quarter?")) == 43_000_000
    assert first(ask("What was Harbor's non-GAAP operating income in the quarter?")) == 55_000_000
    assert first(ask("Harbor income from continuing operations this quarter")) == 40_000_000


SECOND_QUARTER = """Norwood Electronics Reports Results for Second Quarter of Fiscal 2026

RICHFIELD, Minn. -- Norwood Electronics Co., Inc. today announced results for the 13-week second quarter
(Q2 FY26) ended August 1, 2026.

In Q2 FY26, the company returned a total of $279 million to shareholders through dividends of $200 million
and share repurchases of $79 million. On a year-to-date basis, the company has returned a total of $560
million to shareholders through dividends of $402 million and share repurchases of $158 million.

CONSOLIDATED STATEMENTS OF CASH FLOWS ($ in millions)
                                               Six Months Ended
                                          August 1,      August 2,
                                            2026           2025
Net earnings                                  518            647
Repurchase of common stock                   (158)          (600)
Dividends paid                               (402)          (397)
"""


@pytest.fixture(scope="module")
def ask_q2(tmp_path_factory):
    return asker(tmp_path_factory.mktemp("norwood"), "norwood", SECOND_QUARTER)


def test_year_to_date_through_a_named_quarter() -> None:
    spec = parse_question("How much has Norwood returned year to date through Q2 FY26?").period
    assert spec.months == 6 and spec.fiscal == (2, 2026)


def test_a_year_to_date_sentence_speaks_of_the_year_so_far(ask_q2) -> None:
    answer = ask_q2("How much has Norwood returned to shareholders year to date through Q2 FY26?")
    assert first(answer) == 560_000_000
    assert first(ask_q2("How much did Norwood return to shareholders in Q2 FY26?")) == 279_000_000


def test_a_stated_figure_is_not_vouched_for_by_another_items_row(tmp_path) -> None:
    from bot.checks.status import CheckStatus

    said = "In the first half, Norwood returned $402 million to shareholders, with dividends up 1%. "
    text = SECOND_QUARTER.replace("In Q2 FY26, the company", said + "In Q2 FY26, the company")
    ask = asker(tmp_path, "norwood2", text)
    dividends = ask("What were Norwood's dividends paid in the first half?")
    assert abs(first(dividends)) == 402_000_000
    assert dividends.figures[0].check == CheckStatus.VERIFIED, dividends.figures[0].why
    # the table's 402 that the sentence's "dividends" finds is "Dividends paid", another item than the
    # amount returned to shareholders asked: the sentence alone says so
    returned = ask("How much did Norwood return to shareholders in the first half?")
    assert first(returned) == 402_000_000
    assert returned.figures[0].check != CheckStatus.VERIFIED


def test_sga_is_not_general_and_administrative_alone(ask) -> None:
    """SG&A includes selling: a release that prints only "General and administrative" does not give it,
    and says which item it does give."""
    answer = ask("What was Harbor's SG&A in the quarter?")
    assert not answer.figures and "General and administrative" in answer.text


@pytest.mark.parametrize(("question", "value"), [
    # a quarter printed only inside the year to date: the 39 weeks less the third quarter's 13
    ("Harbor net sales for the first half of fiscal 2025", 540_000_000),
    ("What were Harbor's net sales in the first half of fiscal 2024?", 520_000_000),
])
def test_a_period_inside_a_longer_one_is_their_difference(ask, question: str, value: float) -> None:
    answer = ask(question)
    assert first(answer) == value, answer.text
    assert answer.figures[0].derived and answer.figures[0].recompute() == value


def test_per_share_figures_do_not_subtract(tmp_path) -> None:
    row = "Net income from continuing operations   40,000     36,000         108,000        100,000"
    eps = "Diluted earnings per share                0.80       0.72            2.16           2.00"
    answer = asker(tmp_path, "harbor", RELEASE.replace(row, f"{row}\n{eps}"))(
        "Harbor diluted EPS for the first half of fiscal 2025")
    assert not answer.figures, answer.text
