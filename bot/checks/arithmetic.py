"""Arithmetic checks of a release's own tables: subtotals, totals, the balance, EPS."""

from __future__ import annotations

import re

from bot.checks.figures import Check
from bot.checks.status import CheckStatus
from index.document import Row, Table
from index.reader.facts import unit_and_scale
from index.reader.rows import LESS_CONTRA, net_of

TOTAL_RE = re.compile(
    r"^(total\b|gross (profit|loss|margin)$|(loss|income|profit|earnings) (from|before)|"
    r"operating (income|loss|profit|result)|net (income|loss|earnings|profit|result|cash|increase|decrease)|"
    r"income \(loss\)|adjusted ebitda)", re.I)
Formula = list[tuple[Row, int]]
EXCHANGE_RE = re.compile(r"exchange (rate|effect)|currency (exchange|translation)", re.I)
ADJUSTMENTS_RE = re.compile(r"\b(adjustments|impact)\b", re.I)
# a reconciliation bridges one measure to another by adding and taking away rows in ways the simple
# formulas below do not always find; a total there that no formula reproduces is not checked, rather
# than reported as an error of the release
RECONCILIATION_RE = re.compile(r"reconcil|non-gaap", re.I)


def _values(row: Row, col: int) -> float | None:
    cell = row.cells.get(col)
    return cell.value if cell else None


def _decimals(rows: list[Row]) -> int:
    return max((c.decimals for r in rows for c in r.cells.values()), default=0)


def _formulas(rows: list[Row], i: int, last_total: int | None, prev_total: int | None,
              cols: list[int]) -> list[Formula]:
    target = rows[i]
    start = (last_total + 1) if last_total is not None else 0
    items = [r for r in rows[start:i] if r.cells and not _unitless(r, cols)]
    same = [r for r in items if r.section == target.section]
    out: list[Formula] = []
    for group in (items, same):
        if group:
            out.append([(r, 1) for r in group])
            out.append([(group[0], 1)] + [(r, -1) for r in group[1:]])
            if len(group) >= 3:
                # a reconciliation: a starting figure ("GAAP operating income"), the adjustments, and
                # their total
                out.append([(r, 1) for r in group[1:]])
    if last_total is not None:
        t = rows[last_total]
        out.append([(t, 1)] + [(r, 1) for r in items])
        out.append([(t, 1)] + [(r, -1) for r in items])
        if prev_total is not None and not items:
            p = rows[prev_total]
            out.append([(p, 1), (t, -1)])
            out.append([(p, 1), (t, 1)])
    level = _level(rows, i)
    if len(level) >= 2:
        out.append([(r, 1) for r in level if r.cells])
    if i > 0:
        run = []
        for r in reversed(rows[:i]):
            if r.section != rows[i - 1].section or r is rows[last_total or 0] and last_total:
                break
            run.append(r)
        out.append([(r, 1) for r in reversed(run)])
        earlier = next((r for r in reversed(rows[: i - 1]) if TOTAL_RE.match(r.label)), None)
        if earlier is not None:
            out.append([(earlier, 1), (rows[i - 1], 1)])
    if "cash" in target.label.lower():
        flows = [r for r in rows[:i] if r.label.lower().startswith("net cash")]
        if len(flows) >= 2:
            out.append([(r, 1) for r in flows] + [(r, 1) for r in rows[:i] if EXCHANGE_RE.search(r.label)])
    if ADJUSTMENTS_RE.search(target.label) and 0 < i < len(rows) - 1:
        # "Total impact of non-GAAP adjustments" between "GAAP operating income" and "Non-GAAP operating
        # income": the difference of the rows around it
        out.append([(rows[i + 1], 1), (rows[i - 1], -1)])
    out = [_without_netted([(r, s) for r, s in f if not _unitless(r, cols)]) for f in out]
    return [f for f in out if f]


def _without_netted(formula: Formula) -> Formula:
    """A formula without the gross amount and the contra line ("Less accumulated depreciation") that
    a net row read from the line under them ("Property and equipment, net") stands for."""
    rows = [r for r, _ in formula]
    drop: set[int] = set()
    for k in range(2, len(rows)):
        net, contra, gross = rows[k], rows[k - 1], rows[k - 2]
        if net.label == net_of(gross.label) and LESS_CONTRA.match(contra.label):
            drop.update((id(gross), id(contra)))
    return [(r, s) for r, s in formula if id(r) not in drop]


