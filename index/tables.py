"""Reading a raw table region into tables: columns resolved to periods, rows with section paths."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.layout import Piece, RawLine, Region
from index.model import Cell, Column, Row, Table
from index.numbers import is_nil, read_number
from index.periods import MONTH_DAY_RE, Period, duration_months, find_date

YEAR_TOKEN = re.compile(r"^(?:19|20)\d\d$")
KEYWORD = re.compile(
    r"\b(ended|months|quarter|year|as of|fy\d*|q[1-4]|[1-4]q\d\d|unaudited|audited|weeks)\b", re.I
)
CHANGE = re.compile(r"(%\s*change|\bchange\b|\bq/q\b|\by/y\b|\bvariance\b|\bbps\b|%\s*chg)", re.I)
SECTION_WORDS = re.compile(
    r"^(assets|current assets|liabilities.*|current liabilities|.*(stockholders|shareholders)'? "
    r"(equity|deficit).*|operating activities|investing activities|financing activities)$",
    re.I,
)
CONNECTOR = re.compile(r"\b(of|and|to|for|in|on|the|from|by|with|per|less|net|or)$|[,&-]$", re.I)
FOOTNOTE = re.compile(r"\s*(\(\[?\d\]?\)|\[\d\]|\*+|\(\w\))\s*")


@dataclass
class _Line:
    raw: RawLine
    label: list[Piece] = field(default_factory=list)
    values: list[Piece] = field(default_factory=list)
    texts: list[Piece] = field(default_factory=list)

    @property
    def data(self) -> bool:
        return any(not _is_year(p.text) for p in self.values)


def _is_year(text: str) -> bool:
    return bool(YEAR_TOKEN.match(text.strip()))


def _split(raw: RawLine, mode: str) -> _Line:
    """Label pieces, value pieces and other text pieces of a line, before columns are known."""
    pieces = [p for p in raw.pieces if p.text.strip() and not p.is_rule]
    line = _Line(raw)
    if not pieces:
        return line
    if mode == "char":
        k = len(pieces)
        while k > 0 and pieces[k - 1].is_value:
            k -= 1
        if k == 0 and pieces[0].start < 12 and not _is_year(pieces[0].text):
            k = 1
        line.values = pieces[k:]
        head = pieces[:k]
        if line.data:
            line.label = head
        else:
            single = len(head) == 1 and head[0].start < 20 and not KEYWORD.search(head[0].text)
            line.label = [p for p in head if p.start < 14 or single]
            line.texts = [p for p in head if p not in line.label]
        return line
    first_value = next((n for n, p in enumerate(pieces) if p.is_value), None)
    if first_value == 0 and pieces[0].start == 0 and len(pieces) > 1:
        first_value = next((n for n, p in enumerate(pieces[1:], 1) if p.is_value), None)
    for n, p in enumerate(pieces):
        if first_value is not None and n >= first_value and p.is_value:
            line.values.append(p)
        elif p.start == 0 or (first_value is not None and n < first_value and not line.texts):
            line.label.append(p)
        else:
            line.texts.append(p)
    return line


def _header_like(line: _Line, mode: str) -> bool:
    """A line that starts a new set of column headings after data rows."""
    if line.data or not (line.texts or line.values):
        return False
    words = " ".join(p.text for p in line.texts + line.values)
    years = sum(1 for p in line.values if _is_year(p.text)) + len(re.findall(r"\b(?:19|20)\d\d\b", words))
    return years >= 2 or bool(KEYWORD.search(words)) or len(line.texts) >= 2


def _segments(lines: list[_Line], mode: str) -> list[list[_Line]]:
    """Cut a region where a new set of column headings follows data rows."""
    segments: list[list[_Line]] = [[]]
    seen_data = False
    for line in lines:
        if seen_data and _header_like(line, mode):
            # label-only lines just above the new headings belong to the new table's caption
            k = len(segments[-1])
            while k > 0 and not segments[-1][k - 1].data and not segments[-1][k - 1].values:
                k -= 1
            moved = segments[-1][k:]
            segments[-1] = segments[-1][:k]
            segments.append(moved)
            seen_data = False
        segments[-1].append(line)
        seen_data = seen_data or line.data
    return [s for s in segments if any(x.data for x in s)]


@dataclass
class _Col:
    start: int
    end: int


def _columns(segment: list[_Line], mode: str) -> list[_Col]:
    """Value columns from the widest rule line (text layouts) or from where values stand."""
    if mode == "char":
        best: list[_Col] = []
        for line in segment:
            if line.raw.rule:
                runs = [p for p in line.raw.pieces if p.text.strip()]
                if len(runs) > 1:
                    runs = [p for p in runs if p.start >= 3] or runs
                if len(runs) > len(best):
                    best = [_Col(p.start, p.end) for p in runs]
        ends = sorted({p.end for line in segment if line.data for p in line.values})
        if best and all(any(_overlap(p, c) for c in best) or (_is_year(p.text) and p.end < best[0].start)
                        for line in segment if line.data for p in line.values):
            return best
        clusters: list[list[int]] = []
        for e in ends:
            if clusters and e - clusters[-1][-1] <= 3:
                clusters[-1].append(e)
            else:
                clusters.append([e])
        cols = []
        for cl in clusters:
            starts = [p.start for line in segment if line.data for p in line.values if p.end in cl]
            cols.append(_Col(min(starts), max(cl)))
        return cols
    anchors = sorted({p.end for line in segment if line.data for p in line.values})
    return [_Col(a, a) for a in anchors]


def _overlap(p: Piece, c: _Col) -> int:
    return max(0, min(p.end, c.end) - max(p.start, c.start))


def _column_of(p: Piece, cols: list[_Col], mode: str) -> int | None:
    if mode == "char":
        scores = [_overlap(p, c) for c in cols]
        if max(scores, default=0) > 0:
            return scores.index(max(scores))
        if p.end < cols[0].start - 1:
            return None
        return min(range(len(cols)), key=lambda i: abs(cols[i].end - p.end))
    for i, c in enumerate(cols):
        if c.start == p.end:
            return i
    if p.end < cols[0].start:
        return None
    return min(range(len(cols)), key=lambda i: abs(cols[i].end - p.end))


def _header_texts(header: list[_Line], cols: list[_Col], mode: str) -> tuple[list[str], list[str]]:
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
    for line_no, line in enumerate(header):
        pieces = sorted(line.texts + line.values, key=lambda p: p.start)
        captions.extend(p.text for p in line.label)
        if mode == "char" and len(pieces) == 1 and not re.search(r"\d|ended", pieces[0].text, re.I):
            spanned = [c for c in cols if pieces[0].start <= c.end and pieces[0].end >= c.start]
            if len(spanned) >= 3:
                captions.append(pieces[0].text)
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
    return [" ".join(t) for t in texts], captions


def _periods(headers: list[str], title: str) -> list[Column]:
    """Resolve each heading to a period; inherit what spanning headings left unsaid."""
    columns: list[Column] = []
    months_known = [duration_months(h) for h in headers]
    title_months = duration_months(title) if re.search(r"ended|months|year", title, re.I) else None
    balance = bool(re.search(r"balance sheet|financial position|as of", title, re.I))
    dates = [find_date(h) for h in headers]
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
    for i, h in enumerate(headers):
        change = bool(CHANGE.search(h))
        months = months_known[i]
        if months is None and not re.search(r"\bas of\b|\bat\b", h, re.I):
            if balance:
                months = 0
            else:
                near = [m for m in months_known if m is not None]
                months = title_months if title_months is not None else (near[0] if near else 0)
        end = dates[i]
        period = Period(end, months or 0) if end is not None and not change else None
        columns.append(Column(i, h.strip(), period, change=change, dimension=_dimension(h)))
    return columns


_NOT_DIMENSION = re.compile(
    r"(?i)\b(unaudited|audited|for|the|three|six|nine|twelve|months?|ended|quarter|year|fiscal|"
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


def clean_label(text: str) -> str:
    """A row label without footnote markers, leading dashes or stray dollar signs."""
    text = FOOTNOTE.sub(" ", text)
    text = re.sub(r"^[-—–\s]+", "", text.replace("\\$", "$"))
    text = re.sub(r"\s+", " ", text).strip()
    return text.rstrip("$ ").strip()


def read_region(region: Region, first_id: int) -> list[Table]:
    """All tables printed in a region."""
    mode = region.mode
    lines = [_split(raw, mode) for raw in region.lines]
    tables: list[Table] = []
    for n, segment in enumerate(_segments(lines, mode)):
        table = _read_segment(segment, mode, region.captions if n == 0 else [], first_id + len(tables))
        if table is None:
            continue
        if tables and (table.title == "Table" or not TITLE_WORDS.search(table.title)):
            prev = tables[-1]
            table.title = prev.title
            if table.scale == 1.0:
                table.scale, table.scale_except, table.currency = (prev.scale, prev.scale_except,
                                                                   prev.currency)
        tables.append(table)
    return tables


def _read_segment(segment: list[_Line], mode: str, above: list[tuple[int, str]],
                  table_id: int) -> Table | None:
    first_data = next(i for i, x in enumerate(segment) if x.data)
    last_head = max((i for i, x in enumerate(segment[:first_data]) if x.texts or x.values), default=-1)
    header, body = segment[: last_head + 1], segment[last_head + 1:]
    cols = _columns(segment, mode)
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
    scale, scale_except = _scale(caption + " " + " ".join(heads))
    currency = table_currency(caption + " " + " ".join(heads))
    rows = _rows(body, cols, mode, pre_sections)
    line = (above[0][0] if above else segment[0].raw.line)
    return Table(id=f"t{table_id}", title=title, caption=caption, scale=scale,
                 scale_except=scale_except, currency=currency, columns=columns, rows=rows, line=line)


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


_CUR = r"(?:NT\$|US\$|HK\$|C\$|A\$|\$|€|£|¥|EUR|USD|GBP|JPY|RMB|CNY|CHF|TWD)"
SCALE_RE = re.compile(
    r"\b(?:in|amounts in)\s*" + _CUR + r"?\s*(thousands?|millions?|billions?)\b"
    r"|" + _CUR + r"\s*(?:in\s*)?(thousands?|millions?|billions?)\b"
    r"|\b(thousands?|millions?|billions?) of (?:u\.?s\.? )?(?:dollars|euros|pounds|yen|yuan|francs)\b"
    r"|\((000)'?s?\)|\bin (000)'?s\b", re.I)
CURRENCIES = [("TWD", r"NT\$|\bNTD\b|\bTWD\b"), ("EUR", r"€|\bEUR\b|\beuros?\b"),
              ("GBP", r"£|\bGBP\b|\bpounds sterling\b"), ("JPY", r"¥|\bJPY\b|\byen\b"),
              ("CNY", r"\bRMB\b|\bCNY\b|\byuan\b"), ("CAD", r"C\$|\bCAD\b"), ("CHF", r"\bCHF\b")]


def table_currency(text: str) -> str:
    """The currency a table's caption names; US dollars when it names none."""
    for code, pattern in CURRENCIES:
        if re.search(pattern, text, re.I if code not in ("CNY",) else 0):
            return code
    return "USD"


