"""Reading a raw table region into tables: columns resolved to periods, rows with section paths."""

from __future__ import annotations

import re
from datetime import date

from index.document import Column, Row, ScaleSource, Table
from index.reader.grid import GridColumn, GridLine, find_columns, split_line, split_segments
from index.reader.layout import Piece, Region
from index.reader.numbers import CURRENCY_SIGN, CURRENCY_WORDS
from index.reader.periods import MONTH_DAY_RE, Period, duration_months, duration_weeks, find_date, find_dates
from index.reader.rows import read_rows

BARE_YEAR = re.compile(r"(?:fy\s?|fiscal\s)?((?:19|20)\d\d)", re.I)
# a heading that sets one period against another: the column is the first's
COMPARED = re.compile(r"\b(?:compared (?:to|with)|versus|vs\.?)\s", re.I)
# how far (in characters) a group heading's middle may stand from the middle of the columns it spans
CENTRED = 3.0
CHANGE = re.compile(r"(%\s*change|\bchange\b|\bq/q\b|\by/y\b|\bvariance\b|\bbps\b|%\s*chg|"
                    r"\binc(?:rease|\.)?\s*/?\s*\(?\s*dec(?:rease|\.)?\b)", re.I)


def _header_texts(header: list[GridLine], cols: list[GridColumn], mode: str) -> tuple[list[str], list[str]]:
    """Column heading text by column, and caption text printed in the label area."""
    texts = [[] for _ in cols]  # type: list[list[str]]
    captions: list[str] = []
    groups: list[tuple[int, int, int]] = []
    if mode == "char":
        for n, line in enumerate(header):
            if line.raw.rule:
                for p in line.raw.pieces:
                    covered = [c for c in cols if p.start <= c.start + 1 and c.end <= p.end + 1]
                    if len(covered) > 1:
                        groups.append((n, p.start, p.end))
    # a period printed on a line of its own over a block of line-item columns ("Quarter Ended 12/31/2022")
    # holds for every column; a line naming two periods is the caption's ("Quarters Ended December 31,
    # 2022 and December 25, 2021")
    lone = {n: _dates_in(line.raw.text) for n, line in enumerate(header)
            if mode == "char" and len([p for p in line.raw.pieces if p.text.strip()]) == 1}
    spanning = [n for n, count in lone.items() if count == 1]
    if len(spanning) != 1 or sum(_dates_in(ln.raw.text) > 0 for ln in header) > 1 + sum(
            1 for c in lone.values() if c > 1):
        spanning = []
    spans: list[str] = []
    # group headings stand on the first heading line of several pieces; a line of pieces under them is
    # the tops of wrapped column headings ("Inc/ (Dec)" over "Excluding Currency Translation")
    first_multi = next((n for n, line in enumerate(header) if len(line.texts + line.values) >= 2), None)
    for line_no, line in enumerate(header):
        pieces = sorted(line.texts + line.values, key=lambda p: p.start)
        captions.extend(p.text for p in line.label)
        if line_no in spanning:
            spans.append(line.raw.text.strip())
            continue
        if lone.get(line_no, 0) > 1:
            captions.append(line.raw.text.strip())
            continue
        if mode != "char" and len(pieces) == 1 and not line.label and len(cols) > 1 and \
                not re.search(r"\d|ended", pieces[0].text, re.I):
            # one cell of a heading row, the rest empty ("|  |  | Payments Due By Period |  |"): a table cut
            # into cells kept no span, and a heading alone on its row spans them all
            for t in texts:
                t.append(pieces[0].text)
            continue
        if mode == "char" and len(pieces) == 1 and not re.search(r"\d|ended", pieces[0].text, re.I):
            spanned = [c for c in cols if pieces[0].start <= c.end and pieces[0].end >= c.start]
            if len(spanned) >= 3:
                captions.append(pieces[0].text)
                continue
        if mode == "char" and not groups and (nearest := _nearest_pieces(pieces, cols)) is not None:
            for i, p in enumerate(nearest):
                texts[i].append(p.text)
            continue
        if mode == "char" and not groups and line_no == first_multi and line_no < len(header) - 1 and \
                (runs := _centred_runs(pieces, cols)) is not None:
            for p, run in zip(pieces, runs, strict=True):
                for i in run:
                    texts[i].append(p.text)
            continue
        for n, p in enumerate(pieces):
            if mode == "char":
                hit = [i for i, c in enumerate(cols) if p.start <= c.end + 1 and p.end >= c.start - 1]
                for g_line, g0, g1 in groups:
                    if g_line > line_no and p.start <= g1 and p.end >= g0:
                        hit = sorted(set(hit) | {i for i, c in enumerate(cols)
                                                 if g0 <= c.start + 1 and c.end <= g1 + 1})
                if not hit:
                    if p.end < cols[0].start - 2:
                        captions.append(p.text)
                        continue
                    hit = [min(range(len(cols)), key=lambda i: abs((cols[i].start + cols[i].end) / 2
                                                                   - (p.start + p.end) / 2))]
            else:
                end = p.end
                complete = bool(re.search(r"\b(?:19|20)\d\d\b|\d/\d", p.text))
                if p.end == p.start and not complete:
                    nxt = pieces[n + 1].start - 1 if n + 1 < len(pieces) else cols[-1].end
                    end = max(end, nxt)
                hit = [i for i, c in enumerate(cols) if p.start <= c.end and c.start <= end]
                if not hit:
                    if p.start == 0:
                        captions.append(p.text)
                        continue
                    hit = [min(range(len(cols)), key=lambda i: abs(cols[i].end - p.end))]
            for i in hit:
                texts[i].append(p.text)
    return [" ".join(spans + t) for t in texts], captions


