"""Shared fixtures: corpus paths and a cached reader."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest

from index.document import Document
from index.reader import read_release
from index.store.embed import HashingEmbedder

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with no PRESSBOT_* or SLACK_* variable from the machine it runs on."""
    for name in list(os.environ):
        if name.startswith(("PRESSBOT_", "SLACK_")):
            monkeypatch.delenv(name)
CORPUS = DATA / "corpus"
SAMPLE = CORPUS / "capstone-turbine-q1-fy2008.txt"
RELEASES = sorted(p.name for p in CORPUS.iterdir() if p.suffix in (".txt", ".md", ".html")
                  and p.name != "SOURCES.md")


@cache
def read(name: str) -> Document:
    """A corpus release, read once per test session."""
    return read_release(CORPUS / name)


@pytest.fixture
def sample() -> Document:
    return read(SAMPLE.name)


class FakeEmbedder(HashingEmbedder):
    """The hashing embedder, counting calls and able to fail mid-way (an interrupted add)."""

    def __init__(self, fail_after: int | None = None) -> None:
        self.calls = 0
        self.fail_after = fail_after

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.calls += 1
        if self.fail_after is not None and self.calls > self.fail_after:
            raise KeyboardInterrupt("simulated interruption")
        return super().embed_documents(texts)


def make_store(path: Path, embedder: object | None = None, url: str | None = None):
    """A store on a fresh folder (or a server), with the fake embedder."""
    from index.store.store import Store, open_client

    lock = None if url else path / "write.lock"
    return Store(open_client(path, url), embedder or FakeEmbedder(), lock=lock)


@pytest.fixture
def store(tmp_path: Path):
    return make_store(tmp_path / "index")


@pytest.fixture
def sample_store(store):
    store.add(read(SAMPLE.name))
    return store


@pytest.fixture
def engine(sample_store):
    from bot.answer.pipeline import Pipeline

    return Pipeline(sample_store)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_port(port: int, proc, what: str, timeout: float = 60.0) -> None:
    """Wait until a started process listens on ``port``; stop it and fail the test otherwise."""
    import os
    import signal
    import socket
    import time

    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            if proc.poll() is not None:
                pytest.fail(f"{what} exited early")
            time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGTERM)
    pytest.fail(f"{what} did not listen within {timeout:.0f} s")
