#!/usr/bin/env bash
# ONNX Runtime as the reference runtime for the ONNX export tests: onnxruntime-node, whose package
# already holds the linux-x64 CPU runtime. Its install script would download GPU binaries from
# outside; ONNXRUNTIME_NODE_INSTALL=skip turns that off, so the install works offline.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/npm-cache.sh"
export ONNXRUNTIME_NODE_INSTALL=skip
NPM_CACHE_SUBDIR=onnxruntime npm_cache_install onnxruntime-npm \
  onnxruntime-node@1.30.0 `# ONNX Runtime's Node.js binding with its CPU execution provider`
