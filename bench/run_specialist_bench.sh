#!/usr/bin/env bash
# Side-by-side specialist generation throughput: anvil (build/bench/specialist_datagen) vs the
# standard-library Python reference (bench/python/specialist_datagen.py) on the same five
# specialists, alternating runs so machine noise hits both alike; then anvil's thread scaling on
# all specialists. Prints examples/s per core, the ratio, and the scaling table.
# usage: bench/run_specialist_bench.sh [N_PER_SPECIALIST=20000] [ROUNDS=3] [MAX_THREADS=nproc]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/bench/cpu_banner.sh"
n="${1:-20000}"; rounds="${2:-3}"; max_threads="${3:-$(nproc)}"
build="${ANVIL_BUILD_DIR:-$root/build}"
bench="${ANVIL_SPECIALIST_BENCH:-$build/bench/specialist_datagen}"
python=/usr/bin/python3  # Debian's CPython, not a pyenv shim
names="invoice_processing,address_parsing,date_normalization,unit_conversion,currency_conversion"
pn=$(( n / 4 > 1000 ? n / 4 : 1000 ))
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
for r in $(seq "$rounds"); do
  "$bench" "$n" 1 "$names" | grep '^single' | grep -v 'ALL' >> "$tmp/anvil"
  "$python" "$root/bench/python/specialist_datagen.py" "$pn" "$names" >> "$tmp/python"
  echo "round $r/$rounds done" >&2
done
echo "examples/s on one core (median of $rounds rounds; anvil $n per specialist, Python $pn)"
awk -v names="$names" '
  FNR == 1 { file++ }
  { v[file, $2] = v[file, $2] " " $3 }
  function median(s,   a, k, i, j, t) {
    k = split(s, a, " ")
    for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
  }
  END {
    printf "| specialist | anvil ex/s | Python ex/s | anvil / Python |\n|---|---|---|---|\n"
    n = split(names, list, ",")
    for (i = 1; i <= n; i++) {
      a = median(v[1, list[i]]); p = median(v[2, list[i]])
      printf "| %s | %.0f | %.0f | %.1fx |\n", list[i], a, p, a / p
      la += log(a / p)
    }
    printf "geometric mean ratio: %.1fx\n", exp(la / n)
  }' "$tmp/anvil" "$tmp/python"
echo
echo "thread scaling, all 33 specialists, JSONL written to tmpfs (same bytes for every thread count)"
"$bench" "$n" "$max_threads" all | grep -E '^(threads|single ALL)'
