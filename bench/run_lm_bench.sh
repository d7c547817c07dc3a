#!/usr/bin/env bash
# Side-by-side LM training throughput: anvil vs Python PyTorch (same LibTorch build), alternating.
# usage: bench/run_lm_bench.sh [ROUNDS=3] [extra model args, e.g. --hidden 512 --ffn 1376 --heads 8, --bf16 1]
#        ANVIL_BENCH_ARGS="--loss-chunk 256 --cpu-cache 0": options for anvil's side only
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-3}"; shift || true
build="${ANVIL_BUILD_DIR:-$root/build}"
tun="glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=17179869184"
bash "$root/bench/cpu_banner.sh"
echo "args: $* (anvil also: ${ANVIL_BENCH_ARGS:-none})"
# The machine's float32 matmul peak on all cores (a 2048^3 product, best of 10), the yardstick of
# anvil's GFLOP/s figure (6 x parameters x tokens + causal attention).
/usr/bin/python3 - "$(nproc)" <<'PY'
import sys, time, torch
torch.set_num_threads(int(sys.argv[1]))
a, b = torch.randn(2048, 2048), torch.randn(2048, 2048)
best = 0.0
for _ in range(10):
    t = time.perf_counter(); torch.mm(a, b); best = max(best, 2 * 2048**3 / (time.perf_counter() - t) / 1e9)
print(f"sgemm peak ({sys.argv[1]} threads, 2048^3): {best:.0f} GFLOP/s")
PY
declare -a A P T
for r in $(seq "$rounds"); do
  # shellcheck disable=SC2086
  line=$("$build/bench/lm_throughput" "$@" ${ANVIL_BENCH_ARGS:-} --gen 1 | grep 'train tokens/s')
  a=$(echo "$line" | sed -n 's/.*train tokens\/s=\([0-9.]*\).*/\1/p')
  g=$(echo "$line" | sed -n 's/.*GFLOP\/s=\([0-9.]*\).*/\1/p')
  p=$(/usr/bin/python3 "$root/bench/python/lm_throughput.py" "$@" | sed -n 's/.*train tokens\/s=\([0-9.]*\).*/\1/p')
  t=$(GLIBC_TUNABLES="$tun" /usr/bin/python3 "$root/bench/python/lm_throughput.py" "$@" --threads "$(nproc)" | sed -n 's/.*train tokens\/s=\([0-9.]*\).*/\1/p')
  echo "round $r: anvil $a ($g GFLOP/s)  python-default $p  python-tuned $t tokens/s"
  A+=("$a"); P+=("$p"); T+=("$t")
done
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
awk -v a="$(median "${A[@]}")" -v p="$(median "${P[@]}")" -v t="$(median "${T[@]}")" 'BEGIN {
  printf "median train tokens/s: anvil %.0f, python default %.0f, python tuned %.0f\n", a, p, t;
  printf "ratio anvil/python-default %.2fx, anvil/python-tuned %.2fx\n", a/p, a/t }'