def _dates_in(text: str) -> int:
    """How many full dates a heading names ("December 31, 2022", "12/31/2022")."""
    return len(find_dates(text))


def _nearest_pieces(pieces: list[Piece], cols: list[GridColumn]) -> list[Piece] | None:
    """A heading line whose pieces stand over the whole table, from the first column to the last
    ("Three Months Ended ... Three Months Ended" over two groups of three, or "Domestic International
    Consolidated" twice): each column takes the one piece nearest it, so a centred group heading covers
    its own columns and a heading a character too wide does not spill into its neighbour's."""
    if len(pieces) < 2 or len(pieces) > len(cols):
        return None
    inner = (cols[1], cols[-2]) if len(cols) > 2 else (cols[0], cols[-1])
    if pieces[0].start > inner[0].end + 1 or pieces[-1].end < inner[1].start - 1:
        return None

    def near(p: Piece, c: GridColumn) -> bool:
        return p.start <= c.end + 2 and p.end >= c.start - 2

    if len(pieces) == len(cols) and all(near(p, c) for p, c in zip(pieces, cols, strict=True)):
        return pieces  # one heading per column, drifting across the table as centred headings do

    def distance(p: Piece, c: GridColumn) -> tuple[float, int]:
        mid = (c.start + c.end) / 2
        gap = max(p.start - mid, mid - p.end, 0)
        return gap, -(min(p.end, c.end) - max(p.start, c.start))

    chosen = [min(pieces, key=lambda p: distance(p, c)) for c in cols]
    if len(set(map(id, chosen))) < len(pieces):
        return None  # a piece no column is nearest to: not a heading line over the columns
    return chosen


