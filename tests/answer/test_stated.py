"""Figures the narrative states, where the tables fall short: a quarter's dividends when the cash-flow
statement prints only the six months (only from a sentence that names the quarter), never a quarter the
release does not cover; a word that changes the item ("Current remaining performance obligation") makes
another item; a highlight under "Full Year 2024 Highlights" is the year's, not the quarter's."""

from __future__ import annotations

import pytest

from bot.checks.status import CheckStatus
from tests.answer.conftest import asker, first

RELEASE = """Acme Software Reports Second Quarter Fiscal 2024 Results

SAN FRANCISCO -- Acme Software, Inc. (NYSE: ASW) today reported results for the second quarter of fiscal
2024 ended July 29, 2023.

Second Quarter 2024 Highlights
Current remaining performance obligation of $24.1 billion, up 12% Y/Y. Remaining performance obligation
ended the quarter at $46.7 billion, an increase of 11% Y/Y.

Full Year 2024 Highlights
Operating cash flow of $361 million and free cash flow of $332 million.

Acme will pay its next quarterly cash dividend of $0.25 per share on October 3, 2023.

In Q2 FY24, the company returned a total of $279 million to shareholders through dividends of $200 million
and share repurchases of $79 million.

CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS ($ in millions)
                                                   Six Months Ended
                                        July 29, 2023         July 30, 2022
 Net earnings                                 $ 519                $ 840
 Dividends paid                                (402)                (397)
 Repurchase of common stock                    (158)                (465)
"""


@pytest.fixture(scope="module")
def asks(tmp_path_factory):
    """An ``ask`` for each release of this module, by company."""
    texts = {"acme": RELEASE, "blue": PER_SHARE_RELEASE, "harbor": LIST_RELEASE,
             "kaohsiung": QUARTERS_RELEASE, "formosa": CAPEX_RELEASE}
    return {name: asker(tmp_path_factory.mktemp(name), name, text) for name, text in texts.items()}


@pytest.fixture(scope="module")
def ask(asks):
    return asks["acme"]


@pytest.mark.parametrize(("question", "value"), [
    ("How much did Acme pay in dividends in Q2?", 200e6),
    ("How much did Acme spend on share repurchases in the quarter?", 79e6),
    ("Acme remaining performance obligation?", 46.7e9),
    ("Acme current remaining performance obligation?", 24.1e9),
    ("Acme quarterly dividend?", 0.25),  # per share, not the dividends paid in all
    ("Acme dividend per share?", 0.25),
])
def test_a_figure_the_narrative_states(ask, question: str, value: float) -> None:
    assert first(ask(question)) == pytest.approx(value)


@pytest.mark.parametrize("question", [
    "How much did Acme pay in dividends in Q3?",  # a quarter the release does not cover
    "What was Acme's operating cash flow for the second quarter?",  # the highlight is the year's
])
def test_no_figure_of_another_period(ask, question: str) -> None:
    answer = ask(question)
    assert not answer.figures, answer.text


PER_SHARE_RELEASE = """Blue Harbor Stores Reports First Quarter Fiscal 2023 Results

CHICAGO -- Blue Harbor Stores, Inc. (NASDAQ: BHS) today reported results for the first quarter of fiscal
2023 ended April 29, 2023.

Diluted earnings per share increased 9.2% to $6.88, including a $0.14 benefit due to income tax accounting
for stock-based compensation, compared to $6.30, including a $0.02 benefit due to income tax accounting
for stock-based compensation, in the first quarter of fiscal 2022. Restructuring impacted first quarter
GAAP diluted earnings per share by (31) cents. Operating costs, excluding sales and marketing, were $899,000.
Sales and marketing expenses totaled $684,000.
"""


@pytest.mark.parametrize("question", [
    "Blue Harbor EPS benefit from stock comp tax accounting",  # "stock comp" is not comparable sales
    "What was the benefit to diluted EPS from income tax accounting for stock-based compensation?",
])
def test_an_amount_in_a_per_share_sentence_is_per_share(asks, question: str) -> None:
    # not the 9.2% growth, not $6.88, and not the $0.02 inside the clause of the year-earlier figure
    assert first(asks["blue"](question)) == pytest.approx(0.14)


