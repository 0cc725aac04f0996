"""Terminal rendering of audits and answers with rich."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table as RichTable

from bot.answer.result import Answer, Figure
from bot.checks.audit import Audit
from bot.checks.status import COLOUR, SYMBOL, CheckStatus


def mark(status: CheckStatus) -> str:
    """A coloured mark for a check status."""
    return f"[{COLOUR[status]}]{SYMBOL[status]} {status.value}[/]"


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


def figure_value(fig: Figure) -> str:
    """A figure's value in base units, as the figures table shows it."""
    if fig.unit in ("percent",):
        return f"{fig.value:,.2f}%"
    if fig.unit in ("ratio",):
        return f"{fig.value:,.2f}"
    if "/" in fig.unit:
        return f"{fig.value:,.3f} {fig.unit}"
    return f"{fig.value:,.0f} {fig.unit}"


def series_chart(answer: Answer, width: int = 40) -> list[str]:
    """A bar per quarter of a series, scaled to the largest magnitude (a loss drawn with ``-``)."""
    if not answer.series:
        return []
    top = max(abs(p.value) for p in answer.series) or 1.0
    label_width = max(len(p.period) for p in answer.series)
    lines = []
    for p in answer.series:
        bar = ("█" if p.value >= 0 else "-") * max(1, round(width * abs(p.value) / top))
        shown = figure_value(Figure(p.period, p.value, p.unit, None, p.doc, p.line))
        lines.append(f"  {p.period:<{label_width}} {bar} {shown}")
    return lines


def answer_lines(answer: Answer) -> list[tuple[str, str]]:
    """The answer as (text, style) lines: the answer, its figures with their checks, its sources."""
    lines: list[tuple[str, str]] = [(answer.shown, "bold" if answer.answerable else "")]
    if answer.understood is not None and answer.figures:
        lines.append((answer.understood.sentence(), "dim"))
    lines += [(line, "cyan") for line in series_chart(answer)]
    if answer.figures:
        lines.append(("Figures:", "dim"))
        for fig in answer.figures:
            symbol, style = SYMBOL[fig.check], COLOUR[fig.check]
            when = fig.period.describe() if fig.period else ""
            kind = " (derived)" if fig.derived else ""
            why = f" ({fig.why})" if fig.why and fig.check != CheckStatus.VERIFIED else ""
            place = fig.where or f"line {fig.line}"
            lines.append((f"  {symbol} {fig.check.value:<12} {fig.label}{kind}: {figure_value(fig)}"
                          f"{', ' + when if when else ''} [{place}]{why}", style))
    if answer.citations:
        lines.append(("Sources:", "dim"))
        for c in answer.citations:
            lines.append((f"  {c.doc}, {c.place}: {c.text[:300]}", ""))
    return lines


def print_answer(answer: Answer, console: Console | None = None) -> None:
    """Print an answer for a person."""
    from rich.text import Text

    console = console or Console(highlight=False)
    for text, style in answer_lines(answer):
        console.print(Text(text, style=style), soft_wrap=not console.is_terminal)
