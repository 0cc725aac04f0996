"""Figures only the narrative states, table-driven on one small release: the figure of the asked period
(not the comparative one of the same sentence, not a 13-week figure for 39 weeks), of the asked kind
(a count for "how many", never money), of the asked noun (a backlog is not revenue guidance), and a
forecast only for a question about the future, never verified by a past table."""

from __future__ import annotations

import pytest

from bot.checks.status import CheckStatus
from tests.answer.conftest import asker

RELEASE = """Acme Outfitters Reports Third Quarter Results

KEARNEY, NE -- Acme Outfitters, Inc. (NYSE: AOF) today reported results for the fiscal quarter ended
November 2, 2024.

Net sales for the 13-week fiscal quarter ended November 2, 2024 decreased 3.2 percent to $293.6 million
from net sales of $303.5 million for the prior year 13-week fiscal quarter ended October 28, 2023.

Online sales increased 1.1 percent to $46.6 million for the 13-week fiscal quarter ended November 2,
2024, compared to net sales of $46.1 million for the 13-week fiscal quarter ended October 28, 2023.
Online sales decreased 9.2 percent to $128.0 million for the 39-week period ended November 2, 2024.

The Company operated 443 stores in 42 states at the end of the quarter.

Diluted earnings per share for the years ended December 31, 2024, 2023 and 2022 exclude 1.1 million,
0.5 million and 0.3 million potential common shares, respectively, because they would be antidilutive.

Comparable sales (sales of stores open a year and e-commerce sales) increased 9.3%, driven by an 11.0%
increase in transactions. Remaining performance obligation ended the quarter at $46.7 billion.
Franchise rental revenues increased $13.8 million, or 5.3%, in the quarter.

Selling expenses are reported net of vendor rebates. There were no such rebates this quarter and $0.8
million for the same period last year.

Looking forward, we expect to benefit from our over $100 million equipment sales backlog. The Company
expects fourth quarter net sales of $330 million to $340 million.

Management will hold a conference call at 10:00 a.m. EST today.

CONSOLIDATED STATEMENTS OF INCOME
(Amounts in Thousands)

                                        Thirteen Weeks Ended
                                  November 2, 2024   October 28, 2023
Net sales                         $      293,618     $      303,457
Cost of sales                            153,547            156,242
Gross profit                             140,071            147,215
"""


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    return asker(tmp_path_factory.mktemp("acme"), "acme", RELEASE)


@pytest.mark.parametrize(("question", "value"), [
    ("How much did Acme's online sales bring in during the third quarter?", 46.6e6),
    ("What were Acme's online sales in the same quarter a year earlier?", 46.1e6),
    ("What were Acme's online sales for the 39 weeks?", 128.0e6),
    ("How many stores did Acme operate?", 443),
    ("What net sales does Acme expect for the fourth quarter?", 330e6),
    ("Acme Q4 net sales guidance range", 330e6),  # "range" names the form of the answer, not an item
    # "such rebates" are the vendor rebates the sentence before names
    ("Acme vendor rebates last year", 0.8e6),
    # figures listed with their years "respectively" go with the years in order; a list's noun names each
    ("How many potential common shares did Acme exclude in 2023?", 0.5e6),
    ("Acme excluded potential common shares for 2024", 1.1e6),
    ("Acme total RPO at quarter end", 46.7e9),  # "total" of an item the narrative states whole
])
def test_the_stated_figure_of_the_asked_period_kind_and_noun(ask, question: str, value: float) -> None:
    answer = ask(question)
    assert answer.answerable and answer.figures, answer.text
    assert answer.figures[0].value == pytest.approx(value)


@pytest.mark.parametrize("question", [
    "How many online orders did Acme ship in the quarter?",   # no count of orders: not the $46.6 million
    "What revenue guidance did Acme give for next year's equipment business?",  # a backlog is not guidance
])
def test_no_stated_figure_of_another_kind_or_noun(ask, question: str) -> None:
    answer = ask(question)
    assert not answer.figures or answer.figures[0].value not in (46.6e6, 100e6, 10), answer.text


def test_a_forecast_is_never_verified_by_a_past_table(ask) -> None:
    answer = ask("What net sales does Acme expect for the fourth quarter?")
    assert answer.figures[0].check != CheckStatus.VERIFIED


def test_a_future_question_never_gets_a_past_figure(ask) -> None:
    answer = ask("What gross profit does Acme expect next quarter?")
    assert not answer.figures or answer.figures[0].value not in (140_071_000, 147_215_000), answer.text


def test_per_share_and_totals_are_not_taken_for_each_other(tmp_path) -> None:
    text = RELEASE.replace("Management will hold", "Restructuring charges were $180 million, or $0.18 per "
                           "share, related to the store closures. The board declared a dividend of $0.25 per "
                           "share, and dividends paid were $134 million. Management will hold")
    ask = asker(tmp_path / "i", "acme2", text)
    charges = ask("How much in restructuring charges did Acme take for the store closures?")
    assert charges.figures and charges.figures[0].value == pytest.approx(180e6), charges.text
    dividend = ask("What per-share dividend did Acme declare?")
    assert dividend.figures and dividend.figures[0].value == pytest.approx(0.25), dividend.text


