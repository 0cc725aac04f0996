"""Scoping, table-driven over the six corpus releases: the company a question names (however written),
a company that is not indexed, and several companies with none named."""

from __future__ import annotations

import pytest

from bot.answer.scope import scope
from tests.conftest import RELEASES, make_store, read


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    store = make_store(tmp_path_factory.mktemp("scope"))
    for name in RELEASES:
        store.add(read(name))
    return store


@pytest.mark.parametrize(("question", "release"), [
    ("What was NVIDIA's revenue?", "nvidia_fy2025-q2"),
    ("What was Nvidia revenue in the quarter?", "nvidia_fy2025-q2"),
    ("What were Capstone Turbine's revenues?", "capstone-turbine-q1-fy2008"),
    ("How did Watts do?", "watts-water_fy2024-q4"),
    ("What was WTS net income?", "watts-water_fy2024-q4"),
    ("What were EVI Industries, Inc.'s sales?", "evi-industries_fy2025-q2"),
    ("Luvu's gross margin?", "luvu-brands_fy2025-q2"),
])
def test_a_named_company_scopes_the_question(corpus_store, question: str, release: str) -> None:
    assert scope(corpus_store, question, None).names == [release]


@pytest.mark.parametrize(("question", "company"), [
    ("What was Apple's revenue?", "Apple"),
    ("What was revenue at The Buckle?", "The Buckle"),
    ("How much did Acme Widgets earn?", "Acme Widgets"),
])
def test_a_company_not_indexed_is_named_back(corpus_store, question: str, company: str) -> None:
    found = scope(corpus_store, question, None)
    assert found.names == [] and found.unknown_company == company


@pytest.mark.parametrize("question", ["What was revenue?", "What was GAAP EPS in Q2?",
                                      "What was revenue in March 2024?"])
def test_several_companies_and_none_named_asks_which(corpus_store, question: str) -> None:
    found = scope(corpus_store, question, None)
    assert found.names == [] and len(found.ambiguous) >= 2


def test_the_conversation_release_needs_no_name(corpus_store) -> None:
    assert scope(corpus_store, "And a year earlier?", None, current="luvu-brands_fy2025-q2").names == [
        "luvu-brands_fy2025-q2"]


def test_the_pipeline_asks_which_company(corpus_store) -> None:
    from bot.answer.pipeline import Pipeline

    answer = Pipeline(corpus_store).ask("What was revenue?")
    assert not answer.answerable and answer.text.startswith("Which company?") and "NVIDIA" in answer.text
    other = Pipeline(corpus_store).ask("What was Apple's revenue?")
    assert not other.answerable and not other.figures and "Apple" in other.text


def test_the_conversation_remembers_the_company_chosen(corpus_store) -> None:
    from bot.answer.pipeline import Conversation, Pipeline

    pipeline, talk = Pipeline(corpus_store), Conversation()
    first = pipeline.ask("What was revenue for the quarter?", conversation=talk)
    assert first.text.startswith("Which company?")
    answer = pipeline.ask("NVIDIA", conversation=talk)
    assert answer.doc == "nvidia_fy2025-q2" and answer.figures[0].value == 30_040_000_000
    follow = pipeline.ask("and a year earlier?", conversation=talk)
    assert follow.doc == "nvidia_fy2025-q2" and follow.figures[0].value == 13_507_000_000


@pytest.mark.parametrize(("company", "short"), [
    ("ASE Technology Holding Co., Ltd.", "aseh"),
    ("ASE Technology Holding Co., Ltd.", "aseth"),
    ("Watts Water Technologies", "wwt"),
])
def test_short_forms_of_a_company_name(company: str, short: str) -> None:
    from bot.answer.scope import acronyms

    assert short in acronyms(company)
    assert not acronyms("NVIDIA")  # one word: no short form to invent


def test_a_legal_form_is_not_a_company_word(corpus_store) -> None:
    # "Capstone Turbine Corporation" does not make "corporate" a company's name: Watts' "Corporate
    # operating loss" is still a line item
    from bot.answer.scope import company_words
    from index.reader.words import stem

    words = company_words(corpus_store)
    assert stem("capstone") in words and stem("corporate") not in words
