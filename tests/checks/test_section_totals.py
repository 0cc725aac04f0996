"""A total row named after its section ("Purchase obligations: ... Total", read "Total purchase
obligations") is vouched for by the table's arithmetic only when the rows it sums are that section's: a
"Total" that sums every row above it is the table's total, and the answer that reads it as the section's
is not verified. A sum along its own row (the "Total" column) says nothing of what the row totals."""

from __future__ import annotations

from bot.answer.pipeline import Pipeline
from bot.checks.status import CheckStatus
from index.reader.load import Source
from index.reader.release import read_source
from tests.conftest import make_store

TEMPLATE = """# Harlan Farms contractual obligations

Contractual obligations at December 31, 2019 (in thousands):

| Contractual Obligations | Total | Less than 1 Year | 1-3 Years |
|---|---|---|---|
| Operating leases | 100 | 60 | 40 |
| Purchase obligations: |  |  |  |
| Feed grains | 50 | 50 | 0 |
| Construction contracts | 20 | 20 | 0 |
| Total | {total} | {first} | {second} |
"""


def _ask(tmp_path, total: int, first: int, second: int):
    store = make_store(tmp_path)
    text = TEMPLATE.format(total=total, first=first, second=second)
    store.add(read_source(Source("harlan.md", "harlan", "markdown", text, "0")))
    return Pipeline(store).ask("What were total purchase obligations?")


def test_a_total_of_the_whole_table_is_not_the_sections(tmp_path) -> None:
    answer = _ask(tmp_path, 170, 130, 40)
    assert answer.figures, answer.text
    assert answer.figures[0].value == 170_000
    assert answer.figures[0].check != CheckStatus.VERIFIED


def test_a_total_of_its_section_is_vouched_for(tmp_path) -> None:
    answer = _ask(tmp_path, 70, 70, 0)
    assert answer.figures, answer.text
    assert answer.figures[0].value == 70_000
    assert answer.figures[0].check == CheckStatus.VERIFIED, answer.figures[0].why
