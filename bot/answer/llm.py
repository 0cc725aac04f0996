"""The optional LLM composer: a LangChain chat model rewords the deterministic answer from the
resolved figures and retrieved passages. Its figures are cross-checked like any other."""

from __future__ import annotations

from typing import Any

from bot.answer.result import NOT_STATED, Answer
from index.document import Document
from index.errors import ConfigError
from index.store.chunks import Chunk
from prompts import render


def load_chat_model(spec: Any) -> Any:
    """A chat model from ``provider:model`` (``ollama:llama3.1``) or a model object as it is."""
    if not isinstance(spec, str):
        return spec
    try:
        from langchain.chat_models import init_chat_model

        return init_chat_model(spec)
    except Exception as exc:  # noqa: BLE001 - any failure to build the model is a settings problem
        raise ConfigError(f"PRESSBOT_LLM={spec!r}: cannot load this chat model ({exc}); unset "
                          "PRESSBOT_LLM to use the offline composer") from None


class LLMComposer:
    """Calls the chat model with the draft answer's figures and passages as context."""

    def __init__(self, model: Any) -> None:
        self.model = load_chat_model(model)

    def __call__(self, draft: Answer, doc: Document, hits: list[tuple[Chunk, float]]) -> Answer:
        from langchain_core.messages import HumanMessage, SystemMessage

        context = [f"Draft answer: {draft.text}"]
        context += [f"Figure: {f.label} = {f.value:g} {f.unit}" for f in draft.figures]
        context += [f"Line {c.line}: {c.text}" for c, _ in hits[:4] if c.doc == doc.name]
        messages = [SystemMessage(render("llm_system")),
                    HumanMessage(render("llm_user", question=draft.question, context="\n".join(context)))]
        reply = self.model.invoke(messages)
        text = str(getattr(reply, "content", reply)).strip()
        if not text:
            return draft
        answerable = draft.answerable and not text.startswith(NOT_STATED)
        return Answer(draft.question, text, answerable, list(draft.figures) if answerable else [],
                      draft.citations, draft.doc)