def _centred_runs(pieces: list[Piece], cols: list[GridColumn]) -> list[range] | None:
    """Group headings over runs of columns ("Revenue" over five columns, "Volume" over the last two):
    a typeset group heading is centred over the columns it spans, and the headings of one line share
    the columns out between them. The split whose runs are each centred under their heading, within a
    few characters, or None (fragments of headings that wrap over single columns are not centred so)."""
    if len(pieces) < 2 or len(pieces) >= len(cols):
        return None

    def error(p: Piece, a: int, b: int) -> float:  # heading p over columns a..b-1
        return abs((p.start + p.end) / 2 - (cols[a].start + cols[b - 1].end) / 2)

    # best[k][b]: the least summed error of the first k headings over the first b columns, and its cuts
    best: list[dict[int, tuple[float, tuple[int, ...]]]] = [{0: (0.0, ())}]
    for k, p in enumerate(pieces, 1):
        row: dict[int, tuple[float, tuple[int, ...]]] = {}
        for a, (total, cuts) in best[k - 1].items():
            for b in range(a + 1, len(cols) - (len(pieces) - k) + 1):
                e = error(p, a, b)
                if e <= CENTRED and (b not in row or total + e < row[b][0]):
                    row[b] = (total + e, (*cuts, b))
        best.append(row)
    found = best[-1].get(len(cols))
    if found is None:
        return None
    bounds = (0, *found[1])
    runs = [range(a, b) for a, b in zip(bounds, bounds[1:], strict=False)]
    return None if all(len(r) == 1 for r in runs) else runs


def _periods(headers: list[str], title: str) -> list[Column]:
    """Resolve each heading to a period; inherit what spanning headings left unsaid."""
    columns: list[Column] = []
    months_known = [duration_months(h) for h in headers]
    weeks_known = [duration_weeks(h) for h in headers]
    title_months = duration_months(title) if re.search(r"ended|months|year", title, re.I) else None
    title_weeks = duration_weeks(title) if title_months is not None else None
    balance = bool(re.search(r"balance sheet|financial position|as of", title, re.I))
    # "Three Months Ended April 30, 2023 Compared to Three Months Ended April 30, 2022": the first
    dates = [find_date(COMPARED.split(h)[0]) or find_date(h) for h in headers]
    title_md = list(MONTH_DAY_RE.finditer(title))
    for i, h in enumerate(headers):
        if dates[i] is None and re.search(r"\b(?:19|20)\d\d\b", h):
            for j in sorted(range(len(headers)), key=lambda j: abs(j - i)):
                md = list(MONTH_DAY_RE.finditer(headers[j]))
                if j != i and md:
                    dates[i] = find_date(h + " " + md[-1].group(0).rstrip(","))
                    break
            if dates[i] is None and title_md:
                # "Years Ended December 31," printed in the caption above columns of bare years
                dates[i] = find_date(h + " " + title_md[-1].group(0).rstrip(","))
    dated = [i for i, d in enumerate(dates) if d is not None]
    bare = [BARE_YEAR.fullmatch(h.strip()) for h in headers]
    year_only = not dated and not title_md and all(bare) and len(headers) >= 1
    if year_only:
        # "| 2018 | 2017 |" and no date in the table or its caption: the years, ending on a day not said
        dates = [date(int(m.group(1)), 12, 31) if m else None for m in bare]
    if len(dated) == 1 and len(headers) >= 3 and all(re.search(r"[A-Za-z]{3}", h) and not CHANGE.search(h)
                                                     for i, h in enumerate(headers) if i not in dated):
        # "Quarter Ended 12/31/2022" over columns of line items ("Cost of sales", "Gross profit"): one period
        # for every column of the block
        dates = [dates[dated[0]]] * len(headers)
        months_known = [months_known[dated[0]]] * len(headers)
        weeks_known = [weeks_known[dated[0]]] * len(headers)
    for i, h in enumerate(headers):
        change = bool(CHANGE.search(h))
        months, weeks = months_known[i], weeks_known[i]
        if months is None and not re.search(r"\bas of\b|\bat\b", h, re.I):
            if balance:
                months = 0
            else:
                near = [(m, w) for m, w in zip(months_known, weeks_known, strict=True) if m is not None]
                months, weeks = (title_months, title_weeks) if title_months is not None else (
                    near[0] if near else (0, None))
        end = dates[i]
        # a change column has no period of its own, unless its heading names one ("Increase/(Decrease)
        # 2023" over comparable sales)
        own = re.search(r"\b(?:19|20)\d\d\b", h)
        if year_only and months_known[i] is None and not balance:
            months = 12
        period = Period(end, months or 0, year_only, weeks if months else None) \
            if end is not None and (not change or own) else None
        columns.append(Column(i, h.strip(), period, change=change, dimension=_dimension(h)))
    return columns


