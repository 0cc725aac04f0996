"""Question parsing, table-driven: the kind asked, the line-item words and the period."""

from __future__ import annotations

from datetime import date

import pytest

from bot.answer.question import PeriodSpec, QueryKind, parse_period, parse_question


@pytest.mark.parametrize(("question", "kind"), [
    ("What was revenue for the first quarter?", QueryKind.VALUE),
    ("How did revenue change from last year?", QueryKind.CHANGE),
    ("By what percent did net sales grow?", QueryKind.PERCENT_CHANGE),
    ("What was the current ratio?", QueryKind.RATIO),
    ("What was gross profit as a percentage of revenue?", QueryKind.SHARE_OF_REVENUE),
    ("Why did revenue fall?", QueryKind.NARRATIVE),
    ("When is the conference call?", QueryKind.NARRATIVE),
    # growth is a rate, unless an amount is asked
    ("Salesforce subscription and support revenue growth?", QueryKind.PERCENT_CHANGE),
    ("Costco total revenue growth %?", QueryKind.PERCENT_CHANGE),
    ("Best Buy international revenue change %?", QueryKind.PERCENT_CHANGE),
    ("By how much did automotive revenue grow from Q1 FY23 to Q1 FY25?", QueryKind.CHANGE),
    ("Domestic online sales as a percent of domestic revenue?", QueryKind.SHARE_OF_REVENUE),
    ("What share of Acme's Q1 FY23 net sales came from cosmetics?", QueryKind.SHARE_OF_REVENUE),
    ("Professional services revenue as a percentage of the 2018 total revenue?", QueryKind.SHARE_OF_REVENUE),
    ("What is the increase/ (decrease) in inventories from 2018 to 2019?", QueryKind.CHANGE),
    ("What is the change in total revenue between 2017 and 2018 as a percentage?", QueryKind.PERCENT_CHANGE),
    ("How much did Domestic revenue change y/y, in %?", QueryKind.PERCENT_CHANGE),
    # the shorthand asks a rate of a change; an increase named as a noun is its amount
    ("Acme revenue change y/y in 4Q24?", QueryKind.PERCENT_CHANGE),
    ("YoY net loss increase?", QueryKind.CHANGE),
    ("Acme international revenue decline", QueryKind.PERCENT_CHANGE),
    ("By how many dollars did Acme's data center revenue decline year over year?", QueryKind.CHANGE),
    ("By how many dollars did Luvu's net sales grow y/y in the December 2024 quarter?", QueryKind.CHANGE),
    ("How much did revenue change y/y in dollars?", QueryKind.CHANGE),
    ("What was the percent of the increase in the revenue from 2010 to 2011?", QueryKind.PERCENT_CHANGE),
    ("What was the percentual decrease in the liabilities during 2012 and 2013?", QueryKind.PERCENT_CHANGE),
    ("What was the difference in trading assets between 2018 and the year prior?", QueryKind.CHANGE),
    ("What is the increase observed in the service cost in 2013?", QueryKind.CHANGE),
    ("EVI Q2 operating income y/y %", QueryKind.PERCENT_CHANGE),
    ("Capstone revenue y/y decline Q1 fiscal 2008", QueryKind.PERCENT_CHANGE),
])
def test_kind(question: str, kind: QueryKind) -> None:
    assert parse_question(question).kind == kind


@pytest.mark.parametrize(("question", "words"), [
    ("What was revenue?", {"revenu", "sal"}),
    ("What was R&D a year ago?", {"research development"}),
    ("What was EPS?", {"per shar"}),
    ("What were total assets?", {"total", "asset"}),
    ("What was COGS?", {"cost good sold", "cost sal", "cost revenu"}),
    ("Adjusted EPS?", {"adjust", "nongaap", "eps"}),                   # printed "Non-GAAP EPS" too
])
def test_line_item_words(question: str, words: set[str]) -> None:
    found = {" ".join(alt) for term in parse_question(question).terms for alt in term}
    assert words <= found


