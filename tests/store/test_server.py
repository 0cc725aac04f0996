"""Server mode: a real ``chroma run`` on 127.0.0.1, started and stopped by its PID."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from bot.answer.pipeline import Pipeline
from tests.conftest import SAMPLE, free_port, make_store, read, wait_for_port

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory):
    exe = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    if not Path(exe).exists():
        pytest.fail("the chroma command is not installed (it comes with the chromadb package)")
    port = free_port()
    folder = tmp_path_factory.mktemp("chroma-server")
    proc = subprocess.Popen([exe, "run", "--host", "127.0.0.1", "--port", str(port), "--path", str(folder)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    wait_for_port(port, proc, "chroma run")
    yield f"http://127.0.0.1:{port}"
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=20)


def test_index_and_answer_against_a_server(chroma_url, tmp_path) -> None:
    store = make_store(tmp_path / "unused", url=chroma_url)
    assert store.add(read(SAMPLE.name)) == "added"
    assert store.add(read(SAMPLE.name)) == "unchanged"
    answer = Pipeline(store).ask("What was gross loss?")
    assert answer.figures[0].value == -2_473_000 and answer.figures[0].check == "verified"
    again = make_store(tmp_path / "unused", url=chroma_url)  # a second client sees the same index
    assert [r.name for r in again.catalog()] == ["capstone-turbine-q1-fy2008"]
    assert not (tmp_path / "unused").exists()  # server mode keeps nothing in the local folder
    again.remove("capstone-turbine-q1-fy2008")
    assert make_store(tmp_path / "unused", url=chroma_url).catalog() == []
