#!/usr/bin/env python3
"""External readers of anvil's files, on a machine that has them (bench/gpu/run.sh runs this).

Each check is independent (one failing or missing package never stops the others) and compares
what another implementation computes from anvil's files with what anvil itself computed on the
same inputs (bench/gpu/prepare.sh wrote both, on the CPU, into one folder with a manifest.json):

  hf_llama, hf_qwen2  transformers AutoModelForCausalLM.from_pretrained on `anvil export hf`
                      folders (Llama; Qwen2 with q/k/v biases): logits on fixed ids vs anvil's
  peft_lora           peft PeftModel.from_pretrained(base, adapter) on an adapter `anvil train`
                      wrote (lora.enabled): logits vs anvil's base+adapter
  tensorboard         tensorboard's EventAccumulator on the event file of a short `anvil train`
                      run: every scalar equals the run store's (SQLite) metric at the same step
  onnx_lm, onnx_intent
                      onnxruntime on `anvil export onnx` files (a language model with a
                      left-padded batch, the intent classifier): every output vs anvil's

Usage: check_files.py DIR [--out checks.json]. Results: a JSON object per check (status pass |
fail | error | skip, the measured differences, versions, seconds) and one log line per step.
Exit status 0 when no check failed or errored (skips do not count).
"""
import argparse
import json
import math
import os
import sqlite3
import sys
import time
import traceback

LOGIT_TOLERANCE = 1e-4  # max |other - anvil| on float32 logits
ONNX_TOLERANCE = 1e-4
SCALAR_TOLERANCE = 1e-6  # relative, TensorBoard stores float32

# Never reach for the network (the GPU machine has none: a hub lookup would only time out).
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


def log(message):
    print(f"[check_files {time.strftime('%H:%M:%S')}] {message}", flush=True)


class Skip(Exception):
    """The check cannot run here (a package is missing): reported, not a failure."""


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def version_of(module_name):
    try:
        module = __import__(module_name)
        return getattr(module, "__version__", "?")
    except Exception as e:  # noqa: BLE001 - any import problem is just "absent"
        return f"absent ({type(e).__name__}: {e})"


# ---- arrays without numpy (numpy is used when present, for speed) -------------------------------

def flat(tensor_json):
    return tensor_json["data"], tensor_json["dims"]


def max_abs_diff(values, expected):
    """Largest |a - b| over two flat sequences of numbers, and the largest |b|."""
    if len(values) != len(expected):
        raise ValueError(f"{len(values)} values, expected {len(expected)}")
    try:
        import numpy as np
        a = np.asarray(values, dtype=np.float64)
        b = np.asarray(expected, dtype=np.float64)
        if a.size == 0:
            return 0.0, 0.0
        return float(np.max(np.abs(a - b))), float(np.max(np.abs(b)))
    except ImportError:
        worst = max((abs(float(x) - float(y)) for x, y in zip(values, expected)), default=0.0)
        return worst, max((abs(float(y)) for y in expected), default=0.0)


def torch_flat(tensor):
    return tensor.detach().to("cpu").float().contiguous().reshape(-1).tolist()


# ---- transformers / peft ------------------------------------------------------------------------

def from_pretrained(cls, path, torch):
    """cls.from_pretrained in float32 on the CPU, eager attention; transformers 4.x says
    torch_dtype, 5.x dtype (4.56+ accept both)."""
    kwargs = {"attn_implementation": "eager"}
    last = None
    for dtype_key in ("dtype", "torch_dtype"):
        for extra in (kwargs, {}):
            try:
                return cls.from_pretrained(path, **{dtype_key: torch.float32}, **extra)
            except TypeError as e:  # an unknown keyword in this version
                last = e
    raise last


def hf_logits(model, ids_json, torch):
    data, dims = flat(ids_json)
    ids = torch.tensor(data, dtype=torch.long).reshape(dims)
    with torch.no_grad():
        out = model(input_ids=ids, attention_mask=torch.ones_like(ids))
    return out.logits


