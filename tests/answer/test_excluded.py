"""A question that sets something aside ("diluted EPS excluding the restructuring charges") is answered by
the sentence that states the figure without it, not by the statement's row that includes it; the figure
of what is set aside ("Excluding $0.18 per share of ...") is never the answer; "adjusted" beside the words
that say what the adjustment is asks nothing more; constant-currency words that follow another figure of
the sentence are that figure's."""

from __future__ import annotations

import pytest

from tests.answer.conftest import asker, first

RELEASE = """Golden Arch Foods Reports First Quarter 2025 Results

CHICAGO -- Golden Arch Foods Corporation today announced results for the first quarter ended March 31, 2025.

• Diluted earnings per share was $2.45, an increase of 66% (72% in constant currencies). Excluding $0.18 per
share of current year restructuring charges, diluted earnings per share was $2.63, an increase of 15% (19%
in constant currencies) when also excluding prior year charges.

CONSOLIDATED STATEMENT OF INCOME (Dollars in millions, except per share data)
                                             Quarters Ended March 31,
                                               2025           2024
Revenues                                      5,898          5,673
Net income                                    1,802          1,101
Earnings per share-diluted                     2.45           1.48
"""


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    return asker(tmp_path_factory.mktemp("arch"), "arch", RELEASE)


@pytest.mark.parametrize("question", [
    "Golden Arch Q1 2025 diluted EPS excluding the restructuring charges?",
    "Golden Arch adjusted EPS excluding restructuring",
])
def test_the_figure_without_what_is_set_aside(ask, question: str) -> None:
    assert first(ask(question)) == pytest.approx(2.63)


def test_the_plain_figure_is_still_the_rows(ask) -> None:
    assert first(ask("Golden Arch diluted EPS Q1 2025")) == pytest.approx(2.45)
