#!/usr/bin/env bash
# Installs the independent GGUF readers the io tests compare anvil's GGUF files against, into a
# cache folder outside the source tree (${ANVIL_NPM_CACHE:-$HOME/.cache/anvil/npm}). Idempotent: when
# every package is already there it does nothing (and works offline). Skipped when npm is missing;
# the tests then skip with a message saying so.
set -euo pipefail

dir="${ANVIL_NPM_CACHE:-$HOME/.cache/anvil/npm}"
packages=(
  @huggingface/gguf@0.4.6  # Hugging Face's GGUF metadata/tensor-info parser (lenient on truncation)
  hyllama@0.2.2            # a small independent GGUF parser that rejects truncated files
)

if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "setup.d/gguf-npm: node/npm not found; GGUF external-reader tests will be skipped"
  exit 0
fi

missing=()
for spec in "${packages[@]}"; do
  name="${spec%@*}"
  version="${spec##*@}"
  manifest="$dir/node_modules/$name/package.json"
  if [ ! -f "$manifest" ] || ! grep -q "\"version\": *\"$version\"" "$manifest"; then
    missing+=("$spec")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

mkdir -p "$dir"
[ -f "$dir/package.json" ] || echo '{"name":"anvil-npm-cache","private":true}' > "$dir/package.json"
echo "setup.d/gguf-npm: installing ${missing[*]} into $dir"
npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "${missing[@]}" 2>&1 \
  | grep -v 'Unknown user config' || true
for spec in "${missing[@]}"; do
  name="${spec%@*}"
  [ -f "$dir/node_modules/$name/package.json" ] || { echo "setup.d/gguf-npm: $name failed to install" >&2; exit 1; }
done