def _level(rows: list[Row], i: int) -> list[Row]:
    """The parts a total at its own level adds up: rows of its section, and for each sub-section its
    own total (or its rows when it has none); a sub-section closed by a total at this level is left to
    that total."""
    target = rows[i]
    depth = len(target.section)
    block: list[Row] = []
    for r in reversed(rows[:i]):
        if r.section[:depth] != target.section:
            break
        block.append(r)
    block.reverse()
    out: list[Row] = []
    run: list[Row] = []

    def flush(covered: bool) -> None:
        if run and not covered:
            last = run[-1]
            closing = last.rule_above or last.label.lower().startswith("total") or TOTAL_RE.match(last.label)
            out.extend([last] if closing else _uncovered(run))
        run.clear()

    for r in block:
        if len(r.section) == depth:
            # closed by its total: "Total X", or a row named as the sub-section ("Inventories" under
            # its parts)
            flush(covered=r.label.lower().startswith("total")
                  or bool(run and run[-1].section[depth:depth + 1] == (r.label,)))
            out.append(r)
        else:
            if run and run[-1].section[: depth + 1] != r.section[: depth + 1]:
                flush(covered=False)
            run.append(r)
    flush(covered=False)
    return out


def _uncovered(rows: list[Row]) -> list[Row]:
    """Rows without the parts of a sub-section whose own total row (named as the sub-section) is there."""
    totals = {(r.section, r.label) for r in rows}
    return [r for r in rows if not (r.section and (r.section[:-1], r.section[-1]) in totals)]


def _evaluate(formula: Formula, target: Row, cols: list[int], tol: float) -> float | None:
    """The largest difference over the columns, or ``None`` when no column can be computed."""
    worst: float | None = None
    for c in cols:
        want = _values(target, c)
        parts = [(_values(r, c), s) for r, s in formula]
        if want is None or all(v is None for v, _ in parts):
            continue
        got = sum((v or 0.0) * s for v, s in parts)
        diff = got - want
        if worst is None or abs(diff) > abs(worst):
            worst = diff
    return worst


def _cells(table: Table, rows: list[Row], cols: list[int]) -> frozenset[tuple[str, int, int]]:
    """The cells of these rows in these columns, as (table id, row line, column index)."""
    return frozenset((table.id, r.line, c) for r in rows for c in cols if c in r.cells)


def _describe(formula: Formula) -> str:
    text = formula[0][0].name
    for r, s in formula[1:]:
        text += (" + " if s > 0 else " − ") + r.name
    return text


def check_table(table: Table) -> list[Check]:
    """Recompute each subtotal and total from the rows above it."""
    checks: list[Check] = []
    cols = [c.index for c in table.columns if not c.change]
    rows = table.rows
    last_total: int | None = None
    prev_total: int | None = None
    for i, row in enumerate(rows):
        is_total = bool(TOTAL_RE.match(row.label)) or (row.rule_above and i > 0)
        if not is_total or not row.cells or _unitless(row, cols):
            continue
        formulas = _formulas(rows, i, last_total, prev_total, cols)
        decimals = _decimals([row])
        best: tuple[float, Formula] | None = None
        for formula in formulas:
            n = len(formula)
            tol = 10 ** (-decimals) * max(1.0, n / 2) + 1e-9
            diff = _evaluate(formula, row, cols, tol)
            if diff is None:
                continue
            if abs(diff) <= tol:
                checks.append(Check("arithmetic", CheckStatus.PASSED, f"{row.path} = {_describe(formula)}",
                                    _values(row, cols[0]), _values(row, cols[0]), row.line,
                                    table.title, _cells(table, [row] + [r for r, _ in formula], cols)))
                best = None
                break
            if best is None or abs(diff) < abs(best[0]):
                best = (diff, formula)
        else:
            components = [r for r in rows[(last_total + 1 if last_total is not None else 0):i]
                          if r.cells and not _unitless(r, cols)]
            depth = len(row.section)
            own = [r for r in components if r.section[:depth] == row.section]
            if best is not None and TOTAL_RE.match(row.label) and own and (
                    row.rule_above or row.label.lower().startswith("total")):
                diff, formula = best
                failed = not RECONCILIATION_RE.search(f"{table.title} {table.caption}")
                text = (f"{row.path} ≠ {_describe(formula)} (off by {diff:,.{decimals}f})" if failed else
                        f"{row.path}: the rows this reconciliation total adds were not identified")
                checks.append(Check("arithmetic", CheckStatus.FAILED if failed else CheckStatus.UNVERIFIABLE,
                                    text,
                                    _values(row, cols[0]), None, row.line, table.title,
                                    _cells(table, [row] + [r for r, _ in formula], cols)))
        if best is None or TOTAL_RE.match(row.label):
            prev_total, last_total = last_total, i
    checks.extend(_balance(table, cols))
    checks.extend(_eps(table, cols))
    return checks


