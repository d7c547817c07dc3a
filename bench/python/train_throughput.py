#!/usr/bin/env python3
"""The intent classifier's training step in plain PyTorch, as a Python user would write it
(nn.Conv1d, nn.Module heads), on the same JSONL data, batches, loss and optimizer as
bench/train_throughput.cpp. Batches are padded to the same length anvil uses (longest + 8).

usage: train_throughput.py DATA.jsonl [--model pointer_cnn|multihead_cnn] [--batch 256]
       [--steps 40] [--warmup 5] [--threads N]   (no --threads: PyTorch's default)
"""
import argparse
import json
import re
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

PAD = 256
NUM = re.compile(rb"(?<![A-Za-z0-9])-(?=\d)\d+|\d+")


def numbers(text, max_numbers=8):
    out = []
    b = text.encode()
    for m in re.finditer(rb"\d+", b):
        begin = m.start()
        if begin > 0 and b[begin - 1:begin] == b"-" and (begin < 2 or not b[begin - 2:begin - 1].isalnum()):
            begin -= 1
        out.append((begin, m.end(), int(b[begin:m.end()])))
        if len(out) == max_numbers:
            break
    return out


def mlp(i, h, o, p):
    return nn.Sequential(nn.Linear(i, h), nn.ReLU(), nn.Dropout(p), nn.Linear(h, o))


class Classifier(nn.Module):
    def __init__(self, n_intents, pointer, dropout=0.1):
        super().__init__()
        self.pointer = pointer
        self.embed = nn.Embedding(261, 64)
        dil = [1, 2, 4] if pointer else [1, 1, 1]
        chans = [64, 64, 128, 256] if not pointer else [64, 64, 128, 256]
        self.convs = nn.ModuleList(nn.Conv1d(chans[i], chans[i + 1], 3, padding=dil[i], dilation=dil[i]) for i in range(3))
        self.norms = nn.ModuleList(nn.BatchNorm1d(chans[i + 1]) if (pointer or i < 2) else nn.Identity() for i in range(3))
        self.intent_head = mlp(256, 128, n_intents, dropout)
        self.count_head = mlp(256, 64, 5, dropout)
        if pointer:
            self.rank = nn.Embedding(8, 16)
            self.scorer = mlp(512 + 16, 128, 4, 0.0)
            self.none = nn.Linear(256, 4)
        else:
            self.values = nn.ModuleList(mlp(256, 128, 256, dropout) for _ in range(4))
            self.signs = nn.ModuleList(nn.Linear(256, 2) for _ in range(4))

    def forward(self, tokens, first, last, mask):
        x = self.embed(tokens).transpose(1, 2)
        for conv, norm in zip(self.convs, self.norms):
            x = F.relu(norm(conv(x)))
        feats = x.transpose(1, 2)
        pooled = feats.masked_fill((tokens == PAD).unsqueeze(-1), 0).amax(1)
        out = [self.intent_head(pooled), self.count_head(pooled)]
        if self.pointer:
            idx = lambda p: p.unsqueeze(-1).expand(-1, -1, feats.shape[2])
            number = (feats.gather(1, idx(first)) + feats.gather(1, idx(last))) * 0.5
            m = number.shape[1]
            ranks = self.rank(torch.arange(m)).unsqueeze(0).expand(tokens.shape[0], -1, -1)
            s = self.scorer(torch.cat([number, pooled.unsqueeze(1).expand(-1, m, -1), ranks], -1)).transpose(1, 2)
            s = s.masked_fill(~mask.unsqueeze(1), -1e9)
            out.append(torch.cat([self.none(pooled).unsqueeze(-1), s], -1))
        else:
            out.append(torch.stack([h(pooled) for h in self.values], 1))
            out.append(torch.stack([h(pooled) for h in self.signs], 1))
        return out


def make_batch(recs, index, pointer):
    longest = max(len(r["text"].encode()) for r in recs)
    length = min(128, longest + 8)
    b = len(recs)
    tokens = torch.full((b, length), PAD, dtype=torch.long)
    first = torch.zeros((b, 8), dtype=torch.long)
    last = torch.zeros((b, 8), dtype=torch.long)
    mask = torch.zeros((b, 8), dtype=torch.bool)
    intent = torch.tensor([index[r["intent"]] for r in recs])
    count = torch.tensor([r["operand_count"] for r in recs])
    bins = torch.tensor([[min(abs(v), 255) for v in r["operands"]] for r in recs])
    signs = torch.tensor([[1 if v < 0 else 0 for v in r["operands"]] for r in recs])
    ptr = torch.zeros((b, 4), dtype=torch.long)
    for i, r in enumerate(recs):
        raw = r["text"].encode()[:128]
        tokens[i, :len(raw)] = torch.tensor(list(raw))
        spans = [s for s in numbers(r["text"]) if s[1] <= 128]
        used = [False] * len(spans)
        for j, (s, e, _) in enumerate(spans):
            first[i, j], last[i, j], mask[i, j] = s, e - 1, True
        for k in range(4):
            if k >= r["operand_count"]:
                continue
            t = -100
            for j, sp in enumerate(spans):
                if not used[j] and sp[2] == r["operands"][k]:
                    used[j], t = True, j + 1
                    break
            ptr[i, k] = t
    return (tokens, first, last, mask), (intent, count, bins, signs, ptr)


def loss_fn(out, tgt, pointer):
    intent, count, bins, signs, ptr = tgt
    loss = F.cross_entropy(out[0], intent) + 0.5 * F.cross_entropy(out[1], count)
    if pointer:
        loss = loss + 0.5 * F.cross_entropy(out[2].reshape(-1, out[2].shape[-1]), ptr.reshape(-1), ignore_index=-100)
    else:
        loss = loss + 0.5 * F.cross_entropy(out[2].reshape(-1, 256), bins.reshape(-1))
        loss = loss + 0.3 * F.cross_entropy(out[3].reshape(-1, 2), signs.reshape(-1))
    return loss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--model", default="pointer_cnn")
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--steps", type=int, default=40)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--threads", type=int, default=None)
    a = ap.parse_args()
    if a.threads:
        torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    recs = [json.loads(l) for l in open(a.data) if l.strip()]
    names = sorted({r["intent"] for r in recs})
    index = {n: i for i, n in enumerate(names)}
    pointer = a.model == "pointer_cnn"
    model = Classifier(len(names), pointer)
    model.train()
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.01)
    n = min(len(recs) // a.batch, a.warmup + a.steps)
    batches = [make_batch(recs[i * a.batch:(i + 1) * a.batch], index, pointer) for i in range(n)]

    def step(b):
        out = model(*b[0])
        loss = loss_fn(out, b[1], pointer)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()

    k = 0
    for _ in range(a.warmup):
        step(batches[k % n]); k += 1
    t0 = time.perf_counter()
    for _ in range(a.steps):
        step(batches[k % n]); k += 1
    s = time.perf_counter() - t0
    print(f"python {a.model} threads={torch.get_num_threads()} batch={a.batch} steps/s={a.steps / s:.3f}")


if __name__ == "__main__":
    main()
