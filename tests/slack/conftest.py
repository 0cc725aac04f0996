"""Shared by the Slack tests: the index they answer from, the mock Web API, and reading its replies."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SAMPLE, make_store, read
from tests.slack.mock_web_api import MockSlack


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("slack-index")
    make_store(folder).add(read(SAMPLE.name))
    return folder


@pytest.fixture(scope="module")
def mock() -> Any:
    m = MockSlack()
    yield m
    m.close()
