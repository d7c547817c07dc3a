#!/usr/bin/env bash
# Makes the files bench/gpu/check_files.py checks on another machine, with anvil's own outputs on
# them, on this (CPU) machine:
#   bash bench/gpu/prepare.sh [DEST]      (default DEST: .dev/gpu of the repository, ignored by git)
# Needs build/bin/anvil and build/bench/dump_reference_outputs (bash scripts/build --tests, or
# cmake --build build --target anvil_cli dump_reference_outputs). About a minute on 2 cores.
#
# DEST/manifest.json names, per check:
#   hf_llama   an `anvil export hf` folder of a briefly trained Llama model (untied LM head) and
#              anvil's logits on fixed ids (from the model folder the export was made from)
#   hf_qwen2   the same for a Qwen2-architecture model (q/k/v biases, tied), random weights
#   peft_lora  a LoRA adapter `anvil train lora.enabled=true` wrote on that Llama (all-linear, a
#              few steps at a high rate so B is far from zero) and anvil's base+adapter logits
#   tensorboard the TensorBoard event file of the Llama run and its SQLite run store
#   onnx_lm, onnx_intent  `anvil export onnx` of the Llama model and of an intent classifier, with
#              anvil's outputs on a left-padded batch / on real requests
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dest="$(realpath -m "${1:-$root/.dev/gpu}")"
build="${ANVIL_BUILD_DIR:-$root/build}"
anvil="$build/bin/anvil"
dump="$build/bench/dump_reference_outputs"
python="${PYTHON:-/usr/bin/python3}"
for f in "$anvil" "$dump"; do
  [ -x "$f" ] || { echo "prepare.sh: $f is missing: build it first" >&2; exit 1; }
done
work="$(mktemp -d /tmp/anvil-gpu-prepare.XXXXXX)"
trap 'rm -rf "$work"' EXIT
rm -rf "$dest"
mkdir -p "$dest/ref" "$dest/tb" "$dest/data"
cd "$work"
say() { echo "== $*"; }

say "data"
"$anvil" datagen --specialist spam_detection,sentiment_analysis,address_parsing -n 150 --seed 2 -o lm.jsonl
"$anvil" datagen -n 600 --seed 3 -o intents.jsonl
"$anvil" datagen -n 12 --seed 77 -o requests.jsonl

say "Llama model (untied LM head), tracked: run store + TensorBoard"
lm_shape=(llama.hidden_size=64 llama.intermediate_size=128 llama.layers=2 llama.heads=4
          llama.kv_heads=2 llama.max_position=256)
"$anvil" train --data lm.jsonl --run-dir llama -q model.type=llama "${lm_shape[@]}" \
  llama.tie_embeddings=false lm.tokenizer_vocab=400 lm.seq_len=128 lm.eval_per_specialist=1 \
  lm.max_new_tokens=8 train.epochs=3 train.batch_size=8 train.warmup_steps=2 train.lr=3e-3 \
  run.threads=2 track.db="$work/track.sqlite" track.log_every=1

say "LoRA adapter on it (all-linear, r=4)"
"$anvil" train --data lm.jsonl --run-dir lora -q model.type=llama lm.base_model="$work/llama/model" \
  lora.enabled=true lora.r=4 lora.alpha=8 lora.dropout=0 "lora.target_modules=[all-linear]" \
  lm.seq_len=128 lm.eval_per_specialist=1 lm.max_new_tokens=8 train.epochs=1 train.batch_size=8 \
  train.warmup_steps=1 train.lr=1e-2 run.threads=2 track.enabled=false

say "Qwen2-architecture model (random weights, biases)"
"$dump" qwen2 --like "$work/llama/model" -o "$work/qwen2"

say "intent classifier"
"$anvil" train --data intents.jsonl --run-dir intent -q model.embed_dim=16 "model.channels=[16,16,24]" \
  train.epochs=1 train.batch_size=32 run.threads=2 track.enabled=false

say "exports"
"$anvil" export hf --model "$work/llama/model" -o "$dest/llama_hf"
"$anvil" export hf --model "$work/qwen2" -o "$dest/qwen2_hf"
"$anvil" export onnx --model "$work/llama/model" -o "$dest/lm.onnx"
"$anvil" export onnx --model "$work/intent/model" -o "$dest/intent.onnx"
mkdir -p "$dest/lora_adapter"
cp "$work"/lora/model/* "$dest/lora_adapter/"

say "anvil's outputs"
"$dump" lm --model "$work/llama/model" -o "$dest/ref/llama.json"
"$dump" lm --model "$work/qwen2" -o "$dest/ref/qwen2.json"
"$dump" lm --model "$work/lora/model" -o "$dest/ref/lora.json"
"$dump" classifier --model "$work/intent/model" --requests requests.jsonl -o "$dest/ref/intent.json"

say "TensorBoard event file and run store"
cp "$work"/llama/events.out.tfevents.* "$dest/tb/"
"$python" - "$work/track.sqlite" "$dest/tb/track.sqlite" "$dest/tb/metrics.json" <<'EOF'
import json, sqlite3, sys
# A self-contained copy: the WAL folded in, rollback journal mode (no -wal/-shm files to carry).
src = sqlite3.connect(sys.argv[1])
dst = sqlite3.connect(sys.argv[2])
src.backup(dst)
src.close()
dst.execute("PRAGMA journal_mode=DELETE")
dst.close()
con = sqlite3.connect(f"file:{sys.argv[2]}?immutable=1", uri=True)
rows = con.execute("select key, step, epoch, value from metrics where run_id = "
                   "(select max(id) from runs) order by key, step").fetchall()
json.dump([{"key": k, "step": s, "epoch": e, "value": v} for k, s, e, v in rows],
          open(sys.argv[3], "w"))
print(f"{len(rows)} metric points: {sorted({r[0] for r in rows})}")
EOF
cp lm.jsonl "$dest/data/lm.jsonl"

event="$(cd "$dest" && ls tb/events.out.tfevents.* | head -1)"
cat >"$dest/manifest.json" <<EOF
{
  "made_by": "bench/gpu/prepare.sh",
  "anvil": "$("$anvil" --version)",
  "hf_llama": {"hf_dir": "llama_hf", "logits": "ref/llama.json"},
  "hf_qwen2": {"hf_dir": "qwen2_hf", "logits": "ref/qwen2.json"},
  "peft_lora": {"base_hf_dir": "llama_hf", "adapter_dir": "lora_adapter",
                "logits": "ref/lora.json", "base_logits": "ref/llama.json"},
  "tensorboard": {"event_file": "$event", "sqlite": "tb/track.sqlite",
                  "metrics_json": "tb/metrics.json"},
  "onnx_lm": {"onnx": "lm.onnx", "reference": "ref/llama.json"},
  "onnx_intent": {"onnx": "intent.onnx", "reference": "ref/intent.json"}
}
EOF
say "done: $dest ($(du -sh "$dest" | cut -f1))"
du -sh "$dest"/* | sort -h
