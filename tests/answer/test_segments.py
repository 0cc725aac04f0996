"""Segments and periods in one small release with a Domestic | International | Consolidated
reconciliation: a question that names no segment is about the consolidated column; a segment's share
of revenue is the one the release prints under its row (never the segment's amount over the whole
company's revenue); a "% of revenue" row never answers a question about revenue; a quarter asked is
never answered with the six months' figure."""

from __future__ import annotations

import pytest

from bot.checks.status import CheckStatus
from tests.answer.conftest import asker, first

RELEASE = """Acme Stores Reports Second Quarter Fiscal 2024 Results

MINNEAPOLIS -- Acme Stores, Inc. (NYSE: ACS) today reported results for the 13-week second quarter
of fiscal 2024 ended July 29, 2023. Domestic revenue of $8.89 billion decreased 7.1% versus last year.

                                                  Three Months Ended
                                        July 29, 2023         July 30, 2022
Revenue ($ in millions)
 Domestic segment                           $ 8,890              $ 9,569
 International segment                          693                  760
 Enterprise                                 $ 9,583              $ 10,329
 Domestic comparable sales % change          (6.3)%              (12.7)%

CONSOLIDATED STATEMENTS OF CASH FLOWS ($ in millions)
                                                   Six Months Ended
                                        July 29, 2023         July 30, 2022
 Net earnings                                 $ 519                $ 840
 Dividends paid                                (402)                (397)
 Repurchase of common stock                    (158)                (465)

Comparable sales for the second quarter were as follows:

                                     12 Weeks        12 Weeks Adjusted*
 U.S.                                   9.3%              6.5%
 Canada                                 2.4%              8.3%
 Total Company                          6.6%              7.1%

Earnings reconciliation
                                            Reported            Core
 Diluted earnings per share                   $ 1.25           $ 1.22
 Effective tax rate                            26.1 %           26.6 %
 Operating margin                               3.6 %            3.8 %

CONDENSED CONSOLIDATED BALANCE SHEETS ($ in millions)
                                        July 29, 2023         January 28, 2023
Current liabilities:
 Accounts payable                            6,000                 5,000
 Term debt                                  11,007                 9,822
 Total current liabilities                  17,007                14,822
Non-current liabilities:
 Term debt                                  71,340                75,000
 Total liabilities                          88,347                89,822

Reconciliation of Non-GAAP Financial Measures ($ in millions)

                                       Three Months Ended                Three Months Ended
                                          July 29, 2023                     July 30, 2022
                                Domestic  International  Consolidated  Domestic  International  Consolidated
SG&A                           $ 1,730   $     149   $   1,879   $ 1,732   $     150   $   1,882
% of revenue                      19.5 %      21.5 %      19.6 %    18.1 %      19.7 %      18.2 %
 Intangible asset amortization    (21)           -        (21)      (22)           -        (22)
Non-GAAP SG&A                  $ 1,709   $     149   $   1,858   $ 1,710   $     150   $   1,860
% of revenue                      19.2 %      21.5 %      19.4 %    17.9 %      19.7 %      18.0 %

Operating income               $   329   $      19   $     348   $   343   $      28   $     371
% of revenue                       3.7 %       2.7 %       3.6 %     3.6 %       3.7 %       3.6 %
 Restructuring charges             (7)           -         (7)       34            -         34
Non-GAAP operating income      $   343   $      19   $     362   $   399   $      28   $     427
% of revenue                       3.9 %       2.7 %       3.8 %     4.2 %       3.7 %       4.1 %
"""


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    return asker(tmp_path_factory.mktemp("segments"), "acme", RELEASE)


@pytest.mark.parametrize(("question", "value"), [
    ("What was Acme's non-GAAP operating income?", 362e6),
    ("Acme non-GAAP SG&A in the second quarter?", 1858e6),
    ("What was Acme's domestic non-GAAP operating income?", 343e6),
    ("Acme international operating income as a percent of revenue?", 2.7),
    ("Acme domestic SG&A as a percent of revenue?", 19.5),
    ("Acme domestic SG&A as a percent of domestic revenue?", 19.5),
    ("Acme non-GAAP operating income as a % of revenue?", 3.8),
])
def test_the_segment_asked_or_the_whole_company(ask, question: str, value: float) -> None:
    assert first(ask(question)) == pytest.approx(value)


