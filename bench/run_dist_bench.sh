#!/usr/bin/env bash
# Distributed training on this machine, side by side in one run:
#   1. c10d Gloo all-reduce bandwidth, 1-256 MB, 2 ranks on loopback (build/bench/dist_allreduce);
#   2. language-model training throughput at the specialist recipe's shape (d=256, 4 layers,
#      vocab 4096, 8 rows x 384 tokens per step): 1 rank x 2 threads vs 2 ranks x 1 thread (4 rows
#      each, the same global batch), alternating, medians of ROUNDS, with the fraction of the
#      2-rank run spent in the gradient all-reduce.
# usage: bench/run_dist_bench.sh [ROUNDS=3] [PRECISION=fp32]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${ANVIL_BUILD_DIR:-$root/build}"
rounds="${1:-3}"
precision="${2:-fp32}"
anvil="$build/bin/anvil"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$build/bench/dist_allreduce" --ranks 2 --rounds 5

cd "$work"
"$anvil" datagen --specialist address_parsing,support_ticket_routing,sentiment_analysis,spam_detection,product_categorization \
  -n 300 --seed 5 -o d.jsonl >/dev/null 2>&1
common="-q model.type=llama llama.hidden_size=256 llama.intermediate_size=688 llama.layers=4 \
  llama.heads=4 llama.kv_heads=4 llama.max_position=384 lm.tokenizer_vocab=4096 lm.seq_len=384 \
  lm.eval_per_specialist=0 lm.precision=$precision train.epochs=1 train.mode=train_only \
  track.enabled=false track.tensorboard=false"
tps() { sed -n 's/.*(\([0-9.]*\) tokens\/s).*/\1/p' "$1" | tail -1; }
declare -a ONE TWO WAIT
for r in $(seq "$rounds"); do
  "$anvil" train --data d.jsonl --run-dir one$r $common train.batch_size=8 run.threads=2 >one$r.log 2>&1
  port=$((30000 + RANDOM % 20000))
  for k in 0 1; do
    RANK=$k WORLD_SIZE=2 LOCAL_RANK=$k LOCAL_WORLD_SIZE=2 MASTER_ADDR=127.0.0.1 MASTER_PORT=$port \
      "$anvil" train --data d.jsonl --run-dir two$r $common train.batch_size=4 run.threads=1 \
      >two$r.rank$k.log 2>&1 &
  done
  wait
  a=$(tps one$r.log); b=$(tps two$r.rank0.log)
  w=$(sed -n 's/.*gradient all-reduce: .*(\([0-9.]*\)%).*/\1/p' two$r.rank0.log)
  echo "round $r: 1 rank x 2 threads $a tokens/s, 2 ranks x 1 thread $b tokens/s (all-reduce $w% of the run)"
  ONE+=("$a"); TWO+=("$b"); WAIT+=("$w")
done
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
awk -v a="$(median "${ONE[@]}")" -v b="$(median "${TWO[@]}")" -v w="$(median "${WAIT[@]}")" 'BEGIN {
  printf "median LM tokens/s (%s): 1 rank x 2 threads %.0f, 2 ranks x 1 thread %.0f (%.2fx), all-reduce %.1f%% of the 2-rank run\n", "'"$precision"'", a, b, b/a, w }'

# 3. The intent classifier (the default byte-CNN), 1 epoch of 20,000 records, 256 per step (the
#    default): 1 rank x 2 threads vs 2 ranks x 1 thread (128 each), steps/s. (Before anvil's CPU
#    caching allocator, one process's activations at 256 passed glibc's 32 MiB mmap threshold and
#    page-faulted fresh mappings every step, which would have credited the 2-rank run with an
#    allocator effect; sessions before measured at 128 per step for that reason.)
"$anvil" datagen -n 20000 --seed 5 -o intents.jsonl >/dev/null 2>&1
icommon="-q train.epochs=1 train.mode=train_only track.enabled=false track.tensorboard=false"
sps() { sed -n 's/.*(\([0-9.]*\) steps\/s).*/\1/p' "$1" | tail -1; }
declare -a IONE ITWO IWAIT
for r in $(seq "$rounds"); do
  "$anvil" train --data intents.jsonl --run-dir ione$r $icommon train.batch_size=256 run.threads=2 >ione$r.log 2>&1
  port=$((30000 + RANDOM % 20000))
  "$anvil" launch --nproc-per-node 2 --master-port $port -- "$anvil" train --data intents.jsonl \
    --run-dir itwo$r $icommon train.batch_size=128 run.threads=1 >itwo$r.log 2>&1
  a=$(sps ione$r.log); b=$(sps itwo$r.log)
  w=$(sed -n 's/.*gradient all-reduce: .*(\([0-9.]*\)%).*/\1/p' itwo$r.log)
  echo "classifier round $r: 1 rank x 2 threads $a steps/s, 2 ranks x 1 thread $b steps/s (all-reduce $w%)"
  IONE+=("$a"); ITWO+=("$b"); IWAIT+=("$w")
done
awk -v a="$(median "${IONE[@]}")" -v b="$(median "${ITWO[@]}")" -v w="$(median "${IWAIT[@]}")" 'BEGIN {
  printf "median classifier steps/s: 1 rank x 2 threads %.2f, 2 ranks x 1 thread %.2f (%.2fx), all-reduce %.1f%% of the 2-rank run\n", a, b, b/a, w }'
