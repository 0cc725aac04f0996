"""Shared by the answering tests: the six corpus releases indexed together."""

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