def compare_logits(name, logits, expected_json, result):
    data, dims = flat(expected_json)
    result["shape"] = list(logits.shape)
    if list(logits.shape) != list(dims):
        raise AssertionError(f"logits shape {list(logits.shape)}, anvil's {dims}")
    diff, scale = max_abs_diff(torch_flat(logits), data)
    result["max_abs_diff"] = diff
    result["max_abs_logit"] = scale
    result["tolerance"] = LOGIT_TOLERANCE
    log(f"{name}: logits {list(logits.shape)}, max |other - anvil| = {diff:.3g} "
        f"(largest |logit| {scale:.3g}, tolerance {LOGIT_TOLERANCE})")
    if not diff <= LOGIT_TOLERANCE:
        raise AssertionError(f"max abs logit difference {diff:.3g} > {LOGIT_TOLERANCE}")


def check_hf(root, manifest, key, result):
    try:
        import torch
        import transformers
    except ImportError as e:
        raise Skip(f"transformers/torch not importable: {e}")
    entry = manifest[key]
    result["transformers"] = transformers.__version__
    result["torch"] = torch.__version__
    path = os.path.join(root, entry["hf_dir"])
    config = load_json(os.path.join(path, "config.json"))
    result["architectures"] = config.get("architectures")
    model = from_pretrained(transformers.AutoModelForCausalLM, path, torch).eval()
    result["loaded_class"] = type(model).__name__
    log(f"{key}: loaded {path} as {type(model).__name__} "
        f"({sum(p.numel() for p in model.parameters())} parameters)")
    expected = load_json(os.path.join(root, entry["logits"]))
    compare_logits(key, hf_logits(model, expected["plain"]["input_ids"], torch),
                   expected["plain"]["logits"], result)


def check_peft(root, manifest, result):
    try:
        import torch
        import transformers
        import peft
    except ImportError as e:
        raise Skip(f"peft/transformers not importable: {e}")
    entry = manifest["peft_lora"]
    result["peft"] = peft.__version__
    result["transformers"] = transformers.__version__
    base_dir = os.path.join(root, entry["base_hf_dir"])
    adapter_dir = os.path.join(root, entry["adapter_dir"])
    result["adapter_config"] = load_json(os.path.join(adapter_dir, "adapter_config.json"))
    base = from_pretrained(transformers.AutoModelForCausalLM, base_dir, torch).eval()
    expected = load_json(os.path.join(root, entry["logits"]))
    base_expected = load_json(os.path.join(root, entry["base_logits"]))
    ids = expected["plain"]["input_ids"]
    if ids != base_expected["plain"]["input_ids"]:
        raise AssertionError("the adapter's and the base's reference ids differ")
    # The adapter must matter, or the comparison proves nothing.
    effect, _ = max_abs_diff(expected["plain"]["logits"]["data"],
                             base_expected["plain"]["logits"]["data"])
    result["adapter_effect_in_anvil"] = effect
    model = peft.PeftModel.from_pretrained(base, adapter_dir).eval()
    lora_a = [n for n, _ in model.named_parameters() if "lora_A" in n]
    result["lora_modules"] = len(lora_a)
    log(f"peft_lora: {len(lora_a)} LoRA A matrices loaded from {adapter_dir}; the adapter moves "
        f"anvil's logits by up to {effect:.3g}")
    if effect < 1e-3:
        raise AssertionError(f"the adapter changes anvil's logits by only {effect:.3g}")
    compare_logits("peft_lora", hf_logits(model, ids, torch), expected["plain"]["logits"], result)


# ---- TensorBoard --------------------------------------------------------------------------------

def store_metrics(root, entry):
    """{(key, step): [values]} from the run store (or its JSON dump written by prepare.sh)."""
    metrics = {}
    db = os.path.join(root, entry["sqlite"]) if entry.get("sqlite") else None
    if db and os.path.exists(db):
        con = sqlite3.connect(f"file:{db}?immutable=1", uri=True)  # read-only medium, no locks
        try:
            rows = con.execute("select key, step, value from metrics where run_id = "
                               "(select max(id) from runs) order by key, step").fetchall()
        finally:
            con.close()
    else:
        rows = [(m["key"], m["step"], m["value"]) for m in load_json(os.path.join(root, entry["metrics_json"]))]
    for key, step, value in rows:
        metrics.setdefault((key, int(step)), []).append(float("nan") if value is None else value)
    return metrics


