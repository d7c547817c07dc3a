#!/usr/bin/env bash
# OpenAI's official Node client, the reference client the server tests talk to `anvil serve` with
# (see scripts/lib/npm-cache.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/npm-cache.sh"
npm_cache_install openai-npm \
  openai@4.95.0 `# OpenAI's Node.js client: chat.completions, completions, models, streaming`
