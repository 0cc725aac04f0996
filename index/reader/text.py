"""Text and Markdown releases: narrative blocks and table regions (tab-separated, pipe tables,
space-aligned text in code fences or not), with the captions above each table."""

from __future__ import annotations

import re

from index.document import Block
from index.reader.layout import HEADING_WORDS, RULE_RE, Layout, RawLine, Region, cell_pieces, char_pieces
from index.reader.load import Source
from index.reader.outlook import outlook_blocks
from index.reader.periods import DATE_RE, YEAR_RE

# a heading line that names the columns' periods: two dates or years side by side, or period words
PERIOD_HEADING = re.compile(
    r"((19|20)\d\d|\bended\b|\bmonths\b|\bweeks\b|\bquarter\b).*((19|20)\d\d|\bended\b)", re.I)


def _is_aligned(text: str) -> bool:
    pieces = char_pieces(text)
    return len(pieces) >= 2 and any(p.is_value for p in pieces[1:]) and pieces[-1].is_value


def _front_matter(lines: list[str]) -> tuple[int, dict[str, str]]:
    """Number of lines of a YAML front matter block, and its simple key: value pairs."""
    if not lines or lines[0].strip() != "---":
        return 0, {}
    meta: dict[str, str] = {}
    for i in range(1, len(lines)):
        if lines[i].strip() == "---":
            return i + 1, meta
        m = re.match(r'^(\w+):\s*"?(.*?)"?\s*$', lines[i])
        if m:
            meta[m.group(1)] = m.group(2)
    return 0, {}


def split_text(source: Source) -> Layout:
    """Layout of a plain-text or Markdown release."""
    lines = source.lines
    skip, meta = _front_matter(lines)
    kinds = ["skip"] * skip + ["text"] * (len(lines) - skip)
    regions: list[Region] = []
    i = skip
    while i < len(lines):
        text = lines[i]
        stripped = text.strip()
        if stripped.startswith("```"):
            j = i + 1
            while j < len(lines) and not lines[j].strip().startswith("```"):
                j += 1
            body = [RawLine(k + 1, lines[k], char_pieces(lines[k])) for k in range(i + 1, j)]
            body = _cut_footnotes(body)
            regions.append(Region("char", body, _captions_above(lines, kinds, i)))
            for k in range(i, min(j + 1, len(lines))):
                kinds[k] = "table"
            i = j + 1
            continue
        if stripped.startswith("|"):
            j = i
            rows: list[RawLine] = []
            while j < len(lines) and lines[j].strip().startswith("|"):
                kinds[j] = "table"
                cells = lines[j].strip().strip("|").split("|")
                if not all(re.fullmatch(r"\s*:?-{3,}:?\s*", c) for c in cells):
                    rows.append(RawLine(j + 1, lines[j], cell_pieces(
                        [(n, n, c.replace("\\$", "$")) for n, c in enumerate(cells)])))
                j += 1
            regions.append(Region("cells", rows))
            i = j
            continue
        if "\t" in text and _tab_row(text):
            j, last, blanks = i, i, 0
            while j < len(lines) and blanks <= 3:
                t = lines[j].strip()
                if "\t" in lines[j] and (_tab_row(lines[j]) or _is_rule_tabs(lines[j])):
                    last, blanks = j, 0
                elif not t:
                    blanks += 1
                elif len(t) > 70 or t.endswith("."):
                    break
                j += 1
            rows = []
            for k in range(i, last + 1):
                kinds[k] = "table"
                cells = lines[k].split("\t")
                rows.append(RawLine(k + 1, lines[k], cell_pieces(
                    [(n, n, c.replace("\\$", "$")) for n, c in enumerate(cells)])))
            regions.append(Region("cells", rows))
            i = last + 1
            continue
        if _is_aligned(text) and not stripped.startswith(("*", "-", "•")):
            j, last, count = i, i, 0
            while j < len(lines) and j - last <= 3:
                if _is_aligned(lines[j]):
                    last, count = j, count + 1
                elif lines[j].strip() and len(lines[j].strip()) > 70:
                    if not _long_label(lines, j):
                        break
                    last = j  # a long label inside the table keeps the run going
                j += 1
            # two rows make a table when column headings with periods stand right above them
            # (or the first of the two is itself the headings' line of years, "2023   2023   2022")
            headed = any(k >= skip and PERIOD_HEADING.search(lines[k]) and _heading_line(lines[k])
                         for k in range(max(skip, i - 2), i + 1))
            if count >= 3 or (count == 2 and headed):
                # column headings printed above the first row of figures belong to the table, and so
                # does a section label between them and that row ("REVENUE")
                if i - 2 >= skip and not lines[i - 1].strip() and kinds[i - 2] == "text" and \
                        _heading_line(lines[i - 2]) and PERIOD_HEADING.search(lines[i - 2]):
                    i -= 1  # the column headings, set off from the first row by a blank line
                while i > skip and lines[i - 1].strip() and kinds[i - 1] == "text":
                    if _heading_line(lines[i - 1]):
                        i -= 1
                        continue
                    # section labels between the headings and the first row ("Assets", "Current assets:")
                    k = i - 1
                    while k > skip and k > i - 4 and _section_label(lines[k]) and kinds[k] == "text":
                        k -= 1
                    if k < i - 1 and k >= skip and kinds[k] == "text" and _heading_line(lines[k]):
                        i = k
                        continue
                    break
                body = [RawLine(k + 1, lines[k], char_pieces(lines[k])) for k in range(i, last + 1)]
                for k in range(i, last + 1):
                    kinds[k] = "table"
                regions.append(Region("char", _cut_footnotes(body)))
                i = last + 1
                continue
        i += 1
    for region in regions:
        if not region.captions:
            region.captions = _captions_above(lines, kinds, region.line - 1)
    guidance = outlook_blocks(lines, kinds)
    blocks = sorted(_blocks(lines, kinds) + guidance, key=lambda b: b.line)
    title = meta.get("title") or next((b.text for b in blocks if b.kind == "heading"), None)
    return Layout(blocks=blocks, regions=regions, title=title, meta=meta)


