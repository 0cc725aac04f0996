"""Shared by the answering tests: the six corpus releases indexed together, one small release written in
a test indexed alone, the first figure of an answer."""

from __future__ import annotations

import pytest

from bot.answer.pipeline import Pipeline
from tests.conftest import RELEASES, make_store, read


@pytest.fixture(scope="module")
def corpus_engine(tmp_path_factory):
    store = make_store(tmp_path_factory.mktemp("index"))
    for name in RELEASES:
        store.add(read(name))
    return Pipeline(store)


def run_each_alone(tmp_path_factory, sets, release_of) -> dict[str, object]:
    """Each gold set asked of its own release alone (``release_of(stem)`` is the release's path)."""
    from bot.evaluate import load_gold, run_gold
    from index.reader import read_release

    out = {}
    for gold in sets:
        store = make_store(tmp_path_factory.mktemp(gold.stem))
        store.add(read_release(release_of(gold.stem)))
        out[gold.stem] = run_gold(Pipeline(store).ask, load_gold(gold))
    return out


def asker(folder, name: str, text: str):
    """``ask`` over one plain-text release, indexed alone in ``folder``."""
    from index.reader.load import Source
    from index.reader.release import read_source

    store = make_store(folder)
    store.add(read_source(Source(f"{name}.txt", name, "text", text, "0")))
    return Pipeline(store).ask


def first(answer) -> float:
    """The figure that answers the question; a failure shows the answer's text."""
    assert answer.figures, answer.text
    return answer.figures[0].value