@pytest.mark.parametrize(("question", "absent"), [
    ("What was eBay's U.S. GMV?", {"us", "u", "s"}),          # U.S. is a word of its own ("usa")
    ("Apple's Services revenue in the June quarter of 2026?", {"jun", "june"}),  # a period, not an item
    ("What were quarterly net sales for the thirteen weeks?", {"quarterly", "thirteen", "week"}),
    # where an item stands is not what it is
    ("Restructuring charge in Salesforce's Q1 FY24 income statement?", {"incom", "statement"}),
    ("Best Buy gross profit rate Q2 FY24?", {"rat"}),                # the item as a share of revenue
    ("Low end of Ulta's updated FY23 operating margin outlook?", {"low", "end", "updat"}),
])
def test_period_words_are_not_line_items(question: str, absent: set[str]) -> None:
    found = {w for term in parse_question(question).terms for alt in term for w in alt}
    assert not (found & absent)
    if "U.S." in question:
        assert "usa" in found


@pytest.mark.parametrize(("text", "spec"), [
    ("revenue for the first quarter", PeriodSpec("current", months=3, quarter=1)),
    ("revenue a year earlier", PeriodSpec("prior_year")),
    ("revenue in the prior quarter", PeriodSpec("prior_quarter", months=3)),
    ("revenue for the six months", PeriodSpec("current", months=6)),
    ("total assets at March 31, 2007", PeriodSpec("explicit", end=date(2007, 3, 31), instant=True)),
    ("net income in Q3 FY24", PeriodSpec("explicit", months=3, fiscal=(3, 2024), fiscal_is_fy=True)),
    ("4Q23 revenue", PeriodSpec("explicit", months=3, fiscal=(4, 2023))),
    ("fiscal 2025's second quarter revenue", PeriodSpec("explicit", months=3, fiscal=(2, 2025),
                                                        fiscal_is_fy=True)),
    ("EPS for fiscal 2025", PeriodSpec("explicit", months=12, fiscal_year=2025)),
    ("revenue in 2024", PeriodSpec("explicit", months=12, calendar_year=2024)),
    ("net sales growth for full year 2023", PeriodSpec("explicit", months=12, calendar_year=2023)),
    ("dividends paid in Q2", PeriodSpec("current", months=3, quarter=2)),
    ("inventories at the end of 2022", PeriodSpec("explicit", calendar_year=2022, instant=True)),
    ("long-term debt at YE 2024", PeriodSpec("explicit", calendar_year=2024, instant=True)),
    ("current ratio when 2024 ended", PeriodSpec("explicit", calendar_year=2024, instant=True)),
    ("revenue for the full year", PeriodSpec("current", months=12)),
    ("Services revenue in the June quarter of 2026", PeriodSpec("explicit", end=date(2026, 6, 30), months=3)),
    ("revenue in the December quarter", PeriodSpec("current", months=3)),
    ("net sales for the first 39 weeks of fiscal 2024", PeriodSpec("explicit", months=9, fiscal_year=2024)),
    ("net sales for the thirteen weeks", PeriodSpec("current", months=3)),
    ("quarterly revenue", PeriodSpec("current", months=3)),
    ("ROFE in F19", PeriodSpec("explicit", months=12, fiscal_year=2019)),  # Australian fiscal years
    ("inventories at fiscal year end August 28, 2022", PeriodSpec("explicit", end=date(2022, 8, 28),
                                                                  instant=True)),
    # "y/y" says how a change is measured; the year named is the period
    ("INTC FY2022 R&D y/y % change", PeriodSpec("explicit", months=12, fiscal_year=2022)),
    ("revenue year over year", PeriodSpec("prior_year")),
    # a balance at a fiscal year's end, and since then
    ("inventories at the end of fiscal 2025", PeriodSpec("explicit", fiscal_year=2025, instant=True)),
    ("cash change since the end of fiscal 2025", PeriodSpec("explicit", fiscal_year=2025, instant=True)),
    ("cash change since FY25 year-end", PeriodSpec("explicit", fiscal_year=2025, instant=True)),
])
def test_period(text: str, spec: PeriodSpec) -> None:
    assert parse_period(text) == spec


def test_ex_sets_aside_like_excluding() -> None:
    assert parse_question("COST Q1 FY23 total company comps ex gas and FX?").excluded == {"gas", "fx"}