def test_a_figure_that_leaves_out_the_item_is_not_it(asks) -> None:
    assert first(asks["blue"]("What did Blue Harbor spend on sales and marketing in the quarter?")) == \
        pytest.approx(684_000)


def test_cents_are_a_per_share_amount(asks) -> None:
    assert abs(first(asks["blue"]("Blue Harbor restructuring impact on EPS"))) == pytest.approx(0.31)


LIST_RELEASE = """Harbor Wholesale Reports First Quarter Fiscal 2023 Results

ISSAQUAH -- Harbor Wholesale Corporation (NASDAQ: HWC) today reported results for the first quarter of
fiscal 2023 ended November 20, 2022.

Net income for the quarter was $1,364 million, $3.07 per diluted share. This year's results included a
charge of $93 million pre-tax, $0.15 per diluted share, primarily related to downsizing our charter
shipping activities, and a tax benefit of $53 million, $0.12 per diluted

share, related to stock-based compensation. Last year's results included a write-off of certain
information technology assets of $118 million pre-tax, and a tax benefit of $91 million related to
stock-based compensation.

Comparable sales increased 9.3%, driven by an 11.0% increase in transactions and a 1.5% decrease in
average ticket.
"""


@pytest.mark.parametrize(("question", "value"), [
    # the item of the list that names the charge, not the tax benefit after ", and"
    ("Harbor charter shipping charge", 93e6),
    # this year's benefit, from a paragraph a page break cut in two, not "Last year's results"
    ("Harbor tax benefit from stock-based comp in Q1", 53e6),
    ("Harbor transactions growth", 11.0),  # "an 11.0% increase in transactions"
    ("Harbor average ticket change", 1.5),
])
def test_the_item_of_a_list_that_names_it(asks, question: str, value: float) -> None:
    assert first(asks["harbor"](question)) == pytest.approx(value)


QUARTERS_RELEASE = """Kaohsiung Semiconductor Reports Fourth Quarter 2024 Results

TAIPEI -- Kaohsiung Semiconductor Co. (NYSE: KSC) today reported results for the fourth quarter of 2024
ended December 31, 2024.

Diluted earnings per share for the quarter were NT$2.07 (or US$0.129 per ADS), compared to NT$2.13 for
4Q23 and NT$2.18 for 3Q24.
"""


def test_a_figure_for_a_quarter_it_names_is_that_quarters(asks) -> None:
    ask = asks["kaohsiung"]
    answer = ask("Kaohsiung diluted EPS per ADS in 4Q24")
    assert first(answer) == pytest.approx(0.129) and "0.129" in answer.text  # to the precision printed
    assert first(ask("Kaohsiung diluted EPS in the fourth quarter")) == pytest.approx(2.07)
    assert first(ask("Kaohsiung diluted EPS in 3Q24")) == pytest.approx(2.18)


CAPEX_RELEASE = """Formosa Packaging Reports Fourth Quarter 2024 Results

TAIPEI -- Formosa Packaging Co. (NYSE: FPK) today reported results for the fourth quarter of 2024 ended
December 31, 2024.

* Capital expenditures in 4Q24 totaled US$640 million.
* Capital expenditures in 2024 totaled US$1,876 million.

CONSOLIDATED STATEMENTS OF CASH FLOWS (In NT$ millions)
                                                   Three Months Ended          Year Ended
                                                   Dec. 31,    Dec. 31,     Dec. 31,    Dec. 31,
                                                     2024        2023         2024        2023
 Net cash from operating activities                 40,100      35,200      130,500     120,300
 Payments for property, plant and equipment        (31,546)    (11,859)     (78,614)    (53,683)
 Net cash used in investing activities             (31,546)    (11,859)     (78,614)    (53,683)
"""


@pytest.mark.parametrize("question", ["Formosa capex 4Q24", "Formosa capex full year 2024"])
def test_a_row_that_only_stands_for_what_the_narrative_names_is_not_vouched_for(asks, question: str) -> None:
    """The narrative states capital expenditures in so many words, at another figure (in US$) than the
    payments row the lexicon takes for capex: the row's figure is not verified."""
    answer = asks["formosa"](question)
    assert answer.figures and answer.figures[0].check == CheckStatus.UNVERIFIABLE
    assert "in so many words" in answer.figures[0].why
