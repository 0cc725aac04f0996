"""A table printed without a scale of its own, a paragraph or two below the line that announces it with
its scale ("... consists of the following (in millions):"), is read at that scale; a scale named in
passing in prose, or before another table, is not its scale."""

from __future__ import annotations

import pytest

from index.document import ScaleSource
from index.reader.load import Source
from index.reader.release import read_source

ANNOUNCED = """Acme Tools Reports Fiscal 2019 Results

Property, plant and equipment consists of the following (in millions):

Depreciation expense was $180.6 million, $123.7 million and $122.9 million for the fiscal years ending
March 31, 2019, 2018 and 2017, respectively.

|  | 2019 | 2018 |
|---|---|---|
| Land | $83.4 | $73.4 |
| Projects in process | 119.2 | 118.3 |
| Total property, plant and equipment, gross | 202.6 | 191.7 |
"""

HEADED = """Acme Tools Reports Fiscal 2019 Results

## Other non-current assets (in millions)

During fiscal 2019 we formed a joint venture and contributed assets with a book value of $7 million.

|  | April 26, 2019 | April 26, 2018 |
|---|---|---|
| Deferred tax assets | $201 | $229 |
| Other assets | 389 | 221 |
| Other non-current assets | $ 590 | $ 450 |
"""

IN_PASSING = """Acme Tools Reports Fiscal 2019 Results

Revenue (in millions) grew in every region, and we expect more of the same next year.

|  | 2019 | 2018 |
|---|---|---|
| Units shipped | 83 | 73 |
| Units returned | 4 | 3 |
| Net units | 79 | 70 |
"""


@pytest.mark.parametrize(("text", "label", "value"), [
    (ANNOUNCED, "Projects in process", 119.2e6),
    (HEADED, "Other assets", 389e6),
])
def test_the_announcing_line_gives_the_scale(text: str, label: str, value: float) -> None:
    doc = read_source(Source("acme.md", "acme", "markdown", text, "0"))
    assert doc.tables[0].scale_source == ScaleSource.LEAD_IN
    assert value in [f.value for f in doc.facts if f.label == label]


def test_a_scale_named_in_passing_is_not_the_tables() -> None:
    doc = read_source(Source("acme.md", "acme", "markdown", IN_PASSING, "0"))
    assert doc.tables[0].scale_source != ScaleSource.LEAD_IN
    assert 83 in [f.value for f in doc.facts if f.label == "Units shipped"]
