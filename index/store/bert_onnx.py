"""The packaged BERT encoder written straight from its weights as an ONNX graph of onnxruntime's fused
BERT operators: the graph onnxruntime's BERT optimiser makes of the torch export, node for node (tested
against it), in well under a second and without importing torch or transformers.

Each layer is ``Attention`` (queries, keys and values in one matrix; the padding mask as sequence
lengths) → output projection → ``SkipLayerNormalization`` (bias, residual and layer norm) → intermediate
projection → ``BiasGelu`` → output projection → ``SkipLayerNormalization``, after one
``EmbedLayerNormalization`` (word, position and token-type embeddings and their layer norm). All float32:
no quantisation, the same arithmetic as the optimised export.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

# what the graph assumes of the model; another architecture is exported through torch instead
EXPECTED = {"model_type": "bert", "hidden_act": "gelu", "position_embedding_type": "absolute"}


def build_graph(model_dir: Path) -> Any:
    """The ONNX model (inputs ``input_ids``, ``attention_mask``, ``token_type_ids``, int64 [batch, tokens];
    output ``hidden``, float32 [batch, tokens, hidden]) of the BERT in ``model_dir``; ``ValueError`` when
    the model is not a BERT this graph describes."""
    import numpy as np
    from onnx import TensorProto, helper, numpy_helper
    from safetensors.numpy import load_file

    config = json.loads((model_dir / "config.json").read_text())
    for key, value in EXPECTED.items():
        if config.get(key, value) != value:
            raise ValueError(f"{key} is {config.get(key)!r}, not {value!r}")
    weights = load_file(str(model_dir / "model.safetensors"))
    prefix = "bert." if "bert.embeddings.word_embeddings.weight" in weights else ""
    hidden, heads, eps = config["hidden_size"], config["num_attention_heads"], float(config["layer_norm_eps"])
    layers = config["num_hidden_layers"]

    initializers: list[Any] = []

    def weight(name: str, array: Any = None) -> str:
        value = weights[prefix + name] if array is None else array
        initializers.append(numpy_helper.from_array(np.ascontiguousarray(value, dtype=np.float32), name))
        return name

    def linear(name: str) -> str:  # torch keeps [out, in]; MatMul takes [in, out]
        return weight(f"{name}.weight.T", weights[prefix + f"{name}.weight"].T)

    ms = "com.microsoft"
    nodes = [helper.make_node("Cast", ["input_ids"], ["ids32"], to=TensorProto.INT32),
             helper.make_node("Cast", ["token_type_ids"], ["types32"], to=TensorProto.INT32),
             helper.make_node("Cast", ["attention_mask"], ["mask32"], to=TensorProto.INT32),
             helper.make_node("EmbedLayerNormalization",
                              ["ids32", "types32", weight("embeddings.word_embeddings.weight"),
                               weight("embeddings.position_embeddings.weight"),
                               weight("embeddings.token_type_embeddings.weight"),
                               weight("embeddings.LayerNorm.weight"), weight("embeddings.LayerNorm.bias"),
                               "mask32"], ["x0", "mask_index"], domain=ms, epsilon=eps)]
    for i in range(layers):
        at = f"encoder.layer.{i}"
        qkv = [f"{at}.attention.self.{p}" for p in ("query", "key", "value")]
        qkv_weight = np.concatenate([weights[prefix + f"{p}.weight"].T for p in qkv], axis=1)
        qkv_bias = np.concatenate([weights[prefix + f"{p}.bias"] for p in qkv])
        x, out = f"x{i}", f"x{i + 1}"
        nodes += [
            helper.make_node("Attention", [x, weight(f"{at}.qkv.weight", qkv_weight),
                                           weight(f"{at}.qkv.bias", qkv_bias), "mask_index"],
                             [f"{at}.context"], domain=ms, num_heads=heads),
            helper.make_node("MatMul", [f"{at}.context", linear(f"{at}.attention.output.dense")],
                             [f"{at}.projected"]),
            helper.make_node("SkipLayerNormalization",
                             [f"{at}.projected", x, weight(f"{at}.attention.output.LayerNorm.weight"),
                              weight(f"{at}.attention.output.LayerNorm.bias"),
                              weight(f"{at}.attention.output.dense.bias")],
                             [f"{at}.attended"], domain=ms, epsilon=eps),
            helper.make_node("MatMul", [f"{at}.attended", linear(f"{at}.intermediate.dense")],
                             [f"{at}.widened"]),
            helper.make_node("BiasGelu", [f"{at}.widened", weight(f"{at}.intermediate.dense.bias")],
                             [f"{at}.activated"], domain=ms),
            helper.make_node("MatMul", [f"{at}.activated", linear(f"{at}.output.dense")], [f"{at}.narrowed"]),
            helper.make_node("SkipLayerNormalization",
                             [f"{at}.narrowed", f"{at}.attended", weight(f"{at}.output.LayerNorm.weight"),
                              weight(f"{at}.output.LayerNorm.bias"), weight(f"{at}.output.dense.bias")],
                             ["hidden" if i == layers - 1 else out], domain=ms, epsilon=eps),
        ]
    shape = ["batch", "tokens"]
    inputs = [helper.make_tensor_value_info(n, TensorProto.INT64, shape)
              for n in ("input_ids", "attention_mask", "token_type_ids")]
    output = helper.make_tensor_value_info("hidden", TensorProto.FLOAT, [*shape, hidden])
    graph = helper.make_graph(nodes, "minilm", inputs, [output], initializers)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid(ms, 1)],
                             producer_name="pressbot")
