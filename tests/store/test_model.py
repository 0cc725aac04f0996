"""The real packaged model (marked ``model``): sentence-transformers and its ONNX export agree, and the
gold set passes end to end through the CLI with real embeddings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, SAMPLE

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cache")


def test_onnx_export_matches_sentence_transformers(cache: Path) -> None:
    """Chunks and questions are encoded through the ONNX export, in padded batches of mixed lengths; each
    vector equals sentence-transformers' (cosine 0.9999 at least)."""
    import numpy as np

    from index.store.chunks import chunk_document
    from index.store.embed import MiniLM, OnnxEncoder, SentenceTransformerEmbedder, embed_all, onnx_file
    from tests.conftest import read

    model = MiniLM(cache)
    chunks = [c.text for name in (SAMPLE.name, "nvidia_fy2025-q2.html") for c in chunk_document(read(name))]
    chunks = sorted(chunks, key=len)
    texts = chunks[:40] + chunks[-40:] + ["Where is the company headquartered?"]  # 2 to 256 word pieces
    vectors = np.array(embed_all(model, texts))  # exports the ONNX file on first use
    assert vectors.shape == (len(texts), 384)
    assert isinstance(model.encoder(export=False), OnnxEncoder) and onnx_file(cache).exists()
    reference = np.array(SentenceTransformerEmbedder().embed_documents(texts))
    assert np.sum(vectors * reference, axis=1).min() >= 0.9999
    # one batch of the shortest and the longest texts together: padding does not change a vector
    mixed = np.array(OnnxEncoder(onnx_file(cache), batch_size=len(texts)).embed_documents(texts))
    assert np.sum(mixed * reference, axis=1).min() >= 0.9999
    query = np.array(model.embed_query(texts[-1]))
    assert float(query @ reference[-1]) >= 0.9999


def test_graph_built_from_the_weights_is_the_fused_torch_export(tmp_path: Path) -> None:
    """``bert_onnx`` writes, node for node, the graph onnxruntime's optimiser makes of the torch export,
    and it computes the same hidden states on a padded batch."""
    import numpy as np
    import onnx
    import onnxruntime

    from index.store.bert_onnx import build_graph
    from index.store.embed import export_onnx_torch, model_path

    built = build_graph(model_path())
    exported = onnx.load(str(export_onnx_torch(tmp_path / "torch.onnx")))
    assert [n.op_type for n in built.graph.node] == [n.op_type for n in exported.graph.node]
    assert "Attention" in {n.op_type for n in built.graph.node}  # the fused form: the fast one
    onnx.save(built, str(tmp_path / "built.onnx"))
    options = onnxruntime.SessionOptions()
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_DISABLE_ALL
    ids = np.random.default_rng(0).integers(1000, 30000, (3, 40))
    mask = np.ones_like(ids)
    mask[1, 25:] = 0
    mask[2, 3:] = 0
    feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
    outputs = [onnxruntime.InferenceSession(str(tmp_path / f), options, providers=["CPUExecutionProvider"])
               .run(None, feed)[0] for f in ("built.onnx", "torch.onnx")]
    assert np.allclose(outputs[0], outputs[1], atol=1e-5)


def test_gold_set_end_to_end_with_the_real_model(cache: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PRESSBOT_INDEX": str(tmp_path / "index"), "PRESSBOT_CACHE": str(cache),
           "HF_HUB_OFFLINE": "1"}
    env.pop("PRESSBOT_CHROMA_URL", None)
    env.pop("PRESSBOT_LLM", None)
    run = [sys.executable, "-m", "bot.cli"]
    subprocess.run(run + ["index", "add", str(SAMPLE)], env=env, check=True, capture_output=True)
    gold = str(DATA / "eval" / "capstone-q1-fy2008.jsonl")
    done = subprocess.run(run + ["eval", gold, "--fail-under", "100"], env=env, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "accuracy: 42/42" in done.stdout
    ask = subprocess.run(run + ["ask", "--json", "what was gross loss?"], env=env, capture_output=True,
                         text=True, check=True)
    data = json.loads(ask.stdout)
    assert data["figures"][0]["value"] == -2_473_000 and data["figures"][0]["check"] == "verified"
