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
    import numpy as np

    from index.store.embed import MiniLM, OnnxQueryEncoder, onnx_file

    model = MiniLM(cache)
    texts = ["Gross loss for the quarter was $2.5 million.", "Where is the company headquartered?"]
    st = np.array(model.embed_documents(texts))  # also exports the ONNX file
    assert st.shape == (2, 384)
    target = onnx_file(cache)
    assert target.exists()
    onnx = np.array(OnnxQueryEncoder(target).embed_documents(texts))
    assert np.allclose(np.sum(st * onnx, axis=1), 1.0, atol=1e-4)


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