_NOT_DIMENSION = re.compile(
    r"(?i)\b(unaudited|audited|for|the|compared|versus|vs|to|with|three|six|nine|twelve|months?|ended|"
    r"quarter|year|fiscal|"
    r"first|second|third|fourth|full|as|of|at|retrospectively|adjusted|weeks?|\d+[-/.,\d]*|"
    r"jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|"
    r"in|thousands|millions|except|per|share|data|amounts|\(|\)|,)\b\.?"
)


def column_dimension(header: str) -> str:
    """Public name of ``_dimension``: ``Americas`` for ``Fourth Quarter Ended December 31, 2024 Americas``."""
    return _dimension(header)


def _dimension(header: str) -> str:
    """What a heading says besides its period: a segment or region name such as ``Americas``."""
    rest = _NOT_DIMENSION.sub(" ", re.sub(r"\([^)]*\)", " ", header))
    rest = re.sub(r"[-,.()]", " ", rest)
    return " ".join(w for w in rest.split() if len(w) > 1)


def read_region(region: Region, first_id: int) -> list[Table]:
    """All tables printed in a region."""
    mode = region.mode
    lines = [split_line(raw, mode) for raw in region.lines]
    tables: list[Table] = []
    for n, segment in enumerate(split_segments(lines, mode)):
        table = _read_segment(segment, mode, region.captions if n == 0 else [], first_id + len(tables))
        if table is None:
            continue
        if tables and (table.title == "Table" or not TITLE_WORDS.search(table.title)):
            prev = tables[-1]
            table.title = prev.title
            if table.scale_source == ScaleSource.NONE and prev.scale_source.known:
                table.scale, table.scale_except, table.currency = (prev.scale, prev.scale_except,
                                                                   prev.currency)
                table.scale_source = ScaleSource.EARLIER_TABLE
        tables.append(table)
    return tables


def _read_segment(segment: list[GridLine], mode: str, above: list[tuple[int, str]],
                  table_id: int) -> Table | None:
    first_data = next(i for i, x in enumerate(segment) if x.data)
    last_head = max((i for i, x in enumerate(segment[:first_data]) if x.texts or x.values), default=-1)
    header, body = segment[: last_head + 1], segment[last_head + 1:]
    cols = find_columns(segment, mode)
    if not cols:
        return None
    heads, inner_captions = _header_texts(header, cols, mode)
    # a heading ending with ':' in the label area before the data is a section, not a caption
    pre_sections = [c for c in inner_captions if c.endswith(":")]
    inner_captions = [c for c in inner_captions if not c.endswith(":")]
    captions = [t for _, t in above] + inner_captions
    caption = " ".join(captions)
    title = _title(captions)
    tags = [c for c in inner_captions if len(c.split()) == 1 and c not in title and not c.startswith("(")
            and re.match(r"^[A-Za-z][\w -]*$", c)]
    if tags:
        title = f"{title} ({', '.join(tags)})"
    columns = _periods(heads, caption)
    scale, scale_except, source = read_scale(caption + " " + " ".join(heads))
    currency = table_currency(caption + " " + " ".join(heads))
    rows = read_rows(body, cols, mode, pre_sections)
    if PERCENT_TABLE.search(caption) or any(re.search(r"%\s*change", c, re.I) for c in inner_captions):
        _all_percent(rows)
    _percent_columns(columns, rows)
    line = (above[0][0] if above else segment[0].raw.line)
    return Table(id=f"t{table_id}", title=title, caption=caption, scale=scale,
                 scale_except=scale_except, currency=currency, columns=columns, rows=rows, line=line,
                 scale_source=source)


# a table of percentages throughout: "(As a percentage of total revenues)", "Year over Year Growth Rates"
PERCENT_TABLE = re.compile(r"\bas a (percent(age)?|%) of\b|\bgrowth rates\b", re.I)


