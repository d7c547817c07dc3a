// Process-level runtime tuning that must happen before LibTorch starts: glibc malloc tunables
// (keep activation-sized buffers in the heap instead of mmapping them every step, measured +10-15%
// in shared/PERF-NOTES.md) are read at process start, so anvil sets them and re-executes itself
// once. ANVIL_NO_REEXEC=1 disables it; a GLIBC_TUNABLES already set by the user is extended.
#pragma once

namespace anvil {

void tune_runtime_or_reexec(char** argv);

}  // namespace anvil
