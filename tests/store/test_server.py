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


def test_two_writers_and_several_readers_share_one_server(chroma_url, tmp_path) -> None:
    """Two `pressbot index add` processes write different releases to one server at once while four
    reader threads keep asking; afterwards every release is there whole, and no reader crashed."""
    import threading

    from index.errors import PressbotError
    from tests.conftest import CORPUS, RELEASES

    env = {**os.environ, "PRESSBOT_CHROMA_URL": chroma_url, "PRESSBOT_EMBEDDER": "hashing",
           "PRESSBOT_INDEX": str(tmp_path / "unused")}
    halves = [RELEASES[::2], RELEASES[1::2]]
    writers = [subprocess.Popen([sys.executable, "-m", "bot.cli", "index", "add", "--quiet",
                                 *[str(CORPUS / n) for n in half]], env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for half in halves]
    answers: list[float] = []
    failures: list[str] = []
    done = threading.Event()

    def read_while_writing() -> None:
        pipeline = Pipeline(make_store(tmp_path / "unused", url=chroma_url))
        while not done.is_set():
            try:
                answer = pipeline.ask("What was Capstone's gross loss?")
                if answer.figures:
                    answers.append(answer.figures[0].value)
            except PressbotError:
                pass  # the release is not indexed yet: a clear error, not a crash
            except Exception as exc:  # noqa: BLE001 - any other failure is what this test looks for
                failures.append(repr(exc))

    readers = [threading.Thread(target=read_while_writing) for _ in range(4)]
    for r in readers:
        r.start()
    outs = [w.communicate(timeout=300) for w in writers]
    done.set()
    for r in readers:
        r.join(timeout=60)
    assert all(w.returncode == 0 for w in writers), outs
    assert failures == []
    store = make_store(tmp_path / "unused", url=chroma_url)
    names = {r.name: r for r in store.catalog()}
    assert sorted(n.rsplit(".", 1)[0] for n in RELEASES) == sorted(names)
    for name, record in names.items():
        assert len(store.chunk_records([name])) == record.chunks  # nothing lost, nothing doubled
    assert set(answers) <= {-2_473_000}
