"""What remains of a program: "$816.5 million remained available under the share repurchase program"
answers "remaining buyback authorization" and "how much is left" with the amount that remains, not the
program's size ("remained" is a verb, not the noun the figure measures; "left" is asked for "remains")."""

from __future__ import annotations

import pytest

from tests.answer.conftest import asker, first

RELEASE = """Bellwether Beauty Reports First Quarter Fiscal 2025 Results

BOLINGBROOK, Ill. -- Bellwether Beauty, Inc. today announced results for the thirteen-week period ended
April 26, 2025.

During the first quarter, the company repurchased 900,000 shares at a cost of $449.1 million under its
$2.0 billion share repurchase program. As of April 26, 2025, approximately $816.5 million remained
available under the share repurchase program announced in March 2024.

CONSOLIDATED STATEMENTS OF INCOME (In thousands)
                                          13 Weeks Ended
                                     April 26,      April 27,
                                       2025           2024
Net sales                          2,635,983      2,345,321
"""


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    return asker(tmp_path_factory.mktemp("bellwether"), "bellwether", RELEASE)


@pytest.mark.parametrize("question", ["Bellwether remaining buyback authorization",
                                      "How much is left under Bellwether's share repurchase program?"])
def test_what_remains_of_a_program(ask, question: str) -> None:
    assert first(ask(question)) == 816_500_000


def test_the_item_named_after_a_second_figure_of_the_clause(tmp_path) -> None:
    """"... remained available under the $2.0 billion share repurchase program": the program named after
    the second figure is the first one's item too; the program's size answers only its own question."""
    text = RELEASE.replace("under its\n$2.0 billion share repurchase program", "").replace(
        "under the share repurchase program", "under the $2.0 billion share repurchase program")
    assert "under the $2.0 billion share repurchase program" in text
    ask = asker(tmp_path, "bellwether2", text)
    assert first(ask("Bellwether remaining buyback authorization")) == 816_500_000
    assert first(ask("How big is Bellwether's share repurchase program?")) == 2_000_000_000