def tensorboard_scalars(path):
    """{(tag, step): value} from an event file through tensorboard's own reader."""
    from tensorboard.backend.event_processing import event_accumulator
    acc = event_accumulator.EventAccumulator(
        path, size_guidance={event_accumulator.SCALARS: 0, event_accumulator.TENSORS: 0})
    acc.Reload()
    tags = acc.Tags()
    scalars = {}
    for tag in tags.get("scalars", []):
        for ev in acc.Scalars(tag):
            scalars[(tag, int(ev.step))] = float(ev.value)
    for tag in tags.get("tensors", []):  # scalars written in the tensor form, if any
        try:
            from tensorboard.util import tensor_util
            for ev in acc.Tensors(tag):
                value = tensor_util.make_ndarray(ev.tensor_proto)
                if value.size == 1:
                    scalars.setdefault((tag, int(ev.step)), float(value.reshape(-1)[0]))
        except Exception:  # noqa: BLE001 - text summaries are tensors too
            pass
    return scalars, tags


def same_float32(a, b):
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return abs(a - b) <= SCALAR_TOLERANCE * max(1.0, abs(b))


def check_tensorboard(root, manifest, result):
    try:
        import tensorboard
        from tensorboard.backend.event_processing import event_accumulator  # noqa: F401
    except ImportError as e:
        raise Skip(f"tensorboard not importable: {e}")
    entry = manifest["tensorboard"]
    result["tensorboard"] = tensorboard.__version__
    path = os.path.join(root, entry["event_file"])
    scalars, tags = tensorboard_scalars(path)
    result["tags"] = {k: len(v) for k, v in tags.items() if isinstance(v, list)}
    metrics = store_metrics(root, entry)
    result["tensorboard_scalars"] = len(scalars)
    result["store_points"] = sum(len(v) for v in metrics.values())
    # TensorBoardLogger writes step outputs as train/<key> and epoch metrics as <key>, both at the
    # global iteration; the run store records both under <key>. "epoch" is TensorBoard's only.
    matched, mismatched, missing = 0, [], []
    for (tag, step), value in sorted(scalars.items()):
        if tag == "epoch":
            continue
        key = tag[len("train/"):] if tag.startswith("train/") else tag
        stored = metrics.get((key, step))
        if stored is None:
            missing.append(f"{tag}@{step}")
        elif any(same_float32(value, s) for s in stored):
            matched += 1
        else:
            mismatched.append(f"{tag}@{step}: tensorboard {value!r}, store {stored!r}")
    store_only = sorted({k for (k, s) in metrics} -
                        {t[len("train/"):] if t.startswith("train/") else t for (t, _) in scalars})
    result.update(matched=matched, mismatched=mismatched[:20], missing_in_store=missing[:20],
                  store_keys_not_in_tensorboard=store_only)
    log(f"tensorboard: {len(scalars)} scalars in {os.path.basename(path)}, {matched} equal to the "
        f"run store's, {len(mismatched)} differ, {len(missing)} not in the store; store-only keys: "
        f"{store_only}")
    if mismatched or missing or matched == 0:
        raise AssertionError(f"{len(mismatched)} differ, {len(missing)} missing, {matched} matched")


# ---- ONNX Runtime -------------------------------------------------------------------------------

def numpy_feed(tensor_json, np):
    dtype = {"int64": np.int64, "bool": np.bool_, "float32": np.float32}[tensor_json["type"]]
    return np.asarray(tensor_json["data"], dtype=dtype).reshape(tensor_json["dims"])


def run_onnx(path, feeds, np, ort):
    session = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
    names = [i.name for i in session.get_inputs()]
    inputs = {n: numpy_feed(feeds[n], np) for n in names}
    outputs = session.run(None, inputs)
    return {o.name: v for o, v in zip(session.get_outputs(), outputs)}, names


