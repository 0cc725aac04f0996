"""Loading a release file: size, binary and encoding checks, then lines of text or HTML."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from index.errors import BinaryInputError, EmptyInputError, InputError, TooLargeError

MAX_BYTES = 20 * 1024 * 1024
SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
            ".pdf": "pdf"}
MAX_PDF_PAGES = 200


@dataclass
class Source:
    """A release file's decoded text, its kind (text, markdown, html) and content hash."""

    path: str
    name: str
    kind: str
    text: str
    sha256: str
    # for a PDF: the (page, line on the page) of each line of ``text`` (None for a blank line)
    pages: list[tuple[int, int] | None] | None = None

    @property
    def lines(self) -> list[str]:
        """The text split into lines (line 1 is index 0)."""
        return self.text.split("\n")


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), falling back to Windows-1252 then Latin-1."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(8, len(head) // 50)


def kind_of(path: Path, text: str) -> str:
    """The layout family from the suffix, or sniffed from the content."""
    kind = SUFFIXES.get(path.suffix.lower())
    if kind:
        return kind
    low = text[:2000].lower()
    return "html" if "<html" in low or "<table" in low or "<!doctype html" in low else "text"


SGML_DOCUMENT = re.compile(r"<DOCUMENT>\s*<TYPE>([^\n<]*)(.*?)</DOCUMENT>", re.S | re.I)


def edgar_exhibit(text: str) -> str | None:
    """The body of an EDGAR filing's SGML wrapper (``<DOCUMENT><TYPE>EX-99.1 ... <TEXT> ...</TEXT>``):
    the press-release exhibit (EX-99) of a full submission, or its only document. ``None`` when the
    text is not wrapped."""
    if not re.search(r"<DOCUMENT>\s*<TYPE>", text[:20_000], re.I):
        return None
    documents = [(m.group(1).strip().upper(), m.group(2)) for m in SGML_DOCUMENT.finditer(text)]
    if not documents:  # an unterminated wrapper: everything after <TEXT>
        m = re.search(r"<TEXT>(.*)", text, re.S | re.I)
        return m.group(1) if m else None
    chosen = next((body for kind, body in documents if kind.startswith("EX-99")), documents[0][1])
    m = re.search(r"<TEXT>(.*?)(?:</TEXT>|$)", chosen, re.S | re.I)
    return m.group(1) if m else chosen


def load_source(path: str | Path, name: str | None = None) -> Source:
    """Read and check a release file; raise an ``InputError`` that says what is wrong."""
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(f"{p} is a folder; give a release file (.txt, .md or .html)")
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise TooLargeError(
                f"{p} is {size / 1e6:.1f} MB; releases over {MAX_BYTES // (1024 * 1024)} MB are "
                "not read (split the file or pass the release alone)"
            )
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except PermissionError:
        raise InputError(f"{p}: permission denied; check the file's permissions") from None
    except IsADirectoryError:
        raise InputError(f"{p} is a folder; give a release file") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror})") from None
    if not data.strip():
        raise EmptyInputError(f"{p} is empty; give a press release as text, Markdown, HTML or PDF")
    if data[:1024].lstrip().startswith(b"%PDF-") or p.suffix.lower() == ".pdf":
        return _load_pdf(p, name, data)
    if looks_binary(data):
        raise BinaryInputError(
            f"{p} looks like a binary file, not a release; give text, Markdown, HTML or PDF"
        )
    text = decode(data).replace("\r\n", "\n").replace("\r", "\n")
    kind = kind_of(p, text)
    exhibit = edgar_exhibit(text)
    if exhibit is not None:
        text = exhibit
        kind = kind_of(Path("exhibit"), text)  # the filing's own suffix (.txt) says nothing of the body
    return Source(
        path=str(p),
        name=name or p.stem,
        kind=kind,
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def _load_pdf(p: Path, name: str | None, data: bytes) -> Source:
    """A PDF's printed lines, page by page, as space-aligned text (tables keep their columns), with the
    page and line of each."""
    from index.reader.pdf import read_pdf

    pdf = read_pdf(p, max_pages=MAX_PDF_PAGES)
    text = pdf.text()
    return Source(path=str(p), name=name or p.stem, kind="pdf", text=text,
                  sha256=hashlib.sha256(data).hexdigest(), pages=pdf.positions())
