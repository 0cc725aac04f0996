"""Settings: defaults, environment variables, flags, and configuration mistakes that say what to set."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import EmbedderKind, Settings
from index.errors import ConfigError


def test_defaults_without_environment() -> None:
    s = Settings.load()
    assert s.model.embedder == EmbedderKind.MINILM and s.index.chroma_url is None
    assert s.slack.rate == 10 and s.slack.allowed_channels == set() and s.answer.max_question_chars == 2000


def test_environment_then_flags(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PRESSBOT_INDEX", str(tmp_path / "from-env"))
    monkeypatch.setenv("PRESSBOT_EMBEDDER", "hashing")
    monkeypatch.setenv("PRESSBOT_SLACK_CHANNELS", " C1, C2 ,")
    monkeypatch.setenv("PRESSBOT_SLACK_RATE", "3")
    monkeypatch.setenv("SLACK_API_URL", "http://127.0.0.1:9/api/")
    s = Settings.load()
    assert s.index.path == tmp_path / "from-env" and s.model.embedder == EmbedderKind.HASHING
    assert s.slack.allowed_channels == {"C1", "C2"} and s.slack.rate == 3
    assert s.slack.api_url == "http://127.0.0.1:9/api/"
    assert Settings.load(index=str(tmp_path / "flag")).index.path == tmp_path / "flag"


def test_an_unrelated_path_variable_is_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/usr/bin")
    assert Settings.load().index.path != Path("/usr/bin")


def test_empty_variables_are_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESSBOT_SLACK_RATE", "")
    assert Settings.load().slack.rate == 10


@pytest.mark.parametrize(("var", "value"), [("PRESSBOT_SLACK_RATE", "ten"), ("PRESSBOT_SLACK_RATE", "0"),
                                            ("PRESSBOT_EMBEDDER", "bert"), ("PRESSBOT_LOG", "LOUD")])
def test_bad_values_name_the_variable(monkeypatch: pytest.MonkeyPatch, var: str, value: str) -> None:
    monkeypatch.setenv(var, value)
    with pytest.raises(ConfigError) as err:
        Settings.load()
    assert f"{var}={value!r}" in str(err.value) and f"set {var}" in str(err.value)


def test_every_bad_value_is_reported_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESSBOT_SLACK_RATE", "x")
    monkeypatch.setenv("PRESSBOT_EMBEDDER", "y")
    with pytest.raises(ConfigError) as err:
        Settings.load()
    assert "PRESSBOT_SLACK_RATE" in str(err.value) and "PRESSBOT_EMBEDDER" in str(err.value)
