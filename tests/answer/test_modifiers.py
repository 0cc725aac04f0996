"""A label word that changes the line item ("before", "deferred", "restricted") and that the question
did not ask for ranks the row below one without it: income taxes are the provision, not the income
before them; "profit after tax" is the net result."""

from __future__ import annotations

import pytest

from tests.answer.conftest import asker, first

RELEASE = """Tamarack Energy Reports First Quarter 2026 Results

DENVER -- Tamarack Energy Inc. (NYSE: TMK) today reported results for the first quarter ended March 31,
2026. Revenue was $84.2 million.

CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS (in thousands)
                                                  Three Months Ended March 31,
                                                     2026            2025
Revenue                                          $ 84,200        $ 79,100
Operating income                                    9,800           8,300
Income before income taxes                          9,100           7,700
Provision for income taxes                          2,300           1,900
Net income                                          6,800           5,800
"""


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    return asker(tmp_path_factory.mktemp("modifiers"), "tamarack", RELEASE)


@pytest.mark.parametrize(("question", "value"), [
    ("What was Tamarack's income tax expense?", 2_300_000),
    ("Tamarack income before taxes?", 9_100_000),
    ("What was Tamarack's profit after tax?", 6_800_000),
])
def test_a_word_that_changes_the_item_is_not_the_item_asked(ask, question: str, value: float) -> None:
    assert first(ask(question)) == pytest.approx(value)
