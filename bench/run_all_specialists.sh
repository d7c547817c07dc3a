#!/usr/bin/env bash
# Every specialist, trained in groups: one small model per group recipe (configs/specialist.yaml,
# configs/skills.yaml and configs/all-specialists/*.yaml cover the 33 between them), each run with
# `anvil pipeline` per seed, then scored with `anvil eval` on 30 records per specialist from a seed
# no run trains on (901) and on the hand-written records (data/handwritten). Prints the
# per-specialist table (mean and spread over seeds) and each group's tokens and wall time.
# Hours on 2 CPU cores (about 2.9 hours per seed in bf16); run it in the background. A group whose
# run directory already has a model is not trained again, and one stopped in training (SIGTERM or
# SIGINT write a checkpoint) continues from there (`anvil pipeline --resume`), so an
# interrupted sweep resumes where it stopped.
# usage: bench/run_all_specialists.sh [SEEDS="42"] [OUT=runs/all-specialists-groups] [GROUPS...]
#   e.g. bench/run_all_specialists.sh "7 42 11"; bench/run_all_specialists.sh 42 runs/x short-answers
#   A group may also be a recipe's path: bench/run_all_specialists.sh 42 runs/y bench/configs/x.yaml
# ANVIL_OVERRIDES="lm.precision=fp32" adds config overrides to every training run (a quick smoke
# run: "lm.n_per_specialist=40 train.epochs=1 lm.eval_per_specialist=2").
# PARALLEL=N trains N runs side by side, each with the cores divided by N (or by the number of
# runs, if fewer) as run.threads; all runs are trained before any is evaluated. On a 2-core AMD
# EPYC (AVX2) two runs of the skills model at one thread each made 0.445 steps/s apiece against
# 0.68 for one run on both cores, 1.31x in all (session 33, docs/performance.md): measure it on
# your CPU before a long sweep.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seeds="${1:-42}"; out="${2:-runs/all-specialists-groups}"; shift $(( $# > 2 ? 2 : $# ))
anvil="${ANVIL:-$root/build/bin/anvil}"
configs=("$root/configs/specialist.yaml" "$root/configs/skills.yaml" "$root"/configs/all-specialists/*.yaml)
if (( $# > 0 )); then
  picked=(); for g in "$@"; do
    if [[ "$g" == *.yaml ]]; then picked+=("$(readlink -f "$g")"); continue; fi  # a recipe's path
    for c in "${configs[@]}"; do [[ "$(basename "$c" .yaml)" == "$g" ]] && picked+=("$c"); done
  done
  configs=("${picked[@]}")
fi
mkdir -p "$out"
bash "$root/bench/cpu_banner.sh" >&2
parallel="${PARALLEL:-1}"
runs=$(( $(wc -w <<< "$seeds") * ${#configs[@]} ))
side_by_side=$(( parallel < runs ? parallel : runs ))  # no core left idle for want of runs
threads=()
if (( side_by_side > 1 )); then threads=("run.threads=$(( $(nproc) / side_by_side > 0 ? $(nproc) / side_by_side : 1 ))"); fi

# The specialists a group recipe scores (its mix less the copying drills).
group_specialists() {
  grep -m1 '^  specialists:' "$1" | sed 's/.*: *//; s/ *#.*//' | tr ',' '\n' | sed 's/\*.*//' \
    | grep -v '^copy_' | paste -sd, -
}

# Trains one group on one seed, or resumes it where it stopped; a finished run is left as it is.
train_group() {
  local seed="$1" config="$2" group dir run
  group="$(basename "$config" .yaml)"; dir="$out/$group-seed$seed"; run="$dir/latest"
  if [[ ! -f "$run/model/config.json" && -f "$run/config.yaml" ]]; then
    echo "== $group seed $seed: resuming $(readlink -f "$run") ($(date +%T))" >&2
    "$anvil" pipeline --resume "$(readlink -f "$run")" "${threads[@]}" \
      >> "$out/$group-seed$seed.log" 2>&1
  elif [[ ! -f "$run/model/config.json" ]]; then
    echo "== $group seed $seed: training ($(date +%T))" >&2
    "$anvil" pipeline --config "$config" "datagen.seed=$seed" "run.seed=$seed" "run.dir=$dir" \
      track.enabled=false "${threads[@]}" ${ANVIL_OVERRIDES:-} > "$out/$group-seed$seed.log" 2>&1
  fi
}

# Answers of one group's model on the fresh and the hand-written records of its specialists.
evaluate_group() {
  local seed="$1" config="$2" group specs max_new run n fresh hw answers data
  group="$(basename "$config" .yaml)"; specs="$(group_specialists "$config")"
  max_new="$(grep -m1 'max_new_tokens:' "$config" | sed 's/.*: *//; s/ *#.*//')"
  run="$out/$group-seed$seed/latest"  # the pipeline points latest at its newest run
  n="$(echo "$specs" | tr ',' '\n' | wc -l)"
  fresh="$out/fresh-$group.jsonl"; hw="$out/handwritten-$group.jsonl"
  [[ -f "$fresh" ]] || "$anvil" datagen --specialist "$specs" -n $(( n * 30 )) --seed 901 -o "$fresh" > /dev/null
  [[ -f "$hw" ]] || for s in ${specs//,/ }; do cat "$root/data/handwritten/$s.jsonl"; done > "$hw"
  for set in fresh hw; do
    answers="$out/$group-seed$seed-$set.answers.jsonl"
    data="$fresh"; [[ "$set" == hw ]] && data="$hw"
    if [[ ! -f "$answers" ]]; then
      "$anvil" eval --model "$run/model" --data "$data" lm.eval_per_specialist=1000 \
        "lm.max_new_tokens=$max_new" --answers "$answers.part" > "$out/$group-seed$seed-$set.log" 2>&1
      mv "$answers.part" "$answers"
    fi
  done
  echo "== $group seed $seed: done ($(date +%T))" >&2
  table_args+=("group=$group,seed=$seed,run=$run,fresh=$out/$group-seed$seed-fresh.answers.jsonl,hw=$out/$group-seed$seed-hw.answers.jsonl")
}

table_args=()
if (( parallel <= 1 )); then  # each group evaluated as soon as it is trained
  for seed in $seeds; do
    for config in "${configs[@]}"; do train_group "$seed" "$config"; evaluate_group "$seed" "$config"; done
  done
else  # PARALLEL runs at a time; after a failed run none starts, and those running finish
  # Ctrl-C or SIGTERM reaches the runs too (background jobs ignore SIGINT): each writes a
  # checkpoint, so the sweep resumes where it stopped.
  trap 'for p in $(jobs -p); do pkill -TERM -P "$p" || true; done; wait; exit 130' INT TERM
  failed=0 running=0
  for seed in $seeds; do
    for config in "${configs[@]}"; do
      if (( running >= parallel )); then wait -n || failed=1; running=$(( running - 1 )); fi
      (( failed == 0 )) || break 2
      { train_group "$seed" "$config" || { echo "== $(basename "$config" .yaml) seed $seed:" \
          "training failed, see $out/$(basename "$config" .yaml)-seed$seed.log" >&2; exit 1; }; } &
      running=$(( running + 1 ))
    done
  done
  while (( running > 0 )); do wait -n || failed=1; running=$(( running - 1 )); done
  trap - INT TERM
  (( failed == 0 )) || exit 1
  for seed in $seeds; do
    for config in "${configs[@]}"; do evaluate_group "$seed" "$config"; done
  done
fi
python3 "$root/bench/python/specialist_table.py" "${table_args[@]}" | tee "$out/table.md"
