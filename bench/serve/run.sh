#!/usr/bin/env bash
# Throughput of `anvil serve` under concurrent requests: a model of the specialist recipe's shape
# (d=256, 4 layers, vocab 4096; trained for one short epoch, so its answers are long and run to
# max_tokens) serves REQUESTS streamed chat requests from OpenAI's Node client, first one at a
# time, then CONCURRENCY at once with batching off (--max-batch 1) and on (--max-batch 8).
#   bash bench/serve/run.sh [REQUESTS=32] [CONCURRENCY=8] [MAX_TOKENS=64]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
anvil="${ANVIL:-$root/build/bin/anvil}"
requests="${1:-32}"
concurrency="${2:-8}"
max_tokens="${3:-64}"
npm_dir="${ANVIL_NPM_CACHE:-$HOME/.cache/anvil/npm}"
bash "$root/scripts/setup.d/openai-npm.sh" >/dev/null
work="$(mktemp -d /tmp/anvil-serve-bench-XXXXXX)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
cd "$work"

bash "$root/bench/cpu_banner.sh"
"$anvil" datagen --specialist address_parsing,spam_detection,sentiment_analysis -n 300 --seed 1 \
  -o d.jsonl >/dev/null 2>&1
"$anvil" train --data d.jsonl --run-dir m -q model.type=llama llama.hidden_size=256 \
  llama.intermediate_size=512 llama.layers=4 llama.heads=4 llama.kv_heads=2 llama.max_position=1024 \
  lm.tokenizer_vocab=4096 lm.tokenizer_pattern=cl100k lm.seq_len=384 lm.eval_per_specialist=1 \
  lm.max_new_tokens=8 lm.precision=fp32 train.epochs=1 train.batch_size=8 >/dev/null 2>&1
"$anvil" datagen --specialist address_parsing,spam_detection,sentiment_analysis -n 64 --seed 9 \
  -o p.jsonl >/dev/null 2>&1
python3 -c 'import json,sys; print(json.dumps([json.loads(l)["prompt"] for l in open("p.jsonl")]))' \
  > prompts.json

run() {  # LABEL MAX_BATCH CONCURRENCY
  "$anvil" serve --model m/model --port 0 --max-batch "$2" 2> serve.log &
  local pid=$!
  local port=""
  for _ in $(seq 200); do
    port="$(grep -o 'at http://127.0.0.1:[0-9]*' serve.log | grep -o '[0-9]*$' || true)"
    [ -n "$port" ] && break
    sleep 0.1
  done
  local out
  out="$(node "$root/bench/serve/load.mjs" "$npm_dir" "http://127.0.0.1:$port/v1" model \
    "$requests" "$3" "$max_tokens" prompts.json)"
  local health
  health="$(node -e "fetch('http://127.0.0.1:$port/health').then(r=>r.json()).then(j=>console.log(j.batches+' batches, largest '+j.largest_batch))")"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  python3 - "$1" "$out" "$health" <<'PY'
import json, sys
label, out, health = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3]
print(f"{label:<28} {out['requests_per_s']:7.2f} req/s {out['tokens_per_s']:8.1f} tok/s  "
      f"p50 {out['latency_p50_ms']:7.0f} ms  p95 {out['latency_p95_ms']:7.0f} ms  "
      f"first token p50 {out['first_token_p50_ms']:6.0f} ms  ({health})")
PY
}
echo "$requests requests, $max_tokens new tokens at most, greedy, streamed"
run "1 at a time" 8 1
run "$concurrency at once, no batching" 1 "$concurrency"
run "$concurrency at once, max-batch 8" 8 "$concurrency"
