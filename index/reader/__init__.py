"""The reader: a release file (text, Markdown, HTML) becomes a ``Document``.

Data flows ``load`` (bytes → checked text) → ``layout``/``html`` (narrative blocks and table regions)
→ ``grid`` (lines, segments, columns) → ``tables`` (headings, periods, captions) → ``rows`` (labels,
sections, cells) → ``facts`` (every cell a figure in base units) → ``metadata`` (company, period,
fiscal calendar). ``periods`` and ``numbers`` are the one home of date and number facts; ``claims``
finds the figures that prose states.

Exports ``read_release`` and ``read_source``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from index.reader.release import read_release, read_source

__all__ = ["read_release", "read_source"]


def __getattr__(name: str) -> Any:
    # lazy, so that the document model can use ``index.reader.periods`` without reading the reader
    if name in __all__:
        from index.reader import release

        return getattr(release, name)
    raise AttributeError(name)
