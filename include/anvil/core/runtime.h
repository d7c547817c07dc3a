// Process-level runtime tuning for the CLI and for programs that train with anvil: glibc malloc
// keeps activation-sized buffers in the heap instead of mmapping and unmapping them every step
// (measured +10-15% training throughput, docs/performance.md). Call once, early in main().
#pragma once

namespace anvil {

// Sets malloc's mmap threshold (32 MiB) and trim threshold (off) with mallopt, in-process.
// ANVIL_NO_MALLOC_TUNING=1 leaves malloc's defaults alone. Returns whether the settings took.
bool tune_runtime();

}  // namespace anvil
