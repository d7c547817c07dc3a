#!/usr/bin/env bash
# Quantization error table for GGUF exports of a trained language model: per type, the file size,
# the weights' relative RMS error, and held-out field accuracy / perplexity when anvil runs the
# exported file itself (dequantized), next to the original model.
# usage: bench/run_gguf_quant_table.sh MODEL_DIR HELD_OUT.jsonl [PER_SPECIALIST=40]
#   e.g. after `anvil pipeline --config configs/specialist.yaml`:
#   bench/run_gguf_quant_table.sh runs/latest/model runs/latest/data/heldout.jsonl
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/bench/cpu_banner.sh"
anvil="${ANVIL_BUILD_DIR:-$root/build}/bin/anvil"
model="$1"; data="$2"; per="${3:-40}"
out="$(mktemp -d /tmp/anvil-quant-XXXXXX)"
trap 'rm -rf "$out"' EXIT
evaluate() {  # prints "field_acc perplexity" of the overall row
  "$anvil" eval --model "$1" --data "$data" lm.eval_per_specialist="$per" 2>/dev/null |
    awk '$1 == "overall" { gsub("%", "", $3); print $3, $5 }'
}
printf '| type | file size | weights rel. RMS error | field accuracy | perplexity |\n'
printf '|---|---:|---:|---:|---:|\n'
read -r acc ppl < <(evaluate "$model")
size=$(du -cb "$model"/*.safetensors | tail -1 | cut -f1)
printf '| original (safetensors f32) | %s | 0 | %s%% | %s |\n' "$(numfmt --to=iec "$size")" "$acc" "$ppl"
for t in f32 f16 bf16 q8_0 q4_k_m q4_0; do
  err=$("$anvil" export gguf --model "$model" --type "$t" -o "$out/m-$t.gguf" |
        sed -n "s/.*relative RMS error \([0-9.]*\).*/\1/p")
  read -r acc ppl < <(evaluate "$out/m-$t.gguf")
  printf '| %s | %s | %s | %s%% | %s |\n' "$t" "$(numfmt --to=iec "$(stat -c %s "$out/m-$t.gguf")")" \
    "$err" "$acc" "$ppl"
done
