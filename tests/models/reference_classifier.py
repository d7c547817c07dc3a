#!/usr/bin/env python3
"""Independent reference for anvil's intent classifiers, written from the architecture
description with PyTorch's functional API (Conv1d, not anvil's Conv2d-1xk channels-last path).

usage: reference_classifier.py MODEL.safetensors INPUTS.safetensors OUTPUTS.safetensors
Reads the model weights and metadata, the inputs anvil used and anvil's outputs, recomputes the
outputs, prints the max abs difference per output and exits 1 if any exceeds 1e-4.
"""
import json
import struct
import sys

import torch
import torch.nn.functional as F

DTYPES = {"F32": torch.float32, "F64": torch.float64, "I64": torch.int64, "I32": torch.int32,
          "U8": torch.uint8, "BOOL": torch.bool}


def load_safetensors(path):
    raw = open(path, "rb").read()
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    data = raw[8 + n:]
    meta = header.pop("__metadata__", {})
    tensors = {}
    for name, info in header.items():
        begin, end = info["data_offsets"]
        buf = bytearray(data[begin:end])
        dtype = DTYPES[info["dtype"]]
        t = torch.frombuffer(buf, dtype=dtype) if buf else torch.empty(0, dtype=dtype)
        tensors[name] = t.reshape(info["shape"])
    return tensors, meta


def conv_encoder(w, tokens, dilations, norms):
    x = F.embedding(tokens, w["encoder.embed.weight"]).transpose(1, 2)  # [B, E, L]
    for i, d in enumerate(dilations):
        weight = w[f"encoder.conv{i}.weight"].squeeze(2)  # [out, in, 1, 3] -> [out, in, 3]
        x = F.conv1d(x, weight, w[f"encoder.conv{i}.bias"], padding=d, dilation=d)
        if norms[i]:
            p = f"encoder.norm{i}."
            x = F.batch_norm(x, w[p + "running_mean"], w[p + "running_var"], w[p + "weight"],
                             w[p + "bias"], training=False, eps=1e-5)
        x = F.relu(x)
    return x.transpose(1, 2)  # [B, L, C]


def mlp(w, prefix, x):
    x = F.relu(F.linear(x, w[prefix + ".0.weight"], w[prefix + ".0.bias"]))
    return F.linear(x, w[prefix + ".3.weight"], w[prefix + ".3.bias"])


def forward(w, cfg, inp):
    tokens = inp["tokens"]
    pointer = cfg["type"] == "pointer_cnn"
    feats = conv_encoder(w, tokens, [1, 2, 4] if pointer else [1, 1, 1],
                         [True, True, True] if pointer else [True, True, False])
    real = (tokens != 256).unsqueeze(-1)
    pooled = feats.masked_fill(~real, 0.0).amax(1)
    out = {"intent_logits": mlp(w, "intent_head", pooled), "count_logits": mlp(w, "count_head", pooled)}
    if pointer:
        def gather(pos):
            return torch.stack([feats[b, pos[b]] for b in range(feats.shape[0])])
        number = (gather(inp["number_first"]) + gather(inp["number_last"])) * 0.5
        m = number.shape[1]
        ranks = F.embedding(torch.arange(m), w["rank_embed.weight"]).unsqueeze(0).expand(tokens.shape[0], -1, -1)
        scorer_in = torch.cat([number, pooled.unsqueeze(1).expand(-1, m, -1), ranks], -1)
        scores = mlp(w, "slot_scorer", scorer_in).transpose(1, 2)
        scores = scores.masked_fill(~inp["number_mask"].unsqueeze(1), -1e9)
        none = F.linear(pooled, w["none_head.weight"], w["none_head.bias"]).unsqueeze(-1)
        out["operand_logits"] = torch.cat([none, scores], -1)
    else:
        out["operand_logits"] = torch.stack([mlp(w, f"value_head{k}", pooled) for k in range(4)], 1)
        out["sign_logits"] = torch.stack(
            [F.linear(pooled, w[f"sign_head{k}.weight"], w[f"sign_head{k}.bias"]) for k in range(4)], 1)
    return out


def main():
    weights, meta = load_safetensors(sys.argv[1])
    inputs, _ = load_safetensors(sys.argv[2])
    expected, _ = load_safetensors(sys.argv[3])
    cfg = json.loads(meta["anvil.model"])
    with torch.no_grad():
        got = forward(weights, cfg, inputs)
    worst = 0.0
    for name, value in expected.items():
        diff = (got[name] - value).abs().max().item()
        print(f"{name}: max abs diff {diff:.3g}")
        worst = max(worst, diff)
    sys.exit(0 if worst <= 1e-4 else 1)


if __name__ == "__main__":
    main()
