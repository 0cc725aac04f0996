"""Terminal rendering of audits and answers with rich."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table as RichTable

from bot.audit import Audit

MARKS = {"passed": "[green]✓ passed[/]", "verified": "[green]✓ verified[/]",
         "failed": "[red]✗ failed[/]", "contradicted": "[red]✗ contradicted[/]",
         "unverifiable": "[yellow]? unverifiable[/]"}


def mark(status: str) -> str:
    """A coloured mark for a check status."""
    return MARKS.get(status, status)


def render_audit(result: Audit, console: Console) -> None:
    """The audit as a heading, a table of checks and a one-line summary."""
    meta = result.doc.metadata
    period = meta.period.describe() if meta.period else "period not found"
    console.print(f"[bold]{meta.company or result.doc.name}[/] ({meta.ticker or 'no ticker'}) — "
                  f"{period}; {len(result.doc.tables)} tables, {len(result.doc.facts)} facts")
    table = RichTable(show_lines=False, expand=True)
    table.add_column("line", justify="right", no_wrap=True)
    table.add_column("check", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("what", overflow="fold")
    table.add_column("against", overflow="fold")
    for c in result.checks:
        table.add_row(str(c.line), c.kind, mark(c.status), c.text, c.source)
    console.print(table)
    counts = result.counts()
    console.print(", ".join(f"{n} {status}" for status, n in sorted(counts.items())))
