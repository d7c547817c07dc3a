#!/usr/bin/env bash
# kill -9 campaign: trains on one thread, kills the run with SIGKILL at random moments (KILLS per
# trial), resumes with `anvil train --resume` until it finishes, and compares the final model and
# checkpoint tensor by tensor with an uninterrupted run. For the intent classifier (checkpoints at
# epoch ends) and a small language model (lm.checkpoint_every=2).
#   bash bench/crash/kill9.sh [TRIALS=4] [KILLS=3] [SEED=1]
# Prints one table row per model kind. Exit status 1 if any resume failed or any finish differed.
# A kill before the first checkpoint leaves nothing to resume: the run is started again from
# scratch and counted under "restarts". Heavy: run under the build lock on a shared machine.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
anvil="${ANVIL:-$root/build/bin/anvil}"
trials="${1:-4}"
kills_per_trial="${2:-3}"
RANDOM="${3:-1}"
[ -x "$anvil" ] || { echo "kill9.sh: no $anvil (bash scripts/build)" >&2; exit 2; }
work="$(mktemp -d /tmp/anvil-kill9-XXXXXX)"
trap 'rm -rf "$work"' EXIT
cd "$work"
"$anvil" datagen -n 2000 --seed 1 -o cls.jsonl >/dev/null 2>&1 || exit 2
"$anvil" datagen --specialist spam_detection -n 80 --seed 3 -o lm.jsonl >/dev/null 2>&1 || exit 2

common="-q run.threads=1 track.enabled=false track.tensorboard=false"
cls_args="--data cls.jsonl $common train.epochs=6 train.batch_size=64"
lm_args="--data lm.jsonl $common model.type=llama llama.hidden_size=32 llama.intermediate_size=64 \
llama.layers=1 llama.heads=2 llama.kv_heads=1 llama.max_position=256 lm.tokenizer_vocab=400 \
lm.seq_len=256 lm.eval_per_specialist=0 train.batch_size=2 train.warmup_steps=2 train.epochs=2 \
lm.checkpoint_every=2"

# random_ms MAX: a uniform delay in 1..MAX milliseconds.
random_ms() { echo $(( (RANDOM * 32768 + RANDOM) % $1 + 1 )); }

same() {  # same A_DIR B_DIR: final model and last checkpoint bit-identical
  local a="$1" b="$2" f ok=0
  for f in model/model.safetensors checkpoints/last.safetensors; do
    python3 "$here/compare_safetensors.py" "$a/$f" "$b/$f" >>"$b.compare" 2>&1 || ok=1
  done
  return $ok
}

printf '%-11s %6s %6s %8s %8s %14s %10s %13s\n' model trials kills restarts resumes \
  failed_resumes identical ref_seconds
status=0
for kind in classifier lm; do
  if [ "$kind" = classifier ]; then args="$cls_args"; else args="$lm_args"; fi
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  "$anvil" train --run-dir "ref-$kind" $args >"ref-$kind.log" 2>&1 || {
    echo "kill9.sh: the uninterrupted $kind run failed:" >&2; tail -5 "ref-$kind.log" >&2; exit 2; }
  ref_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  kills=0 restarts=0 resumes=0 failed=0 identical=0
  for trial in $(seq "$trials"); do
    dir="$kind-$trial"
    cmd="train --run-dir $dir $args"
    left=$kills_per_trial
    while true; do
      # shellcheck disable=SC2086
      "$anvil" $cmd >>"$dir.log" 2>&1 &
      pid=$!
      if [ "$left" -gt 0 ]; then
        delay=$(random_ms "$ref_ms")
        sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
        if kill -0 "$pid" 2>/dev/null; then
          kill -9 "$pid"
          wait "$pid" 2>/dev/null
          kills=$((kills + 1))
          left=$((left - 1))
          echo "--- killed after ${delay} ms" >>"$dir.log"
          if [ -f "$dir/checkpoints/last.safetensors" ] && [ -f "$dir/config.yaml" ]; then
            cmd="train --resume $dir -q"
            resumes=$((resumes + 1))
          else
            rm -rf "$dir"
            cmd="train --run-dir $dir $args"
            restarts=$((restarts + 1))
          fi
          continue
        fi
      fi
      wait "$pid"
      rc=$?
      break
    done
    if [ "$rc" -ne 0 ]; then
      failed=$((failed + 1))
      echo "  $dir: exit $rc: $(grep -v '^---' "$dir.log" | tail -2 | tr '\n' ' ')" >&2
    elif same "ref-$kind" "$dir"; then
      identical=$((identical + 1))
    else
      echo "  $dir: differs from the uninterrupted run: $(cat "$dir.compare")" >&2
    fi
  done
  printf '%-11s %6s %6s %8s %8s %14s %10s %13s\n' "$kind" "$trials" "$kills" "$restarts" \
    "$resumes" "$failed" "$identical/$trials" "$((ref_ms / 1000)).$(( (ref_ms % 1000) / 100 ))"
  if [ "$failed" -ne 0 ] || [ "$identical" -ne "$trials" ]; then status=1; fi
done
exit $status
