"""One settings object, with nested sections, read from flags and environment variables.

Secrets (API keys for an optional LLM, Slack tokens) are never settings: they come only from the
environment, read where they are used.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_cache_dir, user_data_dir
from pydantic import BaseModel, Field


class IndexSettings(BaseModel):
    """Where the index lives."""

    path: Path = Field(default_factory=lambda: Path(user_data_dir("pressbot")),
                       description="Folder of the embedded Chroma index (PRESSBOT_INDEX, --index).")
    chroma_url: str | None = Field(None, description="http://host:port of a Chroma server "
                                   "(PRESSBOT_CHROMA_URL); when set, the folder is not used.")
    collection: str = Field("pressbot", description="Prefix of the Chroma collections.")


class ModelSettings(BaseModel):
    """The embedding model."""

    embedder: str = Field("minilm", description="'minilm' (the packaged all-MiniLM-L6-v2), or 'hashing' "
                          "(no model: lexical retrieval only, for tests) (PRESSBOT_EMBEDDER).")
    device: str = Field("cpu", description="Torch device for sentence-transformers.")
    batch_size: int = Field(32, description="Chunks embedded per batch when indexing.")
    onnx_cache: Path = Field(default_factory=lambda: Path(user_cache_dir("pressbot")),
                             description="Folder for the ONNX export of the same model, used to "
                             "encode questions without importing torch (PRESSBOT_CACHE).")
    onnx: bool = Field(True, description="Encode questions with the ONNX export when present.")


class RetrievalSettings(BaseModel):
    """Hybrid retrieval: dense (Chroma) and BM25, fused by reciprocal rank."""

    k_dense: int = Field(12, description="Chunks taken from the dense search.")
    k_bm25: int = Field(12, description="Chunks taken from BM25.")
    rrf_k: int = Field(60, description="Reciprocal-rank-fusion constant.")


class AnswerSettings(BaseModel):
    """Answering."""

    llm: str | None = Field(None, description="A LangChain chat model such as 'ollama:llama3.1' "
                            "(PRESSBOT_LLM); unset, the deterministic offline composer writes answers.")
    max_question_chars: int = Field(2000, description="Longer questions are refused.")


class Settings(BaseModel):
    """All of pressbot's settings."""

    index: IndexSettings = Field(default_factory=lambda: IndexSettings())
    model: ModelSettings = Field(default_factory=lambda: ModelSettings())
    retrieval: RetrievalSettings = Field(default_factory=lambda: RetrievalSettings())
    answer: AnswerSettings = Field(default_factory=lambda: AnswerSettings())

    @classmethod
    def load(cls, index: str | None = None, environ: dict[str, str] | None = None) -> Settings:
        """Defaults, then environment variables, then flags."""
        env = os.environ if environ is None else environ
        s = cls()
        if env.get("PRESSBOT_INDEX"):
            s.index.path = Path(env["PRESSBOT_INDEX"]).expanduser()
        if env.get("PRESSBOT_CHROMA_URL"):
            s.index.chroma_url = env["PRESSBOT_CHROMA_URL"]
        if env.get("PRESSBOT_CACHE"):
            s.model.onnx_cache = Path(env["PRESSBOT_CACHE"]).expanduser()
        if env.get("PRESSBOT_EMBEDDER"):
            s.model.embedder = env["PRESSBOT_EMBEDDER"]
        if env.get("PRESSBOT_LLM"):
            s.answer.llm = env["PRESSBOT_LLM"]
        if index:
            s.index.path = Path(index).expanduser()
        return s
