#!/usr/bin/env bash
# Tokenizer benchmarks, side by side: anvil's GPT-2 BPE encode vs the npm references tiktoken
# (OpenAI's Rust tokenizer in WebAssembly) and gpt-3-encoder (pure JS) on the same real-text
# documents, one thread and all threads, then anvil's training throughput for 8k and 32k vocabs.
# usage: bench/run_tokenizer_bench.sh [ENCODE_MB=8] [TRAIN_MB=40] [ROUNDS=3]
# BENCH_BIN_DIR: where tokenizer_throughput and tokenizer_train are (default build/bench).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
bash "$root/bench/cpu_banner.sh"
bin="${BENCH_BIN_DIR:-$root/build/bench}"
npm_dir="${ANVIL_NPM_CACHE:-$HOME/.cache/anvil/npm}"
encode_mb="${1:-8}" train_mb="${2:-40}" rounds="${3:-3}"
threads="$(nproc)"
bash "$root/scripts/setup.d/tokenizer-npm.sh"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$bin/tokenizer_throughput" "$npm_dir" "$encode_mb" "$rounds" "$tmp/docs.json" | tee "$tmp/anvil.txt"
node "$here/node/tokenizer_throughput.mjs" "$npm_dir" "$tmp/docs.json" "$threads" "$rounds" | tee "$tmp/node.txt"

rate() { grep -F "$1" "$2" | sed -E 's/.*: ([0-9.]+) MB\/s/\1/'; }
a1="$(rate 'anvil 1 thread' "$tmp/anvil.txt")"
an="$(rate "anvil $threads threads" "$tmp/anvil.txt")"
echo
echo "| encoder (gpt2 vocab) | 1 thread MB/s | $threads threads MB/s | anvil / it (1 thread) | anvil / it ($threads threads) |"
echo "|---|---|---|---|---|"
echo "| anvil | $a1 | $an | 1.00x | 1.00x |"
for name in "tiktoken (gpt2)" "gpt-3-encoder"; do
  r1="$(rate "$name 1 thread" "$tmp/node.txt")"
  rn="$(rate "$name $threads threads" "$tmp/node.txt")"
  awk -v n="$name" -v r1="$r1" -v rn="$rn" -v a1="$a1" -v an="$an" \
    'BEGIN { printf "| %s | %s | %s | %.2fx | %.2fx |\n", n, r1, rn, a1 / r1, an / rn }'
done
echo
"$bin/tokenizer_train" "$train_mb"
