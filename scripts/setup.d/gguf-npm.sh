#!/usr/bin/env bash
# Independent GGUF readers the io tests compare anvil's files against (see scripts/lib/npm-cache.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/npm-cache.sh"
npm_cache_install gguf-npm \
  @huggingface/gguf@0.4.6 `# Hugging Face's GGUF metadata/tensor-info parser (lenient on truncation)` \
  hyllama@0.2.2 `# a small independent GGUF parser that rejects truncated files`
