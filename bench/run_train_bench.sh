#!/usr/bin/env bash
# Side-by-side training throughput: anvil vs Python PyTorch (Debian python3-torch, same LibTorch),
# alternating runs so machine noise hits both alike. Prints each run and the median ratios.
# usage: bench/run_train_bench.sh [ROUNDS=3] [MODEL=pointer_cnn]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/bench/cpu_banner.sh"
rounds="${1:-3}"; model="${2:-pointer_cnn}"
build="${ANVIL_BUILD_DIR:-$root/build}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
"$build/bin/anvil" datagen -n 20000 --seed 11 -o "$tmp/bench.jsonl" >/dev/null 2>&1
nproc="$(nproc)"
tun="glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=17179869184"
declare -a A P T
for r in $(seq "$rounds"); do
  a=$("$build/bench/train_throughput" "$tmp/bench.jsonl" --model "$model" | sed 's/.*steps\/s=//')
  p=$(/usr/bin/python3 "$root/bench/python/train_throughput.py" "$tmp/bench.jsonl" --model "$model" | sed 's/.*steps\/s=//')
  t=$(GLIBC_TUNABLES="$tun" /usr/bin/python3 "$root/bench/python/train_throughput.py" "$tmp/bench.jsonl" --model "$model" --threads "$nproc" | sed 's/.*steps\/s=//')
  echo "round $r: anvil $a  python-default $p  python-tuned $t steps/s"
  A+=("$a"); P+=("$p"); T+=("$t")
done
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
ma=$(median "${A[@]}"); mp=$(median "${P[@]}"); mt=$(median "${T[@]}")
awk -v a="$ma" -v p="$mp" -v t="$mt" -v m="$model" 'BEGIN {
  printf "%s median steps/s: anvil %.2f, python default %.2f, python tuned %.2f\n", m, a, p, t;
  printf "ratio anvil/python-default %.2fx, anvil/python-tuned %.2fx\n", a/p, a/t }'
