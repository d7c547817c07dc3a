#!/usr/bin/env bash
# Hugging Face's Jinja engine (the one transformers.js renders chat templates with): the tests
# render anvil's exported chat templates with it (see scripts/lib/npm-cache.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/npm-cache.sh"
npm_cache_install jinja-npm \
  @huggingface/jinja@0.5.13 `# chat_template rendering as transformers.js does it`