def test_a_revenue_decline_is_computed_from_revenue_not_a_percent_of_revenue_row(ask) -> None:
    # nor from comparable sales, which are not the revenue asked
    answer = ask("By what percent did Acme's domestic revenue decline?")
    assert first(answer) == pytest.approx((8890 - 9569) / 9569 * 100, rel=1e-3)


@pytest.mark.parametrize("question", ["How much did Acme pay in dividends in Q2?",
                                      "Acme dividends paid in Q4?"])
def test_a_quarter_asked_is_not_answered_with_six_months(ask, question: str) -> None:
    answer = ask(question)
    assert not answer.answerable and not answer.figures
    assert "six months" in answer.text  # the refusal names what the release does give


def test_a_quarter_the_release_does_not_cover_is_named(ask) -> None:
    assert "fourth quarter" in ask("Acme dividends paid in Q4?").text


def test_excluding_an_item_is_not_vouched_for_by_a_row_that_keeps_it(ask) -> None:
    # "SG&A excluding amortization" is the non-GAAP figure; plain SG&A may be shown, never verified
    answer = ask("What was Acme's SG&A excluding intangible asset amortization?")
    assert answer.figures and answer.figures[0].check != CheckStatus.VERIFIED


def test_one_label_under_two_headings_is_two_items(ask) -> None:
    # "Term debt" under current and under non-current liabilities: both are shown, neither vouched for
    answer = ask("What was Acme's term debt at July 29, 2023?")
    assert answer.figures and answer.figures[0].check != CheckStatus.VERIFIED
    assert "Non-current liabilities" in answer.text or "Current liabilities" in answer.text
    # the total of the two is their sum, shown with its parts
    total = ask("What was Acme's total term debt at July 29, 2023?")
    assert first(total) == 82_347_000_000 and "plus" in total.text


def test_a_table_without_periods_answers_only_a_question_without_one(ask) -> None:
    assert first(ask("What was Acme's core diluted EPS?")) == pytest.approx(1.22)
    # "in Q2" names a length the undated table does not print: never its figure as the quarter's
    assert not ask("What was Acme's core diluted EPS in Q2?").figures


@pytest.mark.parametrize(("question", "value"), [
    ("What were Acme's Canada comparable sales in Q2 FY24 excluding gas prices and FX?", 8.3),
    ("Acme Canada comparable sales in Q2 FY24?", 2.4),
])
def test_excluding_an_item_takes_the_adjusted_column(ask, question: str, value: float) -> None:
    assert first(ask(question)) == pytest.approx(value)


INTERSEGMENT = """Keel Pumps Reports Fourth Quarter 2025 Results

NORTH ANDOVER -- Keel Pumps, Inc. (NYSE: KPMP) today reported results for the fourth quarter ended
December 31, 2025.

SEGMENT INFORMATION (Amounts in millions)
                                 Fourth Quarter Ended December 31, 2025
                              Americas         Europe         APMEA         Total
Total segment net sales       $ 400.2          113.6           54.8       $ 568.6
Intersegment sales               (2.2)          (5.0)         (21.0)        (28.2)
Net sales from external
 customers                    $ 398.0          108.6           33.8       $ 540.4
"""


@pytest.mark.parametrize(("question", "value"), [
    ("What were Keel's Europe sales in Q4 2025?", 108.6e6),
    ("Keel Europe total segment net sales in Q4 2025?", 113.6e6),
    # before the sales between segments are taken out: the total that counts them, never their own row
    ("Keel's total Europe segment net sales, before intersegment eliminations, in Q4 2025?", 113.6e6),
    ("Keel Europe net sales before intersegment eliminations Q4 2025", 113.6e6),
    ("Keel Europe segment sales prior to elimination of intersegment sales, Q4 2025", 113.6e6),
])
def test_a_segments_sales_are_its_sales_to_external_customers(tmp_path, question: str, value: float) -> None:
    assert first(asker(tmp_path, "keel", INTERSEGMENT)(question)) == pytest.approx(value)


def test_a_sentence_of_external_sales_is_not_sales_before_eliminations(tmp_path) -> None:
    sentence = "Europe: Sales of $108.6 million decreased 15% on a reported and organic basis.\n"
    text = INTERSEGMENT.replace("December 31, 2025.\n", "December 31, 2025.\n\n" + sentence, 1)
    answer = asker(tmp_path, "keel", text)("Keel Europe net sales before intersegment eliminations Q4 2025")
    assert first(answer) == pytest.approx(113.6e6), answer.text