def test_a_ticker_the_release_does_not_print_names_the_company(ask) -> None:
    answer = ask("AOUT Q3 online sales?")  # a short form the release never prints
    assert answer.figures and answer.figures[0].value == pytest.approx(46.6e6), answer.text


@pytest.mark.parametrize(("extra", "question", "value"), [
    # a change stated "from the prior year" is the change itself, not the earlier period's figure
    ("Comparable store sales decreased 0.7 percent from comparable store sales for the prior year.",
     "By what percentage did Acme's comparable store sales decline in the quarter?", -0.7),  # a fall
    # a level something fell to is not a fall
    ("Backlog decreased to $41.0 million at quarter end.", "What was Acme's backlog at quarter end?", 41e6),
    # a headcount has no length of period, and a date that ends no reported period is an event's
    ("Total number of employees was 9,492 as of November 2, 2024.",
     "How many employees did Acme have?", 9492),
    ("Total number of employees was 9,492 as of November 2, 2024.",
     "Acme headcount?", 9492),  # a count however asked, never an amount of money
    ("In September 2024 the board declared a special cash dividend of $0.80 per share.",
     "What special dividend per share did Acme declare in September 2024?", 0.80),
    # a word that links, not names ("alongside its results"), is not required of the sentence
    ("In September 2024 the board declared a special cash dividend of $0.80 per share.",
     "What special dividend per share did Acme's board declare alongside its results?", 0.80),
])
def test_stated_changes_headcounts_and_events(tmp_path, extra: str, question: str, value: float) -> None:
    text = RELEASE.replace("Management will hold", extra + " Management will hold")
    answer = asker(tmp_path / "i", "acme3", text)(question)
    assert answer.figures and answer.figures[0].value == pytest.approx(value), answer.text


def test_a_hyphenated_number_is_not_a_count(tmp_path) -> None:
    text = RELEASE.replace("Management will hold", "Employee costs had a 91-percentage-point impact. "
                           "Management will hold")
    answer = asker(tmp_path / "i", "acme4", text)("How many employees did Acme have?")
    assert not answer.figures or answer.figures[0].value != 91, answer.text


@pytest.mark.parametrize(("sentence", "noun"), [
    ("The Company operated 1,359 stores totaling 14.2 million square feet.", "stores"),
    ("Ulta Beauty operates 1,359 retail stores across 50 states.", "stores"),
    ("It recorded a $100 million equipment sales backlog.", "backlog"),
])
def test_the_noun_a_stated_figure_measures(sentence: str, noun: str) -> None:
    from bot.answer.pipeline import _measured_noun
    from index.reader.claims import find_claims

    claim = next(c for c in find_claims(sentence) + _counts(sentence) if c.text in ("1,359", "$100 million"))
    assert _measured_noun(claim) == noun


def _counts(sentence: str) -> list:
    from bot.answer.narrative import _plain_numbers

    return _plain_numbers(sentence, 1)


def test_a_share_asked_is_not_a_changes_rate(ask) -> None:
    # "increased $13.8 million, or 5.3%": the 5.3% is the change, not a share of anything
    answer = ask("What is the percentage of franchise rental revenues in Acme's total revenues?")
    assert all(f.value != pytest.approx(5.3) for f in answer.figures), answer.text


def test_a_change_measures_the_noun_after_it(ask) -> None:
    # "an 11.0% increase in transactions" is the transactions' growth, not e-commerce sales growth
    answer = ask("What was Acme's e-commerce sales growth in the quarter?")
    assert all(f.value != pytest.approx(11.0) for f in answer.figures), answer.text


EFFECTS = ("Restructuring impacted third quarter GAAP diluted earnings per share by (72) cents. Losses on "
           "strategic investments negatively impacted GAAP diluted earnings per share by $(0.11).")


@pytest.mark.parametrize(("question", "value"), [
    # the verb asked need not be the one printed: "reduce", "hurt", "impact" all ask the effect
    ("How much did restructuring reduce Acme's GAAP diluted EPS in the quarter?", -0.72),
    ("By how much did restructuring impact Acme's GAAP EPS?", -0.72),
    ("How much did losses on strategic investments hurt Acme's GAAP EPS?", -0.11),
])
def test_an_effect_is_asked_with_any_verb(tmp_path, question: str, value: float) -> None:
    text = RELEASE.replace("Management will hold", EFFECTS + " Management will hold")
    answer = asker(tmp_path / "i", "acme5", text)(question)
    assert answer.figures and answer.figures[0].value == pytest.approx(value), answer.text


def test_an_effect_on_another_item_is_not_the_answer(tmp_path) -> None:
    text = RELEASE.replace("Management will hold", EFFECTS + " Management will hold")
    answer = asker(tmp_path / "i", "acme6", text)("How much did restructuring reduce Acme's net sales?")
    assert not any(round(abs(f.value), 2) in (0.72, 0.11) for f in answer.figures), answer.text