def _scale(text: str) -> tuple[float, str]:
    """Scale factor and the ``except ...`` clause of a caption such as ``(In thousands, except per
    share data)``."""
    m = SCALE_RE.search(text)
    if not m:
        return 1.0, ""
    word = next(g for g in m.groups() if g).lower().rstrip("s")
    scale = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "000": 1e3}[word]
    rest = text[m.end(): m.end() + 80]
    ex = re.match(r"[^)]*?except\s+([^)]*)", rest, re.I)
    return scale, (ex.group(1).strip() if ex else "")


def _rows(body: list[_Line], cols: list[_Col], mode: str, pre_sections: list[str]) -> list[Row]:
    """Rows with labels joined over wrapped lines and section paths from headings."""
    rows: list[Row] = []
    stack: list[tuple[int, str]] = [(0, s.rstrip(":")) for s in pre_sections]
    pending: list[tuple[int, str, bool]] = []  # indent, text, forced continuation
    rule_above = False
    after_total = False
    prev_indent = 0
    last_label = ""
    data_lines = [x for x in body if x.data]
    for idx, line in enumerate(body):
        raw = line.raw
        if raw.rule or raw.blank:
            if raw.rule:
                rule_above = True
                if pending and mode == "char":
                    pending = [(i, t if _closed(t) else t + ":", f) for i, t, f in pending]
            if raw.rule and line.label:
                pending.append((_indent(line, mode), " ".join(p.text for p in line.label), True))
            continue
        if not line.data:
            text = " ".join(p.text for p in line.label + line.texts).strip()
            if text:
                forced = mode == "cells" and any(p.is_rule for p in raw.pieces)
                pending.append((_indent(line, mode), text, forced))
            continue
        cells: dict[int, Cell] = {}
        extra_label: list[str] = []
        for p in line.values:
            ci = _column_of(p, cols, mode)
            if ci is None:
                extra_label.append(p.text)
                continue
            r = read_number(p.text)
            cells[ci] = Cell(p.text.strip(), r.value if r else (0.0 if is_nil(p.text) else None),
                             percent=bool(r and r.percent), bps=bool(r and r.bps),
                             currency=r.currency if r else None, decimals=r.decimals if r else 0)
        own = " ".join([p.text for p in line.label] + extra_label).strip()
        indent = _indent(line, mode)
        row_indent = pending[0][0] if pending else indent
        if mode == "char" and row_indent < prev_indent:
            stack = [(i, s) for i, s in stack if i < row_indent]
        prev_indent = row_indent
        if after_total:
            if stack and stack[-1][0] >= 0 and _closes(last_label, stack[-1][1]):
                stack.pop()
            after_total = False
        label_parts: list[str] = []
        if pending:
            nxt = data_lines.index(line) + 1 if line in data_lines else -1
            following = body[idx + 1] if idx + 1 < len(body) else None
            sibling = (following is not None and following.data and 0 <= nxt
                       and _indent(following, mode) == indent and mode == "char")
            own_text = " ".join(p.text for p in line.label).strip()
            heads, cont = _resolve_pending(pending, mode, sibling, own_text)
            for h_indent, h in heads:
                top = _caps(h) and not h.endswith(":")
                h = clean_label(h).rstrip(":").strip()
                if top:
                    stack = [(h_indent - 100, h)]
                else:
                    stack = [(i, s) for i, s in stack if i < h_indent or (i < 0)]
                    stack.append((h_indent, h))
            label_parts = cont
            pending = []
        label = clean_label(" ".join(label_parts + [own]))
        if not label:
            continue
        rows.append(Row(label=label, section=tuple(s for _, s in stack), line=raw.line, cells=cells,
                        rule_above=rule_above, unit_note=_unit_note(label)))
        rule_above = False
        after_total = label.lower().startswith("total")
        last_label = label
    return rows


