#!/usr/bin/env bash
# llama.cpp as a runtime for the GGUF export tests: node-llama-cpp with its prebuilt CPU binaries
# (no compiler, no download at run time). A slim install of its own: --omit=optional skips the
# CUDA/Vulkan/other-platform binary packages; the linux-x64 CPU one is named explicitly.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/npm-cache.sh"
NPM_CACHE_SUBDIR=llama-cpp NPM_CACHE_FLAGS=--omit=optional npm_cache_install llama-cpp-npm \
  node-llama-cpp@3.22.1 `# llama.cpp bindings; loads GGUF files and runs them on the CPU` \
  @node-llama-cpp/linux-x64@3.22.1 `# the prebuilt llama.cpp CPU libraries for x86-64 Linux`
