"""A rate of change the release states for an item in its own words ("EMS ... Net revenues ... down by 5.4%
year-over-year") is the answer when the table's row for it computes another (a segment row measured
another way falls 6.2%); a heading "4Q25 Results Highlights — EMS" names what its bullets are about."""

from __future__ import annotations

import pytest

from tests.answer.conftest import asker, first

RELEASE = """Formosa Assembly Reports Fourth Quarter 2025 Results

TAIPEI -- Formosa Assembly Holding Co., Ltd. today reported unaudited net revenues of NT$162,264 million for
4Q25, up by 1.0% year-over-year.

4Q25 Results Highlights — EMS

• Net revenues were NT$74,895 million, down by 5.4% year-over-year and down by 0.6% sequentially.

Net Revenues by Segment (In NT$ millions)
                                  4Q25        3Q25        4Q24
ATM                             88,021      85,790      82,416
EMS                             74,243      74,690      79,155
Total                          162,264     160,480     161,571
"""


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    return asker(tmp_path_factory.mktemp("formosa"), "formosa", RELEASE)


@pytest.mark.parametrize("question", ["Formosa EMS revenue change y/y in 4Q25?",
                                      "Formosa EMS revenue growth year over year"])
def test_the_rate_the_release_states_over_the_one_computed(ask, question: str) -> None:
    answer = ask(question)
    assert abs(first(answer)) == pytest.approx(5.4), answer.text