def _unitless(row: Row, cols: list[int]) -> bool:
    """A row of percentages, margins or per-share figures in the columns checked (a percentage in a
    change column beside amounts does not make a row unitless)."""
    cells = [row.cells[c] for c in cols if c in row.cells]
    return any(c.percent or c.bps for c in cells) or bool(re.search(
        r"(^|\s)(earnings|income|loss|dividends?)( declared)? per (common )?share|^(basic|diluted)$|"
        r"\bmargin\b|%", row.label, re.I))


def _balance(table: Table, cols: list[int]) -> list[Check]:
    """Total assets equal total liabilities and equity."""
    assets = next((r for r in table.rows if r.name.lower() == "total assets"), None)
    le = next((r for r in table.rows if re.match(r"total liabilities and (stock|share)holders",
                                                    r.name, re.I)), None)
    if not assets or not le:
        return []
    diffs = [(_values(assets, c) or 0) - (_values(le, c) or 0) for c in cols]
    worst = max(diffs, key=abs)
    status = CheckStatus.PASSED if abs(worst) < 1e-6 else CheckStatus.FAILED
    return [Check("arithmetic", status, f"{assets.name} = {le.name}", _values(assets, cols[0]),
                  _values(le, cols[0]), le.line, table.title, _cells(table, [assets, le], cols))]


def _bottom_line(table: Table) -> Row | None:
    """The net result per-share figures divide: the last net income row above them that is not the
    noncontrolling interests' share (``Net income attributable to Costco``, not ``Net income including
    noncontrolling interests``)."""
    per_share = re.compile(r"per (common )?share|^(basic|diluted)", re.I)
    net_row = re.compile(r"(less:?\s*)?net (income|loss|earnings)(?!.*per)", re.I)
    first_eps = next((i for i, r in enumerate(table.rows) if per_share.search(r.label)), len(table.rows))
    nets = [r for r in table.rows if net_row.match(r.label) and not r.label.lower().startswith("net cash")]
    own = [r for r in nets if not re.search(r"non-?controlling|minority|^less", r.label, re.I)]
    above = [r for r in own if table.rows.index(r) < first_eps]
    return (above[-1] if above else own[0] if own else nets[0] if nets else None)


def _eps(table: Table, cols: list[int]) -> list[Check]:
    """Per-share results against net result over weighted shares, at the printed precision."""
    checks: list[Check] = []
    net = _bottom_line(table)
    if net is None:
        return checks
    def unit(row: Row) -> str:
        cell = next(iter(row.cells.values()), None)
        return unit_and_scale(table, row, cell)[0] if cell else ""

    eps_rows = [r for r in table.rows if unit(r).endswith("/share")
                and not re.search(r"dividend", r.path, re.I)]
    share_rows = [r for r in table.rows if unit(r) == "shares"]
    if not eps_rows or not share_rows:
        return checks
    for eps in eps_rows:
        kind = "diluted" if "diluted" in eps.path.lower() else "basic"
        shares = next((r for r in share_rows if kind in r.path.lower()), None)
        if shares is None:
            generic = [r for r in share_rows if not re.search(r"basic|diluted", r.path, re.I)]
            if not generic:
                continue
            shares = generic[0]
        for c in cols:
            e, n, s = _values(eps, c), _values(net, c), _values(shares, c)
            if e is None or n is None or not s:
                continue
            decimals = eps.cells[c].decimals
            n_scale = unit_and_scale(table, net, net.cells[c])[1]
            s_scale = unit_and_scale(table, shares, shares.cells[c])[1]
            n_base, s_base = n * n_scale, s * s_scale
            computed = n_base / s_base
            half = 10 ** (-decimals) * 0.5 + 1e-9
            dn = 10 ** (-net.cells[c].decimals) * 0.5 * n_scale
            ds = 10 ** (-shares.cells[c].decimals) * 0.5 * s_scale
            bounds = [(n_base + a) / (s_base + b) for a in (-dn, dn) for b in (-ds, ds)]
            ok = min(bounds) - half <= e <= max(bounds) + half
            sign_ok = not (e < 0 < computed or computed < 0 < e) and not (
                eps.cells[c].text.count("(") and computed > 0)
            status = CheckStatus.PASSED if ok and sign_ok else CheckStatus.FAILED
            note = "" if sign_ok else " (sign differs: printed as a loss)"
            if sign_ok and not ok and 0 < e < computed <= e * 1.35:
                note = (" (printed lower: earnings allocated to participating securities, "
                        "or a diluted numerator?)")
            checks.append(Check(
                "arithmetic", status,
                f"{eps.path} = {net.name} / {shares.name}: {computed:.{decimals + 2}f} vs "
                f"{eps.cells[c].text}{note} [{table.column(c).header}]",
                computed, e, eps.line, table.title, _cells(table, [eps, net, shares], [c])))
    return checks