def compare_onnx(name, got, expected, result):
    worst = 0.0
    per_output = {}
    for out_name, tensor_json in expected.items():
        if out_name not in got:
            raise AssertionError(f"no output {out_name} (outputs: {sorted(got)})")
        value = got[out_name]
        if list(value.shape) != list(tensor_json["dims"]):
            raise AssertionError(f"{out_name}: shape {list(value.shape)}, anvil's {tensor_json['dims']}")
        diff, _ = max_abs_diff(value.astype("float64").reshape(-1).tolist(), tensor_json["data"])
        per_output[out_name] = diff
        worst = max(worst, diff)
        log(f"{name}: {out_name} {list(value.shape)} max |onnxruntime - anvil| = {diff:.3g}")
    result["max_abs_diff"] = per_output
    result["tolerance"] = ONNX_TOLERANCE
    if not worst <= ONNX_TOLERANCE:
        raise AssertionError(f"max abs difference {worst:.3g} > {ONNX_TOLERANCE}")


def check_onnx(root, manifest, key, result):
    try:
        import numpy as np
        import onnxruntime as ort
    except ImportError as e:
        raise Skip(f"onnxruntime/numpy not importable: {e}")
    entry = manifest[key]
    result["onnxruntime"] = ort.__version__
    expected = load_json(os.path.join(root, entry["reference"]))
    path = os.path.join(root, entry["onnx"])
    if key == "onnx_lm":
        feeds = expected["padded"]
        got, names = run_onnx(path, feeds, np, ort)
        result["inputs"] = names
        compare_onnx(key, got, {"logits": feeds["logits"]}, result)
    else:
        got, names = run_onnx(path, expected["feeds"], np, ort)
        result["inputs"] = names
        result["type"] = expected.get("type")
        compare_onnx(key, got, expected["outputs"], result)


# ---- driver -------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", help="the folder prepare.sh wrote (with manifest.json)")
    parser.add_argument("--out", default="checks.json")
    parser.add_argument("--only", default="", help="comma-separated check names")
    args = parser.parse_args()
    root = os.path.abspath(args.dir)
    results = {"python": sys.version.split()[0], "dir": root,
               "versions": {m: version_of(m) for m in
                            ("torch", "transformers", "peft", "tensorboard", "onnxruntime",
                             "numpy", "safetensors")},
               "checks": {}}
    log(f"python {results['python']}; " +
        ", ".join(f"{k} {v}" for k, v in results["versions"].items()))
    manifest = load_json(os.path.join(root, "manifest.json"))
    checks = [
        ("hf_llama", lambda r: check_hf(root, manifest, "hf_llama", r)),
        ("hf_qwen2", lambda r: check_hf(root, manifest, "hf_qwen2", r)),
        ("peft_lora", lambda r: check_peft(root, manifest, r)),
        ("tensorboard", lambda r: check_tensorboard(root, manifest, r)),
        ("onnx_lm", lambda r: check_onnx(root, manifest, "onnx_lm", r)),
        ("onnx_intent", lambda r: check_onnx(root, manifest, "onnx_intent", r)),
    ]
    only = {c for c in args.only.split(",") if c}
    for name, fn in checks:
        if only and name not in only:
            continue
        result = {"status": "pass"}
        start = time.time()
        log(f"{name}: start")
        try:
            if name not in manifest:
                raise Skip("not in the manifest")
            fn(result)
        except Skip as e:
            result.update(status="skip", reason=str(e))
        except AssertionError as e:
            result.update(status="fail", reason=str(e))
        except Exception as e:  # noqa: BLE001 - one broken check must not stop the others
            result.update(status="error", reason=f"{type(e).__name__}: {e}",
                          traceback=traceback.format_exc()[-4000:])
        result["seconds"] = round(time.time() - start, 2)
        log(f"{name}: {result['status'].upper()}" +
            (f" - {result['reason']}" if "reason" in result else "") + f" ({result['seconds']} s)")
        results["checks"][name] = result
        with open(args.out, "w", encoding="utf-8") as f:  # after every check: a kill keeps the rest
            json.dump(results, f, indent=1, default=str)
    statuses = [r["status"] for r in results["checks"].values()]
    summary = {s: statuses.count(s) for s in ("pass", "fail", "error", "skip")}
    results["summary"] = summary
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(results, f, indent=1, default=str)
    log(f"summary: {summary['pass']} passed, {summary['fail'] + summary['error']} failed, "
        f"{summary['skip']} skipped")
    return 1 if summary["fail"] or summary["error"] else 0


if __name__ == "__main__":
    sys.exit(main())
