#!/usr/bin/env bash
# Does in-context copying form? The recipe's model (configs/specialist.yaml) trained only on the
# repeat task of bench/python/repeat_probe.py (30,000 records, 4 epochs, ~4.6M tokens, ~5 minutes
# each on 2 cores), once per setting given, then scored on 40 prompts of a fresh seed.
# usage: bench/run_repeat_probe.sh ["train.decay_embeddings=true" "train.decay_embeddings=false" ...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
anvil="${ANVIL_BUILD_DIR:-$root/build}/bin/anvil"
probe="$root/bench/python/repeat_probe.py"
bash "$root/bench/cpu_banner.sh"
[ $# -gt 0 ] || set -- "train.decay_embeddings=true" "train.decay_embeddings=false"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$probe" data 30000 5 "$work/train.jsonl"
python3 "$probe" prompts 99 "$work/prompts.json"
mapfile -t prompts < <(python3 -c 'import json,sys; [print(json.dumps(p)) for p in json.load(open(sys.argv[1]))["prompts"]]' "$work/prompts.json")
for setting in "$@"; do
  run="$work/run"
  rm -rf "$run"
  # shellcheck disable=SC2086
  "$anvil" train --config "$root/configs/specialist.yaml" --data "$work/train.jsonl" --run-dir "$run" \
    -q train.epochs=4 lm.prompt_loss_weight=0 lm.eval_per_specialist=0 track.enabled=false $setting \
    > "$work/train.log" 2>&1
  loss=$(sed -n 's/.*final val loss \([0-9.]*\).*/\1/p' "$work/train.log")
  args=()
  for p in "${prompts[@]}"; do args+=("$(python3 -c 'import json,sys; print(json.loads(sys.argv[1]), end="")' "$p")"); done
  "$anvil" generate --model "$run/model" --max-tokens 40 --no-stream --stop $'\n[' "${args[@]}" \
    2>/dev/null | grep '^\[' > "$work/gen.txt" || true
  echo "$setting: final val loss $loss; $(python3 "$probe" score "$work/prompts.json" "$work/gen.txt")"
done
