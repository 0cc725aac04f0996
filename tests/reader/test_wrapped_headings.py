"""A heading wrapped over lines of its own ("Operating" / "expenses") over an item set deeper and
wrapped in turn ("Research and" / "development") is a section and an item, not one label; a label
wrapped at one depth ("weighted" / "average shares" / "EPS calculation") stays one label. Read from
the ASE release, whose consolidated table wraps both ways."""

from __future__ import annotations

from index.reader import read_release
from tests.conftest import DATA


def test_a_wrapped_heading_over_a_deeper_item_is_a_section() -> None:
    doc = read_release(DATA / "corpus" / "ase-technology_fy2024-q4.md")
    consolidated = next(t for t in doc.tables if "Consolidated Statement of Income" in t.title)
    rows = {r.label: r for r in consolidated.rows}
    assert rows["Research and development"].section == ("Operating expenses",)
    assert rows["Research and development"].cells[0].value == -7676
    assert any(label.startswith("Number of weighted average shares used in diluted EPS calculation")
               for label in rows)
