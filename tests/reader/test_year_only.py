"""A table headed by bare years ("| 2018 | 2017 |") in an excerpt that names no date anywhere: each column
is that year, said as the year (its fiscal year's last day is not known), and survives the index."""

from __future__ import annotations

import pytest

from index.reader.load import Source
from index.reader.release import read_source
from index.store.serialize import dump_document, load_document
from tests.answer.conftest import asker, first

EXCERPT = """# Devon financial report excerpt

income taxes .

|  | 2018 | 2017 |
|---|---|---|
| current income tax expense | $ 70 | $ 112 |
| deferred income tax expense | 226 | 97 |
| total income tax expense | $ 296 | $ 209 |
| net change in deferred tax assets | -15 | 12 |
"""


def _read():
    return read_source(Source("devon.md", "devon", "markdown", EXCERPT, "0"))


def test_a_bare_year_is_that_year_said_as_the_year() -> None:
    doc = _read()
    fact = next(f for f in doc.facts if f.label == "deferred income tax expense" and f.column == "2018")
    assert fact.period is not None and fact.period.year_only and fact.period.end.year == 2018
    assert fact.period.describe() == "2018"
    again = load_document(dump_document(doc))
    assert next(f for f in again.facts if f.line == fact.line and f.column == "2018").period == fact.period


@pytest.mark.parametrize(("question", "value"), [
    ("What was deferred income tax expense in 2018?", 226),
    ("What was deferred income tax expense in 2017?", 97),
    ("What is the net change in deferred tax assets in 2018?", -15),  # the row is the change itself
])
def test_the_year_asked(tmp_path, question: str, value: float) -> None:
    assert first(asker(tmp_path, "devon", EXCERPT)(question)) == pytest.approx(value)