def _all_percent(rows: list[Row]) -> None:
    for row in rows:
        for c in row.cells.values():
            if c.value is not None and not c.bps and not c.currency and "$" not in c.text:
                c.percent = True


def _percent_columns(columns: list[Column], rows: list[Row]) -> None:
    """A column headed ``% Change`` or ``Percentage Point Impact``, and a column of changes that prints
    ``%`` on some of its cells only (the first and the last row, as many statements do), is a column of
    percentages throughout."""
    for col in columns:
        cells = [r.cells[col.index] for r in rows if col.index in r.cells]
        if any(c.currency or "$" in c.text for c in cells):
            continue
        if re.search(r"%|\bpercent(age)?\b", col.header, re.I):
            for c in cells:
                if c.value is not None and not c.bps:
                    c.percent = True
            continue
        if not col.change and (col.period is not None or col.header.strip()):
            continue
        if any(c.percent for c in cells):
            col.change = True
            for c in cells:
                if c.value is not None and not c.bps:
                    c.percent = True


TITLE_WORDS = re.compile(
    r"balance sheet|statements? of|results of|income|operations|cash flow|summary|reconciliation|"
    r"segment|highlights|financial|earnings|data|information|consolidated", re.I)


def _title(captions: list[str]) -> str:
    """The caption line that names the statement."""
    joined: list[str] = []
    for c in captions:
        if joined and (joined[-1].count("(") > joined[-1].count(")") or c[:1].islower()):
            joined[-1] += " " + c
        else:
            joined.append(c)
    captions = joined
    candidates = [c for c in captions if not re.fullmatch(r"\(?(un)?audited\)?", c.strip(), re.I)]
    named = [c for c in candidates if TITLE_WORDS.search(c) and not c.lstrip().startswith("(")]
    if named:
        return re.sub(r"\s*\((in|amounts)[^)]*\)?.*$", "", named[-1], flags=re.I).strip() or named[-1]
    return candidates[-1] if candidates else "Table"


_CUR = r"(?:" + CURRENCY_SIGN + "|" + "|".join(sorted({code for code, _ in CURRENCY_WORDS} | {"USD"})) + ")"
# a caption that says the figures are in units: "(in dollars)", "(Amounts in U.S. dollars)"
UNITS_RE = re.compile(r"\b(?:in|amounts in)\s+(?:u\.?s\.?\s+)?(?:dollars|euros|units)\b"
                      r"(?!\s+in\s+(?:thousands|millions))", re.I)
SCALE_RE = re.compile(
    r"\b(?:in|amounts in)\s*" + _CUR + r"?\s*(thousands?|millions?|billions?)\b"
    r"|" + _CUR + r"\s*(?:in\s*)?(thousands?|millions?|billions?)\b"
    r"|\b(thousands?|millions?|billions?) of (?:u\.?s\.? )?(?:dollars|euros|pounds|yen|yuan|francs)\b"
    r"|\((000)'?s?\)|\bin (000)'?s\b", re.I)


def table_currency(text: str) -> str:
    """The currency a table's caption names; US dollars when it names none."""
    for code, pattern in CURRENCY_WORDS:
        if re.search(pattern, text, re.I if code not in ("CNY",) else 0):
            return code
    return "USD"


def read_scale(text: str) -> tuple[float, str, ScaleSource]:
    """Scale factor, the ``except ...`` clause of a caption such as ``(In thousands, except per
    share data)``, and whether the caption said so."""
    m = SCALE_RE.search(text)
    if not m:
        if UNITS_RE.search(text):
            return 1.0, "", ScaleSource.CAPTION
        return 1.0, "", ScaleSource.NONE
    word = next(g for g in m.groups() if g).lower().rstrip("s")
    scale = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "000": 1e3}[word]
    rest = text[m.end(): m.end() + 80]
    ex = re.match(r"[^)]*?except\s+([^)]*)", rest, re.I)
    return scale, (ex.group(1).strip() if ex else ""), ScaleSource.CAPTION
