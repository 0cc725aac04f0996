"""Building the pieces from settings: the store, the embedder, the engine (nothing at import time)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.settings import EmbedderKind, Settings

SAMPLE = Path(__file__).resolve().parent.parent / "index" / "data" / "capstone-turbine-q1-fy2008.txt"


def build_store(settings: Settings, embedder: Any = None) -> Any:
    """The Chroma-backed store named by the settings."""
    from index.store.embed import HashingEmbedder, MiniLM
    from index.store.store import Store, open_client

    m = settings.model
    if embedder is None:
        if m.embedder == EmbedderKind.HASHING:
            embedder = HashingEmbedder()
        else:
            embedder = MiniLM(m.onnx_cache, m.device, m.batch_size, m.onnx)
    client = open_client(settings.index.path, settings.index.chroma_url)
    lock = None if settings.index.chroma_url else settings.index.path / "write.lock"
    return Store(client, embedder, settings.index.collection, lock)


def build_engine(settings: Settings, store: Any = None, chat_model: Any = None) -> Any:
    """The answering engine, with the LLM composer when ``PRESSBOT_LLM`` names a model."""
    from bot.answer.pipeline import Pipeline, Retriever

    store = store or build_store(settings)
    r = settings.retrieval
    composer = None
    if chat_model is not None or settings.answer.llm:
        from bot.answer.llm import LLMComposer

        composer = LLMComposer(chat_model or settings.answer.llm)
    return Pipeline(store, Retriever(store, r.k_dense, r.k_bm25, r.rrf_k), composer,
                    settings.answer.max_question_chars)
