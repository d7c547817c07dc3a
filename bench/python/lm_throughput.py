#!/usr/bin/env python3
"""The Llama-style decoder's training step in plain PyTorch (as a Python user writes it with
torch.nn modules), same shapes, loss, AdamW and clipping as bench/lm_throughput.cpp.

usage: lm_throughput.py [--hidden 256] [--layers 4] [--heads 4] [--kv-heads 2] [--ffn 688]
       [--vocab 2048] [--batch 8] [--seq 256] [--steps 10] [--warmup 2] [--threads N]
       [--bf16 0|1]  (torch.autocast bfloat16 forward, fp32 weights and optimizer, as anvil's)
"""
import argparse
import math
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class RMSNorm(nn.Module):
    def __init__(self, d, eps=1e-5):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(d))
        self.eps = eps

    def forward(self, x):
        h = x.float()
        return self.weight * (h * torch.rsqrt(h.pow(2).mean(-1, keepdim=True) + self.eps)).to(x.dtype)


def rotate_half(x):
    a, b = x.chunk(2, dim=-1)
    return torch.cat((-b, a), dim=-1)


class Block(nn.Module):
    def __init__(self, d, h, kvh, ffn):
        super().__init__()
        self.h, self.kvh, self.dh = h, kvh, d // h
        self.q = nn.Linear(d, d, bias=False)
        self.k = nn.Linear(d, kvh * self.dh, bias=False)
        self.v = nn.Linear(d, kvh * self.dh, bias=False)
        self.o = nn.Linear(d, d, bias=False)
        self.gate = nn.Linear(d, ffn, bias=False)
        self.up = nn.Linear(d, ffn, bias=False)
        self.down = nn.Linear(ffn, d, bias=False)
        self.n1, self.n2 = RMSNorm(d), RMSNorm(d)

    def forward(self, x, cos, sin, mask):
        b, t, d = x.shape
        r = self.n1(x)
        q = self.q(r).view(b, t, self.h, self.dh).transpose(1, 2)
        k = self.k(r).view(b, t, self.kvh, self.dh).transpose(1, 2)
        v = self.v(r).view(b, t, self.kvh, self.dh).transpose(1, 2)
        q, k = q * cos + rotate_half(q) * sin, k * cos + rotate_half(k) * sin
        k = k.repeat_interleave(self.h // self.kvh, 1)
        v = v.repeat_interleave(self.h // self.kvh, 1)
        att = torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(self.dh) + mask, -1)
        x = x + self.o((att @ v).transpose(1, 2).reshape(b, t, d))
        r = self.n2(x)
        return x + self.down(F.silu(self.gate(r)) * self.up(r))


class Llama(nn.Module):
    def __init__(self, vocab, d, layers, h, kvh, ffn):
        super().__init__()
        self.emb = nn.Embedding(vocab, d)
        self.blocks = nn.ModuleList(Block(d, h, kvh, ffn) for _ in range(layers))
        self.norm = RMSNorm(d)
        dh = d // h
        self.register_buffer("inv_freq", 1.0 / (10000.0 ** (torch.arange(0, dh, 2).float() / dh)))

    def forward(self, ids):
        t = ids.shape[1]
        freqs = torch.outer(torch.arange(t).float(), self.inv_freq)
        emb = torch.cat((freqs, freqs), -1)
        cos, sin = emb.cos()[None, None], emb.sin()[None, None]
        mask = torch.full((t, t), float("-inf")).triu(1)
        x = self.emb(ids)
        for blk in self.blocks:
            x = blk(x, cos, sin, mask)
        return F.linear(self.norm(x), self.emb.weight)


def main():
    ap = argparse.ArgumentParser()
    for k, v in [("hidden", 256), ("layers", 4), ("heads", 4), ("kv-heads", 2), ("ffn", 688), ("vocab", 2048),
                 ("batch", 8), ("seq", 256), ("steps", 10), ("warmup", 2), ("bf16", 0)]:
        ap.add_argument("--" + k, type=int, default=v)
    ap.add_argument("--threads", type=int, default=None)
    a = ap.parse_args()
    if a.threads:
        torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    m = Llama(a.vocab, a.hidden, a.layers, a.heads, a.kv_heads, a.ffn)
    opt = torch.optim.AdamW(m.parameters(), lr=1e-3, weight_decay=0.1)
    ids = torch.randint(0, a.vocab, (a.batch, a.seq))

    def step():
        opt.zero_grad()
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bool(a.bf16)):
            logits = m(ids)
        logits = logits.float()
        loss = F.cross_entropy(logits[:, :-1].reshape(-1, a.vocab), ids[:, 1:].reshape(-1))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(m.parameters(), 1.0)
        opt.step()

    for _ in range(a.warmup):
        step()
    t0 = time.perf_counter()
    for _ in range(a.steps):
        step()
    s = time.perf_counter() - t0
    n = sum(p.numel() for p in m.parameters())
    print(f"python llama params={n} threads={torch.get_num_threads()} batch={a.batch} seq={a.seq} "
          f"precision={'bf16' if a.bf16 else 'fp32'} "
          f"train tokens/s={a.steps * a.batch * a.seq / s:.0f} steps/s={a.steps / s:.3f}")


if __name__ == "__main__":
    main()