def _closes(total: str, section: str) -> bool:
    """Whether a total row closes a section: ``Total current assets`` closes ``Current Assets``."""
    def words(text: str) -> set[str]:
        found = {w.rstrip("s") for w in re.findall(r"[a-z]+", text.lower())}
        return found - {"total", "net", "and", "of", "the"}

    return bool(words(section)) and words(section) <= words(total)


def _closed(text: str) -> bool:
    """A heading line that ends a heading: a colon, capitals, or a known section name."""
    return text.endswith(":") or _caps(text) or SECTION_WORDS.match(text) is not None


def _resolve_pending(pending: list[tuple[int, str, bool]], mode: str, sibling: bool,
                     own: str = "") -> tuple[list[tuple[int, str]], list[str]]:
    """Label-only lines above a data row: section headings, or the first lines of a wrapped label."""
    groups: list[list] = []
    for indent, text, forced in pending:
        if groups and (forced or groups[-1][2]) == groups[-1][2] and (
            (mode == "char" and not _closed(groups[-1][1])) or (forced and groups[-1][2])
        ):
            groups[-1][1] += " " + text
        else:
            groups.append([indent, text, forced])
    heads: list[tuple[int, str]] = []
    cont: list[str] = []
    for n, (indent, text, forced) in enumerate(groups):
        last = n == len(groups) - 1
        joins = last and mode == "char" and own and (
            (own[:1].islower() or own[:1].isdigit() or CONNECTOR.search(text) is not None)
            or (_caps(text) and _caps(own) and not text.endswith(":"))
        )
        head = not forced and not joins and (
            _closed(text) or mode == "cells" or (sibling and last) or not last)
        if head:
            heads.append((indent, text))
        else:
            cont.append(text)
    return heads, cont


def _caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _indent(line: _Line, mode: str) -> int:
    pieces = line.label or line.texts or line.values
    return pieces[0].start if pieces else 0


def _unit_note(label: str) -> str:
    m = re.search(r"\(\s*(?:in\s+)?((?:NT|US)?\$?\s*(?:thousand|million|billion)s?(?:\s+shares)?)\s*\)",
                  label, re.I)
    return m.group(1) if m else ""
