"""Guidance stated in words: a list led in by "guidance for fiscal 2024 is the following", a sentence about
the next quarter. The outlook asked is the period asked (the quarter's never answers the year's, nor the
year's the quarter's), a range is given with both ends, a dividend per share is never earnings per share,
and a forecast is never vouched for by the tables, which report the past."""

from __future__ import annotations

import pytest

from bot.checks.status import CheckStatus
from tests.answer.conftest import asker, first

RELEASE = """Acme Devices Reports Second Quarter Fiscal 2024 Results

SAN JOSE -- Acme Devices, Inc. (NASDAQ: ACMD) today reported results for the second quarter of fiscal
2024 ended July 29, 2023. Revenue was $402.5 million, up 4% from a year ago.

The board of directors authorized the payment of a quarterly cash dividend of $0.25 per share.
We plan to repurchase approximately $500 million of shares in fiscal 2024.
For fiscal 2024, the Company uses a projected non-GAAP tax rate of 21.5%. For fiscal 2023, the Company
used a projected non-GAAP tax rate of 20.0%.

Outlook

As it relates to the third quarter, we expect revenue of $410 million to $420 million and an operating
margin of approximately 9.5%. Full year adjusted EBITDA margin is expected to be between 17.7% and
18.3%.

Incorporated in the guidance, the 53rd week is expected to add approximately $70 million of revenue to Q4
FY24 and a benefit of approximately 10 basis points to the full year gross margin.

Acme's guidance for fiscal 2024 is the following:

(2) Capital expenditures growth guidance includes an estimated 4% - 6% headwind from tariffs.

 \u2022  Revenue of $1.60 billion to $1.65 billion
 \u2022  Non-GAAP diluted EPS2 of $3.10 to $3.30
 \u2022  Capital expenditures of approximately $85 million

CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS ($ in thousands, except per share data)
                                                  Three Months Ended
                                        July 29, 2023         July 30, 2022
 Revenue                                   $ 402,512            $ 387,020
 Cost of revenue                             250,100              241,300
 Gross profit                                152,412              145,720
 Operating income                             37,300               35,900
 Net income                                   29,000               27,100
 Diluted earnings per share                  $  0.71              $  0.66
"""


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    return asker(tmp_path_factory.mktemp("outlook"), "acme", RELEASE)


@pytest.mark.parametrize(("question", "value"), [
    ("Acme FY24 revenue guidance?", 1.60e9),
    ("What revenue does Acme expect for fiscal 2024?", 1.60e9),
    ("Acme Q3 revenue outlook?", 410e6),
    ("What revenue does Acme expect for the third quarter?", 410e6),
    ("Acme Q3 operating margin outlook?", 9.5),
    ("Acme fiscal 2024 non-GAAP EPS guidance?", 3.10),
    ("Acme capex guidance for the full year?", 85e6),
    # a year to come named by the question and the sentence: a projection, whatever the question calls it
    ("Acme non-GAAP tax rate FY24", 21.5),
    ("Acme non-GAAP tax rate outlook for fiscal 2024", 21.5),
    ("How much stock does Acme plan to repurchase in fiscal 2024?", 500e6),  # a plan is a forecast
])
def test_the_outlook_for_the_period_asked(ask, question: str, value: float) -> None:
    answer = ask(question)
    assert first(answer) == pytest.approx(value)
    assert answer.figures[0].check != CheckStatus.VERIFIED  # a forecast: the tables report the past


def test_a_range_is_given_with_both_ends(ask) -> None:
    answer = ask("Acme FY24 revenue guidance?")
    assert [f.value for f in answer.figures[:2]] == pytest.approx([1.60e9, 1.65e9])
    assert "$1.60 billion to $1.65 billion" in answer.text
    assert "guidance for fiscal 2024" in answer.text  # the lead-in that names the list's period


@pytest.mark.parametrize(("question", "value"), [
    ("What is the high end of Acme's fiscal 2024 revenue guidance?", 1.65e9),
    ("Top of Acme's FY24 non-GAAP EPS guidance range?", 3.30),
    ("What's the midpoint of Acme's fiscal 2024 revenue guidance?", 1.625e9),
    ("Low end of Acme's Q3 revenue outlook?", 410e6),
    ("What is the low end of Acme's full-year FY24 revenue guidance?", 1.60e9),  # not the Q4 week's $70M
    ("Low end of Acme's updated fiscal 2024 revenue outlook?", 1.60e9),
    ("High end of Acme's full year adjusted EBITDA margin outlook?", 18.3),  # "between X and Y"
    ("Acme's full year adjusted EBITDA margin outlook?", 17.7),
])
def test_the_end_of_a_range_asked(ask, question: str, value: float) -> None:
    answer = ask(question)
    assert first(answer) == pytest.approx(value)
    assert {f.value for f in answer.figures} >= {1.60e9, 1.65e9} or len(answer.figures) >= 2