def _long_label(lines: list[str], j: int) -> bool:
    """A long line inside a table that is a label, not prose: a section label ending in ``:`` ("Adjustments
    to reconcile net earnings to total cash provided by (used in) operating activities:"), or the first
    line of a label wrapped onto a row of figures that starts in lower case."""
    text = lines[j].strip()
    if text.endswith(":"):
        # a section label, perhaps set off by a blank line from the rows it heads
        k = next((k for k in range(j + 1, min(j + 3, len(lines))) if lines[k].strip()), None)
        return k is not None and _is_aligned(lines[k])
    if j + 1 >= len(lines) or not _is_aligned(lines[j + 1]):
        return False
    return not text.endswith(".") and lines[j + 1].strip()[:1].islower()


def _heading_line(line: str) -> bool:
    """A line of column headings: indented far, a rule, period words or two dates or years side by
    side (``(In Millions)   Dec 31, 2022  Dec 25, 2021``), and not prose."""
    indent = len(line) - len(line.lstrip())
    dated = len(DATE_RE.findall(line)) >= 2 or len(YEAR_RE.findall(line)) >= 2
    # a wide line of many short headings side by side, not a sentence
    pieces = char_pieces(line)
    columnar = len(pieces) >= 4 and max(len(p.text) for p in pieces) <= 40
    return bool(line.strip()) and (len(line.strip()) < 120 or dated or columnar) and (
        indent >= 8 or bool(RULE_RE.match(line)) or bool(HEADING_WORDS.search(line)) or dated
        or (columnar and not any(p.is_value for p in pieces)))


def _section_label(line: str) -> bool:
    """A short label with no figures opening a table's first section (``REVENUE``, ``Assets:``, and
    ``Assets      (unaudited)`` with the audit note of a column beside it)."""
    t = re.sub(r"\s{2,}\((un)?audited\)\s*$", "", line.strip(), flags=re.I)
    return 0 < len(t) < 60 and not t.endswith(".") and not any(ch.isdigit() for ch in t)


