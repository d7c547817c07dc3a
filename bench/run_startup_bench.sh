#!/usr/bin/env bash
# CLI start-up time and the malloc tuning it sets in-process (mallopt, src/core/runtime.cpp),
# against the same thresholds set at exec time with GLIBC_TUNABLES (what anvil did before, by
# re-executing itself) and against no tuning; alternating rounds, medians.
# usage: bench/run_startup_bench.sh [ROUNDS=3] [MODEL=pointer_cnn]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-3}"; model="${2:-pointer_cnn}"
build="${ANVIL_BUILD_DIR:-$root/build}"
bash "$root/bench/cpu_banner.sh"
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

declare -a V
for i in $(seq 7); do
  s=$(date +%s%N); "$build/bin/anvil" --version >/dev/null; e=$(date +%s%N)
  V+=("$(( (e - s) / 1000000 ))")
done
echo "anvil --version: median $(median "${V[@]}") ms over 7 runs"

tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
"$build/bin/anvil" datagen -n 20000 --seed 11 -o "$tmp/bench.jsonl" >/dev/null 2>&1
tun="glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=17179869184"
run() { "$@" "$build/bench/train_throughput" "$tmp/bench.jsonl" --model "$model" | sed 's/.*steps\/s=//'; }
declare -a M G N
for r in $(seq "$rounds"); do
  m=$(run env)
  g=$(run env ANVIL_NO_MALLOC_TUNING=1 GLIBC_TUNABLES="$tun")
  n=$(run env ANVIL_NO_MALLOC_TUNING=1)
  echo "round $r: mallopt $m  GLIBC_TUNABLES $g  untuned $n steps/s"
  M+=("$m"); G+=("$g"); N+=("$n")
done
awk -v m="$(median "${M[@]}")" -v g="$(median "${G[@]}")" -v n="$(median "${N[@]}")" -v t="$model" 'BEGIN {
  printf "%s median steps/s: mallopt %.2f, GLIBC_TUNABLES %.2f, untuned %.2f\n", t, m, g, n;
  printf "ratio mallopt/GLIBC_TUNABLES %.3fx, mallopt/untuned %.3fx\n", m/g, m/n }'
