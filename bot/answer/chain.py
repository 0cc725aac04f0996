"""The retrieval chain as a LangChain runnable: understand the question, scope it to releases,
retrieve (dense + BM25, fused), resolve and compose, cross-check and cite. Built per engine, never at
import time."""

from __future__ import annotations

from typing import Any

from bot.answer.question import parse_question


def build_chain(engine: Any) -> Any:
    """``{"question", "doc", "conversation"}`` → ``{"answer", "query"}``."""
    from langchain_core.runnables import RunnableLambda

    def understand(x: dict[str, Any]) -> dict[str, Any]:
        text = engine.validate(x["question"])
        conversation = x.get("conversation")
        previous = conversation.last if conversation else None
        return {**x, "text": text, "query": parse_question(text).with_context(previous)}

    def scope(x: dict[str, Any]) -> dict[str, Any]:
        return {**x, "names": engine.scope(x["text"], x.get("doc"), x.get("conversation"))}

    def retrieve(x: dict[str, Any]) -> dict[str, Any]:
        return {**x, "hits": engine.retriever.retrieve(x["text"], x["names"])}

    def answer(x: dict[str, Any]) -> dict[str, Any]:
        result = engine.resolve(x["query"], x["names"], x["hits"])
        if len(engine.store.catalog()) > 1 and result.doc:
            company = engine.store.document(result.doc).metadata.company or result.doc
            result.text = f"{company}: {result.text}"
        return {"answer": result, "query": x["query"]}

    return (RunnableLambda(understand, name="understand") | RunnableLambda(scope, name="scope")
            | RunnableLambda(retrieve, name="retrieve") | RunnableLambda(answer, name="answer"))
