"""The command line: index add/list/remove, ask and eval, with bad input; the fake embedder is
injected where the real command would build the model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import bot.build
from bot.cli import main
from tests.conftest import CORPUS, DATA, SAMPLE, FakeEmbedder


@pytest.fixture
def cli(monkeypatch, tmp_path: Path):
    """Run the CLI on a fresh index folder with the fake embedder."""
    real = bot.build.build_store
    monkeypatch.setattr(bot.build, "build_store",
                        lambda settings, embedder=None: real(settings, FakeEmbedder()))
    monkeypatch.setenv("PRESSBOT_INDEX", str(tmp_path / "index"))
    monkeypatch.delenv("PRESSBOT_CHROMA_URL", raising=False)
    monkeypatch.delenv("PRESSBOT_LLM", raising=False)

    def run(*args: str) -> int:
        return main(list(args))

    return run


def test_index_add_list_remove(cli, capsys) -> None:
    assert cli("index", "add", str(SAMPLE)) == 0
    assert "added     capstone-turbine-q1-fy2008" in capsys.readouterr().out
    assert cli("index", "add", str(SAMPLE)) == 0
    assert "unchanged capstone-turbine-q1-fy2008" in capsys.readouterr().out
    assert cli("index", "list", "--json") == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["company"] == "Capstone Turbine Corporation" and row["facts"] > 70 and row["chunks"] > 40
    assert cli("index", "remove", "capstone-turbine-q1-fy2008") == 0
    assert cli("index", "list") == 0
    assert "the index is empty" in capsys.readouterr().out


def test_index_add_folder_and_sample(cli, capsys) -> None:
    assert cli("index", "add", str(CORPUS), "--sample") == 0
    out = capsys.readouterr().out
    assert out.count("added") == 6 and "unchanged capstone-turbine-q1-fy2008" in out


def test_ask_json(cli, capsys) -> None:
    cli("index", "add", "--sample", "--quiet")
    capsys.readouterr()
    assert cli("ask", "--json", "what", "was", "gross", "loss?") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["answerable"] and data["figures"][0]["value"] == -2_473_000
    assert data["figures"][0]["check"] == "verified"


def test_eval_command(cli, capsys) -> None:
    cli("index", "add", "--sample", "--quiet")
    gold = DATA / "eval" / "capstone-q1-fy2008.jsonl"
    assert cli("eval", str(gold), "--fail-under", "100") == 0
    assert "accuracy: 42/42 (100.0%)" in capsys.readouterr().out


@pytest.mark.parametrize(("args", "message"), [
    (("ask", "   "), "the question is empty"),
    (("ask", "x" * 10_000), "keep it under"),
    (("ask", "what was revenue?"), "the index is empty"),
    (("index", "add"), "give release files or folders"),
    (("index", "add", "/no/such/file.txt"), "no such file or folder"),
    (("index", "remove", "nope"), "no release named 'nope'"),
    (("eval", "/no/such/gold.jsonl"), "cannot read the gold set"),
])
def test_bad_input(cli, capsys, args: tuple[str, ...], message: str) -> None:
    assert cli(*args) != 0
    err = capsys.readouterr().err
    assert message in err and err.startswith("pressbot: ") and err.count("\n") == 1


def test_bad_file_adds_nothing(cli, capsys, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert cli("index", "add", str(SAMPLE), str(empty)) != 0
    assert "empty" in capsys.readouterr().err
    cli("index", "list", "--json")
    assert json.loads(capsys.readouterr().out) == []


def test_unwritable_index(cli, capsys, tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder")
    monkeypatch.setenv("PRESSBOT_INDEX", str(blocker / "index"))
    assert cli("index", "add", str(SAMPLE)) != 0
    assert "cannot write to the index folder" in capsys.readouterr().err


def test_unknown_doc(cli, capsys) -> None:
    cli("index", "add", "--sample", "--quiet")
    assert cli("ask", "--doc", "nope", "what was revenue?") != 0
    assert "no release named 'nope'" in capsys.readouterr().err


def test_folder_skips_files_that_are_not_releases(cli, capsys, tmp_path: Path) -> None:
    folder = tmp_path / "releases"
    folder.mkdir()
    (folder / "memo.md").write_text("Notes about this folder.\n")
    # a folder's own notes are never read as a release, however much they look like one
    (folder / "SOURCES.md").write_text("# Earnings releases\n\n| file | quarter | pages |\n|---|---|---|\n"
                                       "| capstone.txt | first quarter fiscal 2008 results | 4 |\n")
    (folder / "capstone.txt").write_text(SAMPLE.read_text())
    assert cli("index", "add", str(folder)) == 0
    captured = capsys.readouterr()
    assert "added     capstone" in captured.out and "skipped" in captured.err and "memo" in captured.err
    assert "SOURCES" not in captured.out
    assert cli("index", "add", str(folder / "memo.md")) != 0  # named explicitly, it is an error


def test_show_prints_the_release_around_a_line(cli, capsys) -> None:
    assert cli("index", "add", str(SAMPLE)) == 0
    capsys.readouterr()
    assert cli("show", "capstone-turbine-q1-fy2008", "--line", "102", "--context", "1") == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 3 and out[1].startswith(">   102") and "Gross loss" in out[1]
    assert cli("show", "capstone-turbine-q1-fy2008", "--line", "99999") == 2
    assert "give --line between 1 and" in capsys.readouterr().err


def test_show_a_pdf_names_pages(cli, capsys) -> None:
    pdf = DATA / "pdf" / "costco_2023q1_earnings.pdf"
    assert cli("index", "add", str(pdf)) == 0
    capsys.readouterr()
    assert cli("show", "costco_2023q1_earnings", "--line", "5", "--context", "0") == 0
    assert capsys.readouterr().out.startswith(">     5 p1:")


def test_index_add_shows_progress_only_on_a_terminal(cli, capsys, monkeypatch) -> None:
    import sys

    assert cli("index", "add", str(CORPUS / "watts-water_fy2024-q4.md")) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and "added     watts-water_fy2024-q4" in captured.out  # not a terminal
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert cli("index", "add", "--quiet", str(SAMPLE)) == 0
    assert capsys.readouterr() == ("", "")  # --quiet: nothing at all
    assert cli("index", "add", str(CORPUS / "luvu-brands_fy2025-q2.md")) == 0
    captured = capsys.readouterr()
    assert "indexing luvu-brands_fy2025-q2" in captured.err and "chunks" in captured.err
    assert "added     luvu-brands_fy2025-q2" in captured.out
