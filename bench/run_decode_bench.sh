#!/usr/bin/env bash
# Single-stream decoding, anvil vs llama.cpp (node-llama-cpp's prebuilt CPU build) on the same
# F16 GGUF file, side by side, alternating, medians (anvil also on the float32 model folder the
# GGUF was exported from, and with LibTorch's operators): the recipe model's shape (a model trained for
# one epoch on 2,000 specialist records by configs/specialist.yaml, so it has the recipe's
# tokenizer) and a ~90M-parameter shape with random weights (the same tokenizer).
# usage: bench/run_decode_bench.sh [ROUNDS=3] [THREADS="1 2"]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-3}"
threads="${2:-1 2}"
build="${ANVIL_BUILD_DIR:-$root/build}"
anvil="$build/bin/anvil"
npm="${ANVIL_NPM_CACHE:-$HOME/.cache/anvil/npm}/llama-cpp"
[ -f "$npm/node_modules/node-llama-cpp/package.json" ] || {
  echo "node-llama-cpp is not installed: run bash scripts/setup.d/llama-cpp-npm.sh" >&2; exit 1; }
bash "$root/bench/cpu_banner.sh"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
"$anvil" datagen --specialist address_parsing,sentiment_analysis,spam_detection -n 2000 --seed 1 \
  -o d.jsonl > /dev/null
"$anvil" train --config "$root/configs/specialist.yaml" --data d.jsonl --run-dir recipe -q \
  train.epochs=1 lm.eval_per_specialist=0 train.mode=train_only track.enabled=false > /dev/null
"$build/bench/lm_decode" --vocab "$(python3 -c "import json;print(json.load(open('recipe/model/config.json'))['vocab_size'])")" \
  --hidden 768 --layers 12 --heads 12 --kv-heads 12 --ffn 2048 --new 2 --prompt 8 \
  --save big --tokenizer recipe/model/tokenizer.json > /dev/null
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
for model in recipe/model big; do
  "$anvil" export gguf --model "$model" --type f16 -o "$model.gguf" > /dev/null
  prompt=241
  for t in $threads; do
    declare -a F=() G=() L=() T=()
    for r in $(seq "$rounds"); do
      f=$("$build/bench/lm_decode" --model "$model" --prompt $prompt --new 128 --threads "$t" \
            --fast 1 --ids ids.json | sed -n 's/.*decode tokens\/s=\([0-9.]*\).*/\1/p')
      g=$("$build/bench/lm_decode" --model "$model.gguf" --prompt $prompt --new 128 --threads "$t" \
            --fast 1 | sed -n 's/.*decode tokens\/s=\([0-9.]*\).*/\1/p')
      l=$("$build/bench/lm_decode" --model "$model" --prompt $prompt --new 128 --threads "$t" \
            --fast 0 | sed -n 's/.*decode tokens\/s=\([0-9.]*\).*/\1/p')
      c=$(node "$root/bench/node/llama_cpp_decode.mjs" "$npm" "$model.gguf" ids.json 128 "$t" |
            sed -n 's/.*decode tokens\/s=\([0-9.]*\).*/\1/p')
      echo "$model threads=$t round $r: anvil on the F16 GGUF $g, on the float32 folder $f," \
           "libtorch-ops $l, llama.cpp $c tokens/s"
      F+=("$f"); G+=("$g"); L+=("$l"); T+=("$c")
    done
    awk -v m="$model" -v t="$t" -v f="$(median "${F[@]}")" -v g="$(median "${G[@]}")" \
        -v l="$(median "${L[@]}")" -v c="$(median "${T[@]}")" \
        'BEGIN { printf "median %s threads=%s: anvil on the F16 GGUF %.0f (float32 folder %.0f, libtorch ops %.0f), llama.cpp %.0f tokens/s; anvil/llama.cpp on the same GGUF %.2fx\n", m, t, g, f, l, c, g/c }'
  done
  b=$("$build/bench/lm_decode" --model "$model" --prompt 64 --new 64 --batch 8 --threads 2 |
        sed -n 's/.*decode tokens\/s=\([0-9.]*\).*/\1/p')
  echo "$model batched generation (8 prompts of 64 tokens, 64 new each, 2 threads): $b tokens/s"
done
