"""Bad input gets a clear message and a non-zero exit; a release with no tables still reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from index.errors import BinaryInputError, EmptyInputError, InputError, NotAReleaseError, TooLargeError
from index.reader import read_release


@pytest.mark.parametrize(("name", "content", "error", "message"), [
    ("empty.txt", b"  \n", EmptyInputError, "empty"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), BinaryInputError, "binary"),
    ("poem.md", b"Roses are red,\nviolets are blue.\n\nThis is a poem about flowers.\n", NotAReleaseError,
     "does not look like an earnings release"),
])
def test_refused_files(tmp_path: Path, name: str, content: bytes, error: type, message: str) -> None:
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(error, match=message):
        read_release(p)


def test_too_large(tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    with p.open("wb") as fh:
        fh.truncate(20 * 1024 * 1024 + 1)
    with pytest.raises(TooLargeError, match="MB"):
        read_release(p)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_release(tmp_path / "nope.txt")


def test_legacy_encoding_falls_back(tmp_path: Path) -> None:
    p = tmp_path / "legacy.txt"
    text = ("Acme Corp Reports Results\n\nRevenue for the quarter was $5.0 million, "
            "up 10% \u2014 a record for Acme\u2019s caf\u00e9 business.\n")
    p.write_bytes(text.encode("cp1252"))
    doc = read_release(p)
    assert any("café" in b.text and "Acme’s" in b.text for b in doc.blocks)


def test_release_without_tables_reads_narrative(tmp_path: Path) -> None:
    p = tmp_path / "short.txt"
    p.write_text("Acme Corp Reports First Quarter Results\n\nRevenue for the first quarter was "
                 "$5.0 million, compared to $4.0 million a year earlier. Net income was "
                 "$1.0 million.\n")
    doc = read_release(p)
    assert doc.tables == [] and doc.facts == []
    assert doc.metadata.company == "Acme Corp"
    assert any("Net income" in b.text for b in doc.blocks)


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty"),
    (b"\x00\x01\x02binary", "binary"),
    (b"Just a shopping list: eggs, milk.\n", "does not look like"),
])
def test_cli_exits_non_zero_with_one_line(tmp_path: Path, capsys, content: bytes, message: str) -> None:
    p = tmp_path / "input.txt"
    p.write_bytes(content)
    code = main(["audit", str(p)])
    err = capsys.readouterr().err
    assert code != 0
    assert message in err
    assert err.count("\n") == 1 and err.startswith("pressbot: ")
