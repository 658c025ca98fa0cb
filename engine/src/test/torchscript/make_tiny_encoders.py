"""Writes the TorchScript test fixtures of TorchScriptEmbeddingModelTest.

Two tiny BERT-shaped encoders with random (seeded) weights, scripted with torch.jit.script so
that any batch size and length up to 64 tokens works:

  tiny-encoder.pt      forward(input_ids, attention_mask, token_type_ids) -> states [B, T, 32]
  tiny-encoder-2in.pt  forward(input_ids, attention_mask) -> (states [B, T, 32], pooled [B, 32])

Word ids are hashed into 512 buckets so that the files stay small while reading any BERT
tokenizer's ids. One self-attention layer honours the attention mask, so padding never changes a
token's state. The vectors mean nothing; the tests check the backend's contract, not quality.

Run from this folder with Debian's python3-torch (1.13), which is how the committed files were
made; PyTorch 2.7 (DJL 0.36) loads them:

  /usr/bin/python3 make_tiny_encoders.py ../resources/torchscript
"""
import math
import sys

import torch
from torch import nn

BUCKETS = 512
DIM = 32
POSITIONS = 64


class TinyEncoder(nn.Module):
    buckets: int
    scale: float

    def __init__(self):
        super().__init__()
        self.buckets = BUCKETS
        self.scale = 1.0 / math.sqrt(DIM)
        self.word = nn.Embedding(BUCKETS, DIM)
        self.position = nn.Embedding(POSITIONS, DIM)
        self.token_type = nn.Embedding(2, DIM)
        self.norm0 = nn.LayerNorm(DIM)
        self.query = nn.Linear(DIM, DIM)
        self.key = nn.Linear(DIM, DIM)
        self.value = nn.Linear(DIM, DIM)
        self.out = nn.Linear(DIM, DIM)
        self.norm1 = nn.LayerNorm(DIM)
        self.up = nn.Linear(DIM, 2 * DIM)
        self.down = nn.Linear(2 * DIM, DIM)
        self.norm2 = nn.LayerNorm(DIM)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                token_type_ids: torch.Tensor) -> torch.Tensor:
        positions = torch.arange(input_ids.size(1), device=input_ids.device).unsqueeze(0)
        h = self.word(input_ids % self.buckets) + self.position(positions) + self.token_type(token_type_ids)
        h = self.norm0(h)
        scores = torch.matmul(self.query(h), self.key(h).transpose(1, 2)) * self.scale
        padding = attention_mask.unsqueeze(1) == 0
        scores = scores.masked_fill(padding, -1e4)
        attended = torch.matmul(torch.softmax(scores, dim=-1), self.value(h))
        h = self.norm1(h + self.out(attended))
        h = self.norm2(h + self.down(torch.nn.functional.gelu(self.up(h))))
        return h


class TwoInputs(nn.Module):
    """The same encoder behind (input_ids, attention_mask), returning a tuple like HF models."""

    def __init__(self, encoder: TinyEncoder):
        super().__init__()
        self.encoder = encoder

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor):
        states = self.encoder(input_ids, attention_mask, torch.zeros_like(input_ids))
        return states, states[:, 0]


def main(out: str) -> None:
    torch.manual_seed(20260101)
    encoder = TinyEncoder().eval()
    torch.jit.script(encoder).save(out + "/tiny-encoder.pt")
    torch.jit.script(TwoInputs(encoder).eval()).save(out + "/tiny-encoder-2in.pt")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
