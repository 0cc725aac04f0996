"""The optional LLM composer, with a fake chat model: its figures are cross-checked, an invented one
is never passed off as verified."""

from __future__ import annotations

from langchain_core.language_models.fake_chat_models import FakeListChatModel

from bot.answer.pipeline import Pipeline


def engine_with(sample_store, reply: str) -> Pipeline:
    from bot.answer.llm import LLMComposer

    return Pipeline(sample_store, composer=LLMComposer(FakeListChatModel(responses=[reply])))


def test_llm_answer_keeps_checked_figures(sample_store) -> None:
    e = engine_with(sample_store, "Gross loss was $2.5 million in the first quarter, 44% of revenue.")
    a = e.ask("what was gross loss?")
    assert a.text.startswith("Gross loss was $2.5 million")
    assert a.figures[0].value == -2_473_000 and a.figures[0].check == "verified"
    assert all(f.check == "verified" for f in a.figures)


def test_invented_figure_is_flagged(sample_store) -> None:
    e = engine_with(sample_store, "Gross loss was $2.5 million, and revenue was $9.9 million.")
    a = e.ask("what was gross loss?")
    invented = [f for f in a.figures if f.label == "stated: $9.9 million"]
    assert invented and invented[0].check in ("contradicted", "unverifiable")
    assert invented[0].check != "verified"


def test_llm_saying_not_stated_is_not_answerable(sample_store) -> None:
    e = engine_with(sample_store, "The release does not say.")
    a = e.ask("what was gross loss?")
    assert not a.answerable and a.figures == []


def test_prompts_check_their_placeholders(tmp_path) -> None:
    import pytest

    import prompts
    from index.errors import ConfigError

    (tmp_path / "value.txt").write_text("{label} was {nonsense}")
    with pytest.raises(ConfigError, match="unknown placeholders: nonsense"):
        prompts.template("value", str(tmp_path))
    prompts.check_all()