@pytest.mark.parametrize("question", [
    "Acme full-year operating margin guidance?",  # only the third quarter's is given
    "Acme Q3 EPS outlook?",  # only the year's is given; the dividend per share is not earnings
])
def test_another_periods_outlook_is_not_the_answer(ask, question: str) -> None:
    answer = ask(question)
    assert not answer.figures, answer.text


def test_a_past_figure_never_answers_an_outlook(ask) -> None:
    # the quarter's EPS ($0.71) is reported, not expected
    assert all(f.value != pytest.approx(0.71) for f in ask("Acme Q3 EPS guidance?").figures)


TABLED = """Borealis Software Reports First Quarter Fiscal 2026 Results

AUSTIN -- Borealis Software Inc. (NYSE: BSW) today reported results for the first quarter of fiscal 2026
ended April 30, 2025. Revenue was $1.21 billion, up 9% year over year.

CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS (in millions, except per share data)
                                                  Three Months Ended
                                        April 30, 2025        April 30, 2024
 Revenue                                     $ 1,210              $ 1,110
 Net income                                      150                  120
 Diluted earnings per share                   $ 0.60               $ 0.48

Guidance

The guidance below excludes the effect of any acquisitions.

                                               Q2 FY26           Full Year FY26
                                               Guidance             Guidance
 Revenue                                   $1.25 - $1.27          $5.05 - $5.10
                                               Billion               Billion
     Y/Y Growth                                  ~9%                 ~10%
 Non-GAAP Earnings per Share               $0.70 - $0.72          $2.90 - $2.95
 Operating Cash Flow Growth (Y/Y)               N/A                12% - 13%
"""


@pytest.mark.parametrize(("question", "low", "high"), [
    ("Borealis Q2 FY26 revenue guidance", 1.25e9, 1.27e9),
    ("What non-GAAP EPS does Borealis expect for the full year?", 2.90, 2.95),
    ("Borealis FY26 operating cash flow growth outlook", 12.0, 13.0),
])
def test_guidance_printed_as_a_table_is_answered_with_both_ends(tmp_path, question: str, low: float,
                                                               high: float) -> None:
    answer = asker(tmp_path, "borealis", TABLED)(question)
    assert [f.value for f in answer.figures[:2]] == pytest.approx([low, high])
    assert answer.figures[0].check != CheckStatus.VERIFIED  # a forecast: no table of the past vouches for it


def test_a_tables_guidance_never_answers_the_past(tmp_path) -> None:
    ask_ = asker(tmp_path, "borealis", TABLED)
    assert first(ask_("Borealis revenue in the first quarter")) == pytest.approx(1.21e9)
    assert "does not say" in ask_("Borealis Q3 FY26 revenue guidance").text


@pytest.mark.parametrize("question", ["Acme dividend per share declared", "What dividend did Acme declare?"])
def test_a_dividend_authorized_is_declared(ask, question: str) -> None:
    assert first(ask(question)) == pytest.approx(0.25)


def test_a_year_the_release_does_not_report_is_not_answered_from_the_past(ask) -> None:
    # FY24 is to come: only a sentence about it answers, never the quarter's reported figure
    answer = ask("Acme net income FY24")
    assert all(f.value != pytest.approx(29e6) for f in answer.figures), answer.text


def test_a_headwind_to_an_item_is_not_the_item(ask) -> None:
    # "growth guidance includes an estimated 4% - 6% headwind": the range measures the headwind
    answer = ask("Acme FY24 capex growth guidance")
    assert all(f.value not in (4, 6) for f in answer.figures), answer.text


BAND = """Verdant Chips Reports Second Quarter Fiscal 2025 Results

SANTA CLARA -- Verdant Chips Corporation (NASDAQ: VRDC) today reported results for the second quarter of
fiscal 2025 ended July 28, 2024. Revenue was $30.0 billion.

Outlook
Verdant's outlook for the third quarter of fiscal 2025 is as follows:
Revenue is expected to be $32.5 billion, plus or minus 2%.
"""


@pytest.mark.parametrize(("question", "value"), [
    ("What is the top of Verdant's revenue outlook range for the third quarter of fiscal 2025?", 33.15e9),
    ("Low end of Verdant's Q3 FY25 revenue guidance?", 31.85e9),
    ("What revenue does Verdant expect for the third quarter of fiscal 2025?", 32.5e9),
])
def test_an_end_of_a_band_asked(tmp_path, question: str, value: float) -> None:
    answer = asker(tmp_path, "verdant", BAND)(question)
    assert first(answer) == pytest.approx(value), answer.text
