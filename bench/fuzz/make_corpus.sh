#!/usr/bin/env bash
# Regenerates the seed corpora in bench/fuzz/corpus/ from files the built CLI writes (datasets, a
# tiny language model, its tokenizer, a LoRA adapter, GGUF exports) and from the repository's
# configs and program library. Seeds named regress-* (inputs of fixed findings) are kept.
#   bash bench/fuzz/make_corpus.sh        (needs build/bin/anvil; trains for about a minute)
set -euo pipefail
export PS4="+ "
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
anvil="${ANVIL:-$root/build/bin/anvil}"
corpus="$here/corpus"
work="$(mktemp -d /tmp/anvil-corpus-XXXXXX)"
trap 'rm -rf "$work"' EXIT
for t in intent_record specialist_record safetensors gguf tokenizer_json gpt2_files config \
         hf_config peft_config nl_program assembler dashboard_http; do
  mkdir -p "$corpus/$t"
  find "$corpus/$t" -type f ! -name 'regress-*' -delete
done
# split_lines FILE DIR PREFIX: one seed per line.
split_lines() { local i=0; while IFS= read -r line; do i=$((i + 1));
  printf '%s' "$line" >"$2/$3-$i"; done <"$1"; }

cd "$work"
(cd "$root" && "$anvil" datagen -n 24 --seed 5 --include-examples -o "$work/intents.jsonl") >/dev/null 2>&1
split_lines intents.jsonl "$corpus/intent_record" line
head -5 intents.jsonl >"$corpus/intent_record/file-5-lines"
"$anvil" datagen --specialist all -n 33 --seed 2 -o spec.jsonl >/dev/null 2>&1
"$anvil" datagen --specialist all -n 33 --seed 3 --format messages -o chat.jsonl >/dev/null 2>&1
split_lines spec.jsonl "$corpus/specialist_record" text
split_lines chat.jsonl "$corpus/specialist_record" chat

# A tiny language model, a LoRA adapter on it, and its exports.
"$anvil" datagen --specialist spam_detection -n 40 --seed 3 -o lm.jsonl >/dev/null 2>&1
tiny="-q model.type=llama llama.hidden_size=16 llama.intermediate_size=32 llama.layers=1 \
llama.heads=2 llama.kv_heads=1 llama.max_position=256 lm.tokenizer_vocab=300 lm.seq_len=256 \
lm.eval_per_specialist=0 train.batch_size=4 train.epochs=1 run.threads=1 track.enabled=false \
track.tensorboard=false"
# shellcheck disable=SC2086
"$anvil" train --data lm.jsonl --run-dir base $tiny >/dev/null 2>&1
# shellcheck disable=SC2086
"$anvil" train --data lm.jsonl --run-dir lora $tiny lora.enabled=true lm.base_model=base/model \
  lora.r=2 >/dev/null 2>&1
cp base/model/model.safetensors "$corpus/safetensors/model"
cp lora/model/adapter_model.safetensors "$corpus/safetensors/adapter"
cp base/model/config.json "$corpus/hf_config/config.json"
cp lora/model/adapter_config.json "$corpus/peft_config/adapter_config.json"
cp base/model/tokenizer.json "$corpus/tokenizer_json/tokenizer.json"
# The same with Qwen2's NFC normalizer.
sed 's/  "normalizer": null,/  "normalizer": {"type": "NFC"},/' base/model/tokenizer.json \
  > "$corpus/tokenizer_json/nfc-normalizer.json"
for type in f32 f16 bf16 q8_0 q4_0 q4_k_m; do
  "$anvil" export gguf --model base/model --type "$type" -o "m-$type.gguf" >/dev/null 2>&1
  cp "m-$type.gguf" "$corpus/gguf/$type"
done
# GPT-2's two files, made from the tokenizer.json: encoder.json, the separator, vocab.bpe.
python3 - "$corpus/tokenizer_json/tokenizer.json" "$corpus/gpt2_files/gpt2" <<'PY'
import json, sys
tok = json.load(open(sys.argv[1], encoding="utf-8"))
merges = [m if isinstance(m, str) else " ".join(m) for m in tok["model"]["merges"]]
vocab = dict(tok["model"]["vocab"])
vocab["<|endoftext|>"] = len(vocab)
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write(json.dumps(vocab) + "\n=====\n#version: 0.2\n" + "\n".join(merges) + "\n")
PY
# A safetensors test vector from docs/formats.md §1.
python3 - "$corpus/safetensors/vector" <<'PY'
import sys
h = b'{"test":{"dtype":"I32","shape":[2,2],"data_offsets":[0,16]}}'
open(sys.argv[1], "wb").write(len(h).to_bytes(8, "little") + h + bytes(range(16)))
PY

for f in "$root"/configs/*.yaml; do cp "$f" "$corpus/config/$(basename "$f")"; done
printf 'train:\n  lr: 1e-3\n\n---overrides---\ntrain.lr=5e-4\n+run.tags=[a]\n~eval.predict\nrun.name=${model.type}-${env:USER,me}\n' \
  >"$corpus/config/overrides"
find "$root/lib" "$root/examples" -name '*.nl' | sort | while read -r f; do
  name="$(basename "$f" .nl)"
  cp "$f" "$corpus/nl_program/$name"
  # The assembler sees programs with their placeholders filled in.
  sed 's/{[a-z_]*}/7/g' "$f" >"$corpus/assembler/$name"
done
printf 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n' >"$corpus/dashboard_http/root"
printf 'GET /runs/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n' >"$corpus/dashboard_http/run"
printf 'GET /compare?id=1&id=2 HTTP/1.1\r\nHost: x\r\n\r\n' >"$corpus/dashboard_http/compare"
printf 'GET /plot.svg?metric=loss&ids=1,2 HTTP/1.1\r\n\r\n' >"$corpus/dashboard_http/plot"
printf 'GET /runs/1/plot.svg?metric=%%3Cxss%%3Emetric HTTP/1.1\r\n\r\n' >"$corpus/dashboard_http/run-plot"
printf 'GET /api/runs HTTP/1.1\r\n\r\nGET /api/runs/2 HTTP/1.1\r\nConnection: close\r\n\r\n' \
  >"$corpus/dashboard_http/pipelined"
printf 'GET /static/anvil.js HTTP/1.1\r\nRange: bytes=0-10\r\n\r\n' >"$corpus/dashboard_http/static"
printf 'POST /runs/1 HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello' >"$corpus/dashboard_http/post"
printf 'GET /%%3Cxss%%3E HTTP/1.1\r\n\r\n' >"$corpus/dashboard_http/missing"
for t in "$corpus"/*; do echo "$(basename "$t"): $(find "$t" -type f | wc -l) seeds, $(du -sk "$t" | cut -f1) KiB"; done
