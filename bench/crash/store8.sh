#!/usr/bin/env bash
# The run store under load: WRITERS real `anvil train` processes (intent classifier, one thread
# each, every step recorded: track.log_every=1, track.flush_every=1) write to one SQLite file at
# once; one of them is killed with SIGKILL mid-run. Then checks, with Python's sqlite3 module (an
# independent reader):
#   - every survivor recorded exactly as many metric rows per key as the same run made alone;
#   - PRAGMA integrity_check is "ok";
#   - after `anvil runs list` (which reaps runs of dead processes) the killed run is "failed".
#   bash bench/crash/store8.sh [WRITERS=8] [SEED=1]
# The victim is killed a random 0-2 s after its first epoch-end checkpoint, while all write.
# Exit status 1 if any check failed. Heavy (8 trainings on a shared machine): run under the
# build lock.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
anvil="${ANVIL:-$root/build/bin/anvil}"
writers="${1:-8}"
RANDOM="${2:-1}"
[ -x "$anvil" ] || { echo "store8.sh: no $anvil (bash scripts/build)" >&2; exit 2; }
bash "$root/bench/cpu_banner.sh"
work="$(mktemp -d /tmp/anvil-store8-XXXXXX)"
trap 'rm -rf "$work"' EXIT
cd "$work"
"$anvil" datagen -n 1500 --seed 1 -o cls.jsonl >/dev/null 2>&1 || exit 2
args="--data cls.jsonl -q run.threads=1 train.epochs=4 train.batch_size=64 train.mode=train_only \
track.tensorboard=false track.log_every=1 track.flush_every=1"

# shellcheck disable=SC2086
"$anvil" train --run-dir solo $args track.db=solo.sqlite >solo.log 2>&1 || {
  echo "store8.sh: the solo run failed: $(tail -3 solo.log)" >&2; exit 2; }

victim=$(( writers / 2 ))
pids=()
for i in $(seq 1 "$writers"); do
  # shellcheck disable=SC2086
  "$anvil" train --run-dir "w$i" $args track.db=shared.sqlite >"w$i.log" 2>&1 &
  pids+=($!)
done
for _ in $(seq 1200); do
  [ -f "w$victim/checkpoints/last.safetensors" ] && break
  sleep 0.1
done
delay_ms=$((RANDOM % 2000))
sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
kill -9 "${pids[$((victim - 1))]}" 2>/dev/null &&
  echo "killed writer w$victim ${delay_ms} ms after its first checkpoint"
failed_writers=0
for i in $(seq 1 "$writers"); do
  wait "${pids[$((i - 1))]}"
  rc=$?
  if [ "$i" -ne "$victim" ] && [ "$rc" -ne 0 ]; then
    echo "  w$i exited $rc: $(tail -2 "w$i.log" | tr '\n' ' ')" >&2
    failed_writers=$((failed_writers + 1))
  fi
done
"$anvil" runs list --db shared.sqlite >runs.txt 2>&1 || { echo "anvil runs failed: $(cat runs.txt)" >&2; exit 1; }

python3 - "$writers" "$victim" "$failed_writers" <<'EOF'
import sqlite3, sys
writers, victim, failed_writers = map(int, sys.argv[1:4])
def counts(db, run_dir):
    c = sqlite3.connect(db)
    rid = c.execute("SELECT id FROM runs WHERE run_dir LIKE ?", ("%" + run_dir,)).fetchone()[0]
    return dict(c.execute("SELECT key, count(*) FROM metrics WHERE run_id = ? GROUP BY key", (rid,)))
solo = counts("solo.sqlite", "solo")
shared = sqlite3.connect("shared.sqlite")
integrity = shared.execute("PRAGMA integrity_check").fetchone()[0]
status = {d.rsplit("/", 1)[-1]: (s, m or "") for d, s, m in
          shared.execute("SELECT run_dir, status, message FROM runs")}
ok = integrity == "ok" and failed_writers == 0
lost = 0
for i in range(1, writers + 1):
    name = f"w{i}"
    if i == victim:
        continue
    got = counts("shared.sqlite", name)
    missing = sum(max(0, n - got.get(k, 0)) for k, n in solo.items())
    extra = sum(max(0, n - solo.get(k, 0)) for k, n in got.items())
    lost += missing
    if missing or extra or status[name][0] != "completed":
        ok = False
        print(f"  {name}: status {status[name][0]}, {missing} rows missing, {extra} extra")
vs, vm = status[f"w{victim}"]
ok = ok and vs == "failed"
print(f"writers {writers}, survivors {writers - 1 - failed_writers}/{writers - 1} completed, "
      f"rows per run {sum(solo.values())}, lost rows {lost}, integrity_check {integrity}, "
      f"killed run: {vs} ({vm})")
sys.exit(0 if ok else 1)
EOF
