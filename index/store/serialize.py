"""A read document to and from JSON, so the index holds everything needed at answer time."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from index.document import Block, Cell, Column, Document, Metadata, Row, ScaleSource, Table
from index.reader.facts import facts_of
from index.reader.periods import Period

FORMAT = 2


def _period(p: Period | None) -> list[Any] | None:
    if p is None:
        return None
    if p.weeks:
        return [p.end.isoformat(), p.months, p.year_only, p.weeks]
    return [p.end.isoformat(), p.months, True] if p.year_only else [p.end.isoformat(), p.months]


def _unperiod(v: list[Any] | None) -> Period | None:
    if not v:
        return None
    return Period(date.fromisoformat(v[0]), int(v[1]), bool(v[2]) if len(v) > 2 else False,
                  int(v[3]) if len(v) > 3 and v[3] else None)


def dump_document(doc: Document) -> str:
    """Compact JSON of a document (facts are rebuilt from the tables on load)."""
    m = doc.metadata
    data = {
        "format": FORMAT, "name": doc.name, "path": doc.path, "sha256": doc.sha256,
        "metadata": {"company": m.company, "ticker": m.ticker, "exchange": m.exchange,
                     "release_date": m.release_date.isoformat() if m.release_date else None,
                     "period": _period(m.period), "fiscal_label": m.fiscal_label},
        "blocks": [[b.kind, b.text, b.line, b.section] for b in doc.blocks],
        "tables": [{
            "id": t.id, "title": t.title, "caption": t.caption, "scale": t.scale,
            "scale_except": t.scale_except, "currency": t.currency, "line": t.line,
            "scale_source": t.scale_source.value, "scale_note": t.scale_note,
            "columns": [[c.index, c.header, _period(c.period), c.change, c.dimension] for c in t.columns],
            "rows": [[r.label, list(r.section), r.line, r.rule_above, r.unit_note,
                      {str(k): [c.text, c.value, c.percent, c.bps, c.currency, c.decimals]
                       for k, c in r.cells.items()}] for r in t.rows],
        } for t in doc.tables],
        "pages": [list(p) if p else None for p in doc.pages] if doc.pages else None,
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def load_document(text: str) -> Document:
    """A document from ``dump_document``'s JSON."""
    data = json.loads(text)
    m = data["metadata"]
    meta = Metadata(company=m["company"], ticker=m["ticker"], exchange=m["exchange"],
                    release_date=date.fromisoformat(m["release_date"]) if m["release_date"] else None,
                    period=_unperiod(m["period"]), fiscal_label=m["fiscal_label"])
    tables = []
    for t in data["tables"]:
        columns = [Column(i, h, _unperiod(p), ch, dim) for i, h, p, ch, dim in t["columns"]]
        rows = [Row(label, tuple(section), line, {int(k): Cell(*v) for k, v in cells.items()},
                    rule_above, note) for label, section, line, rule_above, note, cells in t["rows"]]
        tables.append(Table(id=t["id"], title=t["title"], caption=t["caption"], scale=t["scale"],
                            scale_except=t["scale_except"], currency=t["currency"], columns=columns,
                            rows=rows, line=t["line"],
                            scale_source=ScaleSource(t.get("scale_source", "none")),
                            scale_note=t.get("scale_note", "")))
    pages = data.get("pages")
    doc = Document(name=data["name"], path=data["path"], sha256=data["sha256"], lines=[],
                   metadata=meta, blocks=[Block(*b) for b in data["blocks"]], tables=tables,
                   pages=[(int(p[0]), int(p[1])) if p else None for p in pages] if pages else None)
    doc.facts = [f for t in tables for f in facts_of(t)]
    return doc
