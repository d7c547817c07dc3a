// Process and device memory as training code needs it: what is in use now, the peak since the
// last reset, and what the machine has. CPU figures come from /proc (VmRSS, VmHWM after a
// clear_refs reset, MemAvailable, MemTotal); CUDA figures from LibTorch's caching allocator in
// builds that link c10_cuda. Used by the pre-training memory check and to compare a memory
// estimate with the measured peak of a run.
#pragma once

#include <torch/types.h>

#include <cstdint>

namespace anvil::train {

// Bytes; -1 where unknown.
struct MemoryReading {
  int64_t current = -1;    // CPU: VmRSS; CUDA: allocated bytes
  int64_t peak = -1;       // CPU: VmHWM; CUDA: peak allocated since the last reset
  int64_t available = -1;  // CPU: MemAvailable; CUDA: free device memory
  int64_t total = -1;      // CPU: MemTotal; CUDA: the device's total memory
};

// Resets the peak counter (CPU: /proc/self/clear_refs "5"; CUDA: the allocator's peak stats).
// On the CPU the blocks anvil's caching allocator holds (train/cpu_cache.h) are released first.
// Returns false when it cannot, in which case the peak stays the process's lifetime peak.
bool reset_memory_peak(const torch::Device& device);
MemoryReading read_memory(const torch::Device& device);

}  // namespace anvil::train
