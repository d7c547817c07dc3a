#!/usr/bin/env bash
# Builds the fuzz targets (if needed) and runs each for SECONDS on one job, then prints per target
# the executions, executions per second, corpus size and findings (crashes, leaks, UB, timeouts,
# out-of-memory). Exit status 1 if anything was found.
#   bash bench/fuzz/run.sh SECONDS [TARGET...]     e.g. run.sh 60, run.sh 10 gguf safetensors
# Seeds: bench/fuzz/corpus/<target>/ (committed; regression inputs of fixed findings live there
# too and are replayed first). New inputs go to $ANVIL_FUZZ_BUILD/corpus/<target>/, findings to
# $ANVIL_FUZZ_BUILD/findings/<target>/. Heavy on a shared machine: run under the build lock
# (flock /tmp/anvil-build.lock bash bench/fuzz/run.sh 60); this script takes no lock itself.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${ANVIL_FUZZ_BUILD:-$root/build/fuzz}"
seconds="${1:?usage: run.sh SECONDS [TARGET...]}"
shift
cxx="${ANVIL_FUZZ_CXX:-$(command -v clang++-14 || command -v clang++ || true)}"
[ -n "$cxx" ] || { echo "run.sh: clang++ not found (bash scripts/setup --tests installs it)" >&2; exit 2; }

if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$here" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" >/dev/null
fi
cmake --build "$build" -j "${ANVIL_BUILD_JOBS:-$(nproc)}" >/dev/null

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in "$here"/targets/fuzz_*.cpp; do
    name="$(basename "$f" .cpp)"
    targets+=("${name#fuzz_}")
  done
fi

printf '%-18s %12s %9s %7s %9s\n' target executions exec/s corpus findings
total=0
found=0
for t in "${targets[@]}"; do
  bin="$build/fuzz_$t"
  [ -x "$bin" ] || { echo "run.sh: no target '$t' ($bin)" >&2; exit 2; }
  seeds="$here/corpus/$t"
  work="$build/corpus/$t"
  findings="$build/findings/$t"
  mkdir -p "$work" "$findings" "$seeds"
  args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536
        -print_final_stats=1 -artifact_prefix="$findings/")
  [ -f "$here/dict/$t.dict" ] && args+=(-dict="$here/dict/$t.dict")
  log="$build/$t.log"
  before=$(find "$findings" -type f | wc -l)
  # Leak checks run at exit; a finding makes libFuzzer exit non-zero: counted below, not fatal.
  ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}" LSAN_OPTIONS="suppressions=$here/lsan.supp" \
    UBSAN_OPTIONS="print_stacktrace=1" \
    "$bin" "${args[@]}" "$work" "$seeds" >"$log" 2>&1 || true
  after=$(find "$findings" -type f | wc -l)
  execs=$(awk '/stat::number_of_executed_units/ {print $NF}' "$log" | tail -1)
  rate=$(awk '/stat::average_exec_per_sec/ {print $NF}' "$log" | tail -1)
  corpus=$(find "$work" -type f | wc -l)
  new=$((after - before))
  printf '%-18s %12s %9s %7s %9s\n' "$t" "${execs:-?}" "${rate:-?}" "$corpus" "$new"
  if [ "$new" -gt 0 ]; then
    found=$((found + new))
    grep -m3 -E "ERROR: |runtime error|SUMMARY" "$log" | sed 's/^/    /' || true
    echo "    inputs: $findings  log: $log"
  fi
  total=$((total + ${execs:-0}))
done
echo "total executions: $total, findings: $found"
[ "$found" -eq 0 ]