def test_follow_up_takes_the_previous_line_item() -> None:
    first = parse_question("What was revenue?")
    follow = parse_question("And a year earlier?").with_context(first)
    assert follow.terms == first.terms and follow.period.relative == "prior_year"


@pytest.mark.parametrize(("question", "income"), [
    ("How much revenue did McDonald's earn from franchised restaurants?", False),  # revenue is named
    ("How much did Apple earn in the quarter?", True),                              # income, by the verb
    ("How much money did the company lose?", True),
])
def test_a_verb_names_income_only_when_nothing_else_is_named(question: str, income: bool) -> None:
    found = {w for term in parse_question(question).terms for alt in term for w in alt}
    assert ("incom" in found) == income


@pytest.mark.parametrize("question", [
    "What percentage of its sales did EVI keep as gross profit in the quarter?",
    "What was gross profit as a percentage of revenue?",
    "Gross profit as a share of total sales?",
])
def test_share_of_revenue_wordings(question: str) -> None:
    q = parse_question(question)
    assert q.kind == QueryKind.SHARE_OF_REVENUE
    assert not any(("revenu",) in term for term in q.terms)  # revenue is the denominator, not the item


def test_a_month_is_not_a_line_item_that_hides_a_verb() -> None:
    terms = parse_question("How much did the company lose in the April-to-June 2006 quarter?").terms
    assert any(("incom",) in term for term in terms)


@pytest.mark.parametrize("question", [
    "What were ASE's full-year 2024 diluted earnings per share in NT dollars?",
    "What was revenue in US dollars?",
])
def test_a_currency_asked_is_not_a_line_item(question: str) -> None:
    words = {w for term in parse_question(question).terms for alt in term for w in alt}
    assert not words & {"nt", "dollar", "usa"}


@pytest.mark.parametrize(("question", "per_share"), [
    ("What dividend did eBay declare?", True),      # a dividend declared is per share
    ("What was diluted EPS?", True),
    ("How much did the company lose for each share of its stock?", True),
    ("How many shares were outstanding?", False),
    ("What were dividends paid?", None),
])
def test_per_share_asked(question: str, per_share: bool | None) -> None:
    from bot.answer.select import asks_per_share

    assert asks_per_share(question) is per_share


@pytest.mark.parametrize(("question", "kind"), [
    ("eBay GMV y/y", QueryKind.PERCENT_CHANGE),  # a base alone asks for the rate
    ("NVIDIA revenue q/q?", QueryKind.PERCENT_CHANGE),
    ("How much did Mobileye revenue grow y/y in Q4?", QueryKind.PERCENT_CHANGE),  # the shorthand of a rate
    ("YoY net loss increase?", QueryKind.CHANGE),
    ("Acme international revenue decline", QueryKind.PERCENT_CHANGE),
    ("By how many dollars did Acme's data center revenue decline year over year?", QueryKind.CHANGE),
    ("By how many dollars did Luvu's net sales grow y/y in the December 2024 quarter?", QueryKind.CHANGE),
    ("How much did revenue change from the same period last year?", QueryKind.CHANGE),
])
def test_a_change_asked_with_its_base(question: str, kind: QueryKind) -> None:
    assert parse_question(question).kind == kind


def test_a_year_on_its_own_is_the_year() -> None:
    spec = parse_question("ASE packaging revenue 2024").period
    assert (spec.calendar_year, spec.months) == (2024, 12)
    assert parse_question("Revenue for the quarter ended June 30, 2024?").period.calendar_year is None


@pytest.mark.parametrize(("question", "phrase"), [
    ("Buckle Q3 comps", "comparable sales"),
    ("Salesforce cRPO", "current remaining performance obligation"),
    ("eBay stock-based comp Q1", "stock-based compensation"),
])
def test_analyst_shorthand_is_spelled_out(question: str, phrase: str) -> None:
    from bot.answer.lexicon import lexicon

    assert phrase in lexicon().spell_out(question).lower()


def test_stock_based_compensation_is_not_a_question_about_a_place() -> None:
    assert parse_question("eBay stock-based comp Q1").kind != QueryKind.NARRATIVE
    assert parse_question("Where is eBay based?").kind == QueryKind.NARRATIVE

