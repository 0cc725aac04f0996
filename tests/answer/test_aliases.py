"""Initials a release defines for its own names ("Client Computing Group (CCG)", or a row label "Network and
Edge (NEX)" whatever its letters) answer for those names in its tables, which print them in full; initials
the release never defines name the one printed name they spell ("FLNA": Frito-Lay North America); a
finance term of its own ("GAAP") keeps its meaning."""

from __future__ import annotations

import pytest

from bot.answer.select import aliases
from index.reader.load import Source
from index.reader.release import read_source
from tests.answer.conftest import asker, first

RELEASE = """Acme Chips Reports Fourth-Quarter and Full-Year 2022 Financial Results

SANTA CLARA -- Acme Chips Corporation (NASDAQ: ACHP) today reported results for the fourth quarter of
2022 ended December 31, 2022. Client Computing Group (CCG) revenue was down 36%. Data Center and AI
(DCAI) revenue was down 33%. Results are presented under generally accepted accounting principles (GAAP).

Supplemental Operating Segment Results ($ in millions)
                                        Three Months Ended
                                 December 31, 2022    December 25, 2021
Operating segment revenue:
 Client Computing                        6,625               10,303
 Data Center and AI                      4,304                6,426
 Total operating segment revenue        10,929               16,729

Segment Highlights ($ in millions)
                                        Three Months Ended
                                 December 31, 2022    December 25, 2021
Other segment revenue:
 Network and Edge (NEX)                  2,100                2,600
 Frito-Lay Snacks North America            700                  650
"""


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    return asker(tmp_path_factory.mktemp("aliases"), "acme", RELEASE)


def test_the_initials_a_release_defines() -> None:
    found = aliases(read_source(Source("acme.txt", "acme", "text", RELEASE, "0")))
    assert found["ccg"] == ("client", "comput")  # "Group" is not printed in the tables
    assert found["dcai"] == ("data", "center", "ai")


@pytest.mark.parametrize(("question", "value"), [
    ("Acme DCAI revenue Q4", 4304e6),
    ("how much did Acme's CCG revenue fall from a year ago in Q4", 6625e6 - 10303e6),
    ("Acme NEX revenue Q4 2022", 2100e6),
    ("Acme FLSNA revenue Q4 2022", 700e6),
])
def test_a_segment_named_by_its_initials(ask, question: str, value: float) -> None:
    assert first(ask(question)) == pytest.approx(value)
