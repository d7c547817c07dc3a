#!/usr/bin/env bash
# Scores an intent model on requests written by hand (handwritten.tsv: the intent meant, a tab,
# the request as a person might type it), through `anvil predict` and the model's own threshold:
# how many it answers, how many of those with the intent meant, and each request's outcome.
#   bash bench/intent-requests/score.sh [MODEL_DIR] [ANVIL_BINARY]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
model="${1:-runs/latest/model}"
anvil="${2:-$here/../../build/bin/anvil}"
answered=0 right=0 total=0
while IFS=$'\t' read -r want request; do
  [ -n "$request" ] || continue
  total=$((total + 1))
  out="$("$anvil" predict --no-program --model "$model" "$request" 2>&1 || true)"
  if intent="$(grep -m1 '^intent:' <<<"$out")"; then
    answered=$((answered + 1))
    got="$(awk '{print $2}' <<<"$intent")"
    [ "$got" = "$want" ] && right=$((right + 1)) && verdict=right || verdict="WRONG ($got)"
    conf="${intent#*(}"
    printf '%-8s %-16s %s  [%s, %s]\n' answered "$want" "$request" "$verdict" "${conf%)}"
  else
    printf '%-8s %-16s %s  [%s]\n' refused "$want" "$request" "$(grep -m1 '^result:' <<<"$out" | sed 's/^result: *//')"
  fi
done <"$here/handwritten.tsv"
echo "answered $answered of $total; the intent meant on $right of them"
