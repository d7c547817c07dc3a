#!/usr/bin/env python3
"""Independent reference for anvil's Llama decoder, written from the Hugging Face Llama
formulas (modeling_llama: RMSNorm in float32, rotate_half RoPE, repeat_kv GQA, SwiGLU) with plain
PyTorch ops.

usage: reference_llama.py MODEL_DIR CASE.safetensors [bf16]
CASE holds input_ids, labels, anvil's logits and loss, and anvil's gradients as "grad.<name>".
Checks logits (max abs <= 1e-4), loss and every gradient (max abs diff / max abs <= 1e-5).
With bf16: the weights are cast to bfloat16 first (as transformers loads a model with
torch_dtype=torch.bfloat16) and the logits and loss are checked at bfloat16's precision
(max abs diff <= 2% of the largest logit, loss within 1%); the frozen base has no gradients.
"""
import json
import math
import struct
import sys

import torch
import torch.nn.functional as F

DTYPES = {"F32": torch.float32, "I64": torch.int64, "BOOL": torch.bool}


def load_safetensors(path):
    raw = open(path, "rb").read()
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    data = raw[8 + n:]
    header.pop("__metadata__", None)
    out = {}
    for name, info in header.items():
        b, e = info["data_offsets"]
        out[name] = torch.frombuffer(bytearray(data[b:e]), dtype=DTYPES[info["dtype"]]).reshape(info["shape"]).clone()
    return out


def rms_norm(x, w, eps):
    h = x.float()
    h = h * torch.rsqrt(h.pow(2).mean(-1, keepdim=True) + eps)
    return w * h.to(x.dtype)


def rotate_half(x):
    x1, x2 = x[..., : x.shape[-1] // 2], x[..., x.shape[-1] // 2:]
    return torch.cat((-x2, x1), dim=-1)


def forward(w, cfg, ids):
    b, t = ids.shape
    d, h = cfg["hidden_size"], cfg["num_attention_heads"]
    kvh = cfg.get("num_key_value_heads", h)
    dh = d // h
    eps = cfg["rms_norm_eps"]
    inv_freq = 1.0 / (cfg["rope_theta"] ** (torch.arange(0, dh, 2, dtype=torch.int64).float() / dh))
    pos = torch.arange(t).float()
    freqs = torch.outer(pos, inv_freq)
    emb = torch.cat((freqs, freqs), dim=-1)
    cos, sin = emb.cos()[None, None], emb.sin()[None, None]
    causal = torch.full((t, t), float("-inf")).triu(1)
    x = w["model.embed_tokens.weight"][ids]
    cos, sin = cos.to(x.dtype), sin.to(x.dtype)  # as transformers' rotary embedding returns them
    bias = cfg.get("attention_bias", False)
    for i in range(cfg["num_hidden_layers"]):
        p = f"model.layers.{i}."
        r = rms_norm(x, w[p + "input_layernorm.weight"], eps)
        lin = lambda n: F.linear(r, w[p + f"self_attn.{n}.weight"], w.get(p + f"self_attn.{n}.bias") if bias else None)
        q = lin("q_proj").view(b, t, h, dh).transpose(1, 2)
        k = lin("k_proj").view(b, t, kvh, dh).transpose(1, 2)
        v = lin("v_proj").view(b, t, kvh, dh).transpose(1, 2)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        k = k[:, :, None].expand(b, kvh, h // kvh, t, dh).reshape(b, h, t, dh)  # repeat_kv
        v = v[:, :, None].expand(b, kvh, h // kvh, t, dh).reshape(b, h, t, dh)
        att = torch.softmax(q @ k.transpose(2, 3) / math.sqrt(dh) + causal, dim=-1, dtype=torch.float32).to(q.dtype)
        o = (att @ v).transpose(1, 2).reshape(b, t, d)
        x = x + F.linear(o, w[p + "self_attn.o_proj.weight"])
        r = rms_norm(x, w[p + "post_attention_layernorm.weight"], eps)
        m = F.silu(F.linear(r, w[p + "mlp.gate_proj.weight"])) * F.linear(r, w[p + "mlp.up_proj.weight"])
        x = x + F.linear(m, w[p + "mlp.down_proj.weight"])
    x = rms_norm(x, w["model.norm.weight"], eps)
    head = w["model.embed_tokens.weight"] if cfg.get("tie_word_embeddings") else w["lm_head.weight"]
    return F.linear(x, head)


def check_bf16(w, cfg, case):
    logits = forward(w, cfg, case["input_ids"]).float()
    labels = case["labels"]
    loss = F.cross_entropy(logits[:, :-1].reshape(-1, logits.shape[-1]), labels[:, 1:].reshape(-1), ignore_index=-100)
    d = (logits - case["logits"]).abs().max().item()
    scale = logits.abs().max().item()
    print(f"bf16 logits max abs diff {d:.3g} (largest logit {scale:.3g})")
    rel = abs(loss.item() - case["loss"].item()) / abs(loss.item())
    print(f"bf16 loss {loss.item():.6f} vs {case['loss'].item():.6f} rel diff {rel:.3g}")
    return 0 if d <= 0.02 * scale and rel <= 0.01 else 1


def main():
    model_dir, case_path = sys.argv[1], sys.argv[2]
    cfg = json.load(open(model_dir + "/config.json"))
    w = load_safetensors(model_dir + "/model.safetensors")
    case = load_safetensors(case_path)
    if len(sys.argv) > 3 and sys.argv[3] == "bf16":
        sys.exit(check_bf16({k: t.to(torch.bfloat16) for k, t in w.items()}, cfg, case))
    for t in w.values():
        t.requires_grad_(True)
    logits = forward(w, cfg, case["input_ids"])
    labels = case["labels"]
    loss = F.cross_entropy(logits[:, :-1].reshape(-1, logits.shape[-1]), labels[:, 1:].reshape(-1), ignore_index=-100)
    loss.backward()
    ok = True
    d = (logits.detach() - case["logits"]).abs().max().item()
    print(f"logits max abs diff {d:.3g}")
    ok &= d <= 1e-4
    rel = abs(loss.item() - case["loss"].item()) / abs(loss.item())
    print(f"loss {loss.item():.6f} vs {case['loss'].item():.6f} rel diff {rel:.3g}")
    ok &= rel <= 1e-5
    worst = 0.0
    for name, t in w.items():
        g = case.get("grad." + name)
        if g is None:
            print(f"missing gradient for {name}")
            ok = False
            continue
        scale = t.grad.abs().max().item() or 1.0
        r = (t.grad - g).abs().max().item() / scale
        worst = max(worst, r)
        if r > 1e-5:
            print(f"gradient {name}: relative diff {r:.3g}")
            ok = False
    print(f"gradients: {len(w)} tensors, worst relative diff {worst:.3g}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