def _tab_row(text: str) -> bool:
    cells = [c.strip() for c in text.split("\t")]
    return any(cells[1:])


def _is_rule_tabs(text: str) -> bool:
    return any(RULE_RE.match(c) for c in text.split("\t")[1:] if c.strip())


def _cut_footnotes(body: list[RawLine]) -> list[RawLine]:
    """Drop the footnotes under a ``____`` line at the foot of a table."""
    for n, raw in enumerate(body):
        if re.match(r"^\s*_{5,}\s*$", raw.text):
            return body[:n]
    return body


FOOTNOTE_LINE = re.compile(r"^\((\d{1,2}|[a-z])\)\s+\S")


def _captions_above(lines: list[str], kinds: list[str], start: int) -> list[tuple[int, str]]:
    """Short lines just above a table: its company, title, scale and audit note."""
    out: list[tuple[int, str]] = []
    k = start - 1
    blanks = 0
    while k >= 0 and len(out) < 6 and kinds[k] == "text":
        t = lines[k].strip().strip("*").strip()
        if not t:
            blanks += 1
            if blanks > 2:
                break
        elif FOOTNOTE_LINE.match(t):
            pass  # "(1) Classified as income tax expense ...": a note, read past to the caption above it
        elif len(t) > 200 or (t.endswith(".") and len(t) > 40):
            break
        else:
            blanks = 0
            out.append((k + 1, t))
        k -= 1
    return list(reversed(out))


_BULLET = re.compile(r"^\s*(?:[*•]|-(?!-)|\d+\.)\s+")


def _blocks(lines: list[str], kinds: list[str]) -> list[Block]:
    """Headings, paragraphs and bullets from the narrative lines."""
    blocks: list[Block] = []
    section = ""
    para: list[str] = []
    para_line = 0

    def flush() -> None:
        nonlocal para
        if para:
            blocks.append(Block("paragraph", " ".join(para), para_line, section))
            para = []

    for n, text in enumerate(lines):
        if kinds[n] != "text":
            flush()
            continue
        t = clean_markup(text.strip())
        if not t:
            flush()
            continue
        if _BULLET.match(text) and not text.strip().startswith("**"):
            flush()
            blocks.append(Block("bullet", _BULLET.sub("", t, count=1), n + 1, section))
            continue
        if text.lstrip().startswith("   --") and blocks and blocks[-1].kind == "bullet":
            blocks[-1].text += " " + t.lstrip("- ")
            continue
        is_heading = (
            text.lstrip().startswith("#")
            or (text.strip().startswith("**") and text.strip().endswith("**") and len(t) < 100)
            or (len(t) < 90 and not t.endswith((".", ",", ";")) and not para
                and (n + 1 >= len(lines) or not lines[n + 1].strip()))
        )
        if is_heading and not para:
            flush()
            section = t.strip("#* :").strip()
            blocks.append(Block("heading", section, n + 1, section))
            continue
        # a block left mid-word or mid-bracket ("(Accelerating the" / "Organization), diluted ...")
        cut = not para and bool(blocks) and blocks[-1].kind in ("bullet", "paragraph") \
            and (t[:1].islower() or blocks[-1].text.count("(") > blocks[-1].text.count(")")) \
            and not blocks[-1].text.rstrip().endswith((".", "!", "?", ":", '"', "”"))
        if cut and blocks[-1].kind == "bullet":
            # a bullet a page break cut in two: "... dividends of $6.7" / "billion and share repurchases"
            blocks[-1].text += " " + t
            continue
        if cut and blocks[-1].kind == "paragraph":
            # a paragraph a page break (or a table between columns) cut in two: "... $0.12 per diluted"
            # / "share, related to stock-based compensation."
            last = blocks.pop()
            para, para_line = [last.text], last.line
        if not para:
            para_line = n + 1
        para.append(t)
    flush()
    return blocks


def clean_markup(text: str) -> str:
    """Strip Markdown emphasis, links and escapes from a narrative line."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = text.replace("\\$", "$").replace("\\*", "*").replace("**", "")
    return re.sub(r"^#+\s*", "", text).strip()
