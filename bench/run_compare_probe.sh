#!/usr/bin/env bash
# Does the equality test of compare_drill form, and what decides it? The skills recipe's model
# (configs/skills.yaml) trained on MIX (default: compare_drill alone, 4,500 records, ~2M tokens,
# 20-25 minutes on 2 AVX2 cores in fp32; MIX="compare_drill,copy_repeat*6" adds the copying the
# drill needs, ~45 minutes), once per setting given, then 40 fresh drill records (seed 901) are
# answered and read pair by pair by bench/python/compare_steps.py: copied as printed, `same:`
# decided right, by value kind, by equal / near miss / other value and by shape.
# usage: [MIX=...] bench/run_compare_probe.sh [SETTING ...]
#   (default settings: "lm.tokenizer_pattern=cl100k" "lm.tokenizer_pattern=qwen2")
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
anvil="${ANVIL_BUILD_DIR:-$root/build}/bin/anvil"
mix="${MIX:-compare_drill}"
bash "$root/bench/cpu_banner.sh"
[ $# -gt 0 ] || set -- "lm.tokenizer_pattern=cl100k" "lm.tokenizer_pattern=qwen2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$anvil" datagen --specialist compare_drill -n 40 --seed 901 -o "$work/fresh.jsonl" > /dev/null 2>&1
for setting in "$@"; do
  rm -rf "$work/runs"
  # shellcheck disable=SC2086
  "$anvil" pipeline --config "$root/configs/skills.yaml" "lm.specialists=$mix" datagen.seed=42 \
    run.seed=42 run.dir="$work/runs" track.enabled=false $setting > "$work/train.log" 2>&1 ||
    { tail -40 "$work/train.log"; exit 1; }
  model="$(sed -n 's/^model: //p' "$work/train.log")"
  "$anvil" eval --config "$root/configs/skills.yaml" --model "$model" \
    --data "$work/fresh.jsonl" --answers "$work/answers.jsonl" > "$work/eval.log" 2>&1 ||
    { tail -20 "$work/eval.log"; exit 1; }
  echo "== $mix, $setting: $(grep -m1 'tokens/s' "$work/train.log")"
  grep -A40 '^held-out' "$work/train.log" | grep -m1 '^compare_drill' || true
  python3 "$root/bench/python/compare_steps.py" "$work/fresh.jsonl" "$work/answers.jsonl"
done
